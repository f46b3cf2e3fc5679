// Everything known about CodeBuild in every configured account/region. Each apply* method stores new
// data and returns the ids of the tree nodes whose rendering changed (often none).
import { targetKey } from '../../aws/targets';
import { deepEqual } from '../../core/equal';
import type { LoadError } from '../../core/explorer';
import { nodeIds } from './keys';
import {
  idOfArn,
  isRunning,
  projectOfBuildId,
  reportGroupArnOf,
  type BatchInfo,
  type BuildInfo,
  type ProjectInfo,
  type ProjectKey,
  type ReportGroupInfo,
  type ReportInfo,
  type TargetRef,
} from './types';

export type { LoadError } from '../../core/explorer';

export interface IdPage {
  ids: string[];
  nextToken?: string;
}

export interface ProjectEntry {
  name: string;
  info?: ProjectInfo;
  /** The newest build known; undefined with `lastBuildKnown` means "never built". */
  lastBuildId?: string;
  lastBuildKnown: boolean;
  builds?: IdPage;
  batches?: IdPage;
  error?: LoadError;
  buildsError?: LoadError;
  batchesError?: LoadError;
  deleted?: boolean;
}

export interface TargetEntry {
  key: string;
  ref: TargetRef;
  /** Project names, sorted case-insensitively; grows page by page on the first load. */
  names: string[];
  /** The first page of ListProjects answered. */
  listed: boolean;
  /** Every page answered: filters and counts are exact. */
  complete: boolean;
  projects: Map<string, ProjectEntry>;
  error?: LoadError;
  builds: Map<string, BuildInfo>;
  batches: Map<string, BatchInfo>;
  reports: Map<string, ReportInfo>;
  reportGroups: Map<string, ReportGroupInfo>;
  groupReports: Map<string, IdPage>;
  /** ListBuilds' newest ids at the last look: what is new since. */
  recentIds?: string[];
  /** ListBuilds is not allowed: the view falls back to per-project calls. */
  recentDenied?: boolean;
}

const byName = (a: string, b: string): number => a.localeCompare(b, 'en', { sensitivity: 'base' }) || (a < b ? -1 : a > b ? 1 : 0);

function newer(a: BuildInfo | undefined, b: BuildInfo): boolean {
  if (!a) return true;
  if (a.number !== undefined && b.number !== undefined) return b.number > a.number;
  return (b.start ?? 0) > (a.start ?? 0);
}

export class CodeBuildStore {
  private readonly entries = new Map<string, TargetEntry>();
  private order: string[] = [];

  /** Sets the account/region roots; data of roots that stay is kept. Returns true when the roots changed. */
  setTargets(refs: readonly TargetRef[]): boolean {
    const keys = refs.map((r) => targetKey(r));
    const changed = !deepEqual(this.order.map((k) => this.entries.get(k)?.ref), refs);
    for (const k of [...this.entries.keys()]) if (!keys.includes(k)) this.entries.delete(k);
    refs.forEach((ref, i) => {
      const key = keys[i] ?? targetKey(ref);
      const existing = this.entries.get(key);
      if (existing) existing.ref = ref;
      else this.entries.set(key, this.emptyTarget(key, ref));
    });
    this.order = keys.filter((k, i) => keys.indexOf(k) === i);
    return changed;
  }

  /** A target that is not a root (a command names another account); not shown, dropped by setTargets. */
  ensureTarget(ref: TargetRef): TargetEntry {
    const key = targetKey(ref);
    let entry = this.entries.get(key);
    if (!entry) {
      entry = this.emptyTarget(key, ref);
      this.entries.set(key, entry);
    }
    return entry;
  }

  private emptyTarget(key: string, ref: TargetRef): TargetEntry {
    return {
      key, ref, names: [], listed: false, complete: false, projects: new Map(),
      builds: new Map(), batches: new Map(), reports: new Map(), reportGroups: new Map(), groupReports: new Map(),
    };
  }

  targets(): TargetEntry[] {
    return this.order.map((k) => this.entries.get(k)).filter((e): e is TargetEntry => e !== undefined);
  }

  target(key: string): TargetEntry | undefined {
    return this.entries.get(key);
  }

