import type { RawDiagnostic } from '../../engine/raw';
import { replaceScalar } from '../../schema/map-errors';
import type { Node } from '../../syntax/tree';
import { closestMatch } from '../../text/edit-distance';
import type { Rule, RuleContext } from '../rule';
import { itemsOf, scalarRange, valueOf } from '../nodes';

const HELP = 'https://docs.aws.amazon.com/codebuild/latest/userguide/batch-build-buildspec.html#build-spec.batch.build-graph';

interface Task {
  id: string;
  idNode: Node;
  deps: { id: string; node: Node }[];
}

function tasksOf(list: Node | undefined): Task[] {
  const out: Task[] = [];
  for (const item of itemsOf(list)) {
    const idNode = valueOf(item, 'identifier');
    const id = idNode?.kind === 'scalar' && idNode.value !== null ? String(idNode.value) : undefined;
    if (!idNode || id === undefined) continue;
    const deps = itemsOf(valueOf(item, 'depend-on')).flatMap((n) => {
      const dep = n.kind === 'scalar' && n.value !== null ? String(n.value) : undefined;
      return dep === undefined ? [] : [{ id: dep, node: n }];
    });
    out.push({ id, idNode, deps });
  }
  return out;
}

function duplicates(tasks: readonly Task[], list: string, ctx: RuleContext): RawDiagnostic[] {
  const out: RawDiagnostic[] = [];
  const first = new Map<string, Task>();
  for (const task of tasks) {
    const prior = first.get(task.id);
    if (!prior) {
      first.set(task.id, task);
      continue;
    }
    const line = ctx.text.slice(0, prior.idNode.start).split('\n').length;
    out.push({ ...scalarRange(task.idNode, ctx.text), severity: 'error', rule: 'buildspec/batch-duplicate-identifier',
      message: `Identifier '${task.id}' is already used by another task of ${list} (line ${line}); batch task identifiers must be unique.` });
  }
  return out;
}

export const batchDuplicateIdentifierRule: Rule = {
  id: 'buildspec/batch-duplicate-identifier',
  kinds: ['buildspec'],
  description: 'Identifiers of the tasks in batch/build-graph and batch/build-list must be unique.',
  severity: 'error',
  helpUri: HELP,
  check(ctx) {
    const batch = valueOf(ctx.root, 'batch');
    return [
      ...duplicates(tasksOf(valueOf(batch, 'build-graph')), 'build-graph', ctx),
      ...duplicates(tasksOf(valueOf(batch, 'build-list')), 'build-list', ctx),
    ];
  },
};

export const batchUnknownDependencyRule: Rule = {
  id: 'buildspec/batch-unknown-dependency',
  kinds: ['buildspec'],
  description: 'Every depend-on entry of a build-graph task must name the identifier of another task in the graph.',
  severity: 'error',
  helpUri: HELP,
  check(ctx) {
    const tasks = tasksOf(valueOf(valueOf(ctx.root, 'batch'), 'build-graph'));
    const ids = new Set(tasks.map((t) => t.id));
    const out: RawDiagnostic[] = [];
    for (const task of tasks) {
      for (const dep of task.deps) {
        if (ids.has(dep.id)) continue;
        const suggestion = closestMatch(dep.id, [...ids].filter((id) => id !== task.id));
        const fix = suggestion ? replaceScalar(dep.node, suggestion) : undefined;
        out.push({ ...scalarRange(dep.node, ctx.text), severity: 'error', rule: this.id,
          message: `Task '${task.id}' depends on '${dep.id}', but no task in build-graph has that identifier.${suggestion ? ` Did you mean '${suggestion}'?` : ''}`,
          ...(fix ? { fix } : {}) });
      }
    }
    return out;
  },
};

export const batchDependencyCycleRule: Rule = {
  id: 'buildspec/batch-dependency-cycle',
  kinds: ['buildspec'],
  description: 'The depend-on relations of a build graph must not form a cycle (the tasks could never start).',
  severity: 'error',
  helpUri: HELP,
  check(ctx) {
    const tasks = tasksOf(valueOf(valueOf(ctx.root, 'batch'), 'build-graph'));
    const byId = new Map<string, Task>();
    for (const t of tasks) if (!byId.has(t.id)) byId.set(t.id, t);
    const state = new Map<string, 'visiting' | 'done'>();
    const out: RawDiagnostic[] = [];
    const path: string[] = [];
    // Iterative DFS keeps deep graphs off the call stack.
    for (const start of byId.keys()) {
      if (state.has(start)) continue;
      const stack: { id: string; next: number }[] = [{ id: start, next: 0 }];
      state.set(start, 'visiting');
      path.push(start);
      while (stack.length > 0) {
        const frame = stack[stack.length - 1];
        if (!frame) break;
        const task = byId.get(frame.id);
        const dep = task?.deps[frame.next];
        if (!task || !dep) {
          state.set(frame.id, 'done');
          stack.pop();
          path.pop();
          continue;
        }
        frame.next++;
        if (!byId.has(dep.id)) continue;
        const s = state.get(dep.id);
        if (s === 'visiting') {
          const cycle = [...path.slice(path.indexOf(dep.id)), dep.id];
          out.push({ ...scalarRange(dep.node, ctx.text), severity: 'error', rule: this.id,
            message: dep.id === task.id
              ? `Task '${task.id}' depends on itself, so it can never start.`
              : `Dependency cycle in build-graph: ${cycle.join(' → ')}. None of these tasks can start.` });
        } else if (s === undefined) {
          state.set(dep.id, 'visiting');
          path.push(dep.id);
          stack.push({ id: dep.id, next: 0 });
        }
      }
    }
    return out;
  },
};

