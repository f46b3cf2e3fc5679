// What the deploy commands do, on rows of the Deployments view or on a deployment another feature
// names by id ({ deploymentId, profile?, region? }). Every change to CodeDeploy is confirmed first.
import type { AwsTarget } from '../../aws/access';
import { formatAgo } from '../../core/format';
import type { EditorUi, PickItem } from '../../editor/ui';
import type { DeployApi } from '../model/api';
import { deploymentArgs, eventLogArgs, isDeployNode } from '../model/command-args';
import { applicationConsoleUrl, deploymentConsoleUrl, groupConsoleUrl } from '../model/console';
import { canStop, continueWaitType, planRedeploy } from '../model/deployment-actions';
import type { DeployNode, DeployTreeModel } from '../model/tree';
import type { DeploymentStatus, DeploymentSummary, FailedEvent } from '../model/types';
import { deploymentStatusLabel } from '../present/status';

type Node<K extends DeployNode['kind']> = Extract<DeployNode, { kind: K }>;

export interface DeployCommandDeps {
  model: DeployTreeModel;
  ui: EditorUi;
  api(account: AwsTarget): DeployApi;
  current(): AwsTarget | undefined;
  /** Shows a deployment's row in the view (selected, expanded). */
  reveal(account: AwsTarget, deploymentId: string): Promise<boolean>;
  openFailure(account: AwsTarget, failed: FailedEvent, deployment: DeploymentSummary): Promise<void>;
  openEventLog(account: AwsTarget, deploymentId: string, targetId: string, event: string): Promise<void>;
  setWatched(account: AwsTarget, application: string, group: string, on: boolean): Promise<void>;
  /** Opens the deployment's details page. */
  showDetails(account: AwsTarget, deploymentId: string): Promise<unknown>;
}

const DEPLOYMENT_ID = /^d-[A-Z0-9]{9}$/;
/** Statuses of deployments that Stop or Continue may act on. */
const ACTIVE_STATUSES: readonly DeploymentStatus[] = ['Created', 'Queued', 'InProgress', 'Baking', 'Ready'];
/** Deployments the palette offers at most. */
const PICK_LIMIT = 100;

function nodeOf<K extends DeployNode['kind']>(arg: unknown, ...kinds: K[]): Node<K> | undefined {
  return isDeployNode(arg) && (kinds as string[]).includes(arg.kind) ? arg as Node<K> : undefined;
}

export class DeployCommands {
  constructor(private readonly deps: DeployCommandDeps) {}

  refresh(arg?: unknown): void {
    this.deps.model.refresh(isDeployNode(arg) ? arg : undefined);
  }

  async loadMore(arg: unknown): Promise<void> {
    const node = nodeOf(arg, 'moreDeployments', 'moreTargets');
    if (node) await this.deps.model.loadMore(node);
  }

  showError(arg: unknown): void {
    const node = nodeOf(arg, 'error');
    if (!node) return;
    const { cause, operation, account } = node.failure;
    const parent = this.deps.model.parent(node);
    this.deps.ui.reportAwsError(cause, { service: 'codedeploy', operation, target: account }, () => this.deps.model.refresh(parent));
  }

  /** A deployment row, or `{ deploymentId, profile?, region? }`, or (Command Palette) a typed id. */
  async showDeployment(arg?: unknown): Promise<boolean> {
    const named = await this.deploymentOf(arg, 'Show Deployment');
    if (!named) return false;
    const shown = await this.deps.reveal(named.account, named.deployment.id);
    if (!shown) this.deps.ui.notify('warning', `Deployment ${named.deployment.id} is not in the Deployments view of ${named.account.profile} / ${named.account.region}.`);
    return shown;
  }

  /** A deployment row's click, `{ deploymentId, profile?, region? }`, or (Command Palette) a typed id: the details page. */
  async showDetails(arg?: unknown): Promise<void> {
    const named = await this.deploymentOf(arg, 'Show Deployment Details');
    if (named) await this.deps.showDetails(named.account, named.deployment.id);
  }

  async openFailure(arg: unknown): Promise<void> {
    const node = nodeOf(arg, 'event', 'target', 'deployment');
    if (!node) return;
    const failed = await this.failedEventOf(node);
    if (!failed) {
      this.deps.ui.notify('info', `No lifecycle event failed in ${node.kind === 'deployment' ? `deployment ${node.deployment.id}` : node.info.id}.`);
      return;
    }
    await this.deps.openFailure(node.account, failed, node.deployment);
  }