  project(key: ProjectKey): ProjectEntry | undefined {
    return this.entries.get(key.target)?.projects.get(key.name);
  }

  build(target: string, id: string): BuildInfo | undefined {
    return this.entries.get(target)?.builds.get(id);
  }

  batch(target: string, id: string): BatchInfo | undefined {
    return this.entries.get(target)?.batches.get(id);
  }

  lastBuild(key: ProjectKey): BuildInfo | undefined {
    const p = this.project(key);
    return p?.lastBuildId ? this.build(key.target, p.lastBuildId) : undefined;
  }

  // ---- the project list ------------------------------------------------------------------------

  /**
   * Names from a page of ListProjects. `first` starts a listing; `last` ends it: projects missing from
   * a complete listing are gone. A refresh keeps showing the old list until it is complete.
   */
  applyNames(target: string, names: readonly string[], first: boolean, last: boolean, pending: string[]): string[] {
    const t = this.entries.get(target);
    if (!t) return [];
    if (first) pending.length = 0;
    pending.push(...names);
    const hadError = t.error !== undefined;
    delete t.error;
    if (t.complete && !last) return hadError ? [nodeIds.target(target)] : [];
    const next = [...new Set(pending)].sort(byName);
    for (const name of next) if (!t.projects.has(name)) t.projects.set(name, { name, lastBuildKnown: false });
    if (last) for (const name of [...t.projects.keys()]) if (!next.includes(name)) t.projects.delete(name);
    const changed = hadError || !t.listed || !deepEqual(next, t.names) || t.complete !== last;
    t.names = last || !t.complete ? next : t.names;
    t.listed = true;
    t.complete = last || t.complete;
    return changed ? [nodeIds.target(target)] : [];
  }

  applyListError(target: string, error: LoadError): string[] {
    const t = this.entries.get(target);
    if (!t || deepEqual(t.error, error)) return [];
    t.error = error;
    return [nodeIds.target(target)];
  }

  applyProjects(target: string, infos: readonly ProjectInfo[], asked: readonly string[]): string[] {
    const t = this.entries.get(target);
    if (!t) return [];
    const changed: string[] = [];
    for (const info of infos) {
      const p = t.projects.get(info.name) ?? { name: info.name, lastBuildKnown: false };
      t.projects.set(info.name, p);
      const was = p.info;
      if (!deepEqual(was, info) || p.error || p.deleted) {
        p.info = info;
        delete p.error;
        delete p.deleted;
        // A project that became a batch project grows a "Batch builds" node: its subtree changes.
        changed.push(nodeIds.project({ target, name: info.name }));
      }
    }
    const found = new Set(infos.map((i) => i.name));
    for (const name of asked) {
      const p = t.projects.get(name);
      if (p && !found.has(name) && !p.deleted) {
        p.deleted = true;
        changed.push(nodeIds.project({ target, name }));
      }
    }
    return changed;
  }

  applyProjectError(key: ProjectKey, error: LoadError): string[] {
    const p = this.project(key);
    if (!p || deepEqual(p.error, error)) return [];
    p.error = error;
    return [nodeIds.project(key)];
  }

  // ---- builds ------------------------------------------------------------------------------------

  /**
   * Stores builds (from any call) and moves each project's "last build" forward. Returns the rows that
   * show them: project rows, build rows, and the batch groups they belong to.
   */
  applyBuilds(target: string, builds: readonly BuildInfo[]): string[] {
    const t = this.entries.get(target);
    if (!t) return [];
    const changed = new Set<string>();
    for (const b of builds) {
      const key = { target, name: b.projectName };
      const before = t.builds.get(b.id);
      if (deepEqual(before, b)) continue;
      t.builds.set(b.id, b);
      changed.add(nodeIds.build(key, b.id));
      const p = t.projects.get(b.projectName);
      if (!p) continue;
      if (p.lastBuildId === b.id) changed.add(nodeIds.project(key));
      else if (newer(p.lastBuildId ? t.builds.get(p.lastBuildId) : undefined, b)) {
        p.lastBuildId = b.id;
        p.lastBuildKnown = true;
        changed.add(nodeIds.project(key));
      }
      if (p.builds && !p.builds.ids.includes(b.id) && newer(t.builds.get(p.builds.ids[0] ?? ''), b)) {
        p.builds = { ...p.builds, ids: [b.id, ...p.builds.ids] };
        changed.add(nodeIds.project(key));
      }
      if (b.batchArn) {
        for (const batch of t.batches.values()) {
          const group = batch.groups.find((g) => g.current?.arn === b.arn);
          if (group) changed.add(nodeIds.group(key, batch.id, group.identifier));
        }
      }
      if (b.reportArns.length && p.builds?.ids.includes(b.id)) changed.add(nodeIds.reports(key));
    }
    return [...changed];
  }

