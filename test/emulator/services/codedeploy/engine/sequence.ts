// Runs a target's lifecycle events one after another over simulated time. Each event is planned when
// it starts (how long, its outcome, state changes on the way); a failed event skips the target's
// remaining events, as CodeDeploy shows them (Skipped, with an end time but no start time).
import type { Clock } from '../../../core/contract';
import type { DeploymentRecord, Diagnostics, LifecycleEventRecord, TargetRecord } from '../model';

export interface EventPlan {
  durationMs: number;
  status: 'Succeeded' | 'Failed' | 'Skipped';
  diagnostics?: Diagnostics;
  /** State changes while the event runs (traffic shifting steps), at offsets from its start. */
  steps?: { atMs: number; apply: () => void }[];
  /** Called when the event starts (before any step). */
  onStart?: () => void;
  /** A stop ends it at once instead of letting it finish (traffic shifting waits). */
  interruptible?: boolean;
  /** A failure that does not end the target's run (ignoreApplicationStopFailures). */
  ignoreFailure?: boolean;
}

export type Planner = (event: LifecycleEventRecord, target: TargetRecord) => EventPlan;
export type SequenceResult = 'succeeded' | 'failed' | 'stopped';

/** Interrupts of the interruptible events running now, per deployment. */
const interrupts = new WeakMap<DeploymentRecord, Set<() => void>>();

export function interruptAll(d: DeploymentRecord): void {
  for (const interrupt of [...(interrupts.get(d) ?? [])]) interrupt();
}

export function skipPending(target: TargetRecord, at: number): void {
  for (const e of target.events) {
    if (e.status !== 'Pending') continue;
    e.status = 'Skipped';
    e.endTime = at;
  }
}

export function runSequence(clock: Clock, d: DeploymentRecord, target: TargetRecord, names: readonly string[], plan: Planner,
  done: (result: SequenceResult) => void): void {
  const events = names.map((name) => target.events.find((e) => e.name === name)).filter((e): e is LifecycleEventRecord => e !== undefined);
  let i = 0;
  const touch = (): void => {
    target.lastUpdatedAt = clock.now();
  };
  const next = (): void => {
    if (d.runtime.stop) {
      done('stopped');
      return;
    }
    const event = events[i++];
    if (!event) {
      done('succeeded');
      return;
    }
    const p = plan(event, target);
    if (p.status === 'Skipped' && p.durationMs === 0) {
      event.status = 'Skipped';
      event.endTime = clock.now();
      touch();
      next();
      return;
    }
    event.status = 'InProgress';
    event.startTime = clock.now();
    touch();
    d.runtime.running++;
    p.onStart?.();
    const stepTimers = (p.steps ?? []).map((s) => clock.setTimeout(s.apply, s.atMs));
    let ended = false;
    const end = (interrupted: boolean): void => {
      if (ended) return;
      ended = true;
      for (const t of stepTimers) t.cancel();
      timer.cancel();
      interrupts.get(d)?.delete(interrupt);
      d.runtime.running--;
      event.endTime = clock.now();
      event.status = interrupted ? 'Skipped' : p.status;
      if (!interrupted && p.diagnostics) event.diagnostics = p.diagnostics;
      touch();
      if (interrupted) {
        done('stopped');
      } else if (p.status === 'Failed' && !p.ignoreFailure) {
        skipPending(target, clock.now());
        done('failed');
      } else {
        next();
      }
    };
    const interrupt = (): void => end(true);
    const timer = clock.setTimeout(() => end(false), p.durationMs);
    if (p.interruptible) {
      const set = interrupts.get(d) ?? new Set();
      set.add(interrupt);
      interrupts.set(d, set);
    }
  };
  next();
}
