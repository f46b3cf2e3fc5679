// Start Build, Start Batch Build, Retry Build and Stop Build: from the view, the palette, the buildspec
// CodeLens or another command. A start asks about overrides (source version, environment variables, a
// workspace buildspec) unless the argument says; a stop asks for confirmation first.
import { randomUUID } from 'node:crypto';
import type { StartOptions } from '../model/api';
import { parseEnvironmentOverrides, validateSourceVersion } from '../model/inputs';
import { startBuildFlow } from '../model/start-build-flow';
import type { BatchInfo, BuildInfo, ProjectKey } from '../model/types';
import { buildStatusLabel } from '../present/status';
import type { CommandContext, RunRef } from './command-context';

/** What a start is about to run, in words: "orders-api-unit-tests with buildspec.yml from the workspace". */
function startedText(kind: string, key: ProjectKey, run: { number?: number }, from: string | undefined): string {
  return `Started ${kind} ${run.number !== undefined ? `#${run.number} ` : ''}of ${key.name}${from ? ` with the local ${from} (not the project's buildspec)` : ''}.`;
}

export class BuildCommands {
  constructor(private readonly c: CommandContext) {}

  startBuild(arg?: unknown): Promise<string | undefined> {
    return this.start(arg, false);
  }

  startBatchBuild(arg?: unknown): Promise<string | undefined> {
    return this.start(arg, true);
  }

  private async start(arg: unknown, batch: boolean): Promise<string | undefined> {
    const title = batch ? 'Start Batch Build' : 'Start Build';
    const key = await this.c.project(arg, title);
    if (!key) return undefined;
    const args = this.c.args(arg);
    const options = args.quick || args.sourceVersion !== undefined || args.environmentVariables !== undefined || args.buildspecOverride !== undefined
      ? this.optionsOfArgs(args)
      : await this.askOptions(key, title);
    if (!options) return undefined;
    if ('error' in options) {
      this.c.ui.notify('error', `${title}: ${options.error}`);
      return undefined;
    }
    const { start, from } = options;
    const api = this.c.d.apiFor(key.target);
    const operation = batch ? 'StartBuildBatch' : 'StartBuild';
    try {
      const run: BuildInfo | BatchInfo | undefined = await this.c.ui.withProgress(`Starting ${batch ? 'a batch build' : 'a build'} of ${key.name}…`, async () => {
        const r = batch ? await api.startBatch(key.name, start) : await api.startBuild(key.name, start);
        if (r && !batch) await this.c.explorer.refreshAfterAction(key, r as BuildInfo);
        else await this.c.explorer.refreshAfterAction(key);
        return r;
      });
      if (!run) return undefined;
      this.c.d.started(key.target, run);
      const ref: RunRef = { target: key.target, key, id: run.id, batch };
      this.c.ui.notify('info', startedText(batch ? 'batch build' : 'build', key, run, from), batch ? ['Show Batch'] : ['Show Build', 'Show Logs'], (button) => {
        if (button === 'Show Logs') void this.c.d.executeCommand('conveyor.codebuild.showBuildLogs', { ...this.argsOf(ref) });
        else void this.c.d.showBuild({ target: key.target, id: run.id, batch }, this.c.label(ref));
      });
      return run.id;
    } catch (err) {
      this.c.report(err, operation, key.target, () => void this.start({ ...this.argsOf({ target: key.target, key, id: '', batch }), quick: true, ...(start.sourceVersion ? { sourceVersion: start.sourceVersion } : {}) }, batch));
      return undefined;
    }
  }

  private argsOf(ref: RunRef): Record<string, string> {
    const t = this.c.explorer.store.target(ref.target)?.ref;
    return {
      ...(t ? { profile: t.profile, region: t.region } : {}),
      projectName: ref.key.name,
      ...(ref.id ? (ref.batch ? { batchId: ref.id } : { buildId: ref.id }) : {}),
    };
  }

  private optionsOfArgs(args: ReturnType<CommandContext['args']>): { start: StartOptions; from?: string } | { error: string } {
    const problem = validateSourceVersion(args.sourceVersion ?? '');
    if (problem) return { error: problem };
    const env = parseEnvironmentOverrides(args.environmentVariables ?? '');
    if (env.error) return { error: env.error };
    return {
      start: {
        idempotencyToken: randomUUID(),
        ...(args.sourceVersion?.trim() ? { sourceVersion: args.sourceVersion.trim() } : {}),
        ...(env.variables.length ? { environmentVariables: env.variables } : {}),
        ...(args.buildspecOverride !== undefined ? { buildspecOverride: args.buildspecOverride } : {}),
      },
      ...(args.buildspecOverride !== undefined ? { from: args.buildspecOverrideFrom ?? 'buildspec' } : {}),
    };
  }