  /** A project's newest build id (or none): its "last build" is known from now on. */
  applyLastBuildId(key: ProjectKey, id: string | undefined): string[] {
    const p = this.project(key);
    if (!p) return [];
    const before = [p.lastBuildId, p.lastBuildKnown];
    const current = p.lastBuildId ? this.build(key.target, p.lastBuildId) : undefined;
    const candidate = id ? this.build(key.target, id) : undefined;
    // Keep a build already known to be newer (ListBuilds may have seen one since).
    if (id !== undefined && !(current && candidate && newer(candidate, current))) p.lastBuildId = id;
    p.lastBuildKnown = true;
    return deepEqual(before, [p.lastBuildId, p.lastBuildKnown]) ? [] : [nodeIds.project(key)];
  }

  /** ListBuilds' newest ids; returns the ids that were not there at the last look (all on the first). */
  applyRecentIds(target: string, ids: readonly string[]): string[] {
    const t = this.entries.get(target);
    if (!t) return [];
    const known = new Set(t.recentIds ?? []);
    t.recentIds = [...ids];
    delete t.recentDenied;
    return ids.filter((id) => !known.has(id));
  }

  /** Builds seen in ListBuilds but not read: their projects' last build is no longer known. */
  invalidateLastBuilds(target: string, ids: readonly string[]): void {
    const t = this.entries.get(target);
    for (const id of ids) {
      const p = t?.projects.get(projectOfBuildId(id));
      if (p?.lastBuildKnown && p.lastBuildId !== id) p.lastBuildKnown = false;
    }
  }

  markRecentDenied(target: string): void {
    const t = this.entries.get(target);
    if (t) t.recentDenied = true;
  }

  applyBuildPage(key: ProjectKey, page: IdPage, append: boolean): string[] {
    const p = this.project(key);
    if (!p) return [];
    const hadError = p.buildsError !== undefined;
    delete p.buildsError;
    const next = append && p.builds ? mergePage(p.builds, page) : keepLoaded(p.builds, page);
    const changed = hadError || !deepEqual(p.builds, next);
    p.builds = next;
    if (!append && page.ids[0]) this.applyLastBuildId(key, page.ids[0]);
    return changed ? [nodeIds.project(key)] : [];
  }

  applyBuildsError(key: ProjectKey, error: LoadError): string[] {
    const p = this.project(key);
    if (!p || deepEqual(p.buildsError, error)) return [];
    p.buildsError = error;
    return [nodeIds.project(key)];
  }

  /** Running builds known to the store, optionally only those `wanted` says are of interest. */
  runningBuilds(target: string, wanted?: (b: BuildInfo) => boolean): BuildInfo[] {
    return [...(this.entries.get(target)?.builds.values() ?? [])].filter((b) => isRunning(b.status) && (!wanted || wanted(b)));
  }

  // ---- batches -----------------------------------------------------------------------------------

  applyBatches(target: string, batches: readonly BatchInfo[]): string[] {
    const t = this.entries.get(target);
    if (!t) return [];
    const changed: string[] = [];
    for (const b of batches) {
      if (deepEqual(t.batches.get(b.id), b)) continue;
      t.batches.set(b.id, b);
      const key = { target, name: b.projectName };
      changed.push(nodeIds.batch(key, b.id));
      const p = t.projects.get(b.projectName);
      if (p?.batches && !p.batches.ids.includes(b.id)) {
        p.batches = { ...p.batches, ids: [b.id, ...p.batches.ids] };
        changed.push(nodeIds.batches(key));
      }
      const last = p?.lastBuildId ? t.builds.get(p.lastBuildId) : undefined;
      if (last?.batchArn && last.batchArn === b.arn) changed.push(nodeIds.project(key));
    }
    return changed;
  }

