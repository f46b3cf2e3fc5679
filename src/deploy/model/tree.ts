// The Deployments view without editor types: applications → deployment groups → deployments (newest
// first, "Load more") → targets (failed first, "Load more") → lifecycle events. What a level loaded is
// kept until it is refreshed, so re-rendering costs no request; a failed load becomes an error row that
// keeps the cause (clicking it offers the fixes: sign in, pick a profile, retry).
import type { AwsTarget } from '../../aws/access';
import type { Disposable } from '../../core/disposables';
import { Emitter } from '../../core/event';
import { treeId } from '../../core/tree';
import type { DeployApi } from './api';
import { isActive } from './deployment-actions';
import { type GroupKey, groupKeyId, groupKeyOf } from './keys';
import { loadApplications, loadGroups } from './loader';
import { deploymentPager, type IdPager, targetCount, targetPager } from './pager';
import type { ApplicationSummary, DeploymentGroupSummary, DeploymentSummary, LifecycleEventInfo, TargetInfo } from './types';

export type DeployNode =
  | { kind: 'application'; account: AwsTarget; application: ApplicationSummary }
  | { kind: 'group'; account: AwsTarget; group: DeploymentGroupSummary }
  | { kind: 'deployment'; account: AwsTarget; deployment: DeploymentSummary; latest: boolean }
  | { kind: 'moreDeployments'; account: AwsTarget; application: string; group: string; loaded: number }
  | { kind: 'target'; account: AwsTarget; deployment: DeploymentSummary; info: TargetInfo }
  | { kind: 'moreTargets'; account: AwsTarget; deployment: DeploymentSummary; loaded: number; total?: number }
  | { kind: 'event'; account: AwsTarget; deployment: DeploymentSummary; info: TargetInfo; event: LifecycleEventInfo }
  | { kind: 'message'; parentId: string; label: string; description?: string; tooltip?: string; hint?: boolean }
  | { kind: 'error'; parentId: string; title: string; message: string; failure: DeployFailure };

/** A failed call: what failed, with the cause to explain and retry. */
export interface DeployFailure {
  cause: unknown;
  operation: string;
  account: AwsTarget;
}

export interface DeployTreeDeps {
  /** The selected profile and region, undefined when none is configured. */
  current(): AwsTarget | undefined;
  api(account: AwsTarget): DeployApi;
  /** The explained message of a failure (the editor logs it too). */
  explain(failure: DeployFailure): string;
  /** The operation a failed call was, when the client stamped it on the error. */
  operationOf?(error: unknown): string | undefined;
}

const where = (a: AwsTarget): string[] => [a.profile, a.region];

/** The one id of every row (also what `parent` and change events are keyed by). */
export function deployNodeId(node: DeployNode): string {
  switch (node.kind) {
    case 'application': return treeId('application', ...where(node.account), node.application.name);
    case 'group': return treeId('group', ...where(node.account), node.group.applicationName, node.group.name);
    case 'deployment': return treeId('deployment', ...where(node.account), node.deployment.id);
    case 'moreDeployments': return treeId('moreDeployments', ...where(node.account), node.application, node.group);
    case 'target': return treeId('target', ...where(node.account), node.deployment.id, node.info.id);
    case 'moreTargets': return treeId('moreTargets', ...where(node.account), node.deployment.id);
    case 'event': return treeId('event', ...where(node.account), node.deployment.id, node.info.id, node.event.name);
    case 'message': return treeId('message', node.parentId, node.label);
    case 'error': return treeId('error', node.parentId);
  }
}

type Cached<T> = { value: T } | undefined;
type DeploymentNode = Extract<DeployNode, { kind: 'deployment' }>;

