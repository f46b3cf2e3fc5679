// The Pipelines explorer without the editor: loads data on demand and on a schedule, keeps it in the
// store, and reports which tree nodes changed. The VS Code tree, the status bar, notifications and the
// benchmark all drive this same object.
import type { Logger } from '../../core/log';
import type { Clock } from '../../core/polling/clock';
import { desiredTasks, specOfKey, taskKey, type Interest, type TaskSpec } from '../polling/policy';
import { PollScheduler, type ErrorClass } from '../../core/polling/scheduler';
import type { RefreshSettings } from '../../core/polling/settings';
import { present, type NodePresentation } from '../present/nodes';
import type { PipelineApi } from './api';
import type { PipelineOrder } from './attention';
import { pruneDescendants } from './diff';
import { nodeIds } from './keys';
import type { LoadError, PipelineStore } from './store';
import { PipelineStore as Store } from './store';
import { TreeModel, type TreeNode } from './tree';
import { isActive, type PipelineKey, type TargetRef } from './types';

/** Newest executions fetched per pipeline: the row's status and "your commit" matching. */
export const RECENT_EXECUTIONS = 5;
export const EXECUTIONS_PAGE_SIZE = 20;

export interface ExplainedError extends LoadError {
  errorClass: ErrorClass;
  code?: string;
}

/** Change id meaning "the whole tree". */
export const ROOT_ID = '';

export interface ExplorerDeps {
  apiFor(target: string): PipelineApi;
  clock: Clock;
  random?: () => number;
  settings: () => RefreshSettings;
  /** Turns an SDK error into a message for the view, and a class for backoff. */
  explain(error: unknown, target: string, operation: string): ExplainedError;
  log: Logger;
  pageSize?: number;
}

export type LoadKind = 'list' | 'recent' | 'runtime' | 'structure' | 'executions';

export interface LoadEvent {
  kind: LoadKind;
  target: string;
  key?: PipelineKey;
  /** Whether the data differed from what was known. */
  changed: boolean;
}

type Listener<T> = (value: T) => void;

export class PipelineExplorer {
  readonly store: PipelineStore = new Store();
  readonly tree: TreeModel;
  /** The pipeline rows of each target in the order last reported, so a reorder refreshes the list. */
  private readonly shownOrder = new Map<string, string>();
  readonly scheduler: PollScheduler<TaskSpec>;
  private viewVisible = false;
  private windowFocused = true;
  private pinned: PipelineKey[] = [];
  private watched: PipelineKey[] = [];
  private tracked: PipelineKey[] = [];
  /** Pipelines whose running execution a timeline panel shows: polled as tracked ones are. */
  private shown: PipelineKey[] = [];
  private readonly inflight = new Map<string, Promise<boolean>>();
  private readonly changeListeners = new Set<Listener<string[]>>();
  private readonly loadListeners = new Set<Listener<LoadEvent>>();
  private readonly abort = new AbortController();
  private disposed = false;

  constructor(private readonly deps: ExplorerDeps) {
    this.tree = new TreeModel(this.store, deps.pageSize);
    this.scheduler = new PollScheduler({
      clock: deps.clock,
      random: deps.random ?? Math.random,
      settings: deps.settings,
      run: (task) => this.runTask(task),
      classify: (error) => (isExplained(error) ? error.errorClass : 'fatal'),
      onError: (task, error, wait) => {
        const message = isExplained(error) ? error.message : String(error);
        deps.log.debug(`poll ${task.kind} ${task.pipeline ?? task.target} failed (${message}); next try in ${Math.round(wait / 1000)} s`);
      },
      onRunFinished: () => this.updateTasks(),
      specOfKey,
    });
  }

  /** Fires with the ids of nodes to refresh (ancestors only; empty never fires). */
  onDidChange(listener: Listener<string[]>): { dispose(): void } {
    this.changeListeners.add(listener);
    return { dispose: () => this.changeListeners.delete(listener) };
  }

  /** Fires after every load, visible or not (notifications, status bar items). */
  onDidLoad(listener: Listener<LoadEvent>): { dispose(): void } {
    this.loadListeners.add(listener);
    return { dispose: () => this.loadListeners.delete(listener) };
  }

  // ---- interest ---------------------------------------------------------------------------------

  setTargets(refs: readonly TargetRef[]): void {
    if (this.store.setTargets(refs)) {
      this.updateTasks();
      this.emit([ROOT_ID]);
    }
  }

  setViewVisible(visible: boolean): void {
    this.viewVisible = visible;
    this.updateTasks();
  }

  setWindowFocused(focused: boolean): void {
    this.windowFocused = focused;
    this.updateTasks();
  }

