// The Pipelines explorer in VS Code: the tree view, status bar items, notifications for watched
// pipelines and the execution timelines (webview panels, and their Markdown form), all driven by the pure PipelineExplorer.
import * as vscode from 'vscode';
import { viewExplainer, type AwsAccess } from '../../aws/access';
import { DisposableStore } from '../../core/disposables';
import type { Logger } from '../../core/log';
import { ExplorerView, type FilterCounts } from '../../editor/explorer-view';
import { FeatureSettings } from '../../editor/settings';
import { ExpansionMemory } from '../../editor/tree';
import type { EditorUi } from '../../editor/ui';
import { createPipelineApi, type PipelineApi } from '../model/api';
import { PipelineExplorer } from '../model/explorer';
import { nodeIds, parseTargetKey } from '../model/keys';
import type { TreeNode } from '../model/tree';
import type { PipelineKey, TargetRef } from '../model/types';
import { systemClock, type Clock } from '../../core/polling/clock';
import { revisionLine } from '../present/revision';
import { statusPhrase } from '../present/status';
import { PIPELINES_SETTINGS, refreshSettingsOf } from '../settings';
import { PipelineCommands } from './commands';
import { FollowState } from './follow';
import { HeadWatcher } from './head-watcher';
import { WatchNotifier } from './notifier';
import { PinnedStatusItems, YourCommitItem } from './status-bar';
import { TimelineDocuments } from './timeline-document';
import { TimelinePanels } from './timeline-panel';
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
export type PipelinesContext = Pick<vscode.ExtensionContext, 'globalState' | 'extensionUri'>;

export class PipelinesFeature implements vscode.Disposable {
  readonly explorer: PipelineExplorer;
  readonly provider: PipelinesTreeProvider;
  readonly commands: PipelineCommands;
  readonly follow: FollowState;
  readonly treeView: vscode.TreeView<TreeNode>;
  readonly yourCommit: YourCommitItem;
  readonly heads: HeadWatcher;
  readonly timelines: TimelineDocuments;
  readonly timelinePanels: TimelinePanels;
  readonly explorerView: ExplorerView<TreeNode>;
  private readonly settings = new FeatureSettings(PIPELINES_SETTINGS);
  private readonly pins: PinnedStatusItems;
  private readonly disposables = new DisposableStore();

  constructor(context: PipelinesContext, private readonly deps: PipelinesDeps) {
    const { log, ui } = deps;
    this.disposables.add(this.settings);
    const clock = deps.clock ?? systemClock;
    this.explorer = new PipelineExplorer({
      apiFor: (target) => this.apiFor(target),
      clock,
      settings: () => refreshSettingsOf(this.settings.value),
      explain: viewExplainer(deps.aws, 'codepipeline'),
      log,
      pageSize: this.settings.value.pageSize,
    });
    this.explorer.setOrder(this.settings.value.sortBy);
    this.disposables.add({ dispose: () => this.explorer.dispose() });
    this.follow = this.disposables.add(new FollowState(context.globalState));
    const expansion = new ExpansionMemory<TreeNode>((node) => this.explorer.setExpanded(node, true));
    this.provider = this.disposables.add(new PipelinesTreeProvider(this.explorer, expansion));
    this.treeView = deps.treeView(this.provider);
    this.explorerView = this.disposables.add(new ExplorerView({
      viewId: VIEW_ID, treeView: this.treeView, explorer: this.explorer, now: () => clock.now(),
      autoRefresh: () => this.settings.value['refresh.enabled'],
      filter: { contextKey: 'conveyor.pipelines.filtered', noun: 'pipelines', counts: () => this.filterCounts() },
      expansion, idOf: (node) => node.id,
    }));
    this.pins = this.disposables.add(new PinnedStatusItems(this.explorer, this.follow));
    this.yourCommit = this.disposables.add(new YourCommitItem(this.explorer, (keys) => this.explorer.setFollowed('tracked', keys)));
    this.heads = this.disposables.add(new HeadWatcher(log));
    this.timelines = this.disposables.add(new TimelineDocuments(this.explorer, (t) => this.apiFor(t),
      (t) => this.explorer.store.target(t)?.ref.region ?? parseTargetKey(t)?.region ?? 'us-east-1'));
    this.timelinePanels = this.disposables.add(new TimelinePanels({
      explorer: this.explorer, apiFor: (t) => this.apiFor(t), refOf: (t) => this.explorer.store.target(t)?.ref ?? parseTargetKey(t),
      ui, log, extensionUri: context.extensionUri, executeCommand: (command, ...args) => vscode.commands.executeCommand(command, ...args),
    }));
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
    this.retarget(false);
    this.pins.update();
    const ticker = setInterval(() => {
      if (!vscode.window.state.focused) return;
      if (this.treeView.visible) this.provider.tick();
      this.pins.update();
    }, 60_000);
    this.disposables.add({ dispose: () => clearInterval(ticker) });
    void this.heads.start().catch((err: unknown) => log.warn(`HEAD watcher failed to start: ${String(err)}`));
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
    d.add(this.deps.aws.onDidChange(() => this.retarget(true)));
    d.add(this.settings.onDidChange((change) => {
      this.explorer.tree.pageSize = this.settings.value.pageSize;
      this.explorer.setOrder(this.settings.value.sortBy);
      this.retarget(change.affects('accounts'));
      this.explorer.updateTasks();
      this.explorerView.render();
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

  private onFilterChanged(): void {
    this.explorerView.filterChanged();
    this.provider.refreshAll();
    this.explorer.updateTasks();
  }

  private filterCounts(): FilterCounts {
    let matched = 0;
    let total = 0;
    for (const t of this.explorer.store.targets()) {
      total += t.names.length;
      matched += this.explorer.tree.matching(t).length;
    }
    return { filter: this.explorer.tree.filter, matched, total, complete: true };
  }

  async showTimeline(key: PipelineKey, executionId: string): Promise<void> {
    await this.timelinePanels.show(key, executionId);
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
