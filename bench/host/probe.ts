// Loaded by a fresh extension host as its `extensionTestsPath` (bench/activation.bench.ts): activates
// Conveyor, measures how long that took and which of its JavaScript files were loaded, then times the
// first use of each feature through commands that every build of Conveyor has. Writes one JSON object
// to CONVEYOR_BENCH_OUT.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';

const EXTENSION_ID = 'conveyor-dev.conveyor';
const DEMO = { profile: 'conveyor-demo', region: 'us-east-1' };

export interface ProbeResult {
  /** The host had activated Conveyor before the probe ran (no valid activation sample). */
  wasActive: boolean;
  activationMs?: number;
  /** CPU time of the extension host process during activation (user + system). */
  activationCpuMs?: number;
  /** How long the host took to become quiet before activation. */
  quietAfterMs?: number;
  /** Bytes of the extension's JavaScript files loaded when activate() resolved. */
  loadedBytes?: number;
  loadedFiles?: string[];
  firstUseMs: Record<string, number>;
  error?: string;
}

interface ConveyorApi { aws: { endpointUrl?: string } }

function loaded(extensionPath: string): { bytes: number; files: string[] } {
  const files = Object.keys(require.cache).filter((f) => f.startsWith(extensionPath + path.sep) && f.endsWith('.js'));
  return { bytes: files.reduce((sum, f) => sum + fs.statSync(f).size, 0), files: files.map((f) => path.relative(extensionPath, f)).sort() };
}

/**
 * Waits until this extension host is quiet: twenty 10 ms timers in a row that fire within 5 ms of
 * their time (VS Code's own extensions start while a new window opens; they must not be measured too).
 */
async function quiet(): Promise<number> {
  const started = performance.now();
  let calm = 0;
  while (calm < 20 && performance.now() - started < 30_000) {
    const t = performance.now();
    await new Promise((r) => setTimeout(r, 10));
    calm = performance.now() - t < 15 ? calm + 1 : 0;
  }
  return performance.now() - started;
}

async function until(what: string, check: () => boolean | Promise<boolean>, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function timed(result: ProbeResult, name: string, use: () => PromiseLike<unknown>): Promise<void> {
  await quiet();
  const started = performance.now();
  await use();
  result.firstUseMs[name] = performance.now() - started;
}

async function firstUses(result: ProbeResult, api: ConveyorApi): Promise<void> {
  const workspace = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '';
  await timed(result, 'validation: open a buildspec, problems shown', async () => {
    const uri = vscode.Uri.file(path.join(workspace, 'validation', 'buildspec.yml'));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await until('diagnostics', () => vscode.languages.getDiagnostics(uri).some((d) => d.source === 'conveyor'));
  });
  await timed(result, 'profiler: open a profile file', () =>
    vscode.commands.executeCommand('conveyor.profiler.openProfileFile', path.join(workspace, 'profiler', 'profiles', 'shop-python.json')));
  const url = process.env.CONVEYOR_EMULATOR_URL;
  if (!url) return;
  await vscode.workspace.getConfiguration().update('conveyor.aws.endpointUrl', url, vscode.ConfigurationTarget.Workspace);
  await until('the AWS session to use the emulator', () => api.aws.endpointUrl === url);
  await timed(result, 'pipelines: copy a pipeline ARN (ListPipelines, GetPipeline)', async () => {
    const arn = await vscode.commands.executeCommand('conveyor.pipelines.copyArn', { ...DEMO, pipelineName: 'docs-site' });
    if (typeof arn !== 'string') throw new Error('no ARN');
  });
  // The bench looked this up before the host started, so the probe needs no SDK of its own.
  const buildId = process.env.CONVEYOR_BENCH_BUILD_ID;
  await timed(result, 'logs: open a build log (BatchGetBuilds, GetLogEvents)', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('conveyor.logs.showActionLogs', { ...DEMO, externalExecutionId: buildId, provider: 'CodeBuild' });
    if (uri?.scheme !== 'conveyor-log') throw new Error('no log document');
  });
  const end = new Date();
  await timed(result, 'profiler: open a range from CodeGuru (GetProfile)', () =>
    vscode.commands.executeCommand('conveyor.profiler.openRange', { group: 'orders-api', start: new Date(end.getTime() - 3_600_000), end, label: 'Last hour' }));
  await timed(result, 'artifacts: read the login state', () => vscode.commands.executeCommand('conveyor.artifacts.internal.state'));
}

export async function run(): Promise<void> {
  const result: ProbeResult = { wasActive: false, firstUseMs: {} };
  try {
    const extension = vscode.extensions.getExtension<ConveyorApi>(EXTENSION_ID);
    if (!extension) throw new Error(`${EXTENSION_ID} is not in this host`);
    result.quietAfterMs = await quiet();
    result.wasActive = extension.isActive;
    const cpu = process.cpuUsage();
    const started = performance.now();
    const api = await extension.activate();
    if (!result.wasActive) {
      result.activationMs = performance.now() - started;
      const used = process.cpuUsage(cpu);
      result.activationCpuMs = (used.user + used.system) / 1000;
      const { bytes, files } = loaded(extension.extensionPath);
      result.loadedBytes = bytes;
      result.loadedFiles = files;
    }
    await firstUses(result, api);
  } catch (err) {
    result.error = err instanceof Error ? err.stack ?? err.message : String(err);
  }
  const out = process.env.CONVEYOR_BENCH_OUT;
  if (out) fs.writeFileSync(out, JSON.stringify(result));
}