  setFollowed(kind: 'pinned' | 'watched' | 'tracked' | 'shown', keys: readonly PipelineKey[]): void {
    this[kind] = [...keys];
    this.updateTasks();
  }

  isPinned(key: PipelineKey): boolean {
    return this.pinned.some((p) => p.target === key.target && p.name === key.name);
  }

  isWatched(key: PipelineKey): boolean {
    return this.watched.some((p) => p.target === key.target && p.name === key.name);
  }

  setExpanded(node: TreeNode, expanded: boolean): void {
    this.tree.setExpanded(node, expanded);
    this.updateTasks();
  }

  /** Returns true when the filter changed (the whole tree then re-renders). */
  setFilter(text: string): boolean {
    const changed = this.tree.setFilter(text);
    if (changed) this.updateTasks();
    return changed;
  }

  interest(): Interest {
    return {
      viewVisible: this.viewVisible,
      windowFocused: this.windowFocused,
      targets: this.store.targets().map((t) => t.key),
      displayed: this.tree.displayedPipelines(),
      expanded: this.tree.expandedPipelineKeys(),
      executionsExpanded: this.tree.expandedExecutionKeys(),
      pinned: this.pinned,
      watched: this.watched,
      tracked: [...this.tracked, ...this.shown],
    };
  }

  isRunning(key: PipelineKey): boolean {
    const e = this.store.pipeline(key);
    if (!e) return false;
    if (isActive(e.recent?.[0]?.status)) return true;
    return (e.runtime?.stages ?? []).some((s) => s.status === 'InProgress');
  }

  updateTasks(): void {
    if (this.disposed) return;
    this.scheduler.setTasks(desiredTasks(this.interest(), this.deps.settings(), (k) => this.isRunning(k)));
  }

  // ---- tree -------------------------------------------------------------------------------------

