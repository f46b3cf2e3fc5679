// The CodeBuild view in VS Code: the tree, the build documents, the buildspec CodeLens, the Testing
// view's reports and notifications when a build started here or of a watched project ends — all
// driven by the pure CodeBuildExplorer.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { viewExplainer, type AwsAccess } from '../../aws/access';
import { parseTargetKey } from '../../aws/targets';
import { DisposableStore } from '../../core/disposables';
import type { Logger } from '../../core/log';
import { systemClock, type Clock } from '../../core/polling/clock';
import { FeatureSettings } from '../../editor/settings';
import { ExplorerView, type FilterCounts } from '../../editor/explorer-view';
import { ExpansionMemory, ModelTreeProvider } from '../../editor/tree';
import type { EditorUi } from '../../editor/ui';
import { createCodeBuildApi, type CodeBuildApi } from '../model/api';
import { CodeBuildExplorer } from '../model/explorer';
import { nodeIds } from '../model/keys';
import type { TreeNode } from '../model/tree';
import type { ProjectInfo, ProjectKey, TargetRef } from '../model/types';
import { projectsForBuildspec } from '../model/workspace-match';
import { readRepository } from '../git/remotes';
import { BUILDSPEC_GLOBS } from '../buildspec-path';
import { CODEBUILD_SETTINGS, refreshSettingsOf } from '../settings';
import { BuildCommands } from './build-commands';
import { BUILD_SCHEME, BuildDocuments, buildUri, type BuildRef } from './build-documents';
import { BUILDSPEC_SELECTOR, BuildspecLenses } from './buildspec-lens';
import { CommandContext } from './command-context';
import { BuildNotifier } from './notifier';
import { TestResults } from './test-results';
import { treeModelOf } from './tree-provider';
import { ViewCommands } from './view-commands';
import { WatchedProjects } from './watched';

export const VIEW_ID = 'conveyor.codebuild';

export interface CodeBuildDeps {
  log: Logger;
  aws: AwsAccess;
  ui: EditorUi;
  globalState: vscode.Memento;
  /** The view to fill (the shell creates it at activation). */
  treeView(provider: ModelTreeProvider<TreeNode>): vscode.TreeView<TreeNode>;
  clock?: Clock;
}

export class CodeBuildFeature implements vscode.Disposable {
  readonly explorer: CodeBuildExplorer;
  readonly provider: ModelTreeProvider<TreeNode>;
  readonly treeView: vscode.TreeView<TreeNode>;
  readonly documents: BuildDocuments;
  readonly lenses: BuildspecLenses;
  readonly tests: TestResults;
  readonly builds: BuildCommands;
  readonly view: ViewCommands;
  readonly watched: WatchedProjects;
  readonly notifier: BuildNotifier;
  readonly explorerView: ExplorerView<TreeNode>;
  private readonly settings = new FeatureSettings(CODEBUILD_SETTINGS);
  private readonly disposables = new DisposableStore();
  private readonly followedBy = { documents: [] as ProjectKey[], lenses: [] as ProjectKey[], started: [] as ProjectKey[] };

  constructor(private readonly deps: CodeBuildDeps) {
    const clock = deps.clock ?? systemClock;
    const now = (): number => clock.now();
    this.disposables.add(this.settings);
    this.explorer = new CodeBuildExplorer({
      apiFor: (t) => this.apiFor(t), clock, log: deps.log,
      settings: () => refreshSettingsOf(this.settings.value),
      explain: viewExplainer(deps.aws, 'codebuild'),
      pageSize: this.settings.value.pageSize,
    });
    this.disposables.add({ dispose: () => this.explorer.dispose() });
    this.watched = this.disposables.add(new WatchedProjects(deps.globalState));
    const expansion = new ExpansionMemory<TreeNode>((node) => this.explorer.setExpanded(node, true));
    this.provider = this.disposables.add(new ModelTreeProvider(treeModelOf(this.explorer, (key) => this.watched.has(key)), expansion));
    this.treeView = deps.treeView(this.provider);
    this.explorerView = this.disposables.add(new ExplorerView({
      viewId: VIEW_ID, treeView: this.treeView, explorer: this.explorer, now,
      autoRefresh: () => this.settings.value['refresh.enabled'],
      filter: { contextKey: 'conveyor.codebuild.filtered', noun: 'projects', counts: () => this.filterCounts() },
      expansion, idOf: (node) => node.id,
    }));
    this.documents = this.disposables.add(new BuildDocuments(this.explorer, now));
    this.documents.onFollow = (keys) => this.setFollowed('documents', keys);
    this.lenses = this.disposables.add(new BuildspecLenses({
      explorer: this.explorer, log: deps.log, now, enabled: () => this.settings.value['codeLens.enabled'],
      onFollow: (keys) => this.setFollowed('lenses', keys),
    }));
    this.disposables.add(vscode.languages.registerCodeLensProvider(BUILDSPEC_SELECTOR, this.lenses));
    this.tests = this.disposables.add(new TestResults({ explorer: this.explorer, apiFor: (t) => this.apiFor(t), log: deps.log }));
    this.notifier = this.disposables.add(new BuildNotifier({
      explorer: this.explorer, ui: deps.ui, watched: this.watched, settings: () => this.settings.value.notify,
      showBuild: (ref, label) => void this.showBuild(ref, label),
      run: (command, args) => void vscode.commands.executeCommand(command, args),
      onFollow: (keys) => this.setFollowed('started', keys),
    }));
    const context = new CommandContext({
      explorer: this.explorer, apiFor: (t) => this.apiFor(t), ui: deps.ui, log: deps.log, now,
      showBuild: (ref, label) => this.showBuild(ref, label),
      showReport: async (target, arn) => {
        const shown = await this.tests.show(target, arn);
        if (shown) await vscode.commands.executeCommand('workbench.view.testing.focus');
      },
      onFilterChanged: () => this.onFilterChanged(),
      started: (target, run) => this.notifier.started(target, run),
      workspaceBuildspecs: (project) => this.workspaceBuildspecs(project),
      executeCommand: (command, ...args) => vscode.commands.executeCommand(command, ...args),
    });
    this.builds = new BuildCommands(context);
    this.view = new ViewCommands(context);
    this.subscribe();
    this.setFollowed('started', []);
    this.retarget(false);
    const ticker = setInterval(() => {
      if (vscode.window.state.focused && this.treeView.visible) this.provider.refresh();
    }, 60_000);
    this.disposables.add({ dispose: () => clearInterval(ticker) });
  }

