// Every read the CodeBuild view makes: each fetches one thing, stores it and reports which tree nodes
// changed. Concurrent requests for the same thing share one call; failures are explained, stored for
// the view and rethrown for the scheduler's backoff.
import { isExplained, type ExplainedError } from '../../aws/errors';
import type { LoadError } from '../../core/explorer';
import type { Logger } from '../../core/log';
import { taskKey } from '../polling/policy';
import type { CodeBuildApi } from './api';
import type { CodeBuildStore } from './store';
import { BATCHES_PAGE, REPORTS_PAGE } from './tree';
import { idOfArn, isRunning, projectOfBuildId, type BuildInfo, type ProjectKey } from './types';

export interface LoadsDeps {
  store: CodeBuildStore;
  apiFor(target: string): CodeBuildApi;
  explain(error: unknown, target: string, operation: string): ExplainedError;
  log: Logger;
  signal: AbortSignal;
  /** Requests in flight at once inside one load (e.g. a page of ListBuildsForProject). */
  concurrency(): number;
  /** Node ids to refresh. */
  emit(ids: string[]): void;
  /** Builds whose data changed (notifications, CodeLens). */
  builds(target: string, builds: readonly BuildInfo[]): void;
  /** Data for a poll task arrived some other way: its next run can wait. */
  fresh(key: string, changed: boolean, target: string): void;
  /** A listing failed (its error is stored): what the view shows of that target is stale. */
  listFailed(target: string): void;
  /** The list says a project is gone: reload the list. */
  reloadList(target: string): void;
  /** Projects shown or followed in a target: the only ones whose new builds are read at once. */
  interesting(target: string): ReadonlySet<string>;
}

async function pool<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
    while (next < items.length) await work(items[next++] as T);
  }));
}

export class CodeBuildLoads {
  private readonly inflight = new Map<string, Promise<boolean>>();
  /** The rest of a listing that is still loading in the background, per target. */
  private readonly listing = new Map<string, Promise<boolean>>();

  constructor(private readonly d: LoadsDeps) {}

  private once(key: string, load: () => Promise<boolean>): Promise<boolean> {
    if (this.d.signal.aborted) return Promise.resolve(false);
    const existing = this.inflight.get(key);
    if (existing) return existing;
    const p = load().finally(() => this.inflight.delete(key));
    this.inflight.set(key, p);
    return p;
  }

  private fail(error: unknown, target: string, operation: string, record?: (e: LoadError) => string[]): ExplainedError {
    const explained = isExplained(error) ? error : this.d.explain(error, target, operation);
    if (record) this.d.emit(record(explained));
    return explained;
  }

  private listFail(error: unknown, target: string): ExplainedError {
    const explained = this.fail(error, target, 'ListProjects', (e) => this.d.store.applyListError(target, e));
    this.d.listFailed(target);
    return explained;
  }

  private api(target: string): CodeBuildApi {
    return this.d.apiFor(target);
  }

  /**
   * ListProjects, page after page. Resolves when the first page is in (the view can paint); the rest
   * loads in the background (`listed` resolves when the listing is complete).
   */
  list(target: string): Promise<boolean> {
    // A listing still going on in the background is as fresh as a new one would be.
    if (this.listing.has(target)) return Promise.resolve(false);
    return this.once(JSON.stringify(['list', target]), async () => {
      const pending: string[] = [];
      let first: { names: string[]; nextToken?: string };
      try {
        const p = await this.api(target).listProjectNames(undefined, this.d.signal);
        first = { names: p.items, ...(p.nextToken ? { nextToken: p.nextToken } : {}) };
      } catch (error) {
        throw this.listFail(error, target);
      }
      const changed = this.d.store.applyNames(target, first.names, true, !first.nextToken, pending);
      this.d.emit(changed);
      this.d.fresh(taskKey('list', target), changed.length > 0, target);
      if (first.nextToken) this.listing.set(target, this.listRest(target, first.nextToken, pending));
      return changed.length > 0;
    });
  }