  applyBatchPage(key: ProjectKey, page: IdPage, append: boolean): string[] {
    const p = this.project(key);
    if (!p) return [];
    const hadError = p.batchesError !== undefined;
    delete p.batchesError;
    const next = append && p.batches ? mergePage(p.batches, page) : keepLoaded(p.batches, page);
    const changed = hadError || !deepEqual(p.batches, next);
    p.batches = next;
    return changed ? [nodeIds.batches(key)] : [];
  }

  applyBatchesError(key: ProjectKey, error: LoadError): string[] {
    const p = this.project(key);
    if (!p || deepEqual(p.batchesError, error)) return [];
    p.batchesError = error;
    return [nodeIds.batches(key)];
  }

  /** The batch a member build belongs to, when it is loaded. */
  batchOf(target: string, build: BuildInfo): BatchInfo | undefined {
    if (!build.batchArn) return undefined;
    for (const b of this.entries.get(target)?.batches.values() ?? []) if (b.arn === build.batchArn) return b;
    return undefined;
  }

  // ---- reports -----------------------------------------------------------------------------------

  /** Report groups of a project: those its loaded builds wrote reports to, by group ARN. */
  reportGroupArnsOf(key: ProjectKey): string[] {
    const t = this.entries.get(key.target);
    const p = t?.projects.get(key.name);
    const out = new Set<string>();
    for (const id of p?.builds?.ids ?? []) {
      for (const arn of t?.builds.get(id)?.reportArns ?? []) {
        const group = reportGroupArnOf(arn);
        if (group) out.add(group);
      }
    }
    return [...out].sort();
  }

  applyReportGroups(target: string, groups: readonly ReportGroupInfo[]): string[] {
    const t = this.entries.get(target);
    if (!t) return [];
    let changed = false;
    for (const g of groups) {
      if (deepEqual(t.reportGroups.get(g.arn), g)) continue;
      t.reportGroups.set(g.arn, g);
      changed = true;
    }
    // Report group nodes sit under every project that reports to them: refresh those "Reports" nodes.
    if (!changed) return [];
    return [...t.projects.values()].filter((p) => p.builds).map((p) => nodeIds.reports({ target, name: p.name }));
  }

  applyReports(target: string, reports: readonly ReportInfo[]): string[] {
    const t = this.entries.get(target);
    if (!t) return [];
    const changed: string[] = [];
    for (const r of reports) {
      if (deepEqual(t.reports.get(r.arn), r)) continue;
      t.reports.set(r.arn, r);
      const build = r.executionId ? t.builds.get(idOfArn(r.executionId)) : undefined;
      const project = build?.projectName ?? (r.executionId ? projectOfBuildId(r.executionId) : undefined);
      if (!project) continue;
      const key = { target, name: project };
      if (build) changed.push(nodeIds.buildReport(key, build.id, r.arn));
      if (r.groupArn) changed.push(nodeIds.report(key, r.groupArn, r.arn));
    }
    return changed;
  }

  applyGroupReports(target: string, project: string, groupArn: string, page: IdPage, append: boolean): string[] {
    const t = this.entries.get(target);
    if (!t) return [];
    const before = t.groupReports.get(groupArn);
    const next = append && before ? mergePage(before, page) : keepLoaded(before, page);
    if (deepEqual(before, next)) return [];
    t.groupReports.set(groupArn, next);
    return [nodeIds.reportGroup({ target, name: project }, groupArn)];
  }
}

function mergePage(before: IdPage, page: IdPage): IdPage {
  const seen = new Set(before.ids);
  return { ids: [...before.ids, ...page.ids.filter((id) => !seen.has(id))], ...(page.nextToken ? { nextToken: page.nextToken } : {}) };
}

/** A refresh of the first page must not throw away pages loaded with "Load more". */
function keepLoaded(before: IdPage | undefined, page: IdPage): IdPage {
  if (!before || before.ids.length <= page.ids.length) return page;
  const fresh = new Set(page.ids);
  return { ids: [...page.ids, ...before.ids.filter((id) => !fresh.has(id))], ...(before.nextToken ? { nextToken: before.nextToken } : {}) };
}
