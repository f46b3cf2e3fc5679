// When to tell the person about a watched pipeline: a run failed, succeeded, or waits for an approval.
// The first observation of a pipeline is the baseline: what was already true then is not news.
import { pendingApprovals, type PendingApproval } from './queries';
import { isFinished, type ExecutionSummary, type PipelineKey, type PipelineRuntime } from './types';

export interface NotifySettings {
  failed: boolean;
  succeeded: boolean;
  approval: boolean;
}

export const DEFAULT_NOTIFY_SETTINGS: NotifySettings = { failed: true, succeeded: true, approval: true };

export type PipelineNotification =
  | { kind: 'failed'; key: PipelineKey; execution: ExecutionSummary }
  | { kind: 'succeeded'; key: PipelineKey; execution: ExecutionSummary }
  | { kind: 'approval'; key: PipelineKey; approval: PendingApproval };

interface Seen {
  /** Execution ids whose final status was already reported or part of the baseline. */
  finished: Set<string>;
  /** Approval tokens already reported or part of the baseline. */
  approvals: Set<string>;
  recentBaselined: boolean;
  runtimeBaselined: boolean;
}

export class NotificationTracker {
  private readonly seen = new Map<string, Seen>();

  /**
   * Feeds what was just loaded for a watched pipeline; returns what is news. `recent` is newest first;
   * `runtime` is undefined when the state was not part of this load.
   */
  observe(key: PipelineKey, recent: readonly ExecutionSummary[] | undefined, runtime: PipelineRuntime | undefined, settings: NotifySettings): PipelineNotification[] {
    const id = JSON.stringify([key.target, key.name]);
    let seen = this.seen.get(id);
    const out: PipelineNotification[] = [];
    if (!seen) {
      seen = { finished: new Set(), approvals: new Set(), recentBaselined: false, runtimeBaselined: false };
      this.seen.set(id, seen);
    }
    if (recent && !seen.recentBaselined) {
      // Runs that are still going become news when they finish; finished ones are the baseline.
      seen.recentBaselined = true;
      for (const x of recent) if (isFinished(x.status)) seen.finished.add(x.id);
    } else if (recent) {
      for (const x of [...recent].reverse()) {
        if (!isFinished(x.status) || seen.finished.has(x.id)) continue;
        seen.finished.add(x.id);
        if (x.status === 'Failed' && settings.failed) out.push({ kind: 'failed', key, execution: x });
        if (x.status === 'Succeeded' && settings.succeeded) out.push({ kind: 'succeeded', key, execution: x });
      }
    }
    if (runtime) {
      const pending = pendingApprovals(runtime);
      if (!seen.runtimeBaselined) {
        seen.runtimeBaselined = true;
        for (const a of pending) seen.approvals.add(a.token);
      } else {
        for (const a of pending) {
          if (seen.approvals.has(a.token)) continue;
          seen.approvals.add(a.token);
          if (settings.approval) out.push({ kind: 'approval', key, approval: a });
        }
      }
    }
    return out;
  }

  /** Unwatched: the next watch starts from a new baseline. */
  forget(key: PipelineKey): void {
    this.seen.delete(JSON.stringify([key.target, key.name]));
  }
}
