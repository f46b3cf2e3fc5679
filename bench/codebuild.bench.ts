// CodeBuild view at scale: the emulator holds 2,000 projects and answers every call after 50 ms.
//  1. First tree paint: the first page of projects with their definitions, with Conveyor's explorer
//     (real SDK clients, real HTTP), against a naive tree that lists every project, reads every
//     definition and the latest build of every project before it paints (the same 4 requests in flight).
//  2. The first page with every row's last build status.
//  3. AWS requests per minute while idle with one build in progress (view visible, its project
//     expanded and watched): Conveyor's real scheduler on a simulated clock, counted by the emulator,
//     against a naive poller that repeats BatchGetProjects + the latest build of every project on every
//     5 s tick.
import { BatchGetBuildsCommand, BatchGetProjectsCommand, CodeBuildClient, ListBuildsForProjectCommand, ListProjectsCommand, StartBuildCommand } from '@aws-sdk/client-codebuild';
import { explainAwsError, toExplained } from '../src/aws/errors';
import { targetKey } from '../src/aws/targets';
import { createCodeBuildApi } from '../src/codebuild/model/api';
import { CodeBuildExplorer } from '../src/codebuild/model/explorer';
import { silentLogger } from '../src/core/log';
import { ManualClock } from '../src/core/polling/clock';
import { DEFAULT_REFRESH_SETTINGS } from '../src/core/polling/settings';
import { createEmulator, type Emulator } from '../test/emulator/index';
import { median, type BenchResult } from './types';

const PROJECTS = 2000;
const LATENCY_MS = 50;
const CONCURRENCY = DEFAULT_REFRESH_SETTINGS.maxConcurrency;
const NAIVE_TICK_MS = 5_000;
const IDLE_MINUTES = 10;
const TARGET = targetKey({ profile: 'bench', region: 'us-east-1' });

function newExplorer(emu: Emulator, clock = new ManualClock(emu.clock.now())): { explorer: CodeBuildExplorer; client: CodeBuildClient; clock: ManualClock } {
  const client = new CodeBuildClient(emu.clientConfig());
  const explorer = new CodeBuildExplorer({
    apiFor: () => createCodeBuildApi(client),
    clock,
    settings: () => DEFAULT_REFRESH_SETTINGS,
    explain: (error, _t, operation) => toExplained(explainAwsError(error, { service: 'codebuild', operation })),
    log: silentLogger,
  });
  explorer.setTargets([{ profile: 'bench', region: 'us-east-1' }]);
  return { explorer, client, clock };
}

async function settled(explorer: CodeBuildExplorer): Promise<void> {
  for (;;) {
    await explorer.scheduler.whenIdle();
    await new Promise((r) => setImmediate(r));
    if (explorer.scheduler.inFlight === 0) return;
  }
}

/** Ours: from nothing to the first page of rows rendered (labels, icons, tooltips with each definition). */
async function oursFirstPaint(emu: Emulator): Promise<number> {
  const { explorer, client } = newExplorer(emu);
  const started = performance.now();
  const roots = await explorer.getChildren();
  const rendered = roots.map((n) => explorer.present(n));
  const ms = performance.now() - started;
  if (rendered.filter((r) => r.contextValue.startsWith('project')).length < 50) throw new Error(`first page has ${rendered.length} rows`);
  if (!rendered.some((r) => /Source: GITHUB/.test(r.tooltip ?? ''))) throw new Error('definitions missing from the first paint');
  await explorer.loads.listed(TARGET);
  explorer.dispose();
  client.destroy();
  return ms;
}

/** Ours: until every row of the first page also shows its last build. */
async function oursFirstPageStatuses(emu: Emulator): Promise<number> {
  const { explorer, client } = newExplorer(emu);
  const started = performance.now();
  await explorer.getChildren();
  explorer.setWindowFocused(true);
  explorer.setViewVisible(true);
  const displayed = explorer.tree.displayedProjects();
  while (!displayed.every((k) => explorer.store.project(k)?.lastBuildKnown)) await settled(explorer);
  const ms = performance.now() - started;
  if (displayed.some((k) => !explorer.present({ kind: 'project', id: '', key: k }).description)) throw new Error('a row shows no status');
  await explorer.loads.listed(TARGET);
  explorer.dispose();
  client.destroy();
  return ms;
}

async function pool<T>(items: readonly T[], limit: number, work: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: limit }, async () => {
    while (next < items.length) await work(items[next++] as T);
  }));
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

async function listAll(client: CodeBuildClient): Promise<string[]> {
  const names: string[] = [];
  let token: string | undefined;
  do {
    const out = await client.send(new ListProjectsCommand(token ? { nextToken: token } : {}));
    names.push(...(out.projects ?? []));
    token = out.nextToken;
  } while (token);
  return names;
}

