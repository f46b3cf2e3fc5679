// Which tree nodes a new piece of data changes, so the view refreshes those nodes and nothing else.
import { deepEqual } from '../../core/equal';
import { pruneDescendants as pruneIds } from '../../core/explorer';
import { nodeIds } from './keys';
import { pendingApprovals } from './queries';
import type { ExecutionSummary, PipelineKey, PipelineRuntime, PipelineStructure, StageRuntime } from './types';

function stageOwnData(s: StageRuntime): unknown {
  // Conditions and their rules are children of the stage: a change refreshes the stage's subtree.
  return {
    inbound: s.inbound, latestExecutionId: s.latestExecutionId, status: s.status, actions: s.actions.map((a) => a.name),
    latestExecutionType: s.latestExecutionType, waiting: s.waiting, conditions: s.conditions,
  };
}

/** Nodes whose rendering differs between two GetPipelineState results. */
export function diffRuntime(key: PipelineKey, before: PipelineRuntime | undefined, after: PipelineRuntime): string[] {
  if (!before) return [nodeIds.pipeline(key)];
  const changed: string[] = [];
  if (pendingApprovals(before).length !== pendingApprovals(after).length) changed.push(nodeIds.pipeline(key));
  const names = (r: PipelineRuntime): string[] => r.stages.map((s) => s.name);
  if (!deepEqual(names(before), names(after))) return [nodeIds.pipeline(key)];
  after.stages.forEach((stage, i) => {
    const old = before.stages[i];
    if (!old || !deepEqual(stageOwnData(old), stageOwnData(stage))) {
      changed.push(nodeIds.stage(key, stage.name));
      return;
    }
    stage.actions.forEach((action, j) => {
      if (!deepEqual(old.actions[j], action)) changed.push(nodeIds.action(key, stage.name, action.name));
    });
  });
  return changed;
}

/** A new declaration (the pipeline was edited) reshapes the whole subtree. */
export function diffStructure(key: PipelineKey, before: PipelineStructure | undefined, after: PipelineStructure): string[] {
  return deepEqual(before, after) ? [] : [nodeIds.pipeline(key)];
}

/** The pipeline row shows its latest execution; the rest of the recent list only feeds "your commit". */
export function diffLatest(key: PipelineKey, before: readonly ExecutionSummary[] | undefined, after: readonly ExecutionSummary[]): string[] {
  return deepEqual(before?.[0], after[0]) && before !== undefined ? [] : [nodeIds.pipeline(key)];
}

/** Parent of a node id, following the shape of {@link nodeIds}; undefined for roots. */
export function parentOf(id: string): string | undefined {
  let parts: unknown;
  try {
    parts = JSON.parse(id);
  } catch {
    return undefined;
  }
  if (!Array.isArray(parts) || typeof parts[0] !== 'string') return undefined;
  const [kind, target, name, extra, kindOf] = parts as [string, string, string | undefined, string | undefined, string | undefined];
  switch (kind) {
    case 'P':
    case 'PM':
      return nodeIds.target(target);
    case 'S':
    case 'X':
      return name === undefined ? undefined : nodeIds.pipeline({ target, name });
    case 'A':
    case 'C':
      return name === undefined || extra === undefined ? undefined : nodeIds.stage({ target, name }, extra);
    case 'R':
      return name === undefined || extra === undefined || kindOf === undefined ? undefined : nodeIds.condition({ target, name }, extra, kindOf);
    case 'E':
    case 'XM':
      return name === undefined ? undefined : nodeIds.executions({ target, name });
    case 'M':
      return typeof parts[1] === 'string' ? parts[1] : undefined;
    default:
      return undefined;
  }
}

/** Drops ids whose ancestor is also in the set: refreshing a node re-renders its subtree anyway. */
export function pruneDescendants(ids: Iterable<string>): string[] {
  return pruneIds(ids, parentOf);
}