  /** Children for the view; loads what the node needs first. Never rejects: failures become message nodes. */
  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    try {
      if (!node) {
        if (!this.tree.multiRoot) await Promise.all(this.store.targets().filter((t) => !t.pipelines).map((t) => this.loadList(t.key).catch(() => false)));
      } else if (node.kind === 'target') {
        if (!this.store.target(node.target)?.pipelines) await this.loadList(node.target).catch(() => false);
      } else if (node.kind === 'pipeline') {
        const e = this.store.pipeline(node.key);
        await Promise.all([
          e?.structure ? undefined : this.loadStructure(node.key).catch(() => false),
          e?.runtime ? undefined : this.loadRuntime(node.key).catch(() => false),
        ]);
      } else if (node.kind === 'executions') {
        if (!this.store.pipeline(node.key)?.executions) await this.loadExecutions(node.key, false).catch(() => false);
      }
    } finally {
      this.updateTasks();
    }
    return this.tree.children(node);
  }

  present(node: TreeNode): NodePresentation {
    return present(node, {
      store: this.store,
      now: this.deps.clock.now(),
      isPinned: (k) => this.isPinned(k),
      isWatched: (k) => this.isWatched(k),
      pageSize: this.tree.pageSize,
    });
  }

  /** "Load more" / "Show N more…". Returns the node to refresh. */
  async loadMore(node: TreeNode): Promise<void> {
    if (node.kind === 'morePipelines') {
      this.tree.showMore(node.target);
      this.emit([nodeIds.target(node.target)]);
      this.updateTasks();
    } else if (node.kind === 'moreExecutions') {
      await this.loadExecutions(node.key, true).catch(() => false);
    }
  }

  /** Manual refresh: everything shown (no node), or the data behind one node. */
  async refresh(node?: TreeNode): Promise<void> {
    const quiet = (p: Promise<boolean>): Promise<unknown> => p.catch(() => false);
    const owner = node ? ownerOf(node) : {};
    const jobs: Promise<unknown>[] = [];
    if (owner.key) {
      const key = owner.key;
      this.scheduler.clearCooldown(key.target);
      jobs.push(quiet(this.loadRecent(key)));
      if (owner.executions) jobs.push(quiet(this.loadExecutions(key, false)));
      else jobs.push(quiet(this.loadStructure(key)), quiet(this.loadRuntime(key)));
    } else if (owner.target) {
      this.scheduler.clearCooldown(owner.target);
      jobs.push(quiet(this.loadList(owner.target)));
    } else {
      for (const t of this.store.targets()) {
        this.scheduler.clearCooldown(t.key);
        jobs.push(quiet(this.loadList(t.key)));
      }
      for (const key of this.tree.expandedPipelineKeys()) jobs.push(quiet(this.loadRuntime(key)));
      this.scheduler.kick(() => true);
    }
    await Promise.all(jobs);
    this.updateTasks();
  }

  /** After an action (start, stop, approve…): fetch exactly what it can have changed, now. */
  async refreshAfterAction(key: PipelineKey, parts: readonly ('recent' | 'runtime' | 'executions')[]): Promise<void> {
    const jobs: Promise<boolean>[] = [];
    if (parts.includes('recent')) jobs.push(this.loadRecent(key));
    if (parts.includes('runtime')) jobs.push(this.loadRuntime(key));
    if (parts.includes('executions') && this.store.pipeline(key)?.executions) jobs.push(this.loadExecutions(key, false));
    await Promise.all(jobs.map((j) => j.catch(() => false)));
    this.updateTasks();
  }

  // ---- loads --------------------------------------------------------------------------------------

  loadList(target: string): Promise<boolean> {
    return this.once(JSON.stringify(['list', target]), async () => {
      try {
        const list = await this.deps.apiFor(target).listPipelines(this.abort.signal);
        const changed = this.store.applyList(target, list);
        if (changed.length) this.tree.prune();
        this.scheduler.markFresh(taskKey('list', target), changed.length > 0);
        this.emit(changed);
        this.loaded({ kind: 'list', target, changed: changed.length > 0 });
        return changed.length > 0;
      } catch (error) {
        throw this.fail(error, target, 'ListPipelines', (e) => this.store.applyListError(target, e));
      }
    });
  }

  loadRecent(key: PipelineKey): Promise<boolean> {
    return this.once(JSON.stringify(['recent', key.target, key.name]), async () => {
      try {
        const page = await this.deps.apiFor(key.target).listExecutions(key.name, RECENT_EXECUTIONS, undefined, this.abort.signal);
        const changed = this.store.applyRecent(key, page.items);
        this.scheduler.markFresh(taskKey('latest', key.target, key.name), changed.length > 0);
        this.emit(changed);
        this.loaded({ kind: 'recent', target: key.target, key, changed: changed.length > 0 });
        return changed.length > 0;
      } catch (error) {
        throw this.failPipeline(error, key, 'ListPipelineExecutions');
      }
    });
  }

  loadRuntime(key: PipelineKey): Promise<boolean> {
    return this.once(JSON.stringify(['runtime', key.target, key.name]), async () => {
      try {
        const runtime = await this.deps.apiFor(key.target).getRuntime(key.name, this.abort.signal);
        const e = this.store.pipeline(key);
        // A state from a newer pipeline version than the declaration we hold: re-read the declaration.
        const stale = e?.structure && runtime.version !== undefined && e.structure.version !== undefined && e.structure.version !== runtime.version;
        const changed = this.store.applyRuntime(key, runtime);
        if (stale) await this.loadStructure(key).catch(() => false);
        this.scheduler.markFresh(taskKey('state', key.target, key.name), changed.length > 0);
        this.emit(changed);
        this.loaded({ kind: 'runtime', target: key.target, key, changed: changed.length > 0 });
        return changed.length > 0;
      } catch (error) {
        throw this.failPipeline(error, key, 'GetPipelineState');
      }
    });
  }

  loadStructure(key: PipelineKey): Promise<boolean> {
    return this.once(JSON.stringify(['structure', key.target, key.name]), async () => {
      try {
        const structure = await this.deps.apiFor(key.target).getStructure(key.name, this.abort.signal);
        const changed = structure ? this.store.applyStructure(key, structure) : [];
        this.emit(changed);
        this.loaded({ kind: 'structure', target: key.target, key, changed: changed.length > 0 });
        return changed.length > 0;
      } catch (error) {
        throw this.failPipeline(error, key, 'GetPipeline');
      }
    });
  }

  loadExecutions(key: PipelineKey, more: boolean): Promise<boolean> {
    return this.once(JSON.stringify(['executions', key.target, key.name, more]), async () => {
      const token = more ? this.store.pipeline(key)?.executions?.nextToken : undefined;
      if (more && !token) return false;
      try {
        const page = await this.deps.apiFor(key.target).listExecutions(key.name, EXECUTIONS_PAGE_SIZE, token, this.abort.signal);
        const changed = this.store.applyExecutions(key, page, more);
        if (!more) this.scheduler.markFresh(taskKey('executions', key.target, key.name), changed.length > 0);
        this.emit(changed);
        this.loaded({ kind: 'executions', target: key.target, key, changed: changed.length > 0 });
        return changed.length > 0;
      } catch (error) {
        const explained = this.deps.explain(error, key.target, 'ListPipelineExecutions');
        this.emit(explained.category === 'notFound' ? this.pipelineGone(key) : this.store.applyExecutionsError(key, explained));
        throw explained;
      }
    });
  }

  dispose(): void {
    this.disposed = true;
    this.abort.abort();
    this.scheduler.dispose();
    this.changeListeners.clear();
    this.loadListeners.clear();
  }

  // ---- internals ----------------------------------------------------------------------------------

  private runTask(task: TaskSpec): Promise<boolean> {
    const key = task.pipeline !== undefined ? { target: task.target, name: task.pipeline } : undefined;
    switch (task.kind) {
      case 'list':
        return this.loadList(task.target);
      case 'latest':
        return key ? this.loadRecent(key) : Promise.resolve(false);
      case 'state':
        if (!key) return Promise.resolve(false);
        return Promise.all([
          this.loadRuntime(key),
          this.store.pipeline(key)?.structure ? Promise.resolve(false) : this.loadStructure(key),
        ]).then(([a, b]) => a || b);
      case 'executions':
        return key ? this.loadExecutions(key, false) : Promise.resolve(false);
    }
  }

  private once(key: string, load: () => Promise<boolean>): Promise<boolean> {
    if (this.disposed) return Promise.resolve(false);
    const existing = this.inflight.get(key);
    if (existing) return existing;
    const p = load().finally(() => this.inflight.delete(key));
    this.inflight.set(key, p);
    return p;
  }

  private fail(error: unknown, target: string, operation: string, record: (e: LoadError) => string[]): ExplainedError {
    const explained = this.deps.explain(error, target, operation);
    if (!this.disposed) this.emit(record({ message: explained.message, category: explained.category }));
    return explained;
  }

  private failPipeline(error: unknown, key: PipelineKey, operation: string): ExplainedError {
    const explained = this.deps.explain(error, key.target, operation);
    if (this.disposed) return explained;
    if (explained.category === 'notFound' && /Pipeline/i.test(explained.code ?? explained.message)) {
      this.emit(this.pipelineGone(key));
    } else {
      this.emit(this.store.applyPipelineError(key, { message: explained.message, category: explained.category }));
    }
    return explained;
  }

  /** The pipeline was deleted while shown: say so on its node, then drop it with a fresh list. */
  private pipelineGone(key: PipelineKey): string[] {
    const changed = this.store.markDeleted(key);
    if (changed.length) {
      this.deps.log.info(`Pipeline ${key.name} no longer exists; refreshing the list`);
      void this.loadList(key.target).catch(() => false);
    }
    return changed;
  }

  /** Sorts the pipeline list by attention or by name; the list re-renders when that changed. */
  setOrder(order: PipelineOrder): void {
    if (this.tree.setOrder(order)) this.emit([ROOT_ID]);
  }

  /** Adds the parent of every pipeline list whose order the new data changed (a row moved up or down). */
  private withReordered(ids: string[]): string[] {
    const out = [...ids];
    for (const t of this.store.targets()) {
      const signature = this.tree.orderSignature(t);
      if (this.shownOrder.get(t.key) === signature) continue;
      const known = this.shownOrder.has(t.key);
      this.shownOrder.set(t.key, signature);
      if (known) out.push(this.tree.multiRoot ? nodeIds.target(t.key) : ROOT_ID);
    }
    return out;
  }

  private emit(changed: string[]): void {
    if (this.disposed || !changed.length) return;
    const ids = this.withReordered(changed);
    const pruned = ids.includes(ROOT_ID) ? [ROOT_ID] : pruneDescendants(ids);
    for (const l of this.changeListeners) l(pruned);
  }

  private loaded(event: LoadEvent): void {
    if (this.disposed) return;
    for (const l of this.loadListeners) {
      try {
        l(event);
      } catch (err) {
        this.deps.log.error(`A pipelines listener failed: ${String(err)}`);
      }
    }
  }
}

function isExplained(error: unknown): error is ExplainedError {
  return typeof error === 'object' && error !== null && 'errorClass' in error && 'message' in error;
}

/** Which pipeline (or account root) a node's data comes from. */
function ownerOf(node: TreeNode): { key?: PipelineKey; target?: string; executions?: boolean } {
  switch (node.kind) {
    case 'target':
    case 'morePipelines':
      return { target: node.target };
    case 'executions':
    case 'execution':
    case 'moreExecutions':
      return { key: node.key, executions: true };
    case 'pipeline':
    case 'stage':
    case 'action':
    case 'condition':
    case 'rule':
      return { key: node.key };
    case 'message': {
      try {
        const parent: unknown = JSON.parse(node.parentId);
        if (!Array.isArray(parent) || typeof parent[1] !== 'string') return {};
        if (parent[0] === 'T') return { target: parent[1] };
        if (typeof parent[2] !== 'string') return {};
        if (parent[0] === 'P') return { key: { target: parent[1], name: parent[2] } };
        if (parent[0] === 'X') return { key: { target: parent[1], name: parent[2] }, executions: true };
      } catch {
        // not a node id
      }
      return {};
    }
  }
}
