// Activation in a real extension host, side by side with the eager activation of 9045d71 (built from
// git at that commit): for each supported VS Code, CONVEYOR_BENCH_HOSTS fresh hosts per build (10 by
// default) run bench/host/probe.ts, which waits until the host is quiet, times activate() (loading
// the main module included), sums the bytes of the extension's JavaScript files loaded when it
// resolved, and times the first use of each feature against the emulator. Both builds are production
// bundles whose package.json lists no activation events, so only the probe activates them; runs
// alternate between the two builds.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CodePipelineClient, GetPipelineStateCommand } from '@aws-sdk/client-codepipeline';
import * as esbuild from 'esbuild';
import type { Host } from '../scripts/lib/code-server.mjs' with { 'resolution-mode': 'import' };
import type { ProbeResult } from './host/probe';
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
  for (const entry of ['dist', 'media', 'schemas']) fs.cpSync(path.join(source, entry), path.join(target, entry), { recursive: true });
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

async function failedBuildId(emulatorUrl: string): Promise<string | undefined> {
  const { accessKeyId, secretAccessKey } = (await harness()).emulatorAccounts().main;
  const client = new CodePipelineClient({ endpoint: emulatorUrl, region: 'us-east-1', credentials: { accessKeyId, secretAccessKey }, maxAttempts: 1 });
  try {
    const state = await client.send(new GetPipelineStateCommand({ name: 'payments-api' }));
    return state.stageStates?.find((s) => s.stageName === 'Build')?.actionStates?.[0]?.latestExecution?.externalExecutionId;
  } finally {
    client.destroy();
  }
}

/** One fresh code-server (so one fresh extension host) running the probe against `extension`. */
export async function probe<T = ProbeResult>(host: Host, extension: string, probePath: string): Promise<T> {
  const { createTestEnvironment, launchBrowser, startCodeServer, workbenchUrl } = await harness();
  const env = await createTestEnvironment();
  const out = path.join(env.root, 'probe.json');
  const buildId = env.emulatorUrl ? await failedBuildId(env.emulatorUrl) : undefined;
  const hostEnv = { ...env.env, CONVEYOR_BENCH_OUT: out, ...(buildId ? { CONVEYOR_BENCH_BUILD_ID: buildId } : {}) };
  const server = await startCodeServer({ host, env: hostEnv, settings: env.settings });
  const browser = await launchBrowser();
  try {
    const page = await browser.context.newPage();
    const exited = new Promise<void>((resolve) => { void page.exposeFunction('codeAutomationExit', () => resolve()); });
    await page.exposeFunction('codeAutomationLog', () => undefined);
    await page.goto(workbenchUrl(server, { folder: env.workspace, extensionDevelopmentPath: extension, extensionTestsPath: probePath, env: hostEnv }));
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, RUN_TIMEOUT_MS))]);
    if (!fs.existsSync(out)) throw new Error(`the probe wrote nothing (host ${host.vscode}, ${extension})`);
    return JSON.parse(fs.readFileSync(out, 'utf8')) as T;
  } finally {
    await browser.close();
    await server.stop();
    await env.cleanup();
  }
}

interface Series { activationMs: number[]; activationCpuMs: number[]; loadedKb: number[]; firstUseMs: Record<string, number[]>; invalid: number; errors: string[]; files?: string[] }

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
}

const emptySeries = (): Series => ({ activationMs: [], activationCpuMs: [], loadedKb: [], firstUseMs: {}, invalid: 0, errors: [] });

function rows(host: Host, ours: Series, eager: Series): BenchResult[] {
  const row = (name: string, workload: string, o: number[], e: number[], unit: string): BenchResult[] => {
    if (o.length === 0 || e.length === 0) return [];
    const ourValue = median(o);
    const peer = median(e);
    return [{ name, workload, ours: ourValue, peer, unit, ratio: peer / ourValue }];
  };
  const where = `VS Code ${host.vscode}, median of ${ours.activationMs.length} (eager ${EAGER_COMMIT}: ${eager.activationMs.length}) fresh hosts`;
  return [
    ...row('activation in a real extension host (vs eager activation)', where, ours.activationMs, eager.activationMs, 'ms'),
    ...row('CPU time of activation (vs eager activation)', where, ours.activationCpuMs, eager.activationCpuMs, 'ms'),
    ...row('JavaScript loaded at activation (vs eager activation)', where, ours.loadedKb, eager.loadedKb, 'KiB'),
    ...Object.keys(eager.firstUseMs).flatMap((name) =>
      row(`first use, ${name} (vs already loaded)`, `VS Code ${host.vscode}, median of ${ours.firstUseMs[name]?.length ?? 0}`, ours.firstUseMs[name] ?? [], eager.firstUseMs[name] ?? [], 'ms')),
  ];
}

export async function run(): Promise<BenchResult[]> {
  const { ensureAll, isolateFromUserConfig } = await harness();
  isolateFromUserConfig();
  const hosts = ensureAll(['oldest', 'newest']);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'conveyor-activation-bench-'));
  try {
    buildProduction(ROOT);
    const ours = benchCopy(ROOT, path.join(work, 'conveyor'));
    const eager = eagerBuild(work);
    const probePath = await bundleProbe(work);
    const results: BenchResult[] = [];
    for (const host of Object.values(hosts)) {
      const lazy = emptySeries();
      const before = emptySeries();
      for (let i = 0; i < RUNS; i++) {
        const a = await probe(host, ours, probePath);
        const b = await probe(host, eager, probePath);
        record(lazy, a);
        record(before, b);
        console.log(`[activation] VS Code ${host.vscode} run ${i + 1}/${RUNS}: ours ${a.activationMs?.toFixed(1) ?? '–'} ms (cpu ${a.activationCpuMs?.toFixed(1) ?? '–'}), `
          + `${EAGER_COMMIT} ${b.activationMs?.toFixed(1) ?? '–'} ms (cpu ${b.activationCpuMs?.toFixed(1) ?? '–'}); load ${os.loadavg()[0]?.toFixed(1)}`);
      }
      for (const [label, s] of [['ours', lazy], [EAGER_COMMIT, before]] as const) {
        if (s.invalid) console.log(`[activation] ${label}: ${s.invalid} run(s) activated before the probe (no sample)`);
        for (const e of new Set(s.errors)) console.log(`[activation] ${label}: probe error: ${e}`);
      }
      console.log(`[activation] VS Code ${host.vscode}: loaded at activation: ours ${JSON.stringify(lazy.files)}, ${EAGER_COMMIT} ${JSON.stringify(before.files)}`);
      results.push(...rows(host, lazy, before));
    }
    return results;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