  private subscribe(): void {
    const d = this.disposables;
    d.add(this.deps.aws.onDidChange(() => this.retarget(true)));
    d.add(this.watched.onDidChange(() => {
      this.setFollowed('started', this.followedBy.started);
      this.provider.refresh();
    }));
    d.add(this.settings.onDidChange((change) => {
      this.explorer.tree.pageSize = this.settings.value.pageSize;
      this.explorer.updateTasks();
      this.explorerView.render();
      if (change.affects('codeLens.enabled')) this.lenses.refresh();
      if (change.affects('pageSize')) this.provider.refresh();
    }));
  }

  private setFollowed(by: keyof CodeBuildFeature['followedBy'], keys: readonly ProjectKey[]): void {
    this.followedBy[by] = [...keys];
    const all = new Map<string, ProjectKey>();
    for (const k of [...this.followedBy.documents, ...this.followedBy.lenses, ...this.followedBy.started, ...this.watched.list()]) all.set(nodeIds.project(k), k);
    this.explorer.setFollowed([...all.values()]);
  }

  /** The root: the selected profile and region. */
  targets(): TargetRef[] {
    const current = this.deps.aws.current;
    return current ? [{ profile: current.profile, region: current.region }] : [];
  }

  private retarget(reload: boolean): void {
    this.explorer.setTargets(this.targets());
    this.lenses.refresh();
    if (reload) void this.explorer.refresh();
  }

  apiFor(target: string): CodeBuildApi {
    const ref = this.explorer.store.target(target)?.ref ?? parseTargetKey(target);
    return createCodeBuildApi(this.deps.aws.client('codebuild', ref ? { profile: ref.profile, region: ref.region } : undefined));
  }

  private onFilterChanged(): void {
    this.explorerView.filterChanged();
    this.provider.refresh();
    this.explorer.updateTasks();
  }

  private filterCounts(): FilterCounts {
    let matched = 0;
    let total = 0;
    let complete = true;
    for (const t of this.explorer.store.targets()) {
      total += t.names.length;
      matched += this.explorer.tree.matching(t).length;
      complete &&= t.complete;
    }
    return { filter: this.explorer.tree.filter, matched, total, complete };
  }

  async showBuild(ref: BuildRef, label: string): Promise<void> {
    await this.deps.ui.openDocument(buildUri(ref, label), { preview: true, rendered: true });
  }

  /** Buildspec files of the workspace (not in dependencies), as Start Build offers them, marked when `project` builds them. */
  private async workspaceBuildspecs(project?: ProjectInfo): Promise<{ label: string; matchesProject: boolean; read(): Promise<string> }[]> {
    const found = await Promise.all(BUILDSPEC_GLOBS.map((glob) => vscode.workspace.findFiles(glob, '**/node_modules/**', 20)));
    const uris = [...new Map(found.flat().map((u) => [u.toString(), u])).values()];
    return Promise.all(uris.sort((a, b) => a.fsPath.localeCompare(b.fsPath)).map(async (uri) => ({
      label: vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1) || path.basename(uri.fsPath),
      matchesProject: project ? await this.projectBuilds(project, uri) : false,
      read: async () => (await vscode.workspace.openTextDocument(uri)).getText(),
    })));
  }

  /** Whether the project's source is this file's repository and its buildspec path this file. */
  private async projectBuilds(project: ProjectInfo, uri: vscode.Uri): Promise<boolean> {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const repo = folder ? await readRepository(folder.uri.fsPath) : undefined;
    if (!repo?.remotes.length) return false;
    const relative = path.relative(repo.root, uri.fsPath);
    return !relative.startsWith('..') && projectsForBuildspec([project], repo.remotes, relative).length > 0;
  }

  dispose(): void {
    this.disposables.dispose();
  }
}

export { BUILD_SCHEME };
