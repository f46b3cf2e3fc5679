// A deployment's details as a themed webview, one panel per deployment (opening it again reveals it and
// reads it again): status, revision, group, configuration, creator, times, the error, and per target its
// lifecycle events as a timeline. A failed event opens its appspec hook (Open Failure), others their log.
import * as vscode from 'vscode';
import type { AwsTarget } from '../../aws/access';
import { codicon } from '../../core/detail-html';
import { html } from '../../core/html';
import type { Logger } from '../../core/log';
import { DetailPanels, type DetailContent } from '../../editor/detail-panel';
import type { EditorUi } from '../../editor/ui';
import type { DeployApi } from '../model/api';
import { deploymentConsoleUrl } from '../model/console';
import { deploymentPage, type DeploymentPage } from '../model/deployment-page';
import type { DeploymentSummary, FailedEvent, TargetInfo } from '../model/types';
import { deploymentHtml, deploymentTitle, OPEN_LINK } from '../present/deployment-html';

export const DEPLOYMENT_VIEW_TYPE = 'conveyor.deploy.deploymentDetails';

/** Targets read for the page; a larger deployment says how many more there are. */
const PAGE_TARGETS = 100;

export interface DeploymentPanelsDeps {
  api(account: AwsTarget): DeployApi;
  explain(error: unknown, operation: string, account: AwsTarget): string;
  openFailure(account: AwsTarget, failed: FailedEvent, deployment: DeploymentSummary): Promise<void>;
  openEventLog(account: AwsTarget, deploymentId: string, targetId: string, event: string): Promise<void>;
  ui: EditorUi;
  log: Logger;
  extensionUri: vscode.Uri;
}

interface Shown {
  account: AwsTarget;
  deployment: DeploymentSummary;
  targets: TargetInfo[];
  page: DeploymentPage;
}

function message(title: string, text: string, icon: string, spin = false): DetailContent {
  return { title, body: html`<p class="state">${codicon(icon, spin)}${text}</p>`.text, actions: {} };
}

export class DeploymentPanels implements vscode.Disposable {
  private readonly shown = new Map<string, Shown>();
  private readonly panels: DetailPanels;
  private readonly shownEmitter = new vscode.EventEmitter<{ account: AwsTarget; page: DeploymentPage; panel: vscode.WebviewPanel | undefined }>();
  /** Fires after a panel shows a deployment (host tests wait on it). */
  readonly onDidShow = this.shownEmitter.event;

  constructor(private readonly d: DeploymentPanelsDeps) {
    this.panels = new DetailPanels({
      viewType: DEPLOYMENT_VIEW_TYPE, extensionUri: d.extensionUri, log: d.log,
      onAction: (id, action, index) => { if (action === OPEN_LINK) void this.open(id, index); },
      onClose: (id) => this.shown.delete(id),
    });
  }

  /** Opens (or reveals) a deployment's panel and reads it; resolves with what the panel shows. */
  async show(account: AwsTarget, deploymentId: string): Promise<DeploymentPage | undefined> {
    const id = JSON.stringify([account.profile, account.region, deploymentId]);
    const before = this.shown.get(id);
    this.panels.show(id, before ? this.content(before.page) : message(deploymentId, `Loading deployment ${deploymentId}…`, 'loading', true));
    const api = this.d.api(account);
    let operation = 'BatchGetDeployments';
    try {
      const [deployment] = await api.getDeployments([deploymentId]);
      if (!deployment) {
        this.panels.update(id, message(deploymentId, `No deployment ${deploymentId} in ${account.region} (profile ${account.profile}).`, 'warning'));
        return undefined;
      }
      operation = 'ListDeploymentTargets';
      const ids = await api.listTargets(deploymentId);
      operation = 'BatchGetDeploymentTargets';
      const targets = ids.length ? await api.getTargets(deploymentId, ids.slice(0, PAGE_TARGETS)) : [];
      const page = deploymentPage(deployment, targets, {
        region: account.region, consoleUrl: deploymentConsoleUrl(account.region, deploymentId), now: Date.now(), targetCount: ids.length,
      });
      if (!this.panels.has(id)) return undefined;
      this.shown.set(id, { account, deployment, targets, page });
      this.panels.update(id, this.content(page));
      this.shownEmitter.fire({ account, page, panel: this.panels.panel(id) });
      return page;
    } catch (err) {
      const explained = this.d.explain(err, operation, account);
      this.d.log.warn(`deploy: could not read deployment ${deploymentId} (${operation}): ${explained}`);
      if (!before) this.panels.update(id, message(deploymentId, explained, 'error'));
      return undefined;
    }
  }

  private content(page: DeploymentPage): DetailContent {
    return { title: deploymentTitle(page), body: deploymentHtml(page), actions: { [OPEN_LINK]: page.links.length } };
  }

  private async open(id: string, index: number): Promise<void> {
    const s = this.shown.get(id);
    const link = s?.page.links[index];
    if (!s || !link) return;
    if (link.kind === 'console') return this.d.ui.openExternal(link.url);
    if (link.kind === 'eventLog') return this.d.openEventLog(s.account, s.deployment.id, link.targetId, link.event);
    const target = s.targets.find((t) => t.id === link.targetId);
    const event = target?.events.find((e) => e.name === link.event);
    if (target && event) await this.d.openFailure(s.account, { deploymentId: s.deployment.id, target, event }, s.deployment);
  }

  dispose(): void {
    this.shownEmitter.dispose();
    this.panels.dispose();
    this.shown.clear();
  }
}
