// A CodeBuild rig for host tests: an explorer on the test's own AWS session (the emulator's demo
// account), the feature's commands with a scripted UI, and what they opened, started and ran.
import { explainAwsError } from '../../../src/aws/errors';
import { parseTargetKey, targetKey } from '../../../src/aws/targets';
import type { AwsSession } from '../../../src/aws/editor/session';
import { createCodeBuildApi, type CodeBuildApi } from '../../../src/codebuild/model/api';
import { CodeBuildExplorer } from '../../../src/codebuild/model/explorer';
import type { BuildRef } from '../../../src/codebuild/editor/build-documents';
import { BuildCommands } from '../../../src/codebuild/editor/build-commands';
import { CommandContext } from '../../../src/codebuild/editor/command-context';
import { ViewCommands } from '../../../src/codebuild/editor/view-commands';
import { silentLogger } from '../../../src/core/log';
import { systemClock } from '../../../src/core/polling/clock';
import { DEFAULT_REFRESH_SETTINGS } from '../../../src/core/polling/settings';
import { testAwsSession } from '../foundation/helpers';
import { DEMO, ScriptedUi, useEmulator } from '../pipelines/helpers';

export const T = targetKey(DEMO);
export const key = (name: string): { target: string; name: string } => ({ target: T, name });

export interface CodeBuildRig {
  explorer: CodeBuildExplorer;
  builds: BuildCommands;
  view: ViewCommands;
  ui: ScriptedUi;
  api: CodeBuildApi;
  aws: AwsSession;
  opened: BuildRef[];
  reports: string[];
  started: string[];
  executed: { command: string; args: unknown[] }[];
  /** Buildspec files the Start prompts offer; `matchesProject`: the project builds it. */
  buildspecs: { label: string; text: string; matchesProject?: boolean }[];
  dispose(): void;
}

export async function codebuildRig(): Promise<CodeBuildRig> {
  await useEmulator();
  const aws = await testAwsSession();
  const apiFor = (target: string): CodeBuildApi => createCodeBuildApi(aws.client('codebuild', parseTargetKey(target)));
  const explorer = new CodeBuildExplorer({
    apiFor, clock: systemClock, log: silentLogger, settings: () => DEFAULT_REFRESH_SETTINGS,
    explain: (error, _target, operation) => {
      const e = explainAwsError(error, { service: 'codebuild', operation });
      return { message: e.message, category: e.category, ...(e.code ? { code: e.code } : {}), errorClass: e.category === 'throttled' ? 'throttled' : e.transient ? 'transient' : 'fatal' };
    },
  });
  explorer.setTargets([DEMO]);
  const ui = new ScriptedUi();
  const r: CodeBuildRig = {
    explorer, ui, aws, api: apiFor(T), opened: [], reports: [], started: [], executed: [], buildspecs: [],
    builds: undefined as unknown as BuildCommands, view: undefined as unknown as ViewCommands,
    dispose: () => {
      explorer.dispose();
      aws.dispose();
    },
  };
  const context = new CommandContext({
    explorer, apiFor, ui, log: silentLogger, now: () => Date.now(),
    showBuild: async (ref) => { r.opened.push(ref); },
    showReport: async (_target, arn) => { r.reports.push(arn); },
    onFilterChanged: () => undefined,
    started: (_target, run) => { r.started.push(run.id); },
    workspaceBuildspecs: async () => r.buildspecs.map((b) => ({ label: b.label, matchesProject: b.matchesProject ?? false, read: async () => b.text })),
    executeCommand: async (command, ...args) => { r.executed.push({ command, args }); return undefined; },
  });
  r.builds = new BuildCommands(context);
  r.view = new ViewCommands(context);
  return r;
}
