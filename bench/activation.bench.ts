// Activation in a real extension host, side by side with the eager activation of 9045d71 (built from
// git at that commit): for each supported VS Code, CONVEYOR_BENCH_HOSTS fresh hosts per build (10 by
// default) run bench/host/probe.ts, which waits until the host is quiet, times activate() (loading
// the main module included), sums the bytes of the extension's JavaScript files loaded when it
// resolved, and times the first use of each feature against the emulator (with a timeline of what it
// loaded and forked) and the same use again on a fresh target (the feature already loaded). Both builds
// are production bundles whose package.json lists no activation events, so only the probe activates
// them; runs alternate between the builds. This build's runs start with the code cache of its bundles
// that a first, unrecorded run left (as every window but the first after an install or update does).
// CONVEYOR_BENCH_BEFORE=<commit> adds a third build (e.g. the main branch before a change),
// CONVEYOR_BENCH_VSCODE=oldest|newest measures one VS Code only.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CodePipelineClient, GetPipelineStateCommand, ListPipelinesCommand } from '@aws-sdk/client-codepipeline';
import * as esbuild from 'esbuild';
import type { Host } from '../scripts/lib/code-server.mjs' with { 'resolution-mode': 'import' };
import type { ProbeResult, TimelineEvent } from './host/probe';
import { median, type BenchResult } from './types';

/** The last commit that activated every feature eagerly (issue 14 measured it). */
export const EAGER_COMMIT = '9045d71';
const RUNS = Number(process.env.CONVEYOR_BENCH_HOSTS ?? 10);
const ROOT = path.resolve(__dirname, '..');

// The host harness is ESM (scripts/lib); this module is loaded as CommonJS by tsx.
const harness = async () => ({
  ...(await import('../scripts/lib/code-server.mjs')),
  ...(await import('../scripts/lib/host-setup.mjs')),
  ...(await import('../scripts/lib/test-env.mjs')),
});
const RUN_TIMEOUT_MS = 180_000;

export function buildProduction(dir: string): void {
  execFileSync(process.execPath, ['scripts/build.mjs', '--production'], { cwd: dir, stdio: 'ignore' });
}

/** The built extension as VS Code loads it, with no activation event of its own: the probe activates it. */
export function benchCopy(source: string, target: string): string {
  fs.mkdirSync(target, { recursive: true });
  // The folders package.json may point at, as the package has them (.vscodeignore); a build without one skips it.
  for (const entry of ['dist', 'media', 'schemas']) {
    if (fs.existsSync(path.join(source, entry))) fs.cpSync(path.join(source, entry), path.join(target, entry), { recursive: true });
  }
  const pkg = JSON.parse(fs.readFileSync(path.join(source, 'package.json'), 'utf8')) as Record<string, unknown>;
  fs.writeFileSync(path.join(target, 'package.json'), JSON.stringify({ ...pkg, activationEvents: [] }, null, 2));
  return target;
}

/** 9045d71 (or `commit`) as a folder of its own, built like a release (node_modules shared with this checkout). */
export function eagerBuild(work: string, commit = EAGER_COMMIT): string {
  const dir = path.join(work, `source-${commit}`);
  fs.mkdirSync(dir, { recursive: true });
  const archive = execFileSync('git', ['-C', ROOT, 'archive', '--format=tar', commit], { maxBuffer: 512 * 1024 * 1024 });
  execFileSync('tar', ['-x', '-C', dir], { input: archive });
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  buildProduction(dir);
  return benchCopy(dir, path.join(work, `conveyor-${commit}`));
}

export async function bundleProbe(work: string, entry = 'bench/host/probe.ts'): Promise<string> {
  const outfile = path.join(work, path.basename(entry, '.ts'), 'index.js');
  await esbuild.build({ entryPoints: [path.join(ROOT, entry)], bundle: true, platform: 'node', target: 'node20', format: 'cjs',
    external: ['vscode'], outfile, logLevel: 'warning' });
  return outfile;
}

