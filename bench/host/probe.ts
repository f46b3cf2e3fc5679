// Loaded by a fresh extension host as its `extensionTestsPath` (bench/activation.bench.ts): activates
// Conveyor, measures how long that took and which of its JavaScript files were loaded, then times the
// first use of each feature through commands that every build of Conveyor has, with a timeline of what
// it loaded and started meanwhile, and the same use again on a fresh target (the feature already
// loaded). Writes one JSON object to CONVEYOR_BENCH_OUT.
import type * as ChildProcessModule from 'node:child_process';
import { subscribe } from 'node:diagnostics_channel';
import * as fs from 'node:fs';
import { Session } from 'node:inspector';
import Module from 'node:module';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { codeCacheFileName } from '../../src/core/code-cache';
import { BUNDLE_LOAD_CHANNEL, type BundleLoad } from '../../src/editor/code-cache-loader';
import { VIEW_ROWS_CHANNEL } from '../../src/editor/lazy-providers';

const EXTENSION_ID = 'conveyor-dev.conveyor';
const DEMO = { profile: 'conveyor-demo', region: 'us-east-1' };
/** First uses start this long after activation began (then once the host is quiet). */
const SETTLED_AFTER_MS = 2_000;

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
  /** The same use right after, on a fresh target (another file, pipeline, range): the feature already loaded. */
  againMs: Record<string, number>;
  /** Per first use: the extension's files required (outermost, inclusive ms), processes forked and HTTP requests started, from its start. */
  timeline: Record<string, TimelineEvent[]>;
  error?: string;
}

export interface TimelineEvent { what: string; atMs: number; ms?: number }

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

interface OutgoingRequest { method: string; path: string; getHeader(name: string): unknown }

/** `ListProjects` for the JSON protocols (X-Amz-Target), `GET /v1/domains` for the REST ones. */
function requestName(request: OutgoingRequest): string {
  const target = request.getHeader('x-amz-target');
  return typeof target === 'string' ? target.replace(/^.*\./, '') : `${request.method} ${request.path.replace(/\?.*$/, '')}`;
}

/** What the extension host requires from the extension, forks and requests over HTTP, while a first use runs. */
class Recorder {
  private events: TimelineEvent[] | undefined;
  private started = 0;
  private depth = 0;

  constructor(extensionPath: string) {
    const loader = Module as unknown as { _load: (request: string, parent: unknown, isMain: boolean) => unknown; _resolveFilename: (request: string, parent: unknown) => string };
    const load = loader._load;
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the hooks below are called with Node's own `this`
    const recorder = this;
    loader._load = function (request, parent, isMain) {
      let file: string | undefined;
      if (recorder.events && recorder.depth === 0 && request !== 'vscode') {
        try { file = loader._resolveFilename(request, parent); } catch { file = undefined; }
        if (file && !(file.startsWith(extensionPath + path.sep) && require.cache[file] === undefined)) file = undefined;
      }
      if (!file) return load.call(this, request, parent, isMain);
      const at = performance.now();
      recorder.depth++;
      try {
        return load.call(this, request, parent, isMain);
      } finally {
        recorder.depth--;
        recorder.events?.push({ what: `require ${path.relative(extensionPath, file)}`, atMs: at - recorder.started, ms: performance.now() - at });
      }
    };
    // Bundles this build loads with its code cache loader, not through Module._load.
    subscribe(BUNDLE_LOAD_CHANNEL, (message) => {
      const load = message as BundleLoad;
      if (recorder.events && recorder.depth === 0 && !load.nested) {
        recorder.events.push({ what: `require ${path.join('dist', load.file)} (cache ${load.cache})`, atMs: load.startMs - recorder.started, ms: load.ms });
      }
    });
    subscribe(VIEW_ROWS_CHANNEL, (message) => {
      const asked = message as { feature: string; loaded: boolean };
      recorder.events?.push({ what: `rows of ${asked.feature}${asked.loaded ? '' : ' (not loaded)'}`, atMs: performance.now() - recorder.started });
    });
    // Every HTTP request the extension host starts (the SDK's, to the emulator), by its operation.
    subscribe('http.client.request.start', (message) => {
      if (recorder.events) recorder.events.push({ what: `request ${requestName((message as { request: OutgoingRequest }).request)}`, atMs: performance.now() - recorder.started });
    });
    // The module object every require of it shares (an import binding of it is read-only).
    const childProcess = Module.createRequire(__filename)('node:child_process') as typeof ChildProcessModule;
    const fork = childProcess.fork;
    childProcess.fork = ((...args: Parameters<typeof fork>) => {
      recorder.events?.push({ what: `fork ${path.basename(String(args[0]))}`, atMs: performance.now() - recorder.started });
      return fork(...args);
    }) as typeof fork;
  }

  start(): void {
    this.events = [];
    this.started = performance.now();
  }

  /** The event `what` (e.g. `request ListProjects`) of the use being recorded, once it happened. */
  saw(what: string): TimelineEvent | undefined {
    return this.events?.find((e) => e.what === what);
  }

