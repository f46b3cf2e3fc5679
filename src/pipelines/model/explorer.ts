// The Pipelines explorer without the editor: loads data on demand and on a schedule, keeps it in the
// store, and reports which tree nodes changed. The VS Code tree, the status bar, notifications and the
// benchmark all drive this same object; interest, change events and freshness are the generic explorer's.
import type { ExplainedError } from '../../aws/errors';
import { Emitter } from '../../core/event';
import { PollingExplorer, ROOT_ID, type LoadError } from '../../core/explorer';
import type { Logger } from '../../core/log';
import type { Clock } from '../../core/polling/clock';
import { desiredTasks, specOfKey, taskKey, type Interest, type TaskSpec } from '../polling/policy';
import type { RefreshSettings } from '../../core/polling/settings';
import { present, type NodePresentation } from '../present/nodes';
import type { PipelineApi } from './api';
import type { PipelineOrder } from './attention';
import { parentOf } from './diff';
import { nodeIds } from './keys';
import { PipelineStore } from './store';
import { TreeModel, type TreeNode } from './tree';
import { isActive, type PipelineKey, type TargetRef } from './types';

/** Newest executions fetched per pipeline: the row's status and "your commit" matching. */
export const RECENT_EXECUTIONS = 5;
export const EXECUTIONS_PAGE_SIZE = 20;

export { ROOT_ID };

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

export class PipelineExplorer extends PollingExplorer<TaskSpec, TreeNode, TargetRef> {
  readonly store = new PipelineStore();
  readonly tree: TreeModel;
  /** The pipeline rows of each target in the order last reported, so a reorder refreshes the list. */
  private readonly shownOrder = new Map<string, string>();
  private pinned: PipelineKey[] = [];
  private watched: PipelineKey[] = [];
  private tracked: PipelineKey[] = [];
  /** Pipelines whose running execution a timeline panel shows: polled as tracked ones are. */
  private shown: PipelineKey[] = [];
  private readonly inflight = new Map<string, Promise<boolean>>();
  private readonly loads = new Emitter<LoadEvent>();
  /** Fires after every load, visible or not (notifications, status bar items). */
  readonly onDidLoad = this.loads.event;

  constructor(private readonly deps: ExplorerDeps) {
    super({
      clock: deps.clock, settings: deps.settings, log: deps.log, specOfKey, parentOf,
      ...(deps.random ? { random: deps.random } : {}),
      describeTask: (task) => `${task.kind} ${task.pipeline ?? task.target}`,
    });
    this.tree = new TreeModel(this.store, deps.pageSize);
  }

  // ---- interest ---------------------------------------------------------------------------------

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

  protected desiredTasks(): TaskSpec[] {
    return desiredTasks(this.interest(), this.deps.settings(), (k) => this.isRunning(k));
  }

  protected rootState(target: string): { error?: LoadError; loaded: boolean } {
    const t = this.store.target(target);
    return { ...(t?.error ? { error: t.error } : {}), loaded: t?.pipelines !== undefined };
  }

  // ---- tree -------------------------------------------------------------------------------------

  /** Children for the view; loads what the node needs first. Never rejects: failures become message nodes. */
  getChildren(node?: TreeNode): Promise<TreeNode[]> {
    return this.showing(() => this.loadChildren(node));
  }

  private async loadChildren(node?: TreeNode): Promise<TreeNode[]> {
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
  refresh(node?: TreeNode): Promise<void> {
    return this.showing(() => this.refreshNow(node));
  }

  private async refreshNow(node?: TreeNode): Promise<void> {
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
        this.markFresh(target, taskKey('list', target), changed.length > 0);
        this.emit(changed);
        this.loaded({ kind: 'list', target, changed: changed.length > 0 });
        return changed.length > 0;
      } catch (error) {
        const explained = this.fail(error, target, 'ListPipelines', (e) => this.store.applyListError(target, e));
        this.rootFailed();
        throw explained;
      }
    });
  }

  loadRecent(key: PipelineKey): Promise<boolean> {
    return this.once(JSON.stringify(['recent', key.target, key.name]), async () => {
      try {
        const page = await this.deps.apiFor(key.target).listExecutions(key.name, RECENT_EXECUTIONS, undefined, this.abort.signal);
        const changed = this.store.applyRecent(key, page.items);
        this.markFresh(key.target, taskKey('latest', key.target, key.name), changed.length > 0);
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
        this.markFresh(key.target, taskKey('state', key.target, key.name), changed.length > 0);
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
        this.markFresh(key.target, more ? undefined : taskKey('executions', key.target, key.name), changed.length > 0);
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

  override dispose(): void {
    super.dispose();
    this.loads.dispose();
  }

  // ---- internals ----------------------------------------------------------------------------------

  protected runTask(task: TaskSpec): Promise<boolean> {
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
  protected override withRelated(ids: string[]): string[] {
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

  private loaded(event: LoadEvent): void {
    if (!this.disposed) this.loads.fire(event);
  }
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
