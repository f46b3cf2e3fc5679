import * as assert from 'node:assert/strict';
import {
  BatchGetFrameMetricDataCommand, CodeGuruProfilerClient, DescribeProfilingGroupCommand, GetProfileCommand, GetRecommendationsCommand,
  ListFindingsReportsCommand, ListProfileTimesCommand, ListProfilingGroupsCommand, paginateListProfileTimes,
} from '@aws-sdk/client-codeguruprofiler';
import { gunzipSync } from 'node:zlib';
import { EMULATOR_ACCOUNTS } from '../../emulator/core/contract';
import type { Emulator } from '../../emulator/index';
import { startArtifactEmulator } from '../../emulator/services/codeartifact/testing';
import type { ProfileNode } from '../../emulator/services/codeguru/profile-tree';
import { countNodes } from '../../emulator/services/codeguru/profile-tree';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

async function rejects(promise: Promise<unknown>, name: string, status: number): Promise<Error> {
  try {
    await promise;
  } catch (err) {
    const e = err as Error & { $metadata?: { httpStatusCode?: number } };
    assert.equal(e.name, name, e.message);
    assert.equal(e.$metadata?.httpStatusCode, status);
    return e;
  }
  assert.fail(`expected ${name}`);
}

interface Profile {
  start: number;
  end: number;
  agentMetadata: { sampleWeights: Record<string, number>; agentInfo: { type: string } };
  callgraph: ProfileNode;
}

function parse(bytes: Uint8Array | undefined, encoding?: string): Profile {
  const buf = Buffer.from(bytes ?? new Uint8Array());
  return JSON.parse((encoding === 'gzip' ? gunzipSync(buf) : buf).toString('utf8')) as Profile;
}

function maxDepth(node: ProfileNode, depth = 0): number {
  return Math.max(depth, ...Object.values(node.children ?? {}).map((c) => maxDepth(c, depth + 1)));
}

function counters(node: ProfileNode, into = new Set<string>()): Set<string> {
  for (const k of Object.keys(node.counts ?? {})) into.add(k);
  for (const c of Object.values(node.children ?? {})) counters(c, into);
  return into;
}

