// The shape of the CodeBuild tree, computed from the store and the view's own state (filter, pages,
// expansion): projects → builds (phases, artifacts, reports), batch builds (their groups) and report
// groups (their reports). Nodes are cached by id so the editor sees the same object for a node.
import { parseTargetKey } from '../../aws/targets';
import { NodeCache } from '../../core/node-cache';
import { RootPaging } from '../../core/root-paging';
import type { LoadError } from '../../core/explorer';
import type { MessageNode, MessageSeverity } from '../../core/tree';
import { nodeIds } from './keys';
import type { CodeBuildStore, TargetEntry } from './store';
import type { ProjectKey } from './types';

export type { MessageSeverity } from '../../core/tree';

export type TreeNode =
  | { kind: 'target'; id: string; target: string }
  | { kind: 'project'; id: string; key: ProjectKey }
  | { kind: 'moreProjects'; id: string; target: string; remaining: number }
  | { kind: 'build'; id: string; key: ProjectKey; buildId: string }
  | { kind: 'moreBuilds'; id: string; key: ProjectKey }
  | { kind: 'phase'; id: string; key: ProjectKey; buildId: string; phase: string }
  | { kind: 'artifact'; id: string; key: ProjectKey; buildId: string; index: number }
  | { kind: 'buildReport'; id: string; key: ProjectKey; buildId: string; reportArn: string }
  | { kind: 'batches'; id: string; key: ProjectKey }
  | { kind: 'batch'; id: string; key: ProjectKey; batchId: string }
  | { kind: 'moreBatches'; id: string; key: ProjectKey }
  | { kind: 'group'; id: string; key: ProjectKey; batchId: string; identifier: string }
  | { kind: 'reports'; id: string; key: ProjectKey }
  | { kind: 'reportGroup'; id: string; key: ProjectKey; groupArn: string }
  | { kind: 'report'; id: string; key: ProjectKey; groupArn: string; reportArn: string }
  | MessageNode;

export const NODE_KINDS: ReadonlySet<string> = new Set<TreeNode['kind']>([
  'target', 'project', 'moreProjects', 'build', 'moreBuilds', 'phase', 'artifact', 'buildReport', 'batches', 'batch',
  'moreBatches', 'group', 'reports', 'reportGroup', 'report', 'message',
]);

export const DEFAULT_PAGE_SIZE = 50;
/** Builds shown per page under a project (their details cost one BatchGetBuilds per page). */
export const BUILDS_PAGE = 10;
export const BATCHES_PAGE = 10;
export const REPORTS_PAGE = 5;

const keyId = (k: ProjectKey): string => JSON.stringify([k.target, k.name]);
const fromKeyId = (id: string): ProjectKey => {
  const [target, name] = JSON.parse(id) as [string, string];
  return { target, name };
};

export class TreeModel extends RootPaging {
  private readonly cache = new NodeCache<TreeNode>();
  private readonly buildsShown = new Map<string, number>();
  private readonly expanded = { project: new Set<string>(), batches: new Set<string>(), reports: new Set<string>() };
  private readonly expandedGroups = new Map<string, ProjectKey>();

  constructor(private readonly store: CodeBuildStore, pageSize = DEFAULT_PAGE_SIZE) {
    super(pageSize);
  }

  get multiRoot(): boolean {
    return this.store.targets().length > 1;
  }

  get(id: string): TreeNode | undefined {
    return this.cache.get(id);
  }

  roots(): TreeNode[] {
    const targets = this.store.targets();
    if (targets.length === 1 && targets[0]) return this.projectsOf(targets[0]);
    return targets.map((t) => this.node({ kind: 'target', id: nodeIds.target(t.key), target: t.key }));
  }