  /** Resolves once the whole list of a target is known (at once when it already is). */
  async listed(target: string): Promise<void> {
    if (!this.d.store.target(target)?.listed) await this.list(target).catch(() => false);
    await this.listing.get(target)?.catch(() => false);
  }

  private async listRest(target: string, token: string, pending: string[]): Promise<boolean> {
    let next: string | undefined = token;
    let changed = false;
    try {
      for (let i = 0; next && i < 1000 && !this.d.signal.aborted; i++) {
        const p: { items: string[]; nextToken?: string } = await this.api(target).listProjectNames(next, this.d.signal);
        const last: boolean = !p.nextToken || p.nextToken === next;
        const ids = this.d.store.applyNames(target, p.items, false, last, pending);
        changed ||= ids.length > 0;
        this.d.emit(ids);
        next = last ? undefined : p.nextToken;
      }
      return changed;
    } catch (error) {
      throw this.listFail(error, target);
    } finally {
      this.listing.delete(target);
    }
  }

  /** Definitions of the named projects that are not loaded yet (BatchGetProjects, 100 a call). */
  projects(target: string, names: readonly string[], force = false): Promise<boolean> {
    const t = this.d.store.target(target);
    const missing = names.filter((n) => force || !t?.projects.get(n)?.info);
    if (!missing.length) return Promise.resolve(false);
    return this.once(JSON.stringify(['projects', target, ...missing]), async () => {
      try {
        const infos = await this.api(target).getProjects(missing, this.d.signal);
        const changed = this.d.store.applyProjects(target, infos, missing);
        this.d.emit(changed);
        if (infos.length < missing.length) this.d.reloadList(target);
        return changed.length > 0;
      } catch (error) {
        const e = this.fail(error, target, 'BatchGetProjects');
        this.d.emit(missing.flatMap((name) => this.d.store.applyProjectError({ target, name }, e)));
        throw e;
      }
    });
  }

  /**
   * The newest build of each named project whose last build is unknown: ListBuilds' newest page (one
   * call covers every shown project that built lately) alongside ListBuildsForProject for the others.
   */
  async lastBuilds(target: string, names: readonly string[]): Promise<boolean> {
    const unknown = (name: string): boolean => {
      const p = this.d.store.project({ target, name });
      return p !== undefined && !p.lastBuildKnown && !p.deleted;
    };
    const t = this.d.store.target(target);
    const recent = t && !t.recentIds && !t.recentDenied && names.some(unknown) ? this.recent(target).catch(() => false) : Promise.resolve(false);
    const firstIds = new Map<string, string | undefined>();
    let failure: ExplainedError | undefined;
    await pool(names.filter(unknown), this.d.concurrency(), async (name) => {
      if (!unknown(name)) return;
      try {
        const page = await this.api(target).listProjectBuildIds(name, undefined, this.d.signal);
        firstIds.set(name, page.items[0]);
      } catch (error) {
        const e = this.fail(error, target, 'ListBuildsForProject');
        if (e.category === 'notFound') this.projectGone({ target, name });
        else failure ??= e;
      }
    });
    let changed = await recent;
    const ids = [...firstIds.values()].filter((id): id is string => id !== undefined);
    if (ids.length) changed = (await this.builds(target, ids).catch(() => false)) || changed;
    for (const [name, id] of firstIds) changed = this.emitting(this.d.store.applyLastBuildId({ target, name }, id)) || changed;
    if (failure) throw failure;
    return changed;
  }

  /** BatchGetBuilds for the given ids (100 a call); stores them and reports what changed. */
  builds(target: string, ids: readonly string[]): Promise<boolean> {
    const unique = [...new Set(ids)];
    if (!unique.length) return Promise.resolve(false);
    return this.once(JSON.stringify(['builds', target, ...unique]), async () => {
      try {
        const builds = await this.api(target).getBuilds(unique, this.d.signal);
        const before = new Map(builds.map((b) => [b.id, this.d.store.build(target, b.id)]));
        const changed = this.d.store.applyBuilds(target, builds);
        this.d.emit(changed);
        const different = builds.filter((b) => JSON.stringify(before.get(b.id)) !== JSON.stringify(b));
        if (different.length) this.d.builds(target, different);
        return changed.length > 0;
      } catch (error) {
        throw this.fail(error, target, 'BatchGetBuilds');
      }
    });
  }

