// The Deployments view in VS Code: the tree over the pure DeployTreeModel, the commands, the event
// documents, the appspec hook diagnostics and the watcher of deployment groups (notifications).
import * as vscode from 'vscode';
import type { AwsAccess, AwsTarget } from '../../aws/access';
import { operationOf } from '../../aws/clients';
import { explainAwsError } from '../../aws/errors';
import { DisposableStore } from '../../core/disposables';
import type { Logger } from '../../core/log';
import { FeatureSettings } from '../../editor/settings';
import { ModelTreeProvider } from '../../editor/tree';
import type { EditorUi } from '../../editor/ui';
import { createDeployApi, type DeployApi } from '../model/api';
import { groupKeyId, groupKeyOf } from '../model/keys';
import { loadFailedEvents } from '../model/loader';
import { DeployTreeModel, type DeployNode } from '../model/tree';
import { DeployWatch } from '../model/watch';
import type { DeploymentSummary, FailedEvent } from '../model/types';
import { eventDocumentRef } from '../present/event-document';
import { presentDeployNode } from '../present/nodes';
import { DEPLOY_SETTINGS } from '../settings';
import { DeployCommands } from './deploy-commands';
import { DeploymentPanels } from './deployment-panel';
import { EventDocuments, eventDocumentUri } from './event-documents';
import { HookDiagnosticsView } from './hook-diagnostics';
import { openFailure, type OpenedFailure } from './open-failure';
import { WatchNotifier } from './watch-notifier';
import { WatchedGroups } from './watched-groups';

export const VIEW_ID = 'conveyor.deploy';

export interface DeployFeatureDeps {
  log: Logger;
  aws: AwsAccess;
  ui: EditorUi;
  globalState: vscode.Memento;
  extensionUri: vscode.Uri;
  treeView(provider: ModelTreeProvider<DeployNode>): vscode.TreeView<DeployNode>;
}

export class DeployFeature implements vscode.Disposable {
  readonly model: DeployTreeModel;
  readonly provider: ModelTreeProvider<DeployNode>;
  readonly treeView: vscode.TreeView<DeployNode>;
  readonly commands: DeployCommands;
  readonly events: EventDocuments;
  readonly watched: WatchedGroups;
  readonly watch: DeployWatch;
  readonly diagnostics: HookDiagnosticsView;
  readonly notifier: WatchNotifier;
  readonly details: DeploymentPanels;
  /** The last failure opened (host tests check what opened). */
  lastOpened: OpenedFailure | undefined;
  private readonly settings = new FeatureSettings(DEPLOY_SETTINGS);
  private readonly disposables = new DisposableStore();