/** CodeBuild builds of the demo pipelines: payments-api's failed build first, then another one. */
async function demoBuildIds(emulatorUrl: string): Promise<string[]> {
  const { accessKeyId, secretAccessKey } = (await harness()).emulatorAccounts().main;
  const client = new CodePipelineClient({ endpoint: emulatorUrl, region: 'us-east-1', credentials: { accessKeyId, secretAccessKey }, maxAttempts: 1 });
  try {
    const names = ((await client.send(new ListPipelinesCommand({}))).pipelines ?? []).flatMap((p) => (p.name ? [p.name] : []));
    const ids: string[] = [];
    for (const name of ['payments-api', ...names.filter((n) => n !== 'payments-api')]) {
      const state = await client.send(new GetPipelineStateCommand({ name }));
      for (const stage of state.stageStates ?? []) {
        for (const action of stage.actionStates ?? []) {
          const id = action.latestExecution?.externalExecutionId;
          if (id && /^[\w-]+:[0-9a-f-]{36}$/.test(id) && !ids.includes(id)) ids.push(id);
        }
      }
      if (ids.length >= 2) break;
    }
    return ids;
  } finally {
    client.destroy();
  }
}

/**
 * The code cache a window of this build leaves in its global storage (src/editor/code-cache-loader.ts):
 * the first run with `codeCache` writes it there and keeps it, the runs after start with a copy of it
 * (otherwise fresh), as every window does but the first after an install or an update.
 */
interface CodeCacheRuns { codeCache: string }

/** One fresh code-server (so one fresh extension host) running the probe against `extension`. */
export async function probe<T = ProbeResult>(host: Host, extension: string, probePath: string, probeEnv: Record<string, string> = {},
  options: Partial<CodeCacheRuns> = {}): Promise<T> {
  const { createTestEnvironment, launchBrowser, startCodeServer, workbenchUrl } = await harness();
  const env = await createTestEnvironment();
  const out = path.join(env.root, 'probe.json');
  const [buildId, otherBuildId] = env.emulatorUrl ? await demoBuildIds(env.emulatorUrl) : [];
  const dataDir = path.join(env.root, 'code-server');
  const storage = path.join(dataDir, 'user-data', 'User', 'globalStorage', 'conveyor-dev.conveyor', 'code-cache');
  const warmUp = options.codeCache !== undefined && !fs.existsSync(options.codeCache);
  if (options.codeCache && !warmUp) fs.cpSync(options.codeCache, storage, { recursive: true });
  // Only the runs the bench profiles get a profile's path (not the folder this process was given).
  const hostEnv = { ...env.env, CONVEYOR_BENCH_CPU_PROFILE: '', ...probeEnv, CONVEYOR_BENCH_OUT: out, ...(buildId ? { CONVEYOR_BENCH_BUILD_ID: buildId } : {}),
    ...(otherBuildId ? { CONVEYOR_BENCH_OTHER_BUILD_ID: otherBuildId } : {}), ...(warmUp ? { CONVEYOR_BENCH_CODE_CACHE: storage } : {}) };
  const server = await startCodeServer({ host, env: hostEnv, settings: env.settings, dataDir });
  const browser = await launchBrowser();
  try {
    const page = await browser.context.newPage();
    const exited = new Promise<void>((resolve) => { void page.exposeFunction('codeAutomationExit', () => resolve()); });
    await page.exposeFunction('codeAutomationLog', () => undefined);
    await page.goto(workbenchUrl(server, { folder: env.workspace, extensionDevelopmentPath: extension, extensionTestsPath: probePath, env: hostEnv }));
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, RUN_TIMEOUT_MS))]);
    if (!fs.existsSync(out)) throw new Error(`the probe wrote nothing (host ${host.vscode}, ${extension})`);
    // A warm-up that failed before its bundles were cached leaves none: its error is reported, the runs go on without one.
    if (warmUp && options.codeCache && fs.existsSync(storage)) fs.cpSync(storage, options.codeCache, { recursive: true });
    return JSON.parse(fs.readFileSync(out, 'utf8')) as T;
  } finally {
    await browser.close();
    await server.stop();
    await env.cleanup();
  }
}

