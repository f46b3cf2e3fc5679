// The watcher's rounds on a timer: watched deployment groups (and groups whose failures mark appspec
// hooks) are read every `pollSeconds`, every `activePollSeconds` while one of their deployments — or
// one the visible view shows — is going. What is news becomes a notification with its next step.
import type * as vscode from 'vscode';
import type { AwsTarget } from '../../aws/access';
import type { Logger } from '../../core/log';
import type { EditorUi } from '../../editor/ui';
import type { GroupKey } from '../model/keys';
import type { DeployNotifySettings } from '../model/notifications';
import type { DeployTreeModel } from '../model/tree';
import type { DeploymentSummary, FailedEvent } from '../model/types';
import type { DeployWatch, WatchNews, WatchRound } from '../model/watch';
import { NOTIFY_BUTTONS, notificationText } from '../present/notifications';
import type { HookDiagnosticsView } from './hook-diagnostics';

export interface WatchNotifierDeps {
  log: Logger;
  ui: EditorUi;
  watch: DeployWatch;
  model: DeployTreeModel;
  diagnostics: HookDiagnosticsView;
  watched(): readonly GroupKey[];
  settings(): { notify: DeployNotifySettings; pollSeconds: number; activePollSeconds: number };
  viewVisible(): boolean;
  open(account: AwsTarget, failed: FailedEvent, deployment: DeploymentSummary): Promise<void>;
  reveal(account: AwsTarget, deploymentId: string): void;
  continueDeployment(account: AwsTarget, deploymentId: string): void;
}

export class WatchNotifier implements vscode.Disposable {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<WatchRound | undefined> | undefined;
  private busy = false;
  private disposed = false;
  private readonly abort = new AbortController();
  /** Every round's result, newest last (host tests wait on rounds). */
  readonly rounds: WatchRound[] = [];

  constructor(private readonly deps: WatchNotifierDeps) {}

  /** The next round in `delayMs`, or after the settings' interval; none while there is nothing to follow. */
  schedule(delayMs?: number): void {
    if (this.disposed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const following = this.deps.watched().length > 0 || this.deps.watch.failures.keys().length > 0
      || (this.deps.viewVisible() && this.deps.model.hasActiveDeployments());
    if (!following) return;
    const { pollSeconds, activePollSeconds } = this.deps.settings();
    const active = this.busy || (this.deps.viewVisible() && this.deps.model.hasActiveDeployments());
    this.timer = setTimeout(() => void this.pollNow(), delayMs ?? 1000 * (active ? activePollSeconds : pollSeconds));
  }

  /** Schedules a round if none is pending (a row shown just now may be a deployment still going). */
  ensureScheduled(): void {
    if (!this.timer && !this.running) this.schedule();
  }

  /** Runs a round now (or joins the one running) and schedules the next. */
  pollNow(): Promise<WatchRound | undefined> {
    this.running ??= this.round().finally(() => {
      this.running = undefined;
      this.schedule();
    });
    return this.running;
  }

  private async round(): Promise<WatchRound | undefined> {
    const signal = this.abort.signal;
    try {
      const round = await this.deps.watch.poll(this.deps.watched(), signal);
      this.busy = round.busy;
      for (const [account, groups] of byAccount(round.groups)) this.deps.model.applyGroups(account, groups);
      for (const e of round.errors) this.deps.log.warn(`Deployments watch: couldn't read the groups of ${e.application} (${e.account.profile}/${e.account.region}): ${String(e.cause)}`);
      for (const news of round.news) this.tell(news);
      if (round.diagnosticsChanged) await this.deps.diagnostics.update();
      if (this.deps.viewVisible() && this.deps.model.hasActiveDeployments()) await this.deps.model.refreshActive(signal);
      this.rounds.push(round);
      if (this.rounds.length > 20) this.rounds.shift();
      return round;
    } catch (err) {
      if (!signal.aborted) this.deps.log.warn(`Deployments watch round failed: ${err instanceof Error ? err.message : String(err)}`);
      return undefined;
    }
  }

  private tell(news: WatchNews): void {
    const { level, message, buttons } = notificationText(news.kind, news.deployment, news.failures);
    const account = { profile: news.key.profile, region: news.key.region };
    this.deps.ui.notify(level, message, buttons, (button) => {
      const first = news.failures[0];
      if (button === NOTIFY_BUTTONS.openFailure && first) void this.deps.open(account, first, news.deployment);
      else if (button === NOTIFY_BUTTONS.continue) this.deps.continueDeployment(account, news.deployment.id);
      else this.deps.reveal(account, news.deployment.id);
    });
  }

  dispose(): void {
    this.disposed = true;
    this.abort.abort();
    if (this.timer) clearTimeout(this.timer);
  }
}

function byAccount(groups: WatchRound['groups']): Map<AwsTarget, WatchRound['groups'][number]['group'][]> {
  const accounts = new Map<string, { account: AwsTarget; groups: WatchRound['groups'][number]['group'][] }>();
  for (const { key, group } of groups) {
    const id = JSON.stringify([key.profile, key.region]);
    const entry = accounts.get(id) ?? { account: { profile: key.profile, region: key.region }, groups: [] };
    entry.groups.push(group);
    accounts.set(id, entry);
  }
  return new Map([...accounts.values()].map((e) => [e.account, e.groups]));
}