  /**
   * ListBuilds' newest ids (more pages while everything is new, up to five). New builds of shown or
   * followed projects are read at once; for the others, the project's last build is only marked
   * unknown, to be read when the project is shown.
   */
  recent(target: string): Promise<boolean> {
    return this.once(JSON.stringify(['recent', target]), async () => {
      const t = this.d.store.target(target);
      const firstLook = t?.recentIds === undefined;
      let ids: string[] = [];
      try {
        let token: string | undefined;
        const known = new Set(t?.recentIds ?? []);
        for (let i = 0; i < 5; i++) {
          const page = await this.api(target).listBuildIds(token, this.d.signal);
          ids.push(...page.items);
          if (firstLook || !page.nextToken || page.items.some((id) => known.has(id))) break;
          token = page.nextToken;
        }
      } catch (error) {
        const e = this.fail(error, target, 'ListBuilds');
        if (e.category === 'accessDenied') {
          this.d.log.warn(`CodeBuild ListBuilds is not allowed in ${target}: polling shown projects one by one`);
          this.d.store.markRecentDenied(target);
        }
        throw e;
      }
      ids = ids.slice(0, 500);
      const fresh = this.d.store.applyRecentIds(target, ids);
      const wanted = this.d.interesting(target);
      this.d.store.invalidateLastBuilds(target, fresh.filter((id) => !wanted.has(projectOfBuildId(id))));
      const read = fresh.filter((id) => wanted.has(projectOfBuildId(id)));
      const changed = read.length ? await this.builds(target, read) : false;
      this.d.fresh(taskKey('recent', target), changed, target);
      return changed;
    });
  }

  /** BatchGetBuilds of the running builds `wanted` says are of interest (one call per 100). */
  running(target: string, wanted: (b: BuildInfo) => boolean): Promise<boolean> {
    const ids = this.d.store.runningBuilds(target, wanted).map((b) => b.id);
    return ids.length ? this.builds(target, ids) : Promise.resolve(false);
  }

  /** A project's newest build ids (a page) and the builds a page of rows shows. */
  projectBuilds(key: ProjectKey, more: boolean, show: number): Promise<boolean> {
    return this.once(JSON.stringify(['projectBuilds', key.target, key.name, more, show]), async () => {
      const p = this.d.store.project(key);
      const token = more ? p?.builds?.nextToken : undefined;
      let changed = false;
      if (!more || (token && (p?.builds?.ids.length ?? 0) < show)) {
        try {
          const page = await this.api(key.target).listProjectBuildIds(key.name, token, this.d.signal);
          changed = this.emitting(this.d.store.applyBuildPage(key, { ids: page.items, ...(page.nextToken ? { nextToken: page.nextToken } : {}) }, more));
          if (!more) this.d.fresh(taskKey('builds', key.target, key.name), changed, key.target);
        } catch (error) {
          const e = this.fail(error, key.target, 'ListBuildsForProject', (x) => this.d.store.applyBuildsError(key, x));
          if (e.category === 'notFound') this.projectGone(key);
          throw e;
        }
      }
      const ids = (this.d.store.project(key)?.builds?.ids ?? []).slice(0, show);
      const missing = ids.filter((id) => !this.d.store.build(key.target, id));
      if (missing.length) changed = (await this.builds(key.target, missing)) || changed;
      return changed;
    });
  }

