// The CodeBuild view without the editor: loads data on demand and on a schedule, keeps it in the
// store, and reports which tree nodes changed. The VS Code tree, the CodeLens, notifications and the
// benchmark all drive this same object; interest, change events and freshness are the generic explorer's.
import type { ExplainedError } from '../../aws/errors';
import { Emitter } from '../../core/event';
import { PollingExplorer, ROOT_ID, type LoadError } from '../../core/explorer';
import type { Logger } from '../../core/log';
import type { Clock } from '../../core/polling/clock';
import type { RefreshSettings } from '../../core/polling/settings';
import type { NodePresentation } from '../../core/tree';
import { desiredTasks, specOfKey, type Interest, type TaskSpec } from '../polling/policy';
import { present } from '../present/nodes';
import type { CodeBuildApi } from './api';
import { nodeIds, parentOf } from './keys';
import { CodeBuildLoads } from './loads';
import { CodeBuildStore } from './store';
import { TreeModel, type TreeNode } from './tree';
import { idOfArn, isRunning, type BatchInfo, type BuildInfo, type ProjectKey, type TargetRef } from './types';

export { ROOT_ID };

export interface ExplorerDeps {
  apiFor(target: string): CodeBuildApi;
  clock: Clock;
  random?: () => number;
  settings: () => RefreshSettings;
  explain(error: unknown, target: string, operation: string): ExplainedError;
  log: Logger;
  pageSize?: number;
}

const projectId = (k: ProjectKey): string => JSON.stringify([k.target, k.name]);

export class CodeBuildExplorer extends PollingExplorer<TaskSpec, TreeNode, TargetRef> {
  readonly store = new CodeBuildStore();
  readonly tree: TreeModel;
  readonly loads: CodeBuildLoads;
  private followed: ProjectKey[] = [];
  private readonly buildChanges = new Emitter<{ target: string; builds: readonly BuildInfo[] }>();

  constructor(private readonly deps: ExplorerDeps) {
    super({
      clock: deps.clock, settings: deps.settings, log: deps.log, specOfKey, parentOf,
      ...(deps.random ? { random: deps.random } : {}),
      describeTask: (task) => `${task.kind} ${task.project ?? task.target}`,
    });
    this.tree = new TreeModel(this.store, deps.pageSize);
    this.loads = new CodeBuildLoads({
      store: this.store,
      apiFor: (target) => deps.apiFor(target),
      explain: (error, target, operation) => deps.explain(error, target, operation),
      log: deps.log,
      signal: this.abort.signal,
      concurrency: () => deps.settings().maxConcurrency,
      emit: (ids) => this.emit(ids),
      builds: (target, builds) => this.buildsChanged(target, builds),
      fresh: (key, changed, target) => this.markFresh(target, key, changed),
      listFailed: () => this.rootFailed(),
      reloadList: (target) => void this.loads.list(target).catch(() => false),
      interesting: (target) => new Set([...this.tree.displayedProjects(), ...this.tree.expandedProjects(), ...this.followed]
        .filter((k) => k.target === target).map((k) => k.name)),
    });
  }

  /** Fires with builds whose data changed (a build started, moved to a phase, finished). */
  onDidChangeBuilds(listener: (target: string, builds: readonly BuildInfo[]) => void): { dispose(): void } {
    return this.buildChanges.event(({ target, builds }) => listener(target, builds));
  }

  // ---- interest ---------------------------------------------------------------------------------

  /** Projects to keep current although the view may be hidden (watched, or shown in a CodeLens). */
  setFollowed(keys: readonly ProjectKey[]): void {
    this.followed = [...keys];
    this.updateTasks();
  }

  interest(): Interest {
    const displayed = this.tree.displayedProjects();
    const expanded = this.tree.expandedProjects();
    const shown = new Set([...displayed, ...expanded, ...this.followed].map(projectId));
    const targets = this.store.targets().map((t) => t.key);
    const incomplete = new Set<string>();
    for (const k of [...displayed, ...this.followed]) {
      const p = this.store.project(k);
      if (p && !p.deleted && (!p.info || !p.lastBuildKnown)) incomplete.add(k.target);
    }
    return {
      viewVisible: this.viewVisible,
      windowFocused: this.windowFocused,
      targets,
      displayed,
      expanded,
      batchFolders: this.tree.expandedBatchFolders().map((key) => ({
        key, running: (this.store.project(key)?.batches?.ids ?? []).some((id) => isRunning(this.store.batch(key.target, id)?.status)),
      })),
      reportGroups: this.tree.expandedReportGroups(),
      followed: this.followed,
      incomplete: [...incomplete],
      recentDenied: this.store.targets().filter((t) => t.recentDenied).map((t) => t.key),
      running: targets.filter((t) => this.store.runningBuilds(t, (b) => shown.has(projectId({ target: t, name: b.projectName }))).length > 0),
    };
  }