  stop(): TimelineEvent[] {
    const events = this.events ?? [];
    this.events = undefined;
    return events;
  }
}

let recorder: Recorder | undefined;

/** What a use returns when it ended at a timeline event (ms from its start), not when its promise resolved. */
class Reached {
  constructor(readonly atMs: number) {}
}

async function timed(result: ProbeResult, name: string, use: () => PromiseLike<unknown>, again?: () => PromiseLike<unknown>): Promise<void> {
  await quiet();
  // CONVEYOR_BENCH_CPU_PROFILE: each first use's CPU profile too, beside activation's (`…-<use>.cpuprofile`).
  const profile = process.env.CONVEYOR_BENCH_CPU_PROFILE;
  const profiler = profile ? await startProfiler() : undefined;
  recorder?.start();
  const started = performance.now();
  const outcome = await use();
  result.firstUseMs[name] = outcome instanceof Reached ? outcome.atMs : performance.now() - started;
  result.timeline[name] = recorder?.stop() ?? [];
  if (profile && profiler) fs.writeFileSync(profile.replace(/\.cpuprofile$/, `-${name.replace(/:.*$/, '')}-${Object.keys(result.firstUseMs).length}.cpuprofile`), JSON.stringify(await profiler()));
  if (!again || !process.env.CONVEYOR_BENCH_AGAIN) return;
  await quiet();
  try {
    const again0 = performance.now();
    await again();
    result.againMs[name] = performance.now() - again0;
  } catch (err) {
    // The first uses that follow are still measured.
    result.error ??= `${name}, again: ${err instanceof Error ? err.message : String(err)}`;
  }
}

async function firstUses(result: ProbeResult, api: ConveyorApi): Promise<void> {
  const workspace = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '';
  const buildspec = vscode.Uri.file(path.join(workspace, 'validation', 'buildspec.yml'));
  const showProblems = async (document: vscode.TextDocument): Promise<void> => {
    await vscode.window.showTextDocument(document);
    await until('diagnostics', () => vscode.languages.getDiagnostics(document.uri).some((d) => d.source === 'conveyor'));
  };
  await timed(result, 'validation: open a buildspec, problems shown', async () => showProblems(await vscode.workspace.openTextDocument(buildspec)),
    // The same text as a new (untitled) document: a buildspec by its content.
    async () => showProblems(await vscode.workspace.openTextDocument({ language: 'yaml', content: fs.readFileSync(buildspec.fsPath, 'utf8') })));
  const profiles = path.join(workspace, 'profiler', 'profiles');
  await timed(result, 'profiler: open a profile file',
    () => vscode.commands.executeCommand('conveyor.profiler.openProfileFile', path.join(profiles, 'shop-python.json')),
    () => vscode.commands.executeCommand('conveyor.profiler.openProfileFile', path.join(profiles, 'shop-java.json')));
  const url = process.env.CONVEYOR_EMULATOR_URL;
  if (!url) return;
  await vscode.workspace.getConfiguration().update('conveyor.aws.endpointUrl', url, vscode.ConfigurationTarget.Workspace);
  await until('the AWS session to use the emulator', () => api.aws.endpointUrl === url);
  const copyArn = async (pipelineName: string): Promise<void> => {
    const arn = await vscode.commands.executeCommand('conveyor.pipelines.copyArn', { ...DEMO, pipelineName });
    if (typeof arn !== 'string') throw new Error('no ARN');
  };
  await timed(result, 'pipelines: copy a pipeline ARN (ListPipelines, GetPipeline)', () => copyArn('docs-site'), () => copyArn('payments-api'));
  // The bench looked this up before the host started, so the probe needs no SDK of its own.
  const buildId = process.env.CONVEYOR_BENCH_BUILD_ID;
  const showLog = async (externalExecutionId: string | undefined): Promise<void> => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('conveyor.logs.showActionLogs', { ...DEMO, externalExecutionId, provider: 'CodeBuild' });
    if (uri?.scheme !== 'conveyor-log') throw new Error('no log document');
  };
  const otherBuildId = process.env.CONVEYOR_BENCH_OTHER_BUILD_ID;
  await timed(result, 'logs: open a build log (BatchGetBuilds, GetLogEvents)', () => showLog(buildId), otherBuildId ? () => showLog(otherBuildId) : undefined);
  const end = new Date();
  const openRange = (hours: number): Thenable<unknown> =>
    vscode.commands.executeCommand('conveyor.profiler.openRange', { group: 'orders-api', start: new Date(end.getTime() - hours * 3_600_000), end, label: `Last ${hours} hours` });
  await timed(result, 'profiler: open a range from CodeGuru (GetProfile)', () => openRange(1), () => openRange(2));
  // A test-only command: it times loading the Artifacts bundle.
  const loginState = (): Thenable<unknown> => vscode.commands.executeCommand('conveyor.artifacts.internal.state');
  await timed(result, 'artifacts: read the login state', loginState, loginState);
  await views(result, url);
}