  /** A page of a project's batch builds and their details. */
  batches(key: ProjectKey, more: boolean): Promise<boolean> {
    return this.once(JSON.stringify(['batches', key.target, key.name, more]), async () => {
      const token = more ? this.d.store.project(key)?.batches?.nextToken : undefined;
      if (more && !token) return false;
      try {
        const page = await this.api(key.target).listProjectBatchIds(key.name, BATCHES_PAGE, token, this.d.signal);
        const batches = page.items.length ? await this.api(key.target).getBatches(page.items, this.d.signal) : [];
        const changed = [
          ...this.d.store.applyBatches(key.target, batches),
          ...this.d.store.applyBatchPage(key, { ids: page.items, ...(page.nextToken ? { nextToken: page.nextToken } : {}) }, more),
        ];
        this.d.emit(changed);
        if (!more) this.d.fresh(taskKey('batches', key.target, key.name), changed.length > 0, key.target);
        return changed.length > 0;
      } catch (error) {
        throw this.fail(error, key.target, 'ListBuildBatchesForProject', (e) => this.d.store.applyBatchesError(key, e));
      }
    });
  }

  /** The builds of a batch's groups (for durations, phases and matrix variables). */
  async batchMembers(key: ProjectKey, batchId: string): Promise<boolean> {
    const batch = this.d.store.batch(key.target, batchId);
    const stale = (id: string): boolean => {
      const b = this.d.store.build(key.target, id);
      return !b || isRunning(b.status);
    };
    const ids = (batch?.groups ?? []).map((g) => g.current?.arn).filter((a): a is string => a !== undefined).map(idOfArn).filter(stale);
    return ids.length ? this.builds(key.target, ids) : false;
  }

  /** Names and types of the report groups a project's builds report to. */
  reportGroups(key: ProjectKey): Promise<boolean> {
    const t = this.d.store.target(key.target);
    const missing = this.d.store.reportGroupArnsOf(key).filter((arn) => !t?.reportGroups.has(arn));
    if (!missing.length) return Promise.resolve(false);
    return this.once(JSON.stringify(['reportGroups', key.target, ...missing]), async () => {
      try {
        const changed = this.d.store.applyReportGroups(key.target, await this.api(key.target).getReportGroups(missing, this.d.signal));
        this.d.emit(changed);
        return changed.length > 0;
      } catch (error) {
        throw this.fail(error, key.target, 'BatchGetReportGroups');
      }
    });
  }

  /** A report group's newest reports with their summaries. */
  groupReports(key: ProjectKey, groupArn: string, more = false): Promise<boolean> {
    return this.once(JSON.stringify(['groupReports', key.target, groupArn, more]), async () => {
      const token = more ? this.d.store.target(key.target)?.groupReports.get(groupArn)?.nextToken : undefined;
      try {
        const page = await this.api(key.target).listReportArns(groupArn, REPORTS_PAGE, token, this.d.signal);
        const reports = page.items.length ? await this.api(key.target).getReports(page.items, this.d.signal) : [];
        const changed = [
          ...this.d.store.applyReports(key.target, reports),
          ...this.d.store.applyGroupReports(key.target, key.name, groupArn, { ids: page.items, ...(page.nextToken ? { nextToken: page.nextToken } : {}) }, more),
        ];
        this.d.emit(changed);
        if (!more) this.d.fresh(taskKey('reports', key.target, key.name, groupArn), changed.length > 0, key.target);
        return changed.length > 0;
      } catch (error) {
        throw this.fail(error, key.target, 'ListReportsForReportGroup');
      }
    });
  }

  /** Summaries of the given reports (a build's reports). */
  reports(target: string, arns: readonly string[]): Promise<boolean> {
    const t = this.d.store.target(target);
    const missing = arns.filter((a) => !t?.reports.has(a) || t.reports.get(a)?.status === 'GENERATING');
    if (!missing.length) return Promise.resolve(false);
    return this.once(JSON.stringify(['reports', target, ...missing]), async () => {
      try {
        const changed = this.d.store.applyReports(target, await this.api(target).getReports(missing, this.d.signal));
        this.d.emit(changed);
        return changed.length > 0;
      } catch (error) {
        throw this.fail(error, target, 'BatchGetReports');
      }
    });
  }

  private emitting(ids: string[]): boolean {
    this.d.emit(ids);
    return ids.length > 0;
  }

  private projectGone(key: ProjectKey): void {
    this.d.emit(this.d.store.applyProjects(key.target, [], [key.name]));
    this.d.reloadList(key.target);
  }
}
