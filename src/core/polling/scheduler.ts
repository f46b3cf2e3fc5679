// Runs the desired poll tasks on a clock: each at its own interval, at most N at once, backing off
// with jitter after errors (a throttled account pauses all of its tasks, not just the one that failed).
import { jitteredBackoff } from './backoff';
import type { Clock, TimerHandle } from './clock';
import { intervalFor, type TaskSpec } from './tasks';
import type { RefreshSettings } from './settings';

export type ErrorClass = 'throttled' | 'transient' | 'fatal';

export interface SchedulerDeps<S extends TaskSpec> {
  clock: Clock;
  /** In [0, 1); injectable so tests can pin the jitter. */
  random: () => number;
  settings: () => RefreshSettings;
  /** Performs the task; resolves to whether the data it fetched differs from what was known. */
  run(task: S, signal: AbortSignal): Promise<boolean>;
  classify(error: unknown): ErrorClass;
  onError?(task: S, error: unknown, retryInMs: number): void;
  /** After every finished run; the owner typically recomputes the task set (a pipeline may have started or finished). */
  onRunFinished?(task: S): void;
  /** The task a key stands for, so `kick` also reaches tasks that are not scheduled right now. */
  specOfKey?(key: string): S | undefined;
}

interface TaskState<S extends TaskSpec> {
  spec: S;
  nextDue: number;
  lastRun?: number;
  unchanged: number;
  errors: number;
  running: boolean;
  /** Kicked while running: run again right after. */
  kicked: boolean;
  /** No longer wanted, but still running: forget it when it finishes. */
  dropped: boolean;
}

export interface SchedulerStats {
  started: number;
  succeeded: number;
  failed: number;
  byKind: Record<string, number>;
}

export class PollScheduler<S extends TaskSpec = TaskSpec> {
  private readonly tasks = new Map<string, TaskState<S>>();
  /** Tasks dropped from the desired set whose last run we still remember (they may come back). */
  private readonly memory = new Map<string, { lastRun: number; unchanged: number }>();
  private readonly cooldown = new Map<string, { until: number; attempts: number }>();
  private readonly abort = new AbortController();
  private timer: TimerHandle | undefined;
  private timerAt: number | undefined;
  private running = 0;
  private disposed = false;
  private idleWaiters: (() => void)[] = [];
  readonly stats: SchedulerStats = { started: 0, succeeded: 0, failed: 0, byKind: {} };

  constructor(private readonly deps: SchedulerDeps<S>) {}

  /** Replaces the set of tasks to poll; kept tasks keep their timing, new ones run at once unless fresh. */
  setTasks(specs: readonly S[]): void {
    if (this.disposed) return;
    const now = this.deps.clock.now();
    const settings = this.deps.settings();
    const wanted = new Set(specs.map((s) => s.key));
    for (const [key, state] of this.tasks) {
      if (wanted.has(key)) continue;
      if (state.running) {
        state.dropped = true;
      } else {
        if (state.lastRun !== undefined) this.memory.set(key, { lastRun: state.lastRun, unchanged: state.unchanged });
        this.tasks.delete(key);
      }
    }
    for (const spec of specs) {
      const state = this.tasks.get(spec.key);
      if (state) {
        state.dropped = false;
        const tierChanged = state.spec.tier !== spec.tier;
        state.spec = spec;
        if (tierChanged && state.lastRun !== undefined && state.errors === 0) {
          state.unchanged = 0;
          state.nextDue = Math.min(state.nextDue, state.lastRun + intervalFor(spec.tier, 0, settings));
        }
        continue;
      }
      const remembered = this.memory.get(spec.key);
      this.memory.delete(spec.key);
      const nextDue = remembered ? remembered.lastRun + intervalFor(spec.tier, remembered.unchanged, settings) : now;
      this.tasks.set(spec.key, {
        spec, nextDue, unchanged: remembered?.unchanged ?? 0, errors: 0, running: false, kicked: false, dropped: false,
        ...(remembered ? { lastRun: remembered.lastRun } : {}),
      });
    }
    this.pump();
  }

  /**
   * Data for this task was just fetched some other way (e.g. the person expanded a node): the next
   * poll can wait a full interval. A no-op while the task itself runs (its own result counts then).
   */
  markFresh(key: string, changed = true): void {
    const now = this.deps.clock.now();
    const state = this.tasks.get(key);
    if (state) {
      if (state.running) return;
      state.lastRun = now;
      state.unchanged = changed ? 0 : state.unchanged + 1;
      state.nextDue = now + intervalFor(state.spec.tier, state.unchanged, this.deps.settings());
      this.pump();
    } else {
      const before = this.memory.get(key);
      this.memory.set(key, { lastRun: now, unchanged: changed ? 0 : (before?.unchanged ?? 0) + 1 });
    }
  }

  /** Runs the matching tasks as soon as a slot is free (manual refresh, after an action). */
  kick(match: (spec: S) => boolean): void {
    const now = this.deps.clock.now();
    for (const state of this.tasks.values()) {
      if (!match(state.spec)) continue;
      state.nextDue = now;
      state.unchanged = 0;
      if (state.running) state.kicked = true;
    }
    for (const key of [...this.memory.keys()]) {
      const spec = this.deps.specOfKey?.(key);
      if (spec && match(spec)) this.memory.delete(key);
    }
    this.pump();
  }

