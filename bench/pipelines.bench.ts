// Pipelines explorer at scale: the emulator holds 1,000 pipelines and answers every call after 50 ms.
//  1. First tree paint: list + render the first page with Conveyor's explorer (real SDK clients, real
//     HTTP), against a naive tree that lists and then reads GetPipelineState for every pipeline before
//     it can paint (the same 4 requests in flight).
//  2. AWS requests per minute while idle with one pipeline in progress (view visible, the running
//     pipeline expanded and watched): Conveyor's real scheduler on a simulated clock, counted by the
//     emulator, against a naive poller that calls GetPipelineState for every pipeline on every 5 s tick.
import { CodePipelineClient, GetPipelineStateCommand, ListPipelinesCommand, StartPipelineExecutionCommand } from '@aws-sdk/client-codepipeline';
import { explainAwsError, toExplained } from '../src/aws/errors';
import { silentLogger } from '../src/core/log';
import { createPipelineApi } from '../src/pipelines/model/api';
import { PipelineExplorer } from '../src/pipelines/model/explorer';
import { targetKey } from '../src/pipelines/model/keys';
import { ManualClock } from '../src/core/polling/clock';
import { DEFAULT_REFRESH_SETTINGS } from '../src/core/polling/settings';
import { createEmulator, type Emulator } from '../test/emulator/index';
import { median, type BenchResult } from './types';

const PIPELINES = 1000;
const LATENCY_MS = 50;
const CONCURRENCY = DEFAULT_REFRESH_SETTINGS.maxConcurrency;
const NAIVE_TICK_MS = 5_000;
const IDLE_MINUTES = 10;
const RUNNING = 'catalog-api-00000';

function newExplorer(emu: Emulator, clock = new ManualClock(Date.now())): { explorer: PipelineExplorer; client: CodePipelineClient; clock: ManualClock } {
  const client = new CodePipelineClient(emu.clientConfig());
  const explorer = new PipelineExplorer({
    apiFor: () => createPipelineApi(client),
    clock,
    settings: () => DEFAULT_REFRESH_SETTINGS,
    explain: (error, _t, operation) => toExplained(explainAwsError(error, { service: 'codepipeline', operation })),
    log: silentLogger,
  });
  explorer.setTargets([{ profile: 'bench', region: 'us-east-1' }]);
  return { explorer, client, clock };
}

/** Ours: from nothing to the first page of rows rendered (labels, icons, tooltips). */
async function oursFirstPaint(emu: Emulator): Promise<number> {
  const { explorer, client } = newExplorer(emu);
  const started = performance.now();
  const roots = await explorer.getChildren();
  const rendered = roots.map((n) => explorer.present(n));
  const ms = performance.now() - started;
  if (rendered.length < 50) throw new Error(`first page has ${rendered.length} rows`);
  explorer.dispose();
  client.destroy();
  return ms;
}

/** Ours: until every row of the first page also shows its latest execution's status. */
async function oursFirstPageStatuses(emu: Emulator): Promise<number> {
  const { explorer, client } = newExplorer(emu);
  const started = performance.now();
  await explorer.getChildren();
  explorer.setWindowFocused(true);
  explorer.setViewVisible(true);
  const displayed = explorer.tree.displayedPipelines();
  while (!displayed.every((k) => explorer.store.pipeline(k)?.recent !== undefined)) {
    await explorer.scheduler.whenIdle();
    await new Promise((r) => setImmediate(r));
  }
  const ms = performance.now() - started;
  explorer.dispose();
  client.destroy();
  return ms;
}

async function pool<T>(items: readonly T[], limit: number, work: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: limit }, async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  }));
}

/** Naive: list (default pages), then GetPipelineState for every pipeline, then paint. */
async function naiveFirstPaint(emu: Emulator): Promise<number> {
  const client = new CodePipelineClient(emu.clientConfig());
  const started = performance.now();
  const names: string[] = [];
  let token: string | undefined;
  do {
    const out = await client.send(new ListPipelinesCommand(token ? { nextToken: token } : {}));
    names.push(...(out.pipelines ?? []).map((p) => p.name ?? ''));
    token = out.nextToken;
  } while (token);
  const states = new Map<string, unknown>();
  await pool(names, CONCURRENCY, async (name) => states.set(name, await client.send(new GetPipelineStateCommand({ name }))));
  const ms = performance.now() - started;
  client.destroy();
  if (states.size !== names.length) throw new Error('naive paint missed pipelines');
  return ms;
}

