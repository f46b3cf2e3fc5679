// The Pipelines explorer in VS Code: the tree view, status bar items, notifications for watched
// pipelines and the execution timeline documents, all driven by the pure PipelineExplorer.
import * as vscode from 'vscode';
import type { AwsAccess } from '../../aws/access';
import { explainAwsError } from '../../aws/errors';
import { DisposableStore } from '../../core/disposables';
import { parseTreeId } from '../../core/tree';
import type { Logger } from '../../core/log';
import { FeatureSettings } from '../../editor/settings';
import type { EditorUi } from '../../editor/ui';
import { createPipelineApi, type PipelineApi } from '../model/api';
import { PipelineExplorer, type ExplainedError } from '../model/explorer';
import { nodeIds, parseTargetKey } from '../model/keys';
import type { TreeNode } from '../model/tree';
import type { PipelineKey, TargetRef } from '../model/types';
import { systemClock, type Clock } from '../../core/polling/clock';
import { filterMessage } from '../present/nodes';
import { revisionLine } from '../present/revision';
import { statusPhrase } from '../present/status';
import { PIPELINES_SETTINGS, refreshSettingsOf } from '../settings';
import { PipelineCommands } from './commands';
import { FollowState } from './follow';
import { HeadWatcher } from './head-watcher';
import { WatchNotifier } from './notifier';
import { PinnedStatusItems, YourCommitItem } from './status-bar';
import { TimelineDocuments, timelineUri } from './timeline-document';
import { PipelinesTreeProvider } from './tree-provider';

export const VIEW_ID = 'conveyor.pipelines';

export interface PipelinesDeps {
  log: Logger;
  aws: AwsAccess;
  ui: EditorUi;
  /** The view to fill (the shell creates it at activation). */
  treeView(provider: PipelinesTreeProvider): vscode.TreeView<TreeNode>;
  clock?: Clock;
}

/** What the feature needs from an ExtensionContext. */
export type PipelinesContext = Pick<vscode.ExtensionContext, 'globalState'>;

export class PipelinesFeature implements vscode.Disposable {
  readonly explorer: PipelineExplorer;
  readonly provider: PipelinesTreeProvider;
  readonly commands: PipelineCommands;
  readonly follow: FollowState;
  readonly treeView: vscode.TreeView<TreeNode>;
  readonly yourCommit: YourCommitItem;
  readonly heads: HeadWatcher;
  readonly timelines: TimelineDocuments;
  private readonly settings = new FeatureSettings(PIPELINES_SETTINGS);
  private readonly pins: PinnedStatusItems;
  private readonly disposables = new DisposableStore();

  constructor(context: PipelinesContext, private readonly deps: PipelinesDeps) {
    const { log, ui } = deps;
    this.disposables.add(this.settings);
    this.explorer = new PipelineExplorer({
      apiFor: (target) => this.apiFor(target),
      clock: deps.clock ?? systemClock,
      settings: () => refreshSettingsOf(this.settings.value),
      explain: (error, target, operation) => this.explain(error, target, operation),
      log,
      pageSize: this.settings.value.pageSize,
    });
    this.explorer.setOrder(this.settings.value.sortBy);
    this.disposables.add({ dispose: () => this.explorer.dispose() });
    this.follow = this.disposables.add(new FollowState(context.globalState));
    this.provider = this.disposables.add(new PipelinesTreeProvider(this.explorer));
    this.treeView = deps.treeView(this.provider);
    this.pins = this.disposables.add(new PinnedStatusItems(this.explorer, this.follow));
    this.yourCommit = this.disposables.add(new YourCommitItem(this.explorer, (keys) => this.explorer.setFollowed('tracked', keys)));
    this.heads = this.disposables.add(new HeadWatcher(log));
    this.timelines = this.disposables.add(new TimelineDocuments(this.explorer, (t) => this.apiFor(t),
      (t) => this.explorer.store.target(t)?.ref.region ?? parseTargetKey(t)?.region ?? 'us-east-1'));
    this.commands = new PipelineCommands({
      explorer: this.explorer, apiFor: (t) => this.apiFor(t), ui, follow: this.follow, log,
      showTimeline: async (key, id) => { await this.showTimeline(key, id); },
      onFilterChanged: () => this.onFilterChanged(),
      executeCommand: (command, ...args) => vscode.commands.executeCommand(command, ...args),
    });
    const notifier = this.disposables.add(this.watchNotifier());
    this.subscribe(notifier);
    this.explorer.setFollowed('pinned', this.follow.list('pinned'));
    this.explorer.setFollowed('watched', this.follow.list('watched'));
    this.explorer.setWindowFocused(vscode.window.state.focused);
    this.explorer.setViewVisible(this.treeView.visible);
    this.retarget(false);
    this.pins.update();
    const ticker = setInterval(() => {
      if (!vscode.window.state.focused) return;
      if (this.treeView.visible) this.provider.tick();
      this.pins.update();
    }, 60_000);
    this.disposables.add({ dispose: () => clearInterval(ticker) });
    void this.heads.start().catch((err: unknown) => log.debug(`HEAD watcher: ${String(err)}`));
  }