  protected desiredTasks(): TaskSpec[] {
    return desiredTasks(this.interest(), this.deps.settings());
  }

  protected rootState(target: string): { error?: LoadError; loaded: boolean } {
    const t = this.store.target(target);
    return { ...(t?.error ? { error: t.error } : {}), loaded: t?.listed ?? false };
  }

  // ---- tree -------------------------------------------------------------------------------------

  /** Children for the view; loads what the node needs first. Never rejects: failures become message nodes. */
  getChildren(node?: TreeNode): Promise<TreeNode[]> {
    return this.showing(() => this.loadChildren(node));
  }

  private async loadChildren(node?: TreeNode): Promise<TreeNode[]> {
    const quiet = (p: Promise<boolean>): Promise<boolean> => p.catch(() => false);
    try {
      if (!node || node.kind === 'target') {
        const targets = node ? [node.target] : this.tree.multiRoot ? [] : this.store.targets().map((t) => t.key);
        await Promise.all(targets.map(async (t) => {
          if (!this.store.target(t)?.listed) await quiet(this.loads.list(t));
          await quiet(this.loads.projects(t, this.shownNames(t)));
        }));
      } else if (node.kind === 'project') {
        const p = this.store.project(node.key);
        if (!p?.builds) await quiet(this.loads.projectBuilds(node.key, false, this.tree.buildsShownCount(node.key)));
      } else if (node.kind === 'batches') {
        if (!this.store.project(node.key)?.batches) await quiet(this.loads.batches(node.key, false));
      } else if (node.kind === 'batch') {
        await quiet(this.loads.batchMembers(node.key, node.batchId));
      } else if (node.kind === 'reports') {
        await quiet(this.loads.reportGroups(node.key));
      } else if (node.kind === 'reportGroup') {
        if (!this.store.target(node.key.target)?.groupReports.has(node.groupArn)) await quiet(this.loads.groupReports(node.key, node.groupArn));
      } else if (node.kind === 'build') {
        await quiet(this.loads.reports(node.key.target, this.store.build(node.key.target, node.buildId)?.reportArns ?? []));
      }
    } finally {
      this.updateTasks();
    }
    return this.tree.children(node);
  }

  present(node: TreeNode): NodePresentation {
    return present(node, { store: this.store, now: this.deps.clock.now(), pageSize: this.tree.pageSize, tree: this.tree });
  }

  /** "Show N more…" / "Load more". */
  async loadMore(node: TreeNode): Promise<void> {
    if (node.kind === 'moreProjects') {
      this.tree.showMore(node.target);
      this.emit([this.tree.multiRoot ? nodeIds.target(node.target) : ROOT_ID]);
      this.updateTasks();
      await this.loads.projects(node.target, this.shownNames(node.target)).catch(() => false);
    } else if (node.kind === 'moreBuilds') {
      this.tree.showMoreBuilds(node.key);
      await this.loads.projectBuilds(node.key, true, this.tree.buildsShownCount(node.key)).catch(() => false);
      this.emit([nodeIds.project(node.key)]);
    } else if (node.kind === 'moreBatches') {
      await this.loads.batches(node.key, true).catch(() => false);
    }
  }

  /** Manual refresh: everything shown (no node), or the data behind one node. */
  refresh(node?: TreeNode): Promise<void> {
    return this.showing(() => this.refreshNow(node));
  }

  private async refreshNow(node?: TreeNode): Promise<void> {
    const quiet = (p: Promise<boolean>): Promise<unknown> => p.catch(() => false);
    const jobs: Promise<unknown>[] = [];
    const owner = node && 'key' in node ? node.key : undefined;
    const target = node && 'target' in node ? node.target : owner?.target;
    if (node?.kind === 'batches' || node?.kind === 'batch' || node?.kind === 'group') {
      if (owner) jobs.push(quiet(this.loads.batches(owner, false)));
    } else if (node?.kind === 'reports' || node?.kind === 'reportGroup' || node?.kind === 'report') {
      if (owner && node.kind !== 'reports') jobs.push(quiet(this.loads.groupReports(owner, node.groupArn)));
      else if (owner) jobs.push(quiet(this.loads.reportGroups(owner)));
    } else if (owner) {
      this.scheduler.clearCooldown(owner.target);
      jobs.push(quiet(this.loads.projects(owner.target, [owner.name], true)));
      jobs.push(quiet(this.loads.projectBuilds(owner, false, this.tree.buildsShownCount(owner))));
    } else {
      for (const t of target ? [target] : this.store.targets().map((x) => x.key)) {
        this.scheduler.clearCooldown(t);
        jobs.push(quiet(this.loads.list(t).then(() => this.loads.projects(t, this.shownNames(t), true))));
        jobs.push(quiet(this.loads.recent(t)));
      }
      this.scheduler.kick(() => true);
    }
    await Promise.all(jobs);
    this.updateTasks();
  }