/** The emulator's count of requests for `operation` so far. */
async function requests(emulatorUrl: string, operation: string): Promise<number> {
  const stats = await (await fetch(`${emulatorUrl}/_emulator/stats`)).json() as { operations?: Record<string, number> };
  return stats.operations?.[operation] ?? 0;
}

/**
 * Each view a build has, opened until this host starts its first request for the view's rows (the
 * answer takes as long in every build; the rows show right after it), or, when the feature asked
 * already (the CodeBuild CodeLens of the buildspec above lists the projects), until the view is shown.
 * The request is seen as the host starts it (the timeline's event), not by asking the emulator, whose
 * answer a busy host reads late. Artifacts' bundle is already loaded by the login state above.
 */
async function views(result: ProbeResult, emulatorUrl: string): Promise<void> {
  const commands = new Set(await vscode.commands.getCommands(true));
  const opened: [string, string, string, string][] = [
    ['artifacts: open the Artifacts view until it lists domains (ListDomains)', 'conveyor.artifacts', 'ListDomains', 'POST /v1/domains'],
    ['codebuild: open the CodeBuild view until it lists projects (ListProjects)', 'conveyor.codebuild', 'ListProjects', 'ListProjects'],
    ['deploy: open the Deployments view until it lists applications (ListApplications)', 'conveyor.deploy', 'ListApplications', 'ListApplications'],
  ];
  for (const [name, view, operation, request] of opened) {
    if (!commands.has(`${view}.focus`)) continue;
    const before = await requests(emulatorUrl, operation);
    await timed(result, name, async () => {
      await vscode.commands.executeCommand(`${view}.focus`);
      if (before !== 0 || !recorder) return undefined;
      const seen = (): TimelineEvent | undefined => recorder?.saw(`request ${request}`);
      await until(`${view} to request ${operation}`, () => seen() !== undefined);
      return new Reached(seen()?.atMs ?? 0);
    });
  }
}

/** Starts V8's CPU profiler in this host (1 ms samples); the function returned stops it and gives the profile. */
async function startProfiler(): Promise<() => Promise<unknown>> {
  const session = new Session();
  session.connect();
  const post = (method: string, params?: object): Promise<unknown> => new Promise((resolve, reject) => {
    session.post(method, params ?? {}, (err, result) => { if (err) reject(err); else resolve(result); });
  });
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 1000 });
  await post('Profiler.start');
  return async () => {
    const { profile } = await post('Profiler.stop') as { profile: unknown };
    session.disconnect();
    return profile;
  };
}

/** A warm-up run (this build only): waits until every bundle loaded has its code cache written, for the runs after it. */
async function untilCached(extensionPath: string, cacheDir: string): Promise<void> {
  const bundles = loaded(extensionPath).files.filter((f) => f.startsWith(`dist${path.sep}`) && f !== path.join('dist', 'extension.js'))
    .map((f) => path.relative('dist', f).split(path.sep).join('/'));
  const missing = (): string[] => bundles.filter((f) => !fs.existsSync(path.join(cacheDir, codeCacheFileName(f))));
  await until(`the code cache of ${missing().join(', ')} in ${cacheDir}`, () => missing().length === 0);
}

export async function run(): Promise<void> {
  const result: ProbeResult = { wasActive: false, firstUseMs: {}, againMs: {}, timeline: {} };
  try {
    const extension = vscode.extensions.getExtension<ConveyorApi>(EXTENSION_ID);
    if (!extension) throw new Error(`${EXTENSION_ID} is not in this host`);
    recorder = new Recorder(extension.extensionPath);
    result.quietAfterMs = await quiet();
    result.wasActive = extension.isActive;
    const profile = process.env.CONVEYOR_BENCH_CPU_PROFILE;
    const profiler = profile ? await startProfiler() : undefined;
    const cpu = process.cpuUsage();
    const started = performance.now();
    const api = await extension.activate();
    if (profile && profiler) fs.writeFileSync(profile, JSON.stringify(await profiler()));
    if (!result.wasActive) {
      result.activationMs = performance.now() - started;
      const used = process.cpuUsage(cpu);
      result.activationCpuMs = (used.user + used.system) / 1000;
      const { bytes, files } = loaded(extension.extensionPath);
      result.loadedBytes = bytes;
      result.loadedFiles = files;
    }
    // A person uses a feature once the window has settled, not in its first second: work the extension
    // defers until then (the workspace search that may start the language server) is not a first use's.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, started + SETTLED_AFTER_MS - performance.now())));
    await firstUses(result, api);
    const codeCache = process.env.CONVEYOR_BENCH_CODE_CACHE;
    if (codeCache) await untilCached(extension.extensionPath, codeCache);
  } catch (err) {
    result.error = err instanceof Error ? err.stack ?? err.message : String(err);
  }
  const out = process.env.CONVEYOR_BENCH_OUT;
  if (out) fs.writeFileSync(out, JSON.stringify(result));
}