/** The naive tick: every definition, then every project's latest build. */
async function naiveTick(client: CodeBuildClient, names: readonly string[], limit: number): Promise<number> {
  const latest: string[] = [];
  await pool(chunks(names, 100), limit, (c) => client.send(new BatchGetProjectsCommand({ names: c })));
  await pool(names, limit, async (projectName) => {
    const out = await client.send(new ListBuildsForProjectCommand({ projectName }));
    if (out.ids?.[0]) latest.push(out.ids[0]);
  });
  await pool(chunks(latest, 100), limit, (c) => client.send(new BatchGetBuildsCommand({ ids: c })));
  return latest.length;
}

/** Naive: list, then every definition and every latest build, then paint. */
async function naiveFirstPaint(emu: Emulator): Promise<number> {
  const client = new CodeBuildClient(emu.clientConfig());
  const started = performance.now();
  const names = await listAll(client);
  const builds = await naiveTick(client, names, CONCURRENCY);
  const ms = performance.now() - started;
  client.destroy();
  if (names.length !== PROJECTS || builds < PROJECTS) throw new Error(`naive paint saw ${names.length} projects, ${builds} builds`);
  return ms;
}

/** Ours: requests per simulated minute while idle, one build in progress, its project expanded and watched. */
async function oursIdleRequests(emu: Emulator, running: string): Promise<number> {
  const { explorer, client, clock } = newExplorer(emu);
  const roots = await explorer.getChildren();
  const node = roots.find((n) => n.kind === 'project' && n.key.name === running);
  if (!node || node.kind !== 'project') throw new Error(`${running} is not on the first page`);
  explorer.setWindowFocused(true);
  explorer.setViewVisible(true);
  await explorer.getChildren(node);
  explorer.setExpanded(node, true);
  explorer.setFollowed([node.key]);
  await explorer.loads.listed(TARGET);
  // Let the first rounds (definitions and statuses of the page) happen, then measure steady state.
  await clock.advance(60_000, () => settled(explorer));
  if (!explorer.present(node).contextValue.includes('running')) throw new Error(`${running} is not shown running`);
  emu.stats.reset();
  await clock.advance(IDLE_MINUTES * 60_000, () => settled(explorer));
  const total = emu.stats.read().total;
  explorer.dispose();
  client.destroy();
  return total / IDLE_MINUTES;
}

/** Naive: one real tick, counted by the emulator, times ticks per minute. */
async function naiveIdleRequests(emu: Emulator): Promise<number> {
  const client = new CodeBuildClient(emu.clientConfig());
  const names = await listAll(client);
  emu.stats.reset();
  await naiveTick(client, names, 16);
  const perTick = emu.stats.read().total;
  client.destroy();
  return perTick * (60_000 / NAIVE_TICK_MS);
}

function result(name: string, workload: string, ours: number, peer: number, unit: string): BenchResult {
  return { name, workload, ours, peer, unit, ratio: peer / ours };
}

export async function run(): Promise<BenchResult[]> {
  // speed 0: simulated time stands still, so the running build stays running during the measurement.
  const emu = await createEmulator({ seed: { dataset: 'scale', projects: PROJECTS, pipelines: 0 }, latencyMs: LATENCY_MS, speed: 0 });
  try {
    const starter = new CodeBuildClient(emu.clientConfig());
    const [first] = (await starter.send(new ListProjectsCommand({ sortBy: 'NAME', sortOrder: 'ASCENDING' }))).projects ?? [];
    if (!first) throw new Error('no projects');
    await starter.send(new StartBuildCommand({ projectName: first }));
    starter.destroy();
    const workload = `${PROJECTS.toLocaleString('en-US')} projects, ${LATENCY_MS} ms per call`;
    const paint: number[] = [];
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) paint.push(await oursFirstPaint(emu));
    for (let i = 0; i < 3; i++) statuses.push(await oursFirstPageStatuses(emu));
    const naivePaint = await naiveFirstPaint(emu);
    const oursRpm = await oursIdleRequests(emu, first);
    const naiveRpm = await naiveIdleRequests(emu);
    return [
      result('codebuild: first tree paint', `${workload}; naive = list + every definition + every latest build (${CONCURRENCY} in flight)`, median(paint), naivePaint, 'ms'),
      result('codebuild: first page with last builds', `${workload}; 50 rows with their last build`, median(statuses), naivePaint, 'ms'),
      result('codebuild: AWS requests per minute while idle', `${workload}; one build in progress (expanded, watched), view visible; naive = BatchGetProjects + latest build of every project every ${NAIVE_TICK_MS / 1000} s`, oursRpm, naiveRpm, 'req/min'),
    ];
  } finally {
    await emu.close();
  }
}

if (require.main === module) {
  run().then((results) => {
    const fmt = (n: number): string => (Math.abs(n) >= 100 ? n.toFixed(0) : n.toFixed(2));
    console.log('| benchmark | workload | ours | peer | unit | peer/ours |\n|---|---|---:|---:|---|---:|');
    for (const r of results) console.log(`| ${r.name} | ${r.workload} | ${fmt(r.ours)} | ${fmt(r.peer)} | ${r.unit} | ${fmt(r.ratio)}× |`);
  }, (err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