  async showEventLog(arg: unknown): Promise<void> {
    const node = nodeOf(arg, 'event');
    if (node) {
      await this.deps.openEventLog(node.account, node.deployment.id, node.info.id, node.event.name);
      return;
    }
    const named = eventLogArgs(arg);
    if (named) await this.deps.openEventLog(named.account, named.deploymentId, named.targetId, named.event);
  }

  async stop(arg?: unknown): Promise<void> {
    const named = await this.deploymentOf(arg, 'Stop Deployment', canStop);
    if (!named) return;
    const { account, deployment: d } = named;
    if (!canStop(d)) {
      this.deps.ui.notify('info', `Deployment ${d.id} is ${deploymentStatusLabel(d).toLowerCase()}: there is nothing to stop.`);
      return;
    }
    const rollback = await this.deps.ui.pick([
      { label: 'Stop and roll back', detail: 'CodeDeploy redeploys the last successful revision to the targets this deployment reached.', value: true },
      { label: 'Stop', detail: 'Targets keep whatever this deployment installed so far.', value: false },
    ], { title: `Stop deployment ${d.id} (${d.groupName})` });
    if (rollback === undefined) return;
    const confirmed = await this.deps.ui.confirm(`Stop deployment ${d.id} of ${d.applicationName} / ${d.groupName}${rollback ? ' and roll back' : ''}?`,
      { action: rollback ? 'Stop and Roll Back' : 'Stop', detail: 'Lifecycle events running now finish; no further targets are deployed.' });
    if (!confirmed) return;
    const result = await this.deps.api(account).stop(d.id, rollback);
    this.deps.ui.notify('info', `Stopping ${d.id}${result.message ? `: ${result.message}` : '.'}`);
    await this.deps.model.refreshActive();
  }

  async continue(arg?: unknown): Promise<void> {
    const named = await this.deploymentOf(arg, 'Continue Deployment', (d) => continueWaitType(d) !== undefined);
    if (!named) return;
    const { account, deployment: d } = named;
    const waitType = continueWaitType(d);
    if (!waitType) {
      this.deps.ui.notify('info', `Deployment ${d.id} is ${deploymentStatusLabel(d).toLowerCase()}: it is not waiting to continue.`);
      return;
    }
    const question = waitType === 'READY_WAIT'
      ? `Reroute production traffic to the replacement of ${d.groupName} (deployment ${d.id})?`
      : `Terminate the original targets of ${d.groupName} now (deployment ${d.id})?`;
    if (!await this.deps.ui.confirm(question, { action: waitType === 'READY_WAIT' ? 'Reroute Traffic' : 'Terminate Originals' })) return;
    await this.deps.api(account).continue(d.id, waitType);
    this.deps.ui.notify('info', `Continuing ${d.id}.`);
    await this.deps.model.refreshActive();
  }

  async redeploy(arg: unknown): Promise<string | undefined> {
    const node = nodeOf(arg, 'group');
    if (!node) return undefined;
    const api = this.deps.api(node.account);
    const [group] = await api.getGroups(node.group.applicationName, [node.group.name]);
    const plan = await planRedeploy(api, group ?? node.group);
    if (!await this.deps.ui.confirm(`Deploy ${plan.revision.label} to ${node.group.name} again?`,
      { action: 'Redeploy', detail: `The revision of ${plan.source.id}, the group's last successful deployment.` })) return undefined;
    const id = await api.create(node.group.applicationName, node.group.name, plan.revision, plan.description);
    this.deps.model.refresh(node);
    this.deps.ui.notify('info', `Started deployment ${id} of ${plan.revision.label} to ${node.group.name}.`, ['Show Deployment'],
      () => void this.deps.reveal(node.account, id));
    return id;
  }

  async openInConsole(arg: unknown): Promise<void> {
    const url = consoleUrlOf(arg);
    if (url) await this.deps.ui.openExternal(url);
  }

  async copyId(arg: unknown): Promise<void> {
    const id = idOf(arg);
    if (!id) return;
    await this.deps.ui.copy(id);
    this.deps.ui.notify('info', `Copied ${id}`);
  }

  async watch(arg: unknown, on: boolean): Promise<void> {
    const node = nodeOf(arg, 'group');
    if (node) await this.deps.setWatched(node.account, node.group.applicationName, node.group.name, on);
  }

