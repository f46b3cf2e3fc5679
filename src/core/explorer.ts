// What every polling AWS explorer shares (Pipelines, CodeBuild): the interest the view reports (roots,
// visibility, window focus, expansion, filter), change events pruned to their topmost nodes, the
// scheduler's error handling, and freshness per root (when it was last read, and whether what is shown
// is stale because the last refresh failed). A feature's explorer adds its loads and its task policy.
import { Emitter } from './event';
import { formatAgo } from './format';
import type { Logger } from './log';
import type { Clock } from './polling/clock';
import { PollScheduler, type ErrorClass } from './polling/scheduler';
import type { RefreshSettings } from './polling/settings';
import type { TaskSpec } from './polling/tasks';

/** Change id meaning "the whole tree". */
export const ROOT_ID = '';

/** A failure as the store keeps it for its row. */
export interface LoadError {
  message: string;
  /** From explainAwsError: ssoExpired, throttled, network, notFound, accessDenied… */
  category: string;
}

/** The view state an explorer's tree keeps (expansion, filter). */
export interface ExplorerTree<N> {
  setExpanded(node: N, expanded: boolean): void;
  setFilter(text: string): boolean;
}

/** The roots an explorer's store keeps. */
export interface ExplorerStore<R> {
  setTargets(refs: readonly R[]): boolean;
  targets(): readonly { key: string }[];
}

export interface PollingExplorerDeps<S extends TaskSpec> {
  clock: Clock;
  random?: () => number;
  settings: () => RefreshSettings;
  log: Logger;
  /** The task a scheduler key stands for. */
  specOfKey(key: string): S | undefined;
  /** The parent of a node id, to drop changes covered by an ancestor's. */
  parentOf(id: string): string | undefined;
  /** What a failing poll was about, for the log: "list", "builds my-project". */
  describeTask(task: S): string;
}

/** How current one root's data is. */
export interface RootFreshness {
  target: string;
  /** When data of this root last arrived. */
  updatedAt?: number;
  /** The root's listing failed: what is shown (if anything) is the last data that loaded. */
  error?: LoadError;
  /** Whether anything of this root is shown (a failure then makes it stale, not empty). */
  loaded: boolean;
}

interface Explained {
  message: string;
  errorClass: ErrorClass;
}

function isExplained(error: unknown): error is Explained {
  return typeof error === 'object' && error !== null && 'errorClass' in error && 'message' in error;
}

/** The ids left when every id whose ancestor is also listed is dropped (refreshing the ancestor covers it). */
export function pruneDescendants(ids: Iterable<string>, parentOf: (id: string) => string | undefined): string[] {
  const set = new Set(ids);
  return [...set].filter((id) => {
    for (let p = parentOf(id); p !== undefined; p = parentOf(p)) if (set.has(p)) return false;
    return true;
  });
}

export abstract class PollingExplorer<S extends TaskSpec, N, R> {
  readonly scheduler: PollScheduler<S>;
  protected readonly abort = new AbortController();
  protected disposed = false;
  private visible = false;
  private focused = true;
  private readonly changes = new Emitter<string[]>();
  private readonly freshnessChanges = new Emitter<void>();
  private readonly updated = new Map<string, number>();
  private busyCount = 0;
  private readonly busyChanges = new Emitter<boolean>();
  /** Fires with the ids of nodes to refresh (topmost only; an empty list never fires). */
  readonly onDidChange = this.changes.event;
  /** Fires when a root's data arrived or its listing failed (the view's "updated … ago" changes). */
  readonly onDidChangeFreshness = this.freshnessChanges.event;
  /** Fires when loading that the view waits for starts (true) or ends (false): the view's progress bar. */
  readonly onDidChangeBusy = this.busyChanges.event;

  protected abstract readonly store: ExplorerStore<R>;
  protected abstract readonly tree: ExplorerTree<N>;

  constructor(private readonly base: PollingExplorerDeps<S>) {
    this.scheduler = new PollScheduler<S>({
      clock: base.clock,
      random: base.random ?? Math.random,
      settings: base.settings,
      run: (task) => this.runTask(task),
      classify: (error) => (isExplained(error) ? error.errorClass : 'fatal'),
      onError: (task, error, wait) => {
        const message = isExplained(error) ? error.message : String(error);
        base.log.warn(`Refreshing ${base.describeTask(task)} failed (${message}); next try in ${Math.round(wait / 1000)} s`);
      },
      onRunFinished: () => this.updateTasks(),
      specOfKey: (key) => base.specOfKey(key),
    });
  }

  /** Performs one poll task; resolves to whether its data changed. */
  protected abstract runTask(task: S): Promise<boolean>;
  /** The poll tasks the current interest calls for. */
  protected abstract desiredTasks(): S[];
  /** A root's listing error and whether its list is loaded. */
  protected abstract rootState(target: string): { error?: LoadError; loaded: boolean };