describe('emulator: CodeGuru Profiler (demo account, real SDK over HTTP)', () => {
  let emu: Emulator;
  let client: CodeGuruProfilerClient;
  before(async () => {
    emu = await startArtifactEmulator({ dataset: 'demo' });
    client = new CodeGuruProfilerClient({ endpoint: emu.url, region: 'us-east-1', credentials: EMULATOR_ACCOUNTS.main, maxAttempts: 1 });
  });
  after(() => emu.close());

  it('lists group names, with descriptions only when asked, and pages', async () => {
    const plain = await client.send(new ListProfilingGroupsCommand({}));
    assert.deepEqual(plain.profilingGroupNames, ['agent-encoder-example', 'billing-lambda', 'checkout-worker', 'edge-proxy', 'orders-api', 'orders-service']);
    assert.equal(plain.profilingGroups, undefined);
    const described = await client.send(new ListProfilingGroupsCommand({ includeDescription: true, maxResults: 4 }));
    assert.equal(described.profilingGroups?.length, 4);
    assert.match(described.nextToken ?? '', /^[\w-]+$/);
    const rest = await client.send(new ListProfilingGroupsCommand({ includeDescription: true, maxResults: 4, ...(described.nextToken ? { nextToken: described.nextToken } : {}) }));
    assert.deepEqual(rest.profilingGroupNames, ['orders-api', 'orders-service']);
    const prod = new CodeGuruProfilerClient({ endpoint: emu.url, region: 'us-east-1', credentials: EMULATOR_ACCOUNTS.prod, maxAttempts: 1 });
    assert.deepEqual((await prod.send(new ListProfilingGroupsCommand({}))).profilingGroupNames, ['payments-prod']);
  });

  it('describes a group (the body is the description) with ISO timestamps', async () => {
    const { profilingGroup: g } = await client.send(new DescribeProfilingGroupCommand({ profilingGroupName: 'orders-service' }));
    assert.equal(g?.name, 'orders-service');
    assert.equal(g?.arn, 'arn:aws:codeguru-profiler:us-east-1:111111111111:profilingGroup/orders-service');
    assert.equal(g?.computePlatform, 'Default');
    assert.equal(g?.agentOrchestrationConfig?.profilingEnabled, true);
    assert.ok(g?.createdAt instanceof Date);
    assert.equal(g?.profilingStatus?.latestAggregatedProfile?.period, 'PT5M');
    const lambda = await client.send(new DescribeProfilingGroupCommand({ profilingGroupName: 'billing-lambda' }));
    assert.equal(lambda.profilingGroup?.computePlatform, 'AWSLambda');
    await rejects(client.send(new DescribeProfilingGroupCommand({ profilingGroupName: 'nope' })), 'ResourceNotFoundException', 404);
  });

  it('serves the sample profile as JSON when asked', async () => {
    const res = await client.send(new GetProfileCommand({ profilingGroupName: 'checkout-worker', accept: 'application/json', period: 'PT1H' }));
    assert.equal(res.contentType, 'application/json');
    assert.equal(res.contentEncoding, undefined);
    const p = parse(res.profile);
    assert.equal(p.agentMetadata.agentInfo.type, 'CodeGuruProfiler-python');
    assert.ok(p.callgraph.children?.['threading:Thread:_bootstrap']);
    assert.equal(p.end - p.start, HOUR);
  });

  it('gzips the profile of groups configured so, with frames in the sample workspace', async () => {
    const res = await client.send(new GetProfileCommand({ profilingGroupName: 'orders-api', accept: 'application/json', period: 'PT5M' }));
    assert.equal(res.contentEncoding, 'gzip');
    assert.equal(Buffer.from(res.profile ?? new Uint8Array()).readUInt16BE(0), 0x1f8b);
    const p = parse(res.profile, 'gzip');
    const json = JSON.stringify(p.callgraph);
    assert.match(json, /"app\.orders\.service:OrderService:place_order":\{[^}]*"file":"\/srv\/orders-api\/app\/orders\/service\.py","line":\[30,48\]/);
    const encoder = await client.send(new GetProfileCommand({ profilingGroupName: 'agent-encoder-example', accept: 'application/json' }));
    assert.ok(parse(encoder.profile, encoder.contentEncoding).callgraph.children?.['path.file1:bottom_with_path']);
  });

  it('serves the large generated Java profile with thread-state counters and honours maxDepth', async () => {
    const res = await client.send(new GetProfileCommand({ profilingGroupName: 'orders-service', accept: 'application/json' }));
    const p = parse(res.profile);
    assert.ok(countNodes(p.callgraph) >= 50_000);
    assert.deepEqual([...counters(p.callgraph)].sort(), ['BLOCKED', 'IDLE', 'NATIVE', 'RUNNABLE', 'TIMED_WAITING', 'WAITING']);
    assert.match(JSON.stringify(p.callgraph), /"com\.example\.orders\.OrderService\$Validator\.lambda\$check\$0"/);
    const shallow = parse((await client.send(new GetProfileCommand({ profilingGroupName: 'orders-service', accept: 'application/json', maxDepth: 3 }))).profile);
    assert.equal(maxDepth(shallow.callgraph), 3);
    const total = (n: ProfileNode): number => Object.values(n.counts ?? {}).reduce((a, b) => a + b, 0) + Object.values(n.children ?? {}).reduce((a, c) => a + total(c), 0);
    assert.equal(total(shallow.callgraph), total(p.callgraph), 'truncation keeps every sample');
  });

  it('answers Ion (the default) with the Ion content type, and validates the time range', async () => {
    const ion = await client.send(new GetProfileCommand({ profilingGroupName: 'checkout-worker', period: 'PT5M' }));
    assert.equal(ion.contentType, 'application/x-amzn-ion');
    const now = emu.clock.now();
    await rejects(client.send(new GetProfileCommand({ profilingGroupName: 'checkout-worker', accept: 'text/html' })), 'ValidationException', 400);
    await rejects(client.send(new GetProfileCommand({ profilingGroupName: 'checkout-worker', startTime: new Date(now - HOUR), endTime: new Date(now), period: 'PT1H' })), 'ValidationException', 400);
    await rejects(client.send(new GetProfileCommand({ profilingGroupName: 'checkout-worker', startTime: new Date(now - HOUR) })), 'ValidationException', 400);
    await rejects(client.send(new GetProfileCommand({ profilingGroupName: 'checkout-worker', startTime: new Date(now - 8 * DAY), endTime: new Date(now) })), 'ValidationException', 400);
    await rejects(client.send(new GetProfileCommand({ profilingGroupName: 'checkout-worker', period: 'one hour' })), 'ValidationException', 400);
    await rejects(client.send(new GetProfileCommand({ profilingGroupName: 'checkout-worker', accept: 'application/json', startTime: new Date(now - 30 * DAY), period: 'P1D' })), 'ResourceNotFoundException', 404);
    await rejects(client.send(new GetProfileCommand({ profilingGroupName: 'billing-lambda', accept: 'application/json' })), 'ResourceNotFoundException', 404);
    const ranged = parse((await client.send(new GetProfileCommand({ profilingGroupName: 'checkout-worker', accept: 'application/json', endTime: new Date(now - DAY), period: 'PT5M' }))).profile);
    assert.equal(ranged.end - ranged.start, 5 * 60_000);
  });

  it('lists aligned profile times for the last week, newest first by default, with pagination', async () => {
    const now = emu.clock.now();
    const hourly = await client.send(new ListProfileTimesCommand({ profilingGroupName: 'orders-service', period: 'PT1H', startTime: new Date(now - 7 * DAY), endTime: new Date(now) }));
    const starts = hourly.profileTimes?.map((t) => t.start?.getTime() ?? 0) ?? [];
    assert.equal(starts.length, 100);
    assert.ok(starts.every((t) => t % HOUR === 0));
    assert.ok((starts[0] ?? 0) > (starts[1] ?? 0));
    let count = 0;
    for await (const page of paginateListProfileTimes({ client, pageSize: 50 }, { profilingGroupName: 'orders-service', period: 'PT1H', startTime: new Date(now - 7 * DAY), endTime: new Date(now), orderBy: 'TimestampAscending' })) {
      count += page.profileTimes?.length ?? 0;
    }
    assert.ok(count >= 167 && count <= 168, `${count} hourly profiles in a week`);
    const daily = await client.send(new ListProfileTimesCommand({ profilingGroupName: 'orders-service', period: 'P1D', startTime: new Date(now - 7 * DAY), endTime: new Date(now) }));
    assert.ok((daily.profileTimes?.length ?? 0) >= 6);
    const none = await client.send(new ListProfileTimesCommand({ profilingGroupName: 'billing-lambda', period: 'PT5M', startTime: new Date(now - DAY), endTime: new Date(now) }));
    assert.deepEqual(none.profileTimes, []);
    await rejects(client.send(new ListProfileTimesCommand({ profilingGroupName: 'orders-service', period: 'PT2H' as 'PT1H', startTime: new Date(now - DAY), endTime: new Date(now) })), 'ValidationException', 400);
  });

  it('computes recommendations from the profile and reports anomalies in range', async () => {
    const now = emu.clock.now();
    const res = await client.send(new GetRecommendationsCommand({ profilingGroupName: 'orders-service', startTime: new Date(now - DAY), endTime: new Date(now) }));
    assert.equal(res.profilingGroupName, 'orders-service');
    const names = res.recommendations?.map((r) => r.pattern?.name) ?? [];
    assert.ok(names.includes('Recreation of AWS SDK service clients'), names.join());
    const rec = res.recommendations?.[0];
    assert.ok((rec?.allMatchesCount ?? 0) >= (rec?.topMatches?.length ?? 0));
    assert.ok((rec?.allMatchesSum ?? 0) >= (rec?.pattern?.thresholdPercent ?? 0));
    assert.match(rec?.topMatches?.[0]?.frameAddress ?? '', /^java\.lang\.Thread\.run;/);
    assert.equal(res.anomalies?.[0]?.metric?.frameName, 'com.example.orders.OrderService.placeOrder');
    assert.equal(res.anomalies?.[0]?.instances?.length, 1, 'only the instance inside the last day');
    const python = await client.send(new GetRecommendationsCommand({ profilingGroupName: 'checkout-worker', startTime: new Date(now - DAY), endTime: new Date(now) }));
    assert.deepEqual([python.recommendations, python.anomalies], [[], []]);
  });

  it('lists findings reports, daily ones only on request', async () => {
    const now = emu.clock.now();
    const all = await client.send(new ListFindingsReportsCommand({ profilingGroupName: 'orders-service', startTime: new Date(now - 8 * DAY), endTime: new Date(now) }));
    const daily = await client.send(new ListFindingsReportsCommand({ profilingGroupName: 'orders-service', startTime: new Date(now - 8 * DAY), endTime: new Date(now), dailyReportsOnly: true }));
    assert.ok((all.findingsReportSummaries?.length ?? 0) > (daily.findingsReportSummaries?.length ?? 0));
    for (const r of daily.findingsReportSummaries ?? []) {
      assert.equal((r.profileEndTime?.getTime() ?? 0) - (r.profileStartTime?.getTime() ?? 0), DAY);
      assert.match(r.id ?? '', /^[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}$/);
      assert.ok((r.totalNumberOfFindings ?? 0) > 0);
    }
    await rejects(client.send(new ListFindingsReportsCommand({ profilingGroupName: 'nope', startTime: new Date(now - DAY), endTime: new Date(now) })), 'ResourceNotFoundException', 404);
  });

  it('returns frame metric time series relative to the root', async () => {
    const now = emu.clock.now();
    const res = await client.send(new BatchGetFrameMetricDataCommand({
      profilingGroupName: 'orders-service', startTime: new Date(now - 6 * HOUR), endTime: new Date(now), targetResolution: 'PT1H',
      frameMetrics: [
        { frameName: 'com.example.orders.OrderService.placeOrder', type: 'AggregatedRelativeTotalTime', threadStates: ['RUNNABLE', 'BLOCKED', 'NATIVE'] },
        { frameName: 'java.lang.Thread.run', type: 'AggregatedRelativeTotalTime', threadStates: [] },
        { frameName: 'no.such.Frame', type: 'AggregatedRelativeTotalTime', threadStates: ['RUNNABLE'] },
      ],
    }));
    assert.equal(res.resolution, 'PT1H');
    assert.equal(res.endTimes?.length, 6);
    assert.deepEqual(res.unprocessedEndTimes, {});
    const [hot, root, none] = res.frameMetricData ?? [];
    assert.equal(hot?.values?.length, 6);
    assert.ok((hot?.values?.[0] ?? 0) > 0.05 && (hot?.values?.[0] ?? 1) < 1, String(hot?.values?.[0]));
    assert.ok(Math.abs((root?.values?.[0] ?? 0) - 1) < 0.2, 'Thread.run holds (almost) every sample');
    assert.deepEqual(none?.values, [0, 0, 0, 0, 0, 0]);
    await rejects(client.send(new BatchGetFrameMetricDataCommand({ profilingGroupName: 'orders-service', period: 'P2D' })), 'ValidationException', 400);
  });
});