  /** Forgets an account's throttling cooldown (credentials or endpoint changed). */
  clearCooldown(target: string): void {
    this.cooldown.delete(target);
    this.pump();
  }

  get activeTasks(): readonly S[] {
    return [...this.tasks.values()].map((t) => t.spec);
  }

  /** When the task is next due (undefined when not scheduled). */
  dueAt(key: string): number | undefined {
    const state = this.tasks.get(key);
    if (!state) return undefined;
    const cool = this.cooldown.get(state.spec.target)?.until ?? 0;
    return Math.max(state.nextDue, cool);
  }

  get inFlight(): number {
    return this.running;
  }

  /** Resolves once no task is running. */
  whenIdle(): Promise<void> {
    if (this.running === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  dispose(): void {
    this.disposed = true;
    this.timer?.cancel();
    this.timer = undefined;
    this.abort.abort();
    this.tasks.clear();
    for (const w of this.idleWaiters.splice(0)) w();
  }

  private pump(): void {
    if (this.disposed) return;
    const now = this.deps.clock.now();
    const limit = this.deps.settings().maxConcurrency;
    const due = [...this.tasks.values()]
      .filter((t) => !t.running && this.readyAt(t) <= now)
      .sort((a, b) => this.readyAt(a) - this.readyAt(b));
    for (const state of due) {
      if (this.running >= limit) break;
      this.start(state);
    }
    this.arm(now);
  }

  private readyAt(state: TaskState<S>): number {
    return Math.max(state.nextDue, this.cooldown.get(state.spec.target)?.until ?? 0);
  }

  private arm(now: number): void {
    let next: number | undefined;
    if (this.running < this.deps.settings().maxConcurrency) {
      for (const t of this.tasks.values()) {
        if (t.running) continue;
        const at = this.readyAt(t);
        if (next === undefined || at < next) next = at;
      }
    }
    if (next === undefined) {
      this.timer?.cancel();
      this.timer = undefined;
      this.timerAt = undefined;
      return;
    }
    if (this.timer && this.timerAt === next) return;
    this.timer?.cancel();
    this.timerAt = next;
    this.timer = this.deps.clock.setTimeout(() => {
      this.timer = undefined;
      this.timerAt = undefined;
      this.pump();
    }, Math.max(0, next - now));
  }

  private start(state: TaskState<S>): void {
    state.running = true;
    this.running++;
    this.stats.started++;
    this.stats.byKind[state.spec.kind] = (this.stats.byKind[state.spec.kind] ?? 0) + 1;
    const spec = state.spec;
    // A task that throws before it returns its promise fails like one that rejects.
    const promise = (async () => this.deps.run(spec, this.abort.signal))();
    promise.then(
      (changed) => this.finish(state, { changed }),
      (error: unknown) => this.finish(state, { error }),
    );
  }

  private finish(state: TaskState<S>, result: { changed: boolean } | { error: unknown }): void {
    state.running = false;
    this.running--;
    if (this.disposed) return;
    const now = this.deps.clock.now();
    const settings = this.deps.settings();
    if ('changed' in result) {
      this.stats.succeeded++;
      state.errors = 0;
      state.lastRun = now;
      state.unchanged = result.changed ? 0 : state.unchanged + 1;
      state.nextDue = state.kicked ? now : now + intervalFor(state.spec.tier, state.unchanged, settings);
      const cool = this.cooldown.get(state.spec.target);
      if (cool && cool.until <= now) this.cooldown.delete(state.spec.target);
    } else {
      this.stats.failed++;
      state.errors++;
      const kind = this.deps.classify(result.error);
      let wait: number;
      if (kind === 'throttled') {
        const cool = this.cooldown.get(state.spec.target);
        // Another task of the account may have succeeded meanwhile (AWS throttles per operation): the
        // failing task keeps its own count too.
        const attempts = Math.max((cool?.attempts ?? 0) + 1, state.errors);
        wait = jitteredBackoff(attempts, settings.activeIntervalMs, settings.idleIntervalMs, this.deps.random);
        this.cooldown.set(state.spec.target, { until: now + wait, attempts });
      } else if (kind === 'transient') {
        wait = jitteredBackoff(state.errors, settings.activeIntervalMs, settings.idleIntervalMs, this.deps.random);
      } else {
        // Expired credentials, access denied…: keep checking slowly so the view recovers by itself.
        wait = Math.max(intervalFor(state.spec.tier, 0, settings),
          jitteredBackoff(state.errors, settings.watchedIntervalMs, settings.idleIntervalMs, this.deps.random));
      }
      state.nextDue = now + wait;
      this.deps.onError?.(state.spec, result.error, wait);
    }
    state.kicked = false;
    if (state.dropped) {
      this.tasks.delete(state.spec.key);
      if (state.lastRun !== undefined) this.memory.set(state.spec.key, { lastRun: state.lastRun, unchanged: state.unchanged });
    }
    try {
      this.deps.onRunFinished?.(state.spec);
    } finally {
      this.pump();
      if (this.running === 0) for (const w of this.idleWaiters.splice(0)) w();
    }
  }
}