/** Ours: requests per simulated minute while idle, one pipeline in progress, expanded and watched. */
async function oursIdleRequests(emu: Emulator): Promise<number> {
  const { explorer, client, clock } = newExplorer(emu);
  const roots = await explorer.getChildren();
  const running = roots.find((n) => n.kind === 'pipeline' && n.key.name === RUNNING);
  if (!running) throw new Error(`${RUNNING} is not on the first page`);
  explorer.setWindowFocused(true);
  explorer.setViewVisible(true);
  await explorer.getChildren(running);
  explorer.setExpanded(running, true);
  explorer.setFollowed('watched', [{ target: targetKey({ profile: 'bench', region: 'us-east-1' }), name: RUNNING }]);
  const settle = async (): Promise<void> => {
    for (;;) {
      await explorer.scheduler.whenIdle();
      await new Promise((r) => setImmediate(r));
      if (explorer.scheduler.inFlight === 0) return;
    }
  };
  // Let the first round (statuses of the page) happen, then measure steady state.
  await clock.advance(60_000, settle);
  if (!explorer.isRunning({ target: targetKey({ profile: 'bench', region: 'us-east-1' }), name: RUNNING })) throw new Error(`${RUNNING} is not running`);
  emu.stats.reset();
  await clock.advance(IDLE_MINUTES * 60_000, settle);
  const total = emu.stats.read().total;
  explorer.dispose();
  client.destroy();
  return total / IDLE_MINUTES;
}

/** Naive: one real tick (GetPipelineState for every pipeline), counted by the emulator, times ticks per minute. */
async function naiveIdleRequests(emu: Emulator): Promise<number> {
  const client = new CodePipelineClient(emu.clientConfig());
  const names: string[] = [];
  let token: string | undefined;
  do {
    const out = await client.send(new ListPipelinesCommand(token ? { nextToken: token } : {}));
    names.push(...(out.pipelines ?? []).map((p) => p.name ?? ''));
    token = out.nextToken;
  } while (token);
  emu.stats.reset();
  await pool(names, 16, (name) => client.send(new GetPipelineStateCommand({ name })));
  const perTick = emu.stats.read().total;
  client.destroy();
  return perTick * (60_000 / NAIVE_TICK_MS);
}

function result(name: string, workload: string, ours: number, peer: number, unit: string): BenchResult {
  return { name, workload, ours, peer, unit, ratio: peer / ours };
}

export async function run(): Promise<BenchResult[]> {
  // speed 0: simulated time stands still, so the running pipeline stays running during the measurement.
  const emu = await createEmulator({ seed: { dataset: 'scale', pipelines: PIPELINES }, latencyMs: LATENCY_MS, speed: 0 });
  try {
    const starter = new CodePipelineClient(emu.clientConfig());
    await starter.send(new StartPipelineExecutionCommand({ name: RUNNING }));
    starter.destroy();
    const workload = `${PIPELINES} pipelines, ${LATENCY_MS} ms per call`;
    const paint: number[] = [];
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) paint.push(await oursFirstPaint(emu));
    for (let i = 0; i < 3; i++) statuses.push(await oursFirstPageStatuses(emu));
    const naivePaint = await naiveFirstPaint(emu);
    const oursRpm = await oursIdleRequests(emu);
    const naiveRpm = await naiveIdleRequests(emu);
    return [
      result('pipelines: first tree paint', `${workload}; naive = list + GetPipelineState for all (${CONCURRENCY} in flight)`, median(paint), naivePaint, 'ms'),
      result('pipelines: first page with statuses', `${workload}; 50 rows with their latest status`, median(statuses), naivePaint, 'ms'),
      result('pipelines: AWS requests per minute while idle', `${workload}; one in progress (expanded, watched), view visible; naive = GetPipelineState for all every ${NAIVE_TICK_MS / 1000} s`, oursRpm, naiveRpm, 'req/min'),
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
