// What every CodeBuild command shares: finding the account, project, build or batch a command is about
// (from a tree node, an argument object or pickers), and reporting AWS failures with their next step.
import { parseTargetKey, targetKey } from '../../aws/targets';
import type { Logger } from '../../core/log';
import type { EditorUi } from '../../editor/ui';
import type { CodeBuildApi } from '../model/api';
import { asArgs, isNode, type CodeBuildArgs } from '../model/command-args';
import type { CodeBuildExplorer } from '../model/explorer';
import type { TreeNode } from '../model/tree';
import { idOfArn, isRunning, projectOfBuildId, type BuildInfo, type ProjectInfo, type ProjectKey } from '../model/types';
import { lastBuildDescription } from '../present/nodes';
import { buildStatusLabel } from '../present/status';
import type { BuildRef } from './build-documents';

export interface CommandDeps {
  explorer: CodeBuildExplorer;
  apiFor(target: string): CodeBuildApi;
  ui: EditorUi;
  log: Logger;
  now(): number;
  /** Opens the build (or batch) details document. */
  showBuild(ref: BuildRef, label: string): Promise<void>;
  /** Shows a report in the Testing view. */
  showReport(target: string, reportArn: string): Promise<void>;
  /** The filter changed: update the view's message and context key. */
  onFilterChanged(): void;
  /** A build or batch started from this window: its end is news. */
  started(target: string, build: { id: string; projectName: string }): void;
  /** Workspace files that look like buildspecs, workspace-relative; `matchesProject`: the project builds it. */
  workspaceBuildspecs(project?: ProjectInfo): Promise<{ label: string; matchesProject: boolean; read(): Promise<string> }[]>;
  /** Runs a command of another feature (the build log document). */
  executeCommand(command: string, ...args: unknown[]): Thenable<unknown>;
}

/** A build or batch a command acts on. */
export interface RunRef {
  target: string;
  key: ProjectKey;
  id: string;
  batch: boolean;
}

export class CommandContext {
  constructor(readonly d: CommandDeps) {}

  get explorer(): CodeBuildExplorer {
    return this.d.explorer;
  }

  get ui(): EditorUi {
    return this.d.ui;
  }

  args(arg: unknown): CodeBuildArgs {
    return asArgs(arg);
  }

  region(target: string): string {
    return this.explorer.store.target(target)?.ref.region ?? parseTargetKey(target)?.region ?? 'us-east-1';
  }

  report(error: unknown, operation: string, target: string | undefined, retry?: () => void): void {
    const ref = target ? parseTargetKey(target) : undefined;
    this.d.log.warn(`${operation} failed: ${String(error)}`);
    this.ui.reportAwsError(error, { service: 'codebuild', operation, ...(ref ? { target: ref } : {}) }, retry);
  }

  /** The account and region: from the argument, the only one shown, or a picker. */
  async target(args: CodeBuildArgs, title: string): Promise<string | undefined> {
    if (args.profile !== undefined && args.region) {
      const ref = { profile: args.profile, region: args.region };
      this.explorer.store.ensureTarget(ref);
      return targetKey(ref);
    }
    const targets = this.explorer.store.targets();
    if (targets.length === 0) {
      this.ui.notify('warning', 'No AWS profile is configured for Conveyor.', ['Select AWS Profile'],
        () => void this.d.executeCommand('conveyor.aws.selectProfile'));
      return undefined;
    }
    if (targets.length === 1) return targets[0]?.key;
    return this.ui.pick(targets.map((t) => ({ label: t.ref.label ?? t.ref.profile, description: t.ref.region, value: t.key })), { title, placeholder: 'Account and region' });
  }

  /** The project a command is about: a node's, a named one, or one picked from the list. */
  async project(arg: unknown, title: string): Promise<ProjectKey | undefined> {
    if (isNode(arg)) return 'key' in arg ? arg.key : undefined;
    const args = asArgs(arg);
    if (!args.projectName && args.buildId) args.projectName = projectOfBuildId(args.buildId);
    const target = await this.target(args, title);
    if (!target) return undefined;
    if (args.projectName) return { target, name: args.projectName };
    try {
      await this.ui.withProgress('Listing CodeBuild projects…', () => this.explorer.loads.listed(target));
    } catch (err) {
      this.report(err, 'ListProjects', target);
      return undefined;
    }
    const t = this.explorer.store.target(target);
    const names = t ? this.explorer.tree.matching(t) : [];
    const name = await this.ui.pick(names.map((n) => {
      const last = lastBuildDescription({ store: this.explorer.store, now: this.d.now() }, { target, name: n }).text;
      return { label: n, ...(last ? { description: last } : {}), value: n };
    }), { title, placeholder: 'CodeBuild project' });
    return name ? { target, name } : undefined;
  }

