// Shared by the pipelines and logs host suites: the emulator's admin API, a scripted UI (a modal dialog
// would block an unattended run), an in-memory Memento, and explorers wired to the extension's AWS session.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { explainAwsError } from '../../../src/aws/errors';
import { silentLogger } from '../../../src/core/log';
import type { PipelineCommands } from '../../../src/pipelines/editor/commands';
import { PipelineCommands as Commands } from '../../../src/pipelines/editor/commands';
import { FollowState } from '../../../src/pipelines/editor/follow';
import { createPipelineApi } from '../../../src/pipelines/model/api';
import { PipelineExplorer } from '../../../src/pipelines/model/explorer';
import { parseTargetKey } from '../../../src/pipelines/model/keys';
import type { TargetRef } from '../../../src/pipelines/model/types';
import { systemClock } from '../../../src/core/polling/clock';
import { DEFAULT_REFRESH_SETTINGS } from '../../../src/core/polling/settings';
import type { ConveyorApi } from '../../../src/extension';
import type { AwsSession } from '../../../src/aws/editor/session';
import { activateConveyor, testAwsSession } from '../foundation/helpers';
import { ScriptedUiBase, type ScriptedPickItem } from '../scripted-ui';
import { eventually } from '../waits';

export const DEMO: TargetRef = { profile: 'conveyor-demo', region: 'us-east-1' };
export const PROD: TargetRef = { profile: 'conveyor-prod', region: 'eu-west-1' };

export function emulatorUrl(): string | undefined {
  return process.env.CONVEYOR_EMULATOR_URL;
}

/**
 * Points the workspace at the emulator. conveyor.aws.endpointUrl is machine-overridable, so a remote
 * host (code-server) ignores the user-level value the runner writes; the workspace value applies.
 */
export async function useEmulator(): Promise<void> {
  const url = emulatorUrl();
  if (!url) return;
  const api = await activateConveyor();
  if (api.aws.endpointUrl === url) return;
  await vscode.workspace.getConfiguration().update('conveyor.aws.endpointUrl', url, vscode.ConfigurationTarget.Workspace);
  await eventually('the AWS session to use the emulator', () => api.aws.endpointUrl === url);
}

/** Undoes useEmulator's workspace setting (other suites decide for themselves). */
export async function releaseEmulator(): Promise<void> {
  if (vscode.workspace.getConfiguration().inspect('conveyor.aws.endpointUrl')?.workspaceValue !== undefined) {
    await vscode.workspace.getConfiguration().update('conveyor.aws.endpointUrl', undefined, vscode.ConfigurationTarget.Workspace);
  }
}

/** After a suite that changed the emulator: its state back to the seed, the workspace off it. */
export async function leaveEmulator(): Promise<void> {
  if (emulatorUrl()) await admin('POST', 'reset');
  await releaseEmulator();
}

/** Calls the emulator's admin API (faults, reset, stats). */
export async function admin(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<unknown> {
  const url = emulatorUrl();
  if (!url) throw new Error('no emulator');
  const res = await fetch(`${url}/_emulator/${path}`, {
    method, ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`admin ${method} ${path}: ${res.status} ${text}`);
  return text ? JSON.parse(text) as unknown : undefined;
}

/** Answers prompts from a queue (in order) and records everything the commands showed. */
export class ScriptedUi extends ScriptedUiBase {
  /** A pick answer may also be part of the label. */
  protected override names(item: ScriptedPickItem<unknown>, answer: unknown): boolean {
    return super.names(item, answer) || (typeof answer === 'string' && item.label.includes(answer));
  }

  override async input(options: { title: string; validate?: (v: string) => string | undefined }): Promise<string | undefined> {
    const a = await super.input(options);
    if (a === undefined) return undefined;
    const problem = options.validate?.(a);
    assert.equal(problem, undefined, `the input box would refuse ${a}: ${problem}`);
    return a;
  }
}

export class MemoryMemento implements vscode.Memento {
  private readonly data = new Map<string, unknown>();
  setKeysForSync(): void {
    // nothing syncs in tests
  }
  keys(): readonly string[] {
    return [...this.data.keys()];
  }
  get<T>(key: string, defaultValue?: T): T | undefined {
    return (this.data.has(key) ? this.data.get(key) : defaultValue) as T | undefined;
  }
  update(key: string, value: unknown): Thenable<void> {
    if (value === undefined) this.data.delete(key);
    else this.data.set(key, value);
    return Promise.resolve();
  }
}

export interface Rig {
  api: ConveyorApi;
  explorer: PipelineExplorer;
  commands: PipelineCommands;
  ui: ScriptedUi;
  follow: FollowState;
  timelines: { target: string; name: string; id: string }[];
  executed: { command: string; args: unknown[] }[];
  /** The test's own AWS session (same settings and profiles as the extension's), for the rig's clients. */
  aws: AwsSession;
  dispose(): void;
}

/** An explorer + commands on an AWS session like the extension's (profiles from the test HOME, emulator endpoint). */
export async function rig(targets: TargetRef[] = [DEMO]): Promise<Rig> {
  await useEmulator();
  const api = await activateConveyor();
  const aws = await testAwsSession();
  const apiFor = (target: string) => {
    const t = parseTargetKey(target);
    return createPipelineApi(aws.client('codepipeline', t));
  };
  const explorer = new PipelineExplorer({
    apiFor,
    clock: systemClock,
    settings: () => DEFAULT_REFRESH_SETTINGS,
    explain: (error, target, operation) => {
      const t = parseTargetKey(target);
      const e = explainAwsError(error, { service: 'codepipeline', operation, ...(t ?? {}) });
      return { message: e.message, category: e.category, ...(e.code ? { code: e.code } : {}), errorClass: e.category === 'throttled' ? 'throttled' : e.transient ? 'transient' : 'fatal' };
    },
    log: silentLogger,
  });
  explorer.setTargets(targets);
  const ui = new ScriptedUi();
  const follow = new FollowState(new MemoryMemento());
  const timelines: Rig['timelines'] = [];
  const executed: Rig['executed'] = [];
  const commands = new Commands({
    explorer, apiFor, ui, follow, log: silentLogger,
    showTimeline: async (key, id) => { timelines.push({ target: key.target, name: key.name, id }); },
    onFilterChanged: () => undefined,
    executeCommand: async (command, ...args) => { executed.push({ command, args }); return undefined; },
  });
  return { api, explorer, commands, ui, follow, timelines, executed, aws, dispose: () => { explorer.dispose(); follow.dispose(); aws.dispose(); } };
}

export { eventually } from '../waits';