export class DeployTreeModel implements Disposable {
  private applications: Cached<ApplicationSummary[]>;
  private readonly groups = new Map<string, DeploymentGroupSummary[]>();
  private readonly deploymentPagers = new Map<string, IdPager<DeploymentSummary>>();
  private readonly targetPagers = new Map<string, IdPager<TargetInfo>>();
  /** The latest row handed out for each id: change events and `parent` must name the objects the view holds. */
  private readonly nodes = new Map<string, DeployNode>();
  /** Child id → parent id (the parent's latest row is in `nodes`). */
  private readonly parents = new Map<string, string>();
  private readonly changed = new Emitter<readonly DeployNode[] | undefined>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly deps: DeployTreeDeps) {}

  async children(node?: DeployNode): Promise<DeployNode[]> {
    const rows = await this.load(node);
    for (const row of rows) {
      const id = deployNodeId(row);
      this.nodes.set(id, row);
      if (node) this.parents.set(id, deployNodeId(node));
      else this.parents.delete(id);
    }
    return rows;
  }

  /** The parent's row as the view holds it now (a re-render replaces rows by new objects). */
  parent(node: DeployNode): DeployNode | undefined {
    const id = this.parents.get(deployNodeId(node));
    return id === undefined ? undefined : this.nodes.get(id);
  }

  /** The group's row, if the view holds it. */
  groupNode(key: GroupKey): DeployNode | undefined {
    return this.nodes.get(treeId('group', key.profile, key.region, key.application, key.group));
  }

  /** Forgets what `node` (or everything) loaded; the view asks again. */
  refresh(node?: DeployNode): void {
    if (!node) {
      this.applications = undefined;
      this.groups.clear();
      this.deploymentPagers.clear();
      this.targetPagers.clear();
      this.nodes.clear();
      this.parents.clear();
      this.changed.fire(undefined);
      return;
    }
    switch (node.kind) {
      case 'application': this.groups.delete(this.appKey(node.account, node.application.name)); break;
      case 'group': this.deploymentPagers.delete(this.groupKey(node.account, node.group.applicationName, node.group.name)); break;
      case 'deployment': this.targetPagers.delete(this.deploymentKey(node.account, node.deployment.id)); break;
      default: break;
    }
    this.changed.fire([this.nodes.get(deployNodeId(node)) ?? node]);
  }

  /** Loads the next page behind a "Load more" row and re-renders its parent. */
  async loadMore(node: DeployNode): Promise<void> {
    const pager = node.kind === 'moreDeployments' ? this.deploymentPagers.get(this.groupKey(node.account, node.application, node.group))
      : node.kind === 'moreTargets' ? this.targetPagers.get(this.deploymentKey(node.account, node.deployment.id)) : undefined;
    if (!pager) return;
    await pager.next();
    const parent = this.parent(node);
    this.changed.fire(parent ? [parent] : undefined);
  }

  /**
   * Reloads the deployments shown that are still going (one BatchGetDeployments per account), the
   * groups of those whose status changed, and re-renders them: an expanded one lists its targets again,
   * a collapsed one costs nothing more. Resolves to the number of deployments reloaded.
   */
  async refreshActive(signal?: AbortSignal): Promise<number> {
    const active = [...this.nodes.values()].filter((n): n is DeploymentNode => n.kind === 'deployment' && isActive(n.deployment.status));
    const byAccount = new Map<string, DeploymentNode[]>();
    for (const n of active) {
      const key = JSON.stringify(where(n.account));
      byAccount.set(key, [...(byAccount.get(key) ?? []), n]);
    }
    const changed: DeployNode[] = [];
    for (const nodes of byAccount.values()) {
      const account = nodes[0]!.account;
      const fresh = new Map((await this.deps.api(account).getDeployments(nodes.map((n) => n.deployment.id), signal)).map((d) => [d.id, d]));
      for (const n of nodes) {
        const d = fresh.get(n.deployment.id);
        this.targetPagers.delete(this.deploymentKey(account, n.deployment.id));
        changed.push(n);
        if (!d || d.status === n.deployment.status) {
          if (d) n.deployment = d;
          continue;
        }
        n.deployment = d;
        this.deploymentPagers.get(this.groupKey(account, d.applicationName, d.groupName))?.replace(d);
        const group = this.groupNode(groupKeyOf(account, d.applicationName, d.groupName));
        if (group?.kind === 'group') {
          await this.reloadGroup(group, signal);
          changed.push(group);
        }
      }
    }
    if (changed.length) this.changed.fire(changed);
    return active.length;
  }

  /**
   * Takes groups read elsewhere (the watcher's rounds): a loaded group gets the new summary, and one
   * whose latest deployment changed lists its deployments again; the rows shown re-render.
   */
  applyGroups(account: AwsTarget, groups: readonly DeploymentGroupSummary[]): void {
    const changed: DeployNode[] = [];
    for (const fresh of groups) {
      const key = this.appKey(account, fresh.applicationName);
      const list = this.groups.get(key);
      const old = list?.find((g) => g.name === fresh.name);
      if (!list || !old || JSON.stringify(old) === JSON.stringify(fresh)) continue;
      this.groups.set(key, list.map((g) => (g === old ? fresh : g)));
      if (old.lastAttempted?.id !== fresh.lastAttempted?.id) this.deploymentPagers.delete(this.groupKey(account, fresh.applicationName, fresh.name));
      const node = this.groupNode(groupKeyOf(account, fresh.applicationName, fresh.name));
      if (node?.kind === 'group') {
        node.group = fresh;
        changed.push(node);
      }
    }
    if (changed.length) this.changed.fire(changed);
  }

  /**
   * The rows from the root to a deployment (application, group, deployment), loading what is needed:
   * the deployment, then its group's pages until it shows. Undefined when it cannot be shown.
   */
  async pathTo(account: AwsTarget, deploymentId: string, maxPages = 20): Promise<DeployNode[] | undefined> {
    const [d] = await this.deps.api(account).getDeployments([deploymentId]);
    if (!d) return undefined;
    const app = (await this.children()).find((n) => n.kind === 'application' && n.application.name === d.applicationName);
    if (!app) return undefined;
    const group = (await this.children(app)).find((n) => n.kind === 'group' && n.group.name === d.groupName);
    if (!group || group.kind !== 'group') return undefined;
    for (let page = 0; page < maxPages; page++) {
      const rows = await this.children(group);
      const found = rows.find((n) => n.kind === 'deployment' && n.deployment.id === deploymentId);
      if (found) return [app, group, found];
      const more = rows.find((n) => n.kind === 'moreDeployments');
      if (!more) return undefined;
      await this.loadMore(more);
    }
    return undefined;
  }

  /** Whether a deployment the view shows is still going (the editor then reloads it while visible). */
  hasActiveDeployments(): boolean {
    return [...this.nodes.values()].some((n) => n.kind === 'deployment' && isActive(n.deployment.status));
  }

  /** Deployment groups already loaded (for watchers and diagnostics). */
  loadedGroups(): DeploymentGroupSummary[] {
    return [...this.groups.values()].flat();
  }

  private async load(node?: DeployNode): Promise<DeployNode[]> {
    if (!node) return this.roots();
    switch (node.kind) {
      case 'application': return this.groupRows(node);
      case 'group': return this.deploymentRows(node);
      case 'deployment': return this.targetRows(node);
      case 'target': return this.eventRows(node);
      default: return [];
    }
  }

  private async roots(): Promise<DeployNode[]> {
    const account = this.deps.current();
    if (!account) {
      return [{ kind: 'message', parentId: '', label: 'Choose an AWS profile to see CodeDeploy applications', hint: true }];
    }
    return this.guard('', 'ListApplications', account, 'Couldn’t list CodeDeploy applications', async () => {
      this.applications ??= { value: await loadApplications(this.deps.api(account)) };
      const apps = this.applications.value;
      if (apps.length === 0) {
        return [{ kind: 'message', parentId: '', label: `No CodeDeploy applications in ${account.region}`,
          tooltip: 'Create one in the CodeDeploy console, or choose another region with "Conveyor: Select Region".' }];
      }
      return apps.map((application): DeployNode => ({ kind: 'application', account, application }));
    });
  }

  private groupRows(node: Extract<DeployNode, { kind: 'application' }>): Promise<DeployNode[]> {
    const { account, application } = node;
    return this.guard(deployNodeId(node), 'ListDeploymentGroups', account, 'Couldn’t list deployment groups', async () => {
      const key = this.appKey(account, application.name);
      let groups = this.groups.get(key);
      if (!groups) {
        groups = await loadGroups(this.deps.api(account), application.name);
        this.groups.set(key, groups);
      }
      if (groups.length === 0) return [{ kind: 'message', parentId: deployNodeId(node), label: 'No deployment groups' }];
      return groups.map((group): DeployNode => ({ kind: 'group', account, group }));
    });
  }

  private deploymentRows(node: Extract<DeployNode, { kind: 'group' }>): Promise<DeployNode[]> {
    const { account, group } = node;
    return this.guard(deployNodeId(node), 'ListDeployments', account, 'Couldn’t list deployments', async () => {
      const key = this.groupKey(account, group.applicationName, group.name);
      let pager = this.deploymentPagers.get(key);
      if (!pager) {
        pager = deploymentPager(this.deps.api(account), group.applicationName, group.name);
        this.deploymentPagers.set(key, pager);
      }
      if (pager.loaded.length === 0 && pager.hasMore) await pager.next();
      if (pager.loaded.length === 0) return [{ kind: 'message', parentId: deployNodeId(node), label: 'No deployments yet' }];
      const rows: DeployNode[] = pager.loaded.map((deployment, i): DeployNode => ({ kind: 'deployment', account, deployment, latest: i === 0 }));
      if (pager.hasMore) rows.push({ kind: 'moreDeployments', account, application: group.applicationName, group: group.name, loaded: pager.loaded.length });
      return rows;
    });
  }

  private targetRows(node: DeploymentNode): Promise<DeployNode[]> {
    const { account, deployment } = node;
    if (deployment.status === 'Created' || deployment.status === 'Queued') {
      return Promise.resolve([{ kind: 'message', parentId: deployNodeId(node), label: 'Not started yet', description: 'no targets to show' }]);
    }
    return this.guard(deployNodeId(node), 'ListDeploymentTargets', account, 'Couldn’t list the targets', async () => {
      const key = this.deploymentKey(account, deployment.id);
      let pager = this.targetPagers.get(key);
      if (!pager) {
        pager = targetPager(this.deps.api(account), deployment);
        this.targetPagers.set(key, pager);
      }
      if (pager.loaded.length === 0 && pager.hasMore) await pager.next();
      if (pager.loaded.length === 0) return [{ kind: 'message', parentId: deployNodeId(node), label: 'No targets' }];
      const rows: DeployNode[] = pager.loaded.map((info): DeployNode => ({ kind: 'target', account, deployment, info }));
      if (pager.hasMore) {
        const total = targetCount(deployment);
        rows.push({ kind: 'moreTargets', account, deployment, loaded: pager.loaded.length, ...(total !== undefined ? { total } : {}) });
      }
      return rows;
    });
  }

  private eventRows(node: Extract<DeployNode, { kind: 'target' }>): Promise<DeployNode[]> {
    const { account, deployment, info } = node;
    if (info.events.length === 0) return Promise.resolve([{ kind: 'message', parentId: deployNodeId(node), label: 'No lifecycle events yet' }]);
    return Promise.resolve(info.events.map((event): DeployNode => ({ kind: 'event', account, deployment, info, event })));
  }

  /** Runs a load; a failure becomes one error row (the operation from the failing call when it says). */
  private async guard(parentId: string, operation: string, account: AwsTarget, title: string, work: () => Promise<DeployNode[]>): Promise<DeployNode[]> {
    try {
      return await work();
    } catch (cause) {
      const failure: DeployFailure = { cause, operation: this.deps.operationOf?.(cause) ?? operation, account };
      return [{ kind: 'error', parentId, title, message: this.deps.explain(failure), failure }];
    }
  }

  private async reloadGroup(node: Extract<DeployNode, { kind: 'group' }>, signal?: AbortSignal): Promise<void> {
    const [fresh] = await this.deps.api(node.account).getGroups(node.group.applicationName, [node.group.name], signal);
    if (!fresh) return;
    node.group = fresh;
    const key = this.appKey(node.account, fresh.applicationName);
    const list = this.groups.get(key);
    if (list) this.groups.set(key, list.map((g) => (g.name === fresh.name ? fresh : g)));
  }

  private appKey(account: AwsTarget, application: string): string {
    return JSON.stringify([...where(account), application]);
  }

  private groupKey(account: AwsTarget, application: string, group: string): string {
    return groupKeyId(groupKeyOf(account, application, group));
  }

  private deploymentKey(account: AwsTarget, id: string): string {
    return JSON.stringify([...where(account), id]);
  }

  dispose(): void {
    this.changed.dispose();
  }
}
