// The shape of the Pipelines tree, computed from the store and the view's own state (filter, pages,
// expansion). Nodes are cached by id so the editor sees the same object for the same node each time.
import { NodeCache } from '../../core/node-cache';
import { RootPaging } from '../../core/root-paging';
import type { LoadError } from '../../core/explorer';
import type { MessageNode, MessageSeverity } from '../../core/tree';
import { conditionKindsOf, rulesOf, type ConditionKind } from './conditions';
import { orderPipelines, type PipelineOrder } from './attention';
import { nodeIds, parseTargetKey } from './keys';
import { actionsOf, findStage, stagesOf } from './queries';
import type { PipelineStore, TargetEntry } from './store';
import type { PipelineKey } from './types';

export type { MessageSeverity } from '../../core/tree';

export type TreeNode =
  | { kind: 'target'; id: string; target: string }
  | { kind: 'pipeline'; id: string; key: PipelineKey }
  | { kind: 'stage'; id: string; key: PipelineKey; stage: string }
  | { kind: 'action'; id: string; key: PipelineKey; stage: string; action: string }
  | { kind: 'condition'; id: string; key: PipelineKey; stage: string; condition: ConditionKind }
  | { kind: 'rule'; id: string; key: PipelineKey; stage: string; condition: ConditionKind; index: number; rule: string }
  | { kind: 'executions'; id: string; key: PipelineKey }
  | { kind: 'execution'; id: string; key: PipelineKey; executionId: string }
  | { kind: 'moreExecutions'; id: string; key: PipelineKey }
  | { kind: 'morePipelines'; id: string; target: string; remaining: number }
  | MessageNode;


export const DEFAULT_PAGE_SIZE = 50;


export class TreeModel extends RootPaging {
  private readonly cache = new NodeCache<TreeNode>();
  private order: PipelineOrder = 'attention';
  private readonly expandedPipelines = new Set<string>();
  private readonly expandedExecutions = new Set<string>();

  constructor(private readonly store: PipelineStore, pageSize = DEFAULT_PAGE_SIZE) {
    super(pageSize);
  }

  /** Whether the roots are account/region nodes (several targets) or pipelines directly (one). */
  get multiRoot(): boolean {
    return this.store.targets().length > 1;
  }

  roots(): TreeNode[] {
    const targets = this.store.targets();
    if (targets.length === 1 && targets[0]) return this.pipelinesOf(targets[0]);
    return targets.map((t) => this.node({ kind: 'target', id: nodeIds.target(t.key), target: t.key }));
  }

  children(parent: TreeNode | undefined): TreeNode[] {
    if (!parent) return this.roots();
    switch (parent.kind) {
      case 'target': {
        const t = this.store.target(parent.target);
        return t ? this.pipelinesOf(t) : [];
      }
      case 'pipeline':
        return this.pipelineChildren(parent.key);
      case 'stage':
        return this.stageChildren(parent.key, parent.stage);
      case 'condition': {
        const stage = findStage(this.store.pipeline(parent.key)?.structure, this.store.pipeline(parent.key)?.runtime, parent.stage);
        return rulesOf(parent.condition, stage?.declaration?.conditions, stage?.runtime?.conditions).map((r) => this.node({
          kind: 'rule', id: nodeIds.rule(parent.key, parent.stage, parent.condition, r.condition, r.name),
          key: parent.key, stage: parent.stage, condition: parent.condition, index: r.condition, rule: r.name,
        }));
      }
      case 'executions':
        return this.executionChildren(parent.key);
      default:
        return [];
    }
  }

  /** The node a given id stands for, if the tree has produced it. */
  get(id: string): TreeNode | undefined {
    return this.cache.get(id);
  }

  /** Matching pipeline names of a target, after the filter, in the list's order. */
  matching(target: TargetEntry): string[] {
    const names = this.filterNames(target.names);
    return orderPipelines(names, this.order, (name) => target.pipelines?.get(name));
  }

  /** The order of the pipeline list (conveyor.pipelines.sortBy). Returns true when it changed. */
  setOrder(order: PipelineOrder): boolean {
    if (order === this.order) return false;
    this.order = order;
    return true;
  }

  /** The pipeline rows' order of a target as last shown, to tell whether new data moved a row. */
  orderSignature(target: TargetEntry): string {
    return JSON.stringify(this.matching(target).slice(0, this.shownCount(target.key)));
  }

  setExpanded(node: TreeNode, expanded: boolean): void {
    const set = node.kind === 'pipeline' ? this.expandedPipelines : node.kind === 'executions' ? this.expandedExecutions : undefined;
    if (node.kind === 'target') {
      this.setRootExpanded(node.target, expanded);
      return;
    }
    if (!set || !('key' in node)) return;
    const id = JSON.stringify([node.key.target, node.key.name]);
    if (expanded) set.add(id);
    else set.delete(id);
  }

  isExpanded(key: PipelineKey): boolean {
    return this.expandedPipelines.has(JSON.stringify([key.target, key.name]));
  }

  /** Pipeline rows the person can currently see (a page per expanded root). */
  displayedPipelines(): PipelineKey[] {
    const out: PipelineKey[] = [];
    const targets = this.store.targets();
    for (const t of targets) {
      if (this.isHidden(t.key, targets.length)) continue;
      if (!t.pipelines) continue;
      for (const name of this.matching(t).slice(0, this.shownCount(t.key))) out.push({ target: t.key, name });
    }
    return out;
  }