  children(parent: TreeNode | undefined): TreeNode[] {
    if (!parent) return this.roots();
    switch (parent.kind) {
      case 'target': {
        const t = this.store.target(parent.target);
        return t ? this.projectsOf(t) : [];
      }
      case 'project':
        return this.projectChildren(parent.key);
      case 'build':
        return this.buildChildren(parent.key, parent.buildId);
      case 'batches':
        return this.batchList(parent.key);
      case 'batch': {
        const batch = this.store.batch(parent.key.target, parent.batchId);
        return (batch?.groups ?? []).map((g) => this.node({
          kind: 'group', id: nodeIds.group(parent.key, parent.batchId, g.identifier), key: parent.key, batchId: parent.batchId, identifier: g.identifier,
        }));
      }
      case 'reports':
        return this.store.reportGroupArnsOf(parent.key).map((groupArn) => this.node({
          kind: 'reportGroup', id: nodeIds.reportGroup(parent.key, groupArn), key: parent.key, groupArn,
        }));
      case 'reportGroup':
        return this.reportList(parent.key, parent.groupArn);
      default:
        return [];
    }
  }

  matching(target: TargetEntry): string[] {
    return this.filterNames(target.names);
  }

  /** Builds of a project shown now (its loaded ids may be more). */
  buildsShownCount(key: ProjectKey): number {
    return this.buildsShown.get(keyId(key)) ?? BUILDS_PAGE;
  }

  showMoreBuilds(key: ProjectKey): void {
    this.buildsShown.set(keyId(key), this.buildsShownCount(key) + BUILDS_PAGE);
  }

  /** The build ids of a project's rows (a page of what is loaded). */
  shownBuildIds(key: ProjectKey): string[] {
    return (this.store.project(key)?.builds?.ids ?? []).slice(0, this.buildsShownCount(key));
  }

  setExpanded(node: TreeNode, expanded: boolean): void {
    if (node.kind === 'target') {
      this.setRootExpanded(node.target, expanded);
      return;
    }
    const set = node.kind === 'project' ? this.expanded.project : node.kind === 'batches' ? this.expanded.batches : node.kind === 'reports' ? this.expanded.reports : undefined;
    if (set && 'key' in node) {
      if (expanded) set.add(keyId(node.key));
      else set.delete(keyId(node.key));
    } else if (node.kind === 'reportGroup') {
      if (expanded) this.expandedGroups.set(node.groupArn, node.key);
      else this.expandedGroups.delete(node.groupArn);
    }
  }

  /** Project rows the person can see (a page per expanded root). */
  displayedProjects(): ProjectKey[] {
    const out: ProjectKey[] = [];
    const targets = this.store.targets();
    for (const t of targets) {
      if (this.isHidden(t.key, targets.length)) continue;
      for (const name of this.matching(t).slice(0, this.shownCount(t.key))) out.push({ target: t.key, name });
    }
    return out;
  }

  expandedProjects(): ProjectKey[] {
    return this.keysOf(this.expanded.project);
  }

  expandedBatchFolders(): ProjectKey[] {
    return this.keysOf(this.expanded.batches);
  }

  expandedReportGroups(): { key: ProjectKey; groupArn: string }[] {
    return [...this.expandedGroups].map(([groupArn, key]) => ({ key, groupArn })).filter((g) => this.store.project(g.key));
  }

  private keysOf(set: Set<string>): ProjectKey[] {
    return [...set].map(fromKeyId).filter((k) => this.store.project(k) !== undefined);
  }

  private projectsOf(t: TargetEntry): TreeNode[] {
    const parentId = nodeIds.target(t.key);
    const out: TreeNode[] = [];
    if (t.error) out.push(this.failure(parentId, 'error', 'Couldn’t list projects', t.error, t.listed ? 'Showing the last list Conveyor loaded.' : undefined));
    if (!t.listed) return out;
    const names = this.matching(t);
    if (names.length === 0) {
      if (!t.complete) return out;
      const where = parseTargetKey(t.key);
      out.push(this.message(parentId, 'info', this.filter ? `No project matches “${this.filter}”` : `No CodeBuild projects in ${where ? where.region : 'this region'}`, false));
      return out;
    }
    const count = this.shownCount(t.key);
    for (const name of names.slice(0, count)) {
      const key = { target: t.key, name };
      out.push(this.node({ kind: 'project', id: nodeIds.project(key), key }));
    }
    if (names.length > count || !t.complete) {
      out.push(this.node({ kind: 'moreProjects', id: nodeIds.moreProjects(t.key), target: t.key, remaining: Math.max(0, names.length - count) }));
    }
    return out;
  }

