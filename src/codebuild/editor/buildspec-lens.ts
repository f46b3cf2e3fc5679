// A CodeLens on a workspace buildspec that a CodeBuild project builds (its source is this repository
// and its buildspec path is this file): the project with its last build, "Start build", and "Start
// build with this file" (a buildspec override, so the build says it ran a local buildspec).
import * as path from 'node:path';
import * as vscode from 'vscode';
import { isExplained } from '../../aws/errors';
import { parseTargetKey } from '../../aws/targets';
import { DisposableStore } from '../../core/disposables';
import { describeError, type Logger } from '../../core/log';
import { BUILDSPEC_GLOBS } from '../buildspec-path';
import { readRepository } from '../git/remotes';
import { ROOT_ID, type CodeBuildExplorer } from '../model/explorer';
import { nodeIds } from '../model/keys';
import type { ProjectInfo, ProjectKey } from '../model/types';
import { projectsForBuildspec, type RepoId } from '../model/workspace-match';
import { lastBuildDescription } from '../present/nodes';

export const BUILDSPEC_SELECTOR: vscode.DocumentSelector = BUILDSPEC_GLOBS.map((pattern) => ({ scheme: 'file', pattern }));

export interface BuildspecLensDeps {
  explorer: CodeBuildExplorer;
  log: Logger;
  enabled(): boolean;
  now(): number;
  /** The projects the open buildspecs belong to changed: keep them polled. */
  onFollow(keys: ProjectKey[]): void;
}

export class BuildspecLenses implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.emitter.event;
  private readonly disposables = new DisposableStore();
  private readonly repos = new Map<string, Promise<{ root: string; remotes: RepoId[] } | undefined>>();
  private readonly definitions = new Map<string, Promise<void>>();
  /** Projects matched per open document. */
  private readonly matched = new Map<string, ProjectKey[]>();

  constructor(private readonly d: BuildspecLensDeps) {
    this.disposables.add(this.emitter);
    this.disposables.add(d.explorer.onDidChange((ids) => {
      const shown = new Set([...this.matched.values()].flat().map((k) => nodeIds.project(k)));
      if (ids.some((id) => id === ROOT_ID || shown.has(id))) this.emitter.fire();
    }));
    this.disposables.add(vscode.workspace.onDidCloseTextDocument((doc) => {
      if (this.matched.delete(doc.uri.toString())) this.follow();
    }));
  }

  /** Re-evaluates every lens (settings or the AWS profile changed). */
  refresh(): void {
    this.definitions.clear();
    this.emitter.fire();
  }

  async provideCodeLenses(document: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    if (!this.d.enabled()) return this.forget(document);
    const target = this.d.explorer.store.targets()[0];
    const folder = vscode.workspace.getWorkspaceFolder(document.uri);
    if (!target || !folder) return this.forget(document);
    const repo = await this.repoOf(folder.uri.fsPath);
    if (!repo?.remotes.length) return this.forget(document);
    const relative = path.relative(repo.root, document.uri.fsPath);
    if (relative.startsWith('..')) return this.forget(document);
    await this.definitionsOf(target.key);
    const infos = target.names.map((n) => target.projects.get(n)?.info).filter((i): i is ProjectInfo => i !== undefined);
    const keys = projectsForBuildspec(infos, repo.remotes, relative).map((p) => ({ target: target.key, name: p.name }));
    const before = JSON.stringify(this.matched.get(document.uri.toString()) ?? []);
    this.matched.set(document.uri.toString(), keys);
    if (JSON.stringify(keys) !== before) this.follow();
    const unknown = keys.filter((k) => !this.d.explorer.store.project(k)?.lastBuildKnown).map((k) => k.name);
    if (unknown.length) void this.d.explorer.loads.lastBuilds(target.key, unknown).catch(() => false);
    const ref = parseTargetKey(target.key);
    const where = ref ? { profile: ref.profile, region: ref.region } : {};
    const range = new vscode.Range(0, 0, 0, 0);
    const file = path.basename(document.uri.fsPath);
    return keys.flatMap((key) => {
      const last = lastBuildDescription({ store: this.d.explorer.store, now: this.d.now() }, key);
      const lastBuild = this.d.explorer.store.lastBuild(key);
      const args = { ...where, projectName: key.name };
      return [
        new vscode.CodeLens(range, {
          title: `$(tools) CodeBuild ${key.name}${last.text ? `: ${last.text}` : ''}`,
          tooltip: lastBuild ? 'Show the last build' : `The CodeBuild project ${key.name} builds this file`,
          command: lastBuild ? 'conveyor.codebuild.showBuild' : 'conveyor.codebuild.focus',
          arguments: lastBuild ? [{ ...args, buildId: lastBuild.id }] : [],
        }),
        new vscode.CodeLens(range, {
          title: '$(play) Start build', tooltip: `Start a build of ${key.name} with the project's buildspec`,
          command: 'conveyor.codebuild.startBuild', arguments: [{ ...args, quick: true }],
        }),
        new vscode.CodeLens(range, {
          title: '$(play) Start build with this file', tooltip: `Start a build of ${key.name} that runs this ${file} as it is in the editor (a buildspec override)`,
          command: 'conveyor.codebuild.startBuild', arguments: [{ ...args, quick: true, buildspecOverride: document.getText(), buildspecOverrideFrom: file }],
        }),
      ];
    });
  }

  private forget(document: vscode.TextDocument): vscode.CodeLens[] {
    if (this.matched.delete(document.uri.toString())) this.follow();
    return [];
  }

  private follow(): void {
    const seen = new Map<string, ProjectKey>();
    for (const k of [...this.matched.values()].flat()) seen.set(nodeIds.project(k), k);
    this.d.onFollow([...seen.values()]);
  }

  private repoOf(folder: string): Promise<{ root: string; remotes: RepoId[] } | undefined> {
    let repo = this.repos.get(folder);
    if (!repo) {
      repo = readRepository(folder);
      this.repos.set(folder, repo);
    }
    return repo;
  }

  /** Every project's definition in the target, loaded once (BatchGetProjects, 100 a call). */
  private definitionsOf(target: string): Promise<void> {
    let loading = this.definitions.get(target);
    if (!loading) {
      loading = (async () => {
        await this.d.explorer.loads.listed(target);
        const t = this.d.explorer.store.target(target);
        await this.d.explorer.loads.projects(target, t?.names ?? []);
      })().catch((err: unknown) => {
        this.d.log.warn(`Buildspec CodeLens: could not load the CodeBuild projects (ListProjects, BatchGetProjects) of ${target}: ${isExplained(err) ? err.message : describeError(err)}`);
        this.definitions.delete(target);
      });
      this.definitions.set(target, loading);
    }
    return loading;
  }

  dispose(): void {
    this.disposables.dispose();
  }
}