  expandedPipelineKeys(): PipelineKey[] {
    return this.keysOf(this.expandedPipelines);
  }

  expandedExecutionKeys(): PipelineKey[] {
    return this.keysOf(this.expandedExecutions);
  }

  /** Forgets expansion of pipelines that no longer exist (the list was refreshed). */
  prune(): void {
    for (const set of [this.expandedPipelines, this.expandedExecutions]) {
      for (const id of [...set]) {
        const [target, name] = JSON.parse(id) as [string, string];
        if (!this.store.pipeline({ target, name })) set.delete(id);
      }
    }
  }

  private keysOf(set: Set<string>): PipelineKey[] {
    return [...set].map((id) => {
      const [target, name] = JSON.parse(id) as [string, string];
      return { target, name };
    }).filter((k) => this.store.pipeline(k) !== undefined);
  }

  private pipelinesOf(t: TargetEntry): TreeNode[] {
    const parentId = nodeIds.target(t.key);
    const out: TreeNode[] = [];
    if (t.error) {
      out.push(this.failure(parentId, 'error', 'Couldn’t list pipelines', t.error, t.pipelines ? 'Showing the last list Conveyor loaded.' : undefined));
    }
    if (!t.pipelines) return out;
    const names = this.matching(t);
    if (names.length === 0) {
      const where = parseTargetKey(t.key);
      const text = this.filter
        ? `No pipeline matches “${this.filter}”`
        : `No pipelines in ${where ? where.region : 'this region'}`;
      out.push(this.message(parentId, 'info', text, false));
      return out;
    }
    const count = this.shownCount(t.key);
    for (const name of names.slice(0, count)) {
      const key = { target: t.key, name };
      out.push(this.node({ kind: 'pipeline', id: nodeIds.pipeline(key), key }));
    }
    if (names.length > count) {
      out.push(this.node({ kind: 'morePipelines', id: nodeIds.morePipelines(t.key), target: t.key, remaining: names.length - count }));
    }
    return out;
  }

  private pipelineChildren(key: PipelineKey): TreeNode[] {
    const e = this.store.pipeline(key);
    const parentId = nodeIds.pipeline(key);
    if (!e) return [];
    if (e.deleted) return [this.message(parentId, 'error', `Pipeline “${key.name}” no longer exists.`, false)];
    const out: TreeNode[] = [];
    const stages = stagesOf(e.structure, e.runtime);
    if (e.error) {
      out.push(this.failure(parentId, stages.length ? 'warning' : 'error', 'Couldn’t read this pipeline’s state', e.error,
        stages.length ? 'Showing the last state Conveyor loaded.' : undefined));
    }
    for (const s of stages) out.push(this.node({ kind: 'stage', id: nodeIds.stage(key, s.name), key, stage: s.name }));
    out.push(this.node({ kind: 'executions', id: nodeIds.executions(key), key }));
    return out;
  }

  /** Entry conditions, the actions, then success and failure conditions: the order an execution meets them. */
  private stageChildren(key: PipelineKey, stageName: string): TreeNode[] {
    const e = this.store.pipeline(key);
    const stage = findStage(e?.structure, e?.runtime, stageName);
    if (!stage) return [];
    const condition = (kind: ConditionKind): TreeNode => this.node({
      kind: 'condition', id: nodeIds.condition(key, stageName, kind), key, stage: stageName, condition: kind,
    });
    const kinds = conditionKindsOf(stage.declaration?.conditions, stage.runtime?.conditions);
    return [
      ...kinds.filter((k) => k === 'beforeEntry').map(condition),
      ...actionsOf(stage).map((a) => this.node({ kind: 'action', id: nodeIds.action(key, stageName, a.name), key, stage: stageName, action: a.name })),
      ...kinds.filter((k) => k !== 'beforeEntry').map(condition),
    ];
  }

  private executionChildren(key: PipelineKey): TreeNode[] {
    const e = this.store.pipeline(key);
    const parentId = nodeIds.executions(key);
    if (!e) return [];
    const out: TreeNode[] = [];
    if (e.executionsError) out.push(this.failure(parentId, 'error', 'Couldn’t list executions', e.executionsError));
    const page = e.executions;
    if (!page) return out;
    if (page.items.length === 0) out.push(this.message(parentId, 'info', 'No executions yet', false));
    for (const x of page.items) out.push(this.node({ kind: 'execution', id: nodeIds.execution(key, x.id), key, executionId: x.id }));
    if (page.nextToken) out.push(this.node({ kind: 'moreExecutions', id: nodeIds.moreExecutions(key), key }));
    return out;
  }

  private message(parentId: string, severity: MessageSeverity, text: string, retry: boolean, detail?: string): TreeNode {
    return this.node({
      kind: 'message', id: nodeIds.message(parentId, severity), parentId, severity, text, retry, ...(detail ? { detail } : {}),
    });
  }

  private failure(parentId: string, severity: MessageSeverity, title: string, error: LoadError, detail?: string): TreeNode {
    return this.node({
      kind: 'message', id: nodeIds.message(parentId, severity), parentId, severity, text: error.message, retry: true,
      failure: { title, category: error.category }, ...(detail ? { detail } : {}),
    });
  }

  private node<T extends TreeNode>(fresh: T): T {
    return this.cache.node(fresh);
  }
}