  /** Whether the view waits for a load (children of a node, a manual refresh). */
  get busy(): boolean {
    return this.busyCount > 0;
  }

  get viewVisible(): boolean {
    return this.visible;
  }

  get windowFocused(): boolean {
    return this.focused;
  }

  setTargets(refs: readonly R[]): void {
    if (!this.store.setTargets(refs)) return;
    const keys = new Set(this.store.targets().map((t) => t.key));
    for (const key of [...this.updated.keys()]) if (!keys.has(key)) this.updated.delete(key);
    this.updateTasks();
    this.emit([ROOT_ID]);
    this.freshnessChanges.fire();
  }

  setViewVisible(visible: boolean): void {
    this.visible = visible;
    this.updateTasks();
  }

  setWindowFocused(focused: boolean): void {
    this.focused = focused;
    this.updateTasks();
  }

  setExpanded(node: N, expanded: boolean): void {
    this.tree.setExpanded(node, expanded);
    this.updateTasks();
  }

  /** Returns true when the filter changed (the whole tree then re-renders). */
  setFilter(text: string): boolean {
    const changed = this.tree.setFilter(text);
    if (changed) this.updateTasks();
    return changed;
  }

  updateTasks(): void {
    if (this.disposed) return;
    this.scheduler.setTasks(this.desiredTasks());
  }

  /** How current each root is, in the order of the roots. */
  freshness(): RootFreshness[] {
    return this.store.targets().map((t) => {
      const updatedAt = this.updated.get(t.key);
      return { target: t.key, ...this.rootState(t.key), ...(updatedAt !== undefined ? { updatedAt } : {}) };
    });
  }

  dispose(): void {
    this.disposed = true;
    this.abort.abort();
    this.scheduler.dispose();
    this.changes.dispose();
    this.freshnessChanges.dispose();
    this.busyChanges.dispose();
  }

  /** Runs a load the view waits for, so that the view shows it is loading. */
  protected async showing<T>(work: () => Promise<T>): Promise<T> {
    if (this.busyCount++ === 0) this.busyChanges.fire(true);
    try {
      return await work();
    } finally {
      if (--this.busyCount === 0 && !this.disposed) this.busyChanges.fire(false);
    }
  }

  /** Data of a root arrived (changed or not): the poll task can wait, and the root is current. */
  protected markFresh(target: string, taskKey: string | undefined, changed: boolean): void {
    if (taskKey !== undefined) this.scheduler.markFresh(taskKey, changed);
    if (this.disposed) return;
    this.updated.set(target, this.base.clock.now());
    this.freshnessChanges.fire();
  }

  /** A root's listing failed (the store keeps the error): the view says what it shows is stale. */
  protected rootFailed(): void {
    if (!this.disposed) this.freshnessChanges.fire();
  }

  /** Ids whose change the feature adds to a batch (e.g. a list whose order moved). */
  protected withRelated(ids: string[]): string[] {
    return ids;
  }

  protected emit(ids: string[]): void {
    if (this.disposed || !ids.length) return;
    const all = this.withRelated(ids);
    this.changes.fire(all.includes(ROOT_ID) ? [ROOT_ID] : pruneDescendants(all, (id) => this.base.parentOf(id)));
  }
}

/** Below a minute in seconds ("12 s ago"), then as formatAgo words it. */
function agoText(then: number, now: number): string {
  const seconds = Math.max(0, Math.floor((now - then) / 1000));
  return seconds < 60 ? `${seconds} s ago` : formatAgo(then, now);
}

export interface FreshnessText {
  /** The view's description: "updated 12 s ago", "stale · updated 3 min ago", "auto-refresh off". */
  description?: string;
  /** Whether some root shows data from before a failed refresh. */
  stale: boolean;
  /** For the view's message line when stale: what failed. */
  message?: string;
}

/** How current a view is, in words; the oldest root speaks for all of them. */
export function describeFreshness(roots: readonly RootFreshness[], now: number, autoRefresh: boolean): FreshnessText {
  const staleRoot = roots.find((r) => r.error && r.loaded);
  const times = roots.map((r) => r.updatedAt).filter((t): t is number => t !== undefined);
  const parts: string[] = [];
  if (staleRoot) parts.push('stale');
  if (times.length) parts.push(`updated ${agoText(Math.min(...times), now)}`);
  if (!autoRefresh && roots.length) parts.push('auto-refresh off');
  return {
    stale: staleRoot !== undefined,
    ...(parts.length ? { description: parts.join(' · ') } : {}),
    ...(staleRoot?.error ? { message: `Refresh failed; showing the last data loaded. ${staleRoot.error.message}` } : {}),
  };
}