interface Series {
  activationMs: number[]; activationCpuMs: number[]; loadedKb: number[]; firstUseMs: Record<string, number[]>; againMs: Record<string, number[]>;
  timelines: Record<string, TimelineEvent[][]>; invalid: number; errors: string[]; files?: string[];
}

function record(series: Series, r: ProbeResult): void {
  if (r.error) series.errors.push(r.error.split('\n')[0] ?? r.error);
  if (r.wasActive || r.activationMs === undefined || r.loadedBytes === undefined) {
    series.invalid++;
  } else {
    series.activationMs.push(r.activationMs);
    if (r.activationCpuMs !== undefined) series.activationCpuMs.push(r.activationCpuMs);
    series.loadedKb.push(r.loadedBytes / 1024);
    if (r.loadedFiles) series.files = r.loadedFiles;
  }
  for (const [name, ms] of Object.entries(r.firstUseMs)) (series.firstUseMs[name] ??= []).push(ms);
  for (const [name, ms] of Object.entries(r.againMs ?? {})) (series.againMs[name] ??= []).push(ms);
  for (const [name, events] of Object.entries(r.timeline ?? {})) (series.timelines[name] ??= []).push(events);
}

const emptySeries = (): Series => ({ activationMs: [], activationCpuMs: [], loadedKb: [], firstUseMs: {}, againMs: {}, timelines: {}, invalid: 0, errors: [] });

/** Each timeline event's median start and duration over the runs that had it, in the order of the first run. */
function medianTimeline(timelines: TimelineEvent[][]): string {
  const names = [...new Set(timelines.flat().map((e) => e.what))];
  return names.map((what) => {
    const seen = timelines.flatMap((t) => t.filter((e) => e.what === what));
    const ms = seen.flatMap((e) => (e.ms === undefined ? [] : [e.ms]));
    return `${what} @${median(seen.map((e) => e.atMs)).toFixed(0)}${ms.length ? ` (${median(ms).toFixed(1)} ms)` : ''}`;
  }).join(', ');
}

function rows(host: Host, ours: Series, eager: Series, before?: Series): BenchResult[] {
  const row = (name: string, workload: string, o: number[], e: number[], unit: string): BenchResult[] => {
    if (o.length === 0 || e.length === 0) return [];
    const ourValue = median(o);
    const peer = median(e);
    return [{ name, workload, ours: ourValue, peer, unit, ratio: peer / ourValue }];
  };
  const where = `VS Code ${host.vscode}, median of ${ours.activationMs.length} (eager ${EAGER_COMMIT}: ${eager.activationMs.length}) fresh hosts`;
  const runs = (name: string): string => `VS Code ${host.vscode}, median of ${ours.firstUseMs[name]?.length ?? 0}`;
  return [
    ...row('activation in a real extension host (vs eager activation)', where, ours.activationMs, eager.activationMs, 'ms'),
    ...row('CPU time of activation (vs eager activation)', where, ours.activationCpuMs, eager.activationCpuMs, 'ms'),
    ...row('JavaScript loaded at activation (vs eager activation)', where, ours.loadedKb, eager.loadedKb, 'KiB'),
    // 9045d71 loaded every feature at activation: its first use is today's first use, with nothing left to load.
    // A use 9045d71 has no command or view for (the CodeBuild and Deployments views) has no row against it.
    ...[...new Set([...Object.keys(eager.firstUseMs), ...Object.keys(ours.firstUseMs)])].flatMap((name) => [
      ...row(`first use, ${name} (vs ${EAGER_COMMIT}'s first use)`, runs(name), ours.firstUseMs[name] ?? [], eager.firstUseMs[name] ?? [], 'ms'),
      ...row(`first use, ${name} (vs the same use again, already loaded)`, runs(name), ours.firstUseMs[name] ?? [], ours.againMs[name] ?? [], 'ms'),
      ...(before ? row(`first use, ${name} (vs ${String(process.env.CONVEYOR_BENCH_BEFORE)}'s first use)`, runs(name), ours.firstUseMs[name] ?? [], before.firstUseMs[name] ?? [], 'ms') : []),
    ]),
  ];
}