  /**
   * The build or batch a command is about: a node's (a build row, a batch row, a batch member, a
   * phase), an argument's buildId/batchId, or picked from a project's recent builds (running ones only
   * when `runningOnly`).
   */
  async run(arg: unknown, title: string, runningOnly = false): Promise<RunRef | undefined> {
    if (isNode(arg)) return this.runOfNode(arg);
    const args = asArgs(arg);
    if (args.buildId || args.batchId) {
      const id = idOfArn(args.buildId ?? args.batchId ?? '');
      const name = args.projectName ?? id.slice(0, id.lastIndexOf(':'));
      const target = await this.target(args, title);
      return target ? { target, key: { target, name }, id, batch: args.batchId !== undefined && args.buildId === undefined } : undefined;
    }
    const key = await this.project(arg, title);
    if (!key) return undefined;
    try {
      await this.ui.withProgress(`Listing builds of ${key.name}…`, () => this.explorer.loads.projectBuilds(key, false, this.explorer.tree.buildsShownCount(key)));
    } catch (err) {
      this.report(err, 'ListBuildsForProject', key.target);
      return undefined;
    }
    const builds = this.explorer.tree.shownBuildIds(key).map((id) => this.explorer.store.build(key.target, id)).filter((b): b is BuildInfo => b !== undefined && (!runningOnly || isRunning(b.status)));
    if (!builds.length) {
      this.ui.notify('info', `${key.name} has no ${runningOnly ? 'running ' : ''}builds to choose from.`);
      return undefined;
    }
    const id = await this.ui.pick(builds.map((b) => ({
      label: b.number !== undefined ? `#${b.number}` : b.id, description: buildStatusLabel(b.status), detail: b.resolvedSourceVersion ?? b.sourceVersion ?? '', value: b.id,
    })), { title, placeholder: 'Build' });
    return id ? { target: key.target, key, id, batch: false } : undefined;
  }

  private runOfNode(node: TreeNode): RunRef | undefined {
    switch (node.kind) {
      case 'build':
      case 'phase':
      case 'artifact':
      case 'buildReport':
        return { target: node.key.target, key: node.key, id: node.buildId, batch: false };
      case 'batch':
        return { target: node.key.target, key: node.key, id: node.batchId, batch: true };
      case 'group': {
        const arn = this.explorer.store.batch(node.key.target, node.batchId)?.groups.find((g) => g.identifier === node.identifier)?.current?.arn;
        return arn ? { target: node.key.target, key: node.key, id: idOfArn(arn), batch: false } : undefined;
      }
      case 'project': {
        const last = this.explorer.store.lastBuild(node.key);
        return last ? { target: node.key.target, key: node.key, id: last.id, batch: false } : undefined;
      }
      default:
        return undefined;
    }
  }

  /** The current status of a build or batch (read now). */
  async statusOf(ref: RunRef): Promise<BuildInfo['status'] | undefined> {
    const info = ref.batch ? await this.explorer.batch(ref.target, ref.id) : await this.explorer.build(ref.target, ref.id);
    return info?.status;
  }

  label(ref: RunRef): string {
    const info = ref.batch ? this.explorer.store.batch(ref.target, ref.id) : this.explorer.store.build(ref.target, ref.id);
    const number = info?.number !== undefined ? `#${info.number}` : ref.id.slice(ref.id.lastIndexOf(':') + 1, ref.id.lastIndexOf(':') + 9);
    return `${ref.key.name} ${ref.batch ? 'batch ' : ''}${number}`;
  }

  isRunning(ref: RunRef): boolean {
    const info = ref.batch ? this.explorer.store.batch(ref.target, ref.id) : this.explorer.store.build(ref.target, ref.id);
    return isRunning(info?.status);
  }
}