  private projectChildren(key: ProjectKey): TreeNode[] {
    const p = this.store.project(key);
    const parentId = nodeIds.project(key);
    if (!p) return [];
    if (p.deleted) return [this.message(parentId, 'error', `Project “${key.name}” no longer exists.`, false)];
    const out: TreeNode[] = [];
    if (p.error) out.push(this.failure(parentId, 'warning', 'Couldn’t read this project', p.error));
    if (p.info?.batch || p.batches?.ids.length) out.push(this.node({ kind: 'batches', id: nodeIds.batches(key), key }));
    if (this.store.reportGroupArnsOf(key).length) out.push(this.node({ kind: 'reports', id: nodeIds.reports(key), key }));
    if (p.buildsError) out.push(this.failure(parentId, 'error', 'Couldn’t list builds', p.buildsError));
    const builds = p.builds;
    if (!builds) return out;
    const ids = this.shownBuildIds(key).filter((id) => this.store.build(key.target, id));
    if (!builds.ids.length) out.push(this.message(parentId, 'info', 'No builds yet', false));
    for (const buildId of ids) out.push(this.node({ kind: 'build', id: nodeIds.build(key, buildId), key, buildId }));
    if (builds.ids.length > this.buildsShownCount(key) || builds.nextToken) out.push(this.node({ kind: 'moreBuilds', id: nodeIds.moreBuilds(key), key }));
    return out;
  }

  private buildChildren(key: ProjectKey, buildId: string): TreeNode[] {
    const b = this.store.build(key.target, buildId);
    if (!b) return [];
    return [
      ...b.phases.filter((ph) => ph.type !== 'COMPLETED').map((ph) => this.node({ kind: 'phase', id: nodeIds.phase(key, buildId, ph.type), key, buildId, phase: ph.type })),
      ...b.artifacts.map((_, index) => this.node({ kind: 'artifact', id: nodeIds.artifact(key, buildId, index), key, buildId, index })),
      ...b.reportArns.map((reportArn) => this.node({ kind: 'buildReport', id: nodeIds.buildReport(key, buildId, reportArn), key, buildId, reportArn })),
    ];
  }

  private batchList(key: ProjectKey): TreeNode[] {
    const p = this.store.project(key);
    const parentId = nodeIds.batches(key);
    const out: TreeNode[] = [];
    if (p?.batchesError) out.push(this.failure(parentId, 'error', 'Couldn’t list batch builds', p.batchesError));
    if (!p?.batches) return out;
    if (!p.batches.ids.length) out.push(this.message(parentId, 'info', 'No batch builds yet', false));
    for (const batchId of p.batches.ids.filter((id) => this.store.batch(key.target, id))) {
      out.push(this.node({ kind: 'batch', id: nodeIds.batch(key, batchId), key, batchId }));
    }
    if (p.batches.nextToken) out.push(this.node({ kind: 'moreBatches', id: nodeIds.moreBatches(key), key }));
    return out;
  }

  private reportList(key: ProjectKey, groupArn: string): TreeNode[] {
    const t = this.store.target(key.target);
    const page = t?.groupReports.get(groupArn);
    if (!page) return [];
    const parentId = nodeIds.reportGroup(key, groupArn);
    if (!page.ids.length) return [this.message(parentId, 'info', 'No reports yet', false)];
    return page.ids.filter((arn) => t?.reports.has(arn)).map((reportArn) => this.node({
      kind: 'report', id: nodeIds.report(key, groupArn, reportArn), key, groupArn, reportArn,
    }));
  }

  private message(parentId: string, severity: MessageSeverity, text: string, retry: boolean, detail?: string): TreeNode {
    return this.node({ kind: 'message', id: nodeIds.message(parentId, severity), parentId, severity, text, retry, ...(detail ? { detail } : {}) });
  }

  private failure(parentId: string, severity: MessageSeverity, title: string, error: LoadError, detail?: string): TreeNode {
    return this.node({
      kind: 'message', id: nodeIds.message(parentId, severity), parentId, severity, text: error.message, retry: true,
      failure: { title, category: error.category }, ...(detail ? { detail } : {}),
    });
  }

  private node<T extends TreeNode>(fresh: T): T {
    return this.cache.node(fresh);
  }
}