  constructor(private readonly deps: DeployFeatureDeps) {
    this.disposables.add(this.settings);
    const api = (account: AwsTarget): DeployApi => createDeployApi(deps.aws.client('codedeploy', account));
    this.model = new DeployTreeModel({
      current: () => deps.aws.current,
      api,
      explain: (f) => explainAwsError(f.cause, { service: 'codedeploy', operation: f.operation, profile: f.account.profile, region: f.account.region }).message,
      operationOf,
    });
    this.disposables.add(this.model);
    this.watched = this.disposables.add(new WatchedGroups(deps.globalState));
    this.provider = this.disposables.add(new ModelTreeProvider<DeployNode>({
      children: async (node) => {
        const rows = await this.model.children(node);
        // A deployment still going is reloaded while the view shows it.
        if (node?.kind === 'group') this.notifier.ensureScheduled();
        return rows;
      },
      parent: (node) => this.model.parent(node),
      present: (node) => presentDeployNode(node, { now: Date.now(), isWatched: (id) => this.watched.has(id) }),
      onDidChange: (listener) => this.model.onDidChange(listener),
    }));
    this.treeView = deps.treeView(this.provider);
    this.events = new EventDocuments(api);
    this.watch = new DeployWatch({ api, notify: () => this.settings.value.notify, diagnostics: () => this.settings.value.diagnostics });
    this.diagnostics = this.disposables.add(new HookDiagnosticsView(this.watch.failures, () => this.settings.value.diagnostics));
    const openEventLog = async (account: AwsTarget, deploymentId: string, targetId: string, event: string): Promise<void> => {
      await deps.ui.openDocument(eventDocumentUri(eventDocumentRef(account, deploymentId, targetId, event)), { preview: true });
    };
    this.details = this.disposables.add(new DeploymentPanels({
      api, ui: deps.ui, log: deps.log, extensionUri: deps.extensionUri, openEventLog,
      explain: (error, operation, account) => explainAwsError(error, { service: 'codedeploy', operation, profile: account.profile, region: account.region }).message,
      openFailure: (account, failed, deployment) => this.openFailure(account, failed, deployment),
    }));
    this.commands = new DeployCommands({
      model: this.model, ui: deps.ui, api, current: () => deps.aws.current,
      reveal: (account, id) => this.reveal(account, id),
      openFailure: (account, failed, deployment) => this.openFailure(account, failed, deployment),
      openEventLog,
      showDetails: (account, id) => this.details.show(account, id),
      setWatched: (account, application, group, on) => this.watched.set(groupKeyOf(account, application, group), on),
    });
    this.notifier = this.disposables.add(new WatchNotifier({
      log: deps.log, ui: deps.ui, watch: this.watch, model: this.model, diagnostics: this.diagnostics,
      watched: () => this.watched.list(), settings: () => this.settings.value, viewVisible: () => this.treeView.visible,
      open: (account, failed, deployment) => this.openFailure(account, failed, deployment),
      reveal: (account, id) => void this.reveal(account, id),
      continueDeployment: (account, id) => void this.commands.continue({ deploymentId: id, ...account }),
    }));
    this.subscribe();
    this.notifier.schedule(0);
  }

  private subscribe(): void {
    const d = this.disposables;
    d.add(this.deps.aws.onDidChange(() => this.model.refresh()));
    d.add(this.watched.onDidChange(({ key, on }) => {
      if (!on) this.watch.forget(key);
      const row = this.model.groupNode(key);
      if (row) this.provider.refresh([row]);
      this.notifier.schedule(0);
    }));
    d.add(this.settings.onDidChange((change) => {
      if (change.affects('diagnostics')) void this.diagnostics.update();
      this.notifier.schedule(0);
    }));
    d.add(this.treeView.onDidChangeVisibility((e) => { if (e.visible) this.notifier.schedule(0); }));
  }

  /** Reveals a deployment's row: its application and group expand, pages load until it shows. */
  async reveal(account: AwsTarget, deploymentId: string): Promise<boolean> {
    const path = await this.model.pathTo(account, deploymentId);
    const row = path?.at(-1);
    if (!row) return false;
    await this.treeView.reveal(row, { select: true, focus: true, expand: true });
    return true;
  }

  /** Opens the source of a failure; the hook line keeps a diagnostic while it is the group's latest deployment. */
  async openFailure(account: AwsTarget, failed: FailedEvent, deployment: DeploymentSummary): Promise<void> {
    this.lastOpened = await openFailure(account, failed, deployment);
    if (!this.lastOpened.link) {
      this.deps.ui.notify('warning', `No appspec in this workspace declares ${failed.event.name}${failed.event.diagnostics?.scriptName ? ` with ${failed.event.diagnostics.scriptName}` : ''}: showing the event's log.`);
    }
    if (!this.settings.value.diagnostics) return;
    const api = createDeployApi(this.deps.aws.client('codedeploy', account));
    const [group] = await api.getGroups(deployment.applicationName, [deployment.groupName]);
    if (group?.lastAttempted?.id !== deployment.id) return;
    const key = groupKeyOf(account, deployment.applicationName, deployment.groupName);
    const id = groupKeyId(key);
    if (!this.watch.failures.entries().some((e) => groupKeyId(e.key) === id && e.deploymentId === deployment.id)) this.watch.track(key, deployment.id, await loadFailedEvents(api, deployment.id));
    await this.diagnostics.update();
    this.notifier.schedule();
  }

  dispose(): void {
    this.disposables.dispose();
  }
}