  private async failedEventOf(node: Node<'event' | 'target' | 'deployment'>): Promise<FailedEvent | undefined> {
    if (node.kind === 'event') return { deploymentId: node.deployment.id, target: node.info, event: node.event };
    const targets = node.kind === 'target' ? [node.info]
      : await this.deps.api(node.account).getTargets(node.deployment.id, await this.deps.api(node.account).listTargets(node.deployment.id, { statuses: ['Failed'] }));
    for (const target of targets) {
      const event = target.events.find((e) => e.status === 'Failed');
      if (event) return { deploymentId: node.deployment.id, target, event };
    }
    return undefined;
  }

  /** A choice among the account's running and waiting deployments that `actionable` accepts. */
  private async pickDeployment(account: AwsTarget, title: string, actionable: (d: DeploymentSummary) => boolean): Promise<{ account: AwsTarget; deployment: DeploymentSummary } | undefined> {
    const api = this.deps.api(account);
    const deployments = await this.deps.ui.withProgress(`Listing the deployments in ${account.region}…`, async () =>
      (await api.getDeployments(await api.listDeploymentsInAccount(ACTIVE_STATUSES, PICK_LIMIT))).filter(actionable));
    if (deployments.length === 0) {
      this.deps.ui.notify('info', `${title}: no deployment in ${account.region} (profile ${account.profile}) is ${title === 'Stop Deployment' ? 'running' : 'waiting to continue'}.`);
      return undefined;
    }
    const now = Date.now();
    const deployment = await this.deps.ui.pick(deployments.map((d) => pickItem(d, now)), { title, placeholder: 'Deployment' });
    return deployment ? { account, deployment } : undefined;
  }

  /**
   * The deployment a row or argument names, loaded fresh. The Command Palette offers the deployments
   * `actionable` accepts (running or waiting ones, for Stop and Continue), else asks for an id.
   */
  private async deploymentOf(arg: unknown, title: string, actionable?: (d: DeploymentSummary) => boolean): Promise<{ account: AwsTarget; deployment: DeploymentSummary } | undefined> {
    const node = nodeOf(arg, 'deployment', 'target', 'event');
    let account = node?.account;
    let id = node?.deployment.id;
    if (!node) {
      const args = deploymentArgs(arg);
      account = args?.account ?? this.deps.current();
      id = args?.deploymentId;
      if (!account) {
        this.deps.ui.notify('warning', 'Choose an AWS profile first ("Conveyor: Select AWS Profile").');
        return undefined;
      }
      if (id === undefined && actionable) return this.pickDeployment(account, title, actionable);
      id ??= (await this.deps.ui.input({ title, prompt: `A deployment id in ${account.region}`, placeholder: 'd-XXXXXXXXX',
        validate: (v) => (DEPLOYMENT_ID.test(v.trim()) ? undefined : 'A deployment id looks like d-ABCDEF123') }))?.trim();
    }
    if (!account || !id) return undefined;
    const [deployment] = await this.deps.api(account).getDeployments([id]);
    if (!deployment) {
      this.deps.ui.notify('warning', `No deployment ${id} in ${account.region} (profile ${account.profile}).`);
      return undefined;
    }
    return { account, deployment };
  }
}

function pickItem(d: DeploymentSummary, now: number): PickItem<DeploymentSummary> {
  const started = d.createTime !== undefined ? formatAgo(d.createTime, now) : undefined;
  return {
    label: d.id, value: d,
    description: [deploymentStatusLabel(d), `${d.applicationName} / ${d.groupName}`, started].filter(Boolean).join(' · '),
    ...(d.revision ? { detail: d.revision.label } : {}),
  };
}

function consoleUrlOf(arg: unknown): string | undefined {
  const node = isDeployNode(arg) ? arg : undefined;
  if (!node) return undefined;
  switch (node.kind) {
    case 'application': return applicationConsoleUrl(node.account.region, node.application.name);
    case 'group': return groupConsoleUrl(node.account.region, node.group.applicationName, node.group.name);
    case 'deployment': case 'target': case 'event': return deploymentConsoleUrl(node.account.region, node.deployment.id);
    default: return undefined;
  }
}

function idOf(arg: unknown): string | undefined {
  const node = isDeployNode(arg) ? arg : undefined;
  if (!node) return deploymentArgs(arg)?.deploymentId;
  switch (node.kind) {
    case 'application': return node.application.name;
    case 'group': return node.group.name;
    case 'deployment': return node.deployment.id;
    case 'target': case 'event': return node.info.id;
    default: return undefined;
  }
}