  /** Start with the project's settings, with overrides, or with a workspace buildspec: one multi-step flow. */
  private async askOptions(key: ProjectKey, title: string): Promise<{ start: StartOptions; from?: string } | undefined> {
    await this.c.explorer.loads.projects(key.target, [key.name]).catch(() => false);
    const info = this.c.explorer.store.project(key)?.info;
    const files = await this.c.d.workspaceBuildspecs(info);
    const spec = info?.source.buildspec;
    const answers = await this.c.ui.runFlow(startBuildFlow({
      title, project: key.name, sourceVersion: info?.sourceVersion, files,
      buildspecPath: spec && !spec.includes('\n') ? spec : undefined,
    }));
    if (!answers) return undefined;
    const file = answers.file !== undefined ? files[answers.file] : undefined;
    return {
      start: {
        idempotencyToken: randomUUID(),
        ...(answers.sourceVersion ? { sourceVersion: answers.sourceVersion } : {}),
        ...(answers.environmentVariables.length ? { environmentVariables: answers.environmentVariables } : {}),
        ...(file ? { buildspecOverride: await file.read() } : {}),
      },
      ...(file ? { from: file.label } : {}),
    };
  }

  async retryBuild(arg?: unknown): Promise<string | undefined> {
    const ref = await this.c.run(arg, 'Retry Build');
    if (!ref) return undefined;
    const api = this.c.d.apiFor(ref.target);
    let mode: 'RETRY_FAILED_BUILDS' | 'RETRY_ALL_BUILDS' | undefined;
    if (ref.batch) {
      mode = this.c.args(arg).retryMode ?? await this.c.ui.pick([
        { label: 'Retry failed builds', value: 'RETRY_FAILED_BUILDS' as const },
        { label: 'Retry all builds', value: 'RETRY_ALL_BUILDS' as const },
      ], { title: `Retry ${this.c.label(ref)}` });
      if (!mode) return undefined;
    }
    const chosen = mode;
    try {
      const run = await this.c.ui.withProgress(`Retrying ${this.c.label(ref)}…`, async () => {
        const r = ref.batch && chosen ? await api.retryBatch(ref.id, chosen) : await api.retryBuild(ref.id, randomUUID());
        await this.c.explorer.refreshAfterAction(ref.key, r && !ref.batch ? r as BuildInfo : undefined);
        return r;
      });
      if (!run) return undefined;
      this.c.d.started(ref.target, run);
      const next: RunRef = { ...ref, id: run.id };
      this.c.ui.notify('info', `${ref.batch ? 'Retrying' : 'Started'} ${this.c.label(next)}${ref.batch ? '' : ` (a retry of ${this.c.label(ref)})`}.`, ['Show Build'],
        () => void this.c.d.showBuild({ target: ref.target, id: run.id, batch: ref.batch }, this.c.label(next)));
      return run.id;
    } catch (err) {
      this.c.report(err, ref.batch ? 'RetryBuildBatch' : 'RetryBuild', ref.target, () => void this.retryBuild({ ...this.argsOf(ref), ...(chosen ? { retryMode: chosen } : {}) }));
      return undefined;
    }
  }

  async stopBuild(arg?: unknown): Promise<boolean> {
    const ref = await this.c.run(arg, 'Stop Build', true);
    if (!ref) return false;
    let status;
    try {
      status = await this.c.statusOf(ref);
    } catch (err) {
      this.c.report(err, ref.batch ? 'BatchGetBuildBatches' : 'BatchGetBuilds', ref.target);
      return false;
    }
    const label = this.c.label(ref);
    if (status !== 'IN_PROGRESS') {
      this.c.ui.notify('info', status ? `${label} is not running (${buildStatusLabel(status)}).` : `CodeBuild has no ${ref.batch ? 'batch build' : 'build'} ${ref.id}.`);
      return false;
    }
    if (!this.c.args(arg).confirmed) {
      const ok = await this.c.ui.confirm(`Stop ${label}?`, {
        action: ref.batch ? 'Stop Batch' : 'Stop Build',
        detail: ref.batch ? 'Every build of the batch still running stops.' : 'The build stops in its current phase and is marked Stopped.',
      });
      if (!ok) return false;
    }
    const api = this.c.d.apiFor(ref.target);
    try {
      await this.c.ui.withProgress(`Stopping ${label}…`, async () => {
        const r = ref.batch ? await api.stopBatch(ref.id) : await api.stopBuild(ref.id);
        await this.c.explorer.refreshAfterAction(ref.key, r && !ref.batch ? r as BuildInfo : undefined);
      });
      return true;
    } catch (err) {
      this.c.report(err, ref.batch ? 'StopBuildBatch' : 'StopBuild', ref.target, () => void this.stopBuild({ ...this.argsOf(ref), confirmed: true }));
      return false;
    }
  }
}