  /** After an action (start, stop, retry): fetch exactly what it changed, now. */
  async refreshAfterAction(key: ProjectKey, build?: BuildInfo): Promise<void> {
    if (build) this.emit(this.store.applyBuilds(key.target, [build]));
    const p = this.store.project(key);
    await Promise.all([
      p?.builds ? this.loads.projectBuilds(key, false, this.tree.buildsShownCount(key)).catch(() => false) : Promise.resolve(false),
      p?.batches ? this.loads.batches(key, false).catch(() => false) : Promise.resolve(false),
    ]);
    this.updateTasks();
  }

  /** A build read now (the details document, commands), stored like any other. */
  async build(target: string, id: string): Promise<BuildInfo | undefined> {
    await this.loads.builds(target, [id]);
    return this.store.build(target, id);
  }

  /** A batch build read now, with its member builds. */
  async batch(target: string, id: string): Promise<BatchInfo | undefined> {
    const found = await this.deps.apiFor(target).getBatches([id], this.abort.signal);
    this.emit(this.store.applyBatches(target, found));
    const batch = this.store.batch(target, id);
    if (batch) await this.loads.batchMembers({ target, name: batch.projectName }, id);
    return batch;
  }

  override dispose(): void {
    super.dispose();
    this.buildChanges.dispose();
  }

  // ---- internals ----------------------------------------------------------------------------------

  /** The names of a target's rows on screen, plus followed projects there. */
  private shownNames(target: string): string[] {
    const names = [...this.tree.displayedProjects(), ...this.followed].filter((k) => k.target === target).map((k) => k.name);
    return [...new Set(names)];
  }

  protected runTask(task: TaskSpec): Promise<boolean> {
    const key = task.project !== undefined ? { target: task.target, name: task.project } : undefined;
    const shown = new Set([...this.tree.displayedProjects(), ...this.tree.expandedProjects(), ...this.followed].map(projectId));
    switch (task.kind) {
      case 'list':
        return this.loads.list(task.target).then(async (changed) => {
          await this.loads.listed(task.target);
          return changed;
        });
      case 'recent':
        return this.loads.recent(task.target);
      case 'running':
        return this.loads.running(task.target, (b) => shown.has(projectId({ target: task.target, name: b.projectName })));
      case 'details': {
        const names = this.shownNames(task.target);
        return Promise.all([this.loads.projects(task.target, names), this.loads.lastBuilds(task.target, names)]).then(([a, b]) => a || b);
      }
      case 'builds':
        return key ? this.loads.projectBuilds(key, false, this.tree.buildsShownCount(key)) : Promise.resolve(false);
      case 'batches':
        return key ? this.loads.batches(key, false).then(async (changed) => {
          for (const id of this.store.project(key)?.batches?.ids.slice(0, 3) ?? []) await this.loads.batchMembers(key, id).catch(() => false);
          return changed;
        }) : Promise.resolve(false);
      case 'reports':
        return key && task.groupArn ? this.loads.groupReports(key, task.groupArn) : Promise.resolve(false);
    }
  }

  private buildsChanged(target: string, builds: readonly BuildInfo[]): void {
    if (this.disposed) return;
    // A member build of a batch changed: its batch (shown in the row of its project) may have too.
    const batches = [...new Set(builds.map((b) => b.batchArn).filter((a): a is string => a !== undefined))].map(idOfArn);
    if (batches.length) {
      void this.deps.apiFor(target).getBatches(batches, this.abort.signal)
        .then((found) => this.emit(this.store.applyBatches(target, found)))
        .catch((err: unknown) => this.deps.log.warn(`BatchGetBuildBatches failed in ${target}: ${String(err)}`));
    }
    this.buildChanges.fire({ target, builds });
  }
}