  private watchNotifier(): WatchNotifier {
    const argsOf = (key: PipelineKey): Record<string, string> => ({ ...(parseTargetKey(key.target) ?? {}), pipelineName: key.name });
    return new WatchNotifier(this.explorer, this.follow, this.deps.ui, () => this.settings.value.notify, {
      showExecution: (key, id) => void this.showTimeline(key, id),
      showLogs: (key, stageName, actionName) => void this.commands.showActionLogs({ ...argsOf(key), stageName, actionName }),
      retry: (key, stageName, executionId) => void this.commands.retryStage({ ...argsOf(key), stageName, executionId, retryMode: 'FAILED_ACTIONS' }),
      approve: (key, stageName, actionName) => void this.commands.approve({ ...argsOf(key), stageName, actionName }),
      reject: (key, stageName, actionName) => void this.commands.reject({ ...argsOf(key), stageName, actionName }),
    }, this.deps.log);
  }

  private subscribe(notifier: WatchNotifier): void {
    const d = this.disposables;
    d.add(this.treeView.onDidChangeVisibility((e) => this.explorer.setViewVisible(e.visible)));
    d.add(this.treeView.onDidExpandElement((e) => this.explorer.setExpanded(e.element, true)));
    d.add(this.treeView.onDidCollapseElement((e) => this.explorer.setExpanded(e.element, false)));
    d.add(vscode.window.onDidChangeWindowState((s) => this.explorer.setWindowFocused(s.focused)));
    d.add(this.deps.aws.onDidChange(() => this.retarget(true)));
    d.add(this.settings.onDidChange((change) => {
      this.explorer.tree.pageSize = this.settings.value.pageSize;
      this.explorer.setOrder(this.settings.value.sortBy);
      this.retarget(change.affects('accounts'));
      this.explorer.updateTasks();
      if (change.affects('yourCommit.enabled')) this.yourCommit.setHead(this.headToShow(this.heads.head));
    }));
    d.add(this.follow.onDidChange(({ kind, key, on }) => {
      this.explorer.setFollowed(kind, this.follow.list(kind));
      if (kind === 'watched') notifier.reset(key);
      if (kind === 'pinned') this.pins.update();
      if (on) void this.explorer.loadRecent(key).catch(() => false);
      this.provider.refreshNodes([nodeIds.pipeline(key)]);
    }));
    d.add(this.explorer.onDidLoad((e) => {
      if (e.key && this.follow.has('pinned', e.key)) this.pins.update();
      if (e.kind === 'recent' || e.kind === 'runtime') this.yourCommit.update();
    }));
    d.add(this.heads.onDidChange((head) => this.yourCommit.setHead(this.headToShow(head))));
    // The filter message counts matches: keep it right when a list refresh adds or drops pipelines.
    d.add(this.explorer.onDidChange((ids) => {
      if (this.explorer.tree.filter && ids.some((id) => id === '' || parseTreeId(id)?.kind === 'T')) this.updateFilterMessage();
    }));
  }

  private headToShow(head: string | undefined): string | undefined {
    return this.settings.value['yourCommit.enabled'] ? head : undefined;
  }

  /** The roots: `conveyor.pipelines.accounts` when set, else the selected profile and region. */
  targets(): TargetRef[] {
    const accounts = this.settings.value.accounts;
    if (accounts.length) return accounts;
    const current = this.deps.aws.current;
    return current ? [{ profile: current.profile, region: current.region }] : [];
  }

  private retarget(reload: boolean): void {
    this.explorer.setTargets(this.targets());
    if (reload) void this.explorer.refresh();
  }

  private apiFor(target: string): PipelineApi {
    const ref = this.explorer.store.target(target)?.ref ?? parseTargetKey(target);
    return createPipelineApi(this.deps.aws.client('codepipeline', ref ? { profile: ref.profile, region: ref.region } : undefined));
  }

  private explain(error: unknown, target: string, operation: string): ExplainedError {
    const ref = parseTargetKey(target);
    const e = explainAwsError(error, { service: 'codepipeline', operation, ...(ref ? { profile: ref.profile, region: ref.region } : {}) });
    return {
      message: e.message, category: e.category, ...(e.code ? { code: e.code } : {}),
      errorClass: e.category === 'throttled' ? 'throttled' : e.transient ? 'transient' : 'fatal',
    };
  }

  private onFilterChanged(): void {
    this.updateFilterMessage();
    void vscode.commands.executeCommand('setContext', 'conveyor.pipelines.filtered', this.explorer.tree.filter !== '');
    this.provider.refreshAll();
    this.explorer.updateTasks();
  }

  private updateFilterMessage(): void {
    let matched = 0;
    let total = 0;
    for (const t of this.explorer.store.targets()) {
      total += t.names.length;
      matched += this.explorer.tree.matching(t).length;
    }
    this.treeView.message = filterMessage(this.explorer.tree.filter, matched, total) ?? '';
  }

  async showTimeline(key: PipelineKey, executionId: string): Promise<void> {
    await this.deps.ui.openDocument(timelineUri(key, executionId), { preview: true });
  }

  async showYourCommit(): Promise<void> {
    const head = this.yourCommit.commit;
    const matches = this.yourCommit.matches;
    if (!head || !matches.length) {
      this.deps.ui.notify('info', head ? `No pipeline shown by Conveyor has built ${head.slice(0, 7)} yet.` : 'This workspace is not a git repository.');
      return;
    }
    const picked = matches.length === 1 ? matches[0] : await this.deps.ui.pick(matches.map((m) => ({
      label: m.key.name, description: m.stage ? `${m.stage.name}: ${statusPhrase(m.stage.status)}` : statusPhrase(m.execution.status),
      detail: revisionLine(m.execution.sourceRevisions[0]) ?? m.execution.id, value: m,
    })), { title: `Where ${head.slice(0, 7)} is` });
    if (picked) await this.showTimeline(picked.key, picked.execution.id);
  }

  dispose(): void {
    this.disposables.dispose();
  }
}
