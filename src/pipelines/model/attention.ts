// What a pipeline needs from the person, for the order of the list and the words on its row: a failed
// latest run first, then approvals waiting, runs held by a disabled transition, runs in progress.
import { pendingApprovals } from './queries';
import type { PipelineEntry } from './store';
import { isActive, type PipelineRuntime } from './types';

export type Attention =
  | { kind: 'failed' }
  | { kind: 'approval'; stageName: string; actionName: string }
  | { kind: 'blocked'; stageName: string; reason?: string }
  | { kind: 'running' }
  | { kind: 'none' };

export type PipelineOrder = 'attention' | 'name';

const RANK: Record<Attention['kind'], number> = { failed: 0, approval: 1, blocked: 2, running: 3, none: 4 };

/**
 * The stage whose disabled inbound transition holds an execution: the stage before it finished that
 * execution, the stage itself has not started it. CodePipeline reports such a run as InProgress, with
 * every stage it reached Succeeded.
 */
export function blockedStage(runtime: PipelineRuntime | undefined, executionId: string): { stageName: string; reason?: string } | undefined {
  const stages = runtime?.stages ?? [];
  for (let i = 1; i < stages.length; i++) {
    const stage = stages[i]!;
    const before = stages[i - 1]!;
    if (stage.inbound.enabled || before.latestExecutionId !== executionId || before.status !== 'Succeeded') continue;
    if (stage.latestExecutionId === executionId) continue;
    return { stageName: stage.name, ...(stage.inbound.disabledReason ? { reason: stage.inbound.disabledReason } : {}) };
  }
  return undefined;
}

export function attentionOf(entry: PipelineEntry | undefined): Attention {
  const latest = entry?.recent?.[0];
  if (!entry || entry.deleted || !latest) return { kind: 'none' };
  if (latest.status === 'Failed') return { kind: 'failed' };
  const [approval] = pendingApprovals(entry.runtime);
  if (approval) return { kind: 'approval', stageName: approval.stageName, actionName: approval.actionName };
  if (!isActive(latest.status)) return { kind: 'none' };
  const blocked = blockedStage(entry.runtime, latest.id);
  if (blocked) return { kind: 'blocked', ...blocked };
  return { kind: 'running' };
}

/** Names in the chosen order: by attention (stable within a rank, so alphabetical there), or as given. */
export function orderPipelines(names: readonly string[], order: PipelineOrder, entryOf: (name: string) => PipelineEntry | undefined): string[] {
  if (order === 'name') return [...names];
  const rank = new Map(names.map((n) => [n, RANK[attentionOf(entryOf(n)).kind]]));
  return [...names].sort((a, b) => rank.get(a)! - rank.get(b)!);
}