const roundAll = (values: Record<string, number>): Record<string, number> =>
  Object.fromEntries(Object.entries(values).map(([k, v]) => [k.replace(/ \(.*$/, ''), Math.round(v)]));

export async function run(): Promise<BenchResult[]> {
  const { ensureAll, isolateFromUserConfig } = await harness();
  isolateFromUserConfig();
  const only = process.env.CONVEYOR_BENCH_VSCODE;
  const hosts = ensureAll(only === 'oldest' || only === 'newest' ? [only] : ['oldest', 'newest']);
  const beforeCommit = process.env.CONVEYOR_BENCH_BEFORE;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'conveyor-activation-bench-'));
  try {
    buildProduction(ROOT);
    const ours = benchCopy(ROOT, path.join(work, 'conveyor'));
    const eager = eagerBuild(work);
    const beforeBuild = beforeCommit ? eagerBuild(work, beforeCommit) : undefined;
    const probePath = await bundleProbe(work);
    const results: BenchResult[] = [];
    for (const host of Object.values(hosts)) {
      const lazy = emptySeries();
      const before = emptySeries();
      const earlier = beforeBuild ? emptySeries() : undefined;
      const codeCache = { codeCache: path.join(work, `code-cache-${host.vscode}`) };
      const warmUp = await probe(host, ours, probePath, {}, codeCache);
      if (warmUp.error) console.log(`[activation] VS Code ${host.vscode}: warm-up run: ${warmUp.error.split('\n')[0] ?? ''}`);
      for (let i = 0; i < RUNS; i++) {
        // Only this build is timed again, already loaded (9045d71's first use is already that).
        // CONVEYOR_BENCH_CPU_PROFILE=<folder>: a V8 CPU profile of each of this build's activations, to open in DevTools.
        const profiles = process.env.CONVEYOR_BENCH_CPU_PROFILE;
        const cpuProfile = profiles ? { CONVEYOR_BENCH_CPU_PROFILE: path.join(profiles, `activation-${host.vscode}-${i + 1}.cpuprofile`) } : {};
        const a = await probe(host, ours, probePath, { CONVEYOR_BENCH_AGAIN: '1', ...cpuProfile }, codeCache);
        const b = await probe(host, eager, probePath);
        const c = beforeBuild ? await probe(host, beforeBuild, probePath) : undefined;
        record(lazy, a);
        record(before, b);
        if (earlier && c) record(earlier, c);
        console.log(`[activation] VS Code ${host.vscode} run ${i + 1}/${RUNS}: ours ${a.activationMs?.toFixed(1) ?? '–'} ms (cpu ${a.activationCpuMs?.toFixed(1) ?? '–'}), `
          + `${EAGER_COMMIT} ${b.activationMs?.toFixed(1) ?? '–'} ms (cpu ${b.activationCpuMs?.toFixed(1) ?? '–'})`
          + `${c ? `, ${beforeCommit ?? ''} ${c.activationMs?.toFixed(1) ?? '–'} ms` : ''}; load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
        console.log(`[activation]   first use ${JSON.stringify(roundAll(a.firstUseMs))}, again ${JSON.stringify(roundAll(a.againMs))}; ${EAGER_COMMIT} ${JSON.stringify(roundAll(b.firstUseMs))}`
          + `${c ? `; ${beforeCommit ?? ''} ${JSON.stringify(roundAll(c.firstUseMs))}` : ''}`);
      }
      for (const [label, s] of [['ours', lazy], [EAGER_COMMIT, before], ...(earlier ? [[beforeCommit ?? 'before', earlier] as const] : [])] as const) {
        if (s.invalid) console.log(`[activation] ${label}: ${s.invalid} run(s) activated before the probe (no sample)`);
        for (const e of new Set(s.errors)) console.log(`[activation] ${label}: probe error: ${e}`);
        for (const [name, timelines] of Object.entries(s.timelines)) console.log(`[activation] ${label} timeline, ${name}: ${medianTimeline(timelines)}`);
      }
      console.log(`[activation] VS Code ${host.vscode}: loaded at activation: ours ${JSON.stringify(lazy.files)}, ${EAGER_COMMIT} ${JSON.stringify(before.files)}`);
      results.push(...rows(host, lazy, before, earlier));
    }
    return results;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
