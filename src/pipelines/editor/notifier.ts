// Notifications for watched pipelines: failed (Show Logs, Retry), waiting for approval (Approve,
// Reject), succeeded (Show Execution). The rules live in the pure NotificationTracker.
import type { Logger } from '../../core/log';
import type { LoadEvent, PipelineExplorer } from '../model/explorer';
import { NotificationTracker, type NotifySettings, type PipelineNotification } from '../model/notifications';
import { actionsOf, failureOf, stagesOf } from '../model/queries';
import { isCodeBuildAction } from '../model/queries';
import type { PipelineKey } from '../model/types';
import type { FollowState } from './follow';
import type { EditorUi } from '../../editor/ui';

export interface NotifierActions {
  showExecution(key: PipelineKey, executionId: string): void;
  showLogs(key: PipelineKey, stageName: string, actionName: string): void;
  retry(key: PipelineKey, stageName: string, executionId: string): void;
  approve(key: PipelineKey, stageName: string, actionName: string): void;
  reject(key: PipelineKey, stageName: string, actionName: string): void;
}

export class WatchNotifier {
  private readonly tracker = new NotificationTracker();
  private readonly subscription: { dispose(): void };

  constructor(
    private readonly explorer: PipelineExplorer,
    private readonly follow: FollowState,
    private readonly ui: EditorUi,
    private readonly settings: () => NotifySettings,
    private readonly actions: NotifierActions,
    private readonly log: Logger,
  ) {
    this.subscription = explorer.onDidLoad((e) => this.onLoad(e));
  }

  /** Watching stopped or started again: begin from a fresh baseline. */
  reset(key: PipelineKey): void {
    this.tracker.forget(key);
  }

  private onLoad(e: LoadEvent): void {
    if (!e.key || (e.kind !== 'recent' && e.kind !== 'runtime')) return;
    const key = e.key;
    if (!this.follow.has('watched', key)) return;
    const entry = this.explorer.store.pipeline(key);
    const found = this.tracker.observe(key, e.kind === 'recent' ? entry?.recent : undefined, e.kind === 'runtime' ? entry?.runtime : undefined, this.settings());
    for (const n of found) void this.show(n);
  }

  private async show(n: PipelineNotification): Promise<void> {
    const key = n.key;
    try {
      if (n.kind === 'succeeded') {
        this.ui.notify('info', `${key.name} succeeded.`, ['Show Execution'], () => this.actions.showExecution(key, n.execution.id));
        return;
      }
      if (n.kind === 'approval') {
        const a = n.approval;
        this.ui.notify('info', `${key.name} is waiting for approval at ${a.stageName} / ${a.actionName}.${a.summary ? ` ${a.summary}` : ''}`,
          ['Approve', 'Reject', 'Show Execution'], (b) => {
            if (b === 'Approve') this.actions.approve(key, a.stageName, a.actionName);
            else if (b === 'Reject') this.actions.reject(key, a.stageName, a.actionName);
            else if (a.executionId) this.actions.showExecution(key, a.executionId);
          });
        return;
      }
      // Which stage and action failed is only in the state: read it now if it may be stale.
      await this.explorer.loadRuntime(key).catch(() => false);
      const entry = this.explorer.store.pipeline(key);
      const failure = failureOf(entry?.runtime, n.execution.id);
      const stage = failure ? stagesOf(entry?.structure, entry?.runtime).find((s) => s.name === failure.stage.name) : undefined;
      const failedBuild = stage ? actionsOf(stage).find((a) => a.runtime?.status === 'Failed' && isCodeBuildAction(a)) : undefined;
      const where = failure ? ` at ${failure.stage.name}${failure.actions[0] ? ` / ${failure.actions[0].name}` : ''}` : '';
      const why = failure?.actions[0]?.errorMessage ?? n.execution.statusSummary;
      const buttons = [...(failedBuild ? ['Show Logs'] : []), ...(failure ? ['Retry'] : []), 'Show Execution'];
      this.ui.notify('error', `${key.name} failed${where}.${why ? ` ${why}` : ''}`, buttons, (b) => {
        if (b === 'Show Logs' && failedBuild && failure) this.actions.showLogs(key, failure.stage.name, failedBuild.name);
        else if (b === 'Retry' && failure) this.actions.retry(key, failure.stage.name, n.execution.id);
        else this.actions.showExecution(key, n.execution.id);
      });
    } catch (err) {
      this.log.warn(`Could not show a notification for ${key.name}: ${String(err)}`);
    }
  }

  dispose(): void {
    this.subscription.dispose();
  }
}
