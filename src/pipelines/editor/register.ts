// Wires the Pipelines explorer into VS Code: the tree view, its commands, status bar items,
// notifications for watched pipelines and the execution timeline documents.
import * as vscode from 'vscode';
import type { AwsAccess } from '../../aws/access';
import { explainAwsError } from '../../aws/errors';
import type { Logger } from '../../core/log';
import { createPipelineApi, type PipelineApi } from '../model/api';
import { PipelineExplorer, type ExplainedError } from '../model/explorer';
import { nodeIds, parseTargetKey } from '../model/keys';
import type { TreeNode } from '../model/tree';
import type { PipelineKey, TargetRef } from '../model/types';
import { systemClock, type Clock } from '../../core/polling/clock';
import type { RefreshSettings } from '../../core/polling/settings';
import { filterMessage } from '../present/nodes';
import { revisionLine } from '../present/revision';
import { statusPhrase } from '../present/status';
import { PipelineCommands } from './commands';
import { FollowState } from './follow';
import { HeadWatcher } from './head-watcher';
import { WatchNotifier } from './notifier';
import { readAccounts, readNotifySettings, readPageSize, readRefreshSettings, readYourCommitEnabled, SECTION } from './settings';
import { PinnedStatusItems, YourCommitItem } from './status-bar';
import { TimelineDocuments, timelineUri, TIMELINE_SCHEME } from './timeline-document';
import { PipelinesTreeProvider } from './tree-provider';
import { createVscodeUi, type PipelinesUi } from './ui';

export const VIEW_ID = 'conveyor.pipelines';

export interface PipelinesDeps {
  log: Logger;
  aws: AwsAccess;
  /** Host tests script the pickers and dialogs; the editor's own UI otherwise. */
  ui?: PipelinesUi;
  clock?: Clock;
}

/** What the feature needs from an ExtensionContext (host tests pass a small stand-in). */
export type PipelinesContext = Pick<vscode.ExtensionContext, 'subscriptions' | 'globalState'>;

/** Every command the feature registers (package.json contributes the same list). */
export const PIPELINE_COMMANDS = [
  'conveyor.pipelines.refresh', 'conveyor.pipelines.filter', 'conveyor.pipelines.clearFilter', 'conveyor.pipelines.loadMore',
  'conveyor.pipelines.start', 'conveyor.pipelines.stop', 'conveyor.pipelines.retryStage', 'conveyor.pipelines.approve',
  'conveyor.pipelines.reject', 'conveyor.pipelines.enableTransition', 'conveyor.pipelines.disableTransition',
  'conveyor.pipelines.showExecution', 'conveyor.pipelines.openInConsole', 'conveyor.pipelines.copyArn',
  'conveyor.pipelines.pin', 'conveyor.pipelines.unpin', 'conveyor.pipelines.watch', 'conveyor.pipelines.unwatch',
  'conveyor.pipelines.showActionLogs', 'conveyor.pipelines.showYourCommit',
] as const;

export class PipelinesFeature implements vscode.Disposable {
  readonly explorer: PipelineExplorer;
  readonly provider: PipelinesTreeProvider;
  readonly commands: PipelineCommands;
  readonly follow: FollowState;
  readonly treeView: vscode.TreeView<TreeNode>;
  readonly yourCommit: YourCommitItem;
  readonly heads: HeadWatcher;
  private readonly pins: PinnedStatusItems;
  private readonly disposables: vscode.Disposable[] = [];
  private refreshSettings: RefreshSettings = readRefreshSettings();
  private ticker: NodeJS.Timeout | undefined;

  constructor(context: PipelinesContext, private readonly deps: PipelinesDeps) {
    const { log, aws } = deps;
    const ui = deps.ui ?? createVscodeUi(aws);
    this.explorer = new PipelineExplorer({
      apiFor: (target) => this.apiFor(target),
      clock: deps.clock ?? systemClock,
      settings: () => this.refreshSettings,
      explain: (error, target, operation) => this.explain(error, target, operation),
      log,
      pageSize: readPageSize(),
    });
    this.follow = new FollowState(context.globalState);
    this.provider = new PipelinesTreeProvider(this.explorer);
    this.treeView = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: this.provider, showCollapseAll: true });
    this.pins = new PinnedStatusItems(this.explorer, this.follow);
    this.yourCommit = new YourCommitItem(this.explorer, (keys) => this.explorer.setFollowed('tracked', keys));
    this.heads = new HeadWatcher(log);
    const timelines = new TimelineDocuments(this.explorer, (t) => this.apiFor(t), (t) => this.explorer.store.target(t)?.ref.region ?? parseTargetKey(t)?.region ?? 'us-east-1');
    this.commands = new PipelineCommands({
      explorer: this.explorer,
      apiFor: (t) => this.apiFor(t),
      ui,
      follow: this.follow,
      log,
      showTimeline: async (key, id) => { await this.showTimeline(key, id); },
      onFilterChanged: () => this.onFilterChanged(),
      executeCommand: (command, ...args) => vscode.commands.executeCommand(command, ...args),
    });
    const argsOf = (key: PipelineKey): Record<string, string> => {
      const ref = parseTargetKey(key.target);
      return { ...(ref ?? {}), pipelineName: key.name };
    };
    const notifier = new WatchNotifier(this.explorer, this.follow, ui, readNotifySettings, {
      showExecution: (key, id) => void this.showTimeline(key, id),
      showLogs: (key, stageName, actionName) => void this.commands.showActionLogs({ ...argsOf(key), stageName, actionName }),
      retry: (key, stageName, executionId) => void this.commands.retryStage({ ...argsOf(key), stageName, executionId, retryMode: 'FAILED_ACTIONS' }),
      approve: (key, stageName, actionName) => void this.commands.approve({ ...argsOf(key), stageName, actionName }),
      reject: (key, stageName, actionName) => void this.commands.reject({ ...argsOf(key), stageName, actionName }),
    }, log);

    this.disposables.push(
      this.provider, this.treeView, this.pins, this.yourCommit, this.heads, timelines, notifier, this.follow,
      vscode.workspace.registerTextDocumentContentProvider(TIMELINE_SCHEME, timelines),
      this.treeView.onDidChangeVisibility((e) => this.explorer.setViewVisible(e.visible)),
      this.treeView.onDidExpandElement((e) => this.explorer.setExpanded(e.element, true)),
      this.treeView.onDidCollapseElement((e) => this.explorer.setExpanded(e.element, false)),
      vscode.window.onDidChangeWindowState((s) => this.explorer.setWindowFocused(s.focused)),
      aws.onDidChange(() => this.retarget(true)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration(SECTION)) return;
        this.refreshSettings = readRefreshSettings();
        this.explorer.tree.pageSize = readPageSize();
        this.retarget(e.affectsConfiguration(`${SECTION}.accounts`));
        this.explorer.updateTasks();
        if (e.affectsConfiguration(`${SECTION}.yourCommit`)) this.yourCommit.setHead(readYourCommitEnabled() ? this.heads.head : undefined);
      }),
      this.follow.onDidChange(({ kind, key, on }) => {
        this.explorer.setFollowed(kind, this.follow.list(kind));
        if (kind === 'watched') notifier.reset(key);
        if (kind === 'pinned') this.pins.update();
        if (on) void this.explorer.loadRecent(key).catch(() => false);
        this.provider.refreshNodes([nodeIds.pipeline(key)]);
      }),
      this.explorer.onDidLoad((e) => {
        if (e.key && this.follow.has('pinned', e.key)) this.pins.update();
        if (e.kind === 'recent' || e.kind === 'runtime') this.yourCommit.update();
      }),
      this.heads.onDidChange((head) => this.yourCommit.setHead(readYourCommitEnabled() ? head : undefined)),
      // The filter message counts matches: keep it right when a list refresh adds or drops pipelines.
      this.explorer.onDidChange((ids) => {
        if (this.explorer.tree.filter && ids.some((id) => id === '' || id.startsWith('["T"'))) this.updateFilterMessage();
      }),
      { dispose: () => clearInterval(this.ticker) },
      { dispose: () => this.explorer.dispose() },
    );
    this.registerCommands();
    this.explorer.setFollowed('pinned', this.follow.list('pinned'));
    this.explorer.setFollowed('watched', this.follow.list('watched'));
    this.explorer.setWindowFocused(vscode.window.state.focused);
    this.explorer.setViewVisible(this.treeView.visible);
    this.retarget(false);
    this.pins.update();
    this.ticker = setInterval(() => {
      if (!vscode.window.state.focused) return;
      if (this.treeView.visible) this.provider.tick();
      this.pins.update();
    }, 60_000);
    void this.heads.start().catch((err: unknown) => log.debug(`HEAD watcher: ${String(err)}`));
    context.subscriptions.push(this);
  }

  /** The roots: `conveyor.pipelines.accounts` when set, else the selected profile and region. */
  targets(): TargetRef[] {
    const accounts = readAccounts();
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
    const filter = this.explorer.tree.filter;
    let matched = 0;
    let total = 0;
    for (const t of this.explorer.store.targets()) {
      total += t.names.length;
      matched += this.explorer.tree.matching(t).length;
    }
    this.treeView.message = filterMessage(filter, matched, total);
  }

  async showTimeline(key: PipelineKey, executionId: string): Promise<vscode.TextEditor> {
    const doc = await vscode.workspace.openTextDocument(timelineUri(key, executionId));
    return vscode.window.showTextDocument(doc, { preview: true });
  }

  private registerCommands(): void {
    const c = this.commands;
    const withViewProgress = <T>(task: () => Promise<T>): Thenable<T> => vscode.window.withProgress({ location: { viewId: VIEW_ID } }, task);
    const handlers: Record<(typeof PIPELINE_COMMANDS)[number], (arg?: unknown) => unknown> = {
      'conveyor.pipelines.refresh': (arg) => withViewProgress(() => c.refresh(arg)),
      'conveyor.pipelines.filter': (arg) => c.filter(arg),
      'conveyor.pipelines.clearFilter': () => c.clearFilter(),
      'conveyor.pipelines.loadMore': (arg) => withViewProgress(() => c.loadMore(arg)),
      'conveyor.pipelines.start': (arg) => c.start(arg),
      'conveyor.pipelines.stop': (arg) => c.stop(arg),
      'conveyor.pipelines.retryStage': (arg) => c.retryStage(arg),
      'conveyor.pipelines.approve': (arg) => c.approve(arg),
      'conveyor.pipelines.reject': (arg) => c.reject(arg),
      'conveyor.pipelines.enableTransition': (arg) => c.setTransition(arg, true),
      'conveyor.pipelines.disableTransition': (arg) => c.setTransition(arg, false),
      'conveyor.pipelines.showExecution': (arg) => c.showExecution(arg),
      'conveyor.pipelines.openInConsole': (arg) => c.openInConsole(arg),
      'conveyor.pipelines.copyArn': (arg) => c.copyArn(arg),
      'conveyor.pipelines.pin': (arg) => c.follow(arg, 'pinned', true),
      'conveyor.pipelines.unpin': (arg) => c.follow(arg, 'pinned', false),
      'conveyor.pipelines.watch': (arg) => c.follow(arg, 'watched', true),
      'conveyor.pipelines.unwatch': (arg) => c.follow(arg, 'watched', false),
      'conveyor.pipelines.showActionLogs': (arg) => c.showActionLogs(arg),
      'conveyor.pipelines.showYourCommit': () => this.showYourCommit(),
    };
    for (const [id, handler] of Object.entries(handlers)) {
      this.disposables.push(vscode.commands.registerCommand(id, async (arg?: unknown) => {
        try {
          return await handler(arg);
        } catch (err) {
          this.deps.log.error(`${id} failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
          void vscode.window.showErrorMessage(`Conveyor: ${err instanceof Error ? err.message : String(err)}`);
          return undefined;
        }
      }));
    }
  }

  private async showYourCommit(): Promise<void> {
    const head = this.yourCommit.commit;
    const matches = this.yourCommit.matches;
    if (!head || !matches.length) {
      void vscode.window.showInformationMessage(head ? `No pipeline shown by Conveyor has built ${head.slice(0, 7)} yet.` : 'This workspace is not a git repository.');
      return;
    }
    const picked = matches.length === 1 ? matches[0] : await vscode.window.showQuickPick(matches.map((m) => ({
      label: m.key.name, description: `${m.stage ? `${m.stage.name}: ${statusPhrase(m.stage.status)}` : statusPhrase(m.execution.status)}`,
      detail: revisionLine(m.execution.sourceRevisions[0]) ?? m.execution.id, match: m,
    })), { title: `Where ${head.slice(0, 7)} is` }).then((p) => p?.match);
    if (picked) await this.showTimeline(picked.key, picked.execution.id);
  }

  dispose(): void {
    for (const d of this.disposables.splice(0).reverse()) {
      try {
        d.dispose();
      } catch {
        // keep disposing the rest
      }
    }
  }
}

export function createPipelinesFeature(context: PipelinesContext, deps: PipelinesDeps): PipelinesFeature {
  return new PipelinesFeature(context, deps);
}

/** Entry point for src/extension.ts. */
export function registerPipelines(context: vscode.ExtensionContext, deps: { log: Logger; aws: AwsAccess }): PipelinesFeature {
  return createPipelinesFeature(context, deps);
}
