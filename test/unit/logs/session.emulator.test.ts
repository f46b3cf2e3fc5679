// Build logs against the emulator over real HTTP: a failed build's phases and failing command, live
// tail (StartLiveTail) of a running build until it completes, the polling fallback, "load older", and
// that closing the document (dispose) stops every request.
import * as assert from 'node:assert/strict';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { CodeBuildClient } from '@aws-sdk/client-codebuild';
import { CodePipelineClient, GetPipelineStateCommand } from '@aws-sdk/client-codepipeline';
import { silentLogger } from '../../../src/core/log';
import { stripAnsi } from '../../../src/logs/ansi';
import { locateCommand } from '../../../src/logs/buildspec';
import { fetchForward } from '../../../src/logs/fetch';
import { LogSession } from '../../../src/logs/session';
import { resolveBuildLogs } from '../../../src/logs/source';
import { createEmulator, type Emulator } from '../../emulator/index';

async function buildOf(emu: Emulator, pipeline: string): Promise<string> {
  const client = new CodePipelineClient(emu.clientConfig());
  try {
    const state = await client.send(new GetPipelineStateCommand({ name: pipeline }));
    const id = state.stageStates?.flatMap((s) => s.actionStates ?? []).map((a) => a.latestExecution?.externalExecutionId)
      .find((x) => x !== undefined && /^[^:]+-(build|tests|unit-tests):[0-9a-f-]{36}$/.test(x));
    assert.ok(id, `no CodeBuild action in ${pipeline}`);
    return id;
  } finally {
    client.destroy();
  }
}

async function until(what: string, check: () => boolean, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('build logs against the emulator', function () {
  this.timeout(90_000);
  let emu: Emulator;
  let logs: CloudWatchLogsClient;
  let codebuild: CodeBuildClient;
  const sessions: LogSession[] = [];

  async function open(buildId: string, extra: Partial<ConstructorParameters<typeof LogSession>[1]> = {}): Promise<LogSession> {
    const loc = await resolveBuildLogs(codebuild, buildId);
    assert.ok(loc?.confirmed, 'BatchGetBuilds named the log');
    const s = new LogSession({ profile: 'main', region: 'us-east-1', group: loc.group, stream: loc.stream, buildId, ...(loc.groupArn ? { groupArn: loc.groupArn } : {}) },
      { logs, codebuild, log: silentLogger, explain: (e) => String(e), completionCheckMs: 300, pollIntervalMs: 100, ...extra });
    sessions.push(s);
    await s.load();
    return s;
  }

  before(async () => {
    // 40 simulated ms per real ms: a two-minute build finishes in a few seconds.
    emu = await createEmulator({ seed: { dataset: 'demo' }, speed: 40, liveTailIntervalMs: 100 });
    logs = new CloudWatchLogsClient({ ...emu.clientConfig(), disableHostPrefix: true });
    codebuild = new CodeBuildClient(emu.clientConfig());
  });
  afterEach(() => {
    for (const s of sessions.splice(0)) s.dispose();
    emu.faults.clear();
  });
  after(async () => {
    logs.destroy();
    codebuild.destroy();
    await emu.close();
  });

  it('opens a failed build at its phases and failing command, which maps back to the buildspec', async () => {
    const s = await open(await buildOf(emu, 'payments-api'));
    assert.equal(s.state, 'ready');
    assert.equal(s.build?.status, 'FAILED');
    assert.equal(s.tailing, false, 'a finished build is not followed');
    const phases = s.phases();
    assert.deepEqual(phases.map((p) => p.name), ['DOWNLOAD_SOURCE', 'INSTALL', 'PRE_BUILD', 'BUILD', 'POST_BUILD', 'UPLOAD_ARTIFACTS']);
    assert.equal(phases.find((p) => p.name === 'BUILD')?.status, 'FAILED');
    const failing = s.failingCommand();
    assert.equal(failing?.command, 'npm test');
    assert.equal(s.text().split('\n')[failing?.line ?? -1]?.endsWith('Running command npm test'), true);
    const spec = s.build?.buildspec ?? '';
    const hit = locateCommand(spec, failing?.command ?? '', failing?.phase, failing?.index);
    assert.equal(spec.split('\n')[hit?.line ?? -1]?.trim(), '- npm test');
  });

  it('follows a running build with Live Tail until it completes, without duplicating a line', async () => {
    const s = await open(await buildOf(emu, 'storefront-web'));
    assert.equal(s.tailing, true);
    await until('live mode', () => s.tailMode === 'live');
    await until('the build to complete', () => s.build?.complete === true && !s.tailing, 80_000);
    const text = s.text();
    assert.match(text, /Phase complete: POST_BUILD/);
    const all = await fetchForward(logs, { group: s.params.group, stream: s.params.stream }, undefined);
    assert.deepEqual(text.split('\n'), all.events.map((e) => stripAnsi(e.message.replace(/\r?\n$/, ''))).flatMap((m) => m.split(/\r?\n/)),
      'the document equals the stream, line for line');
  });

  it('falls back to polling GetLogEvents when Live Tail is refused', async () => {
    emu.faults.add({ operation: 'StartLiveTail', kind: 'error', status: 400, errorType: 'AccessDeniedException', message: 'not allowed' });
    // A fresh run of the storefront build: start the pipeline again.
    const client = new CodePipelineClient(emu.clientConfig());
    const { StartPipelineExecutionCommand } = await import('@aws-sdk/client-codepipeline');
    await client.send(new StartPipelineExecutionCommand({ name: 'docs-site' }));
    let buildId: string | undefined;
    for (let i = 0; i < 200 && !buildId; i++) {
      const state = await client.send(new GetPipelineStateCommand({ name: 'docs-site' }));
      const build = state.stageStates?.find((st) => st.stageName === 'Build')?.actionStates?.[0]?.latestExecution;
      if (build?.status === 'InProgress' && build.externalExecutionId) buildId = build.externalExecutionId;
      else await new Promise((r) => setTimeout(r, 50));
    }
    client.destroy();
    assert.ok(buildId, 'the docs build started');
    const s = await open(buildId);
    await until('polling mode', () => s.tailMode === 'polling');
    await until('the build to complete', () => s.build?.complete === true && !s.tailing, 80_000);
    assert.match(s.text(), /Phase complete: BUILD State: SUCCEEDED/);
  });

  it('loads older pages with the backward token until the start', async () => {
    const region = emu.state.logs.region(emu.accounts.main.accountId, 'us-east-1');
    region.ensureGroup('/aws/codebuild/long-build', { retentionInDays: 7 });
    const t0 = emu.clock.now();
    region.put('/aws/codebuild/long-build', 'big', Array.from({ length: 4500 }, (_, i) => ({ timestamp: t0 + i, message: `line ${i}\n` })));
    const s = new LogSession({ profile: 'main', region: 'us-east-1', group: '/aws/codebuild/long-build', stream: 'big' },
      { logs, log: silentLogger, explain: (e) => String(e) });
    sessions.push(s);
    await s.load();
    const first = s.buffer.size;
    assert.ok(first > 0 && first < 4500, `a first page only (${first})`);
    assert.equal(s.text().split('\n').pop(), 'line 4499', 'the newest page comes first');
    while (await s.loadOlder() > 0) { /* keep going */ }
    assert.equal(s.buffer.reachedStart, true);
    const lines = s.text().split('\n');
    assert.equal(lines.length, 4500);
    assert.equal(lines[0], 'line 0');
    assert.equal(await s.loadOlder(), 0);
  });

  it('stops every request once the document is closed', async () => {
    const client = new CodePipelineClient(emu.clientConfig());
    const { StartPipelineExecutionCommand } = await import('@aws-sdk/client-codepipeline');
    await client.send(new StartPipelineExecutionCommand({ name: 'analytics-dashboard' }));
    let buildId: string | undefined;
    for (let i = 0; i < 400 && !buildId; i++) {
      const state = await client.send(new GetPipelineStateCommand({ name: 'analytics-dashboard' }));
      const build = state.stageStates?.find((st) => st.stageName === 'Build')?.actionStates?.[0]?.latestExecution;
      if (build?.status === 'InProgress' && build.externalExecutionId) buildId = build.externalExecutionId;
      else await new Promise((r) => setTimeout(r, 25));
    }
    client.destroy();
    assert.ok(buildId);
    const s = await open(buildId);
    await until('live mode', () => s.tailMode === 'live');
    s.dispose();
    await new Promise((r) => setTimeout(r, 300));
    emu.stats.reset();
    await new Promise((r) => setTimeout(r, 1500));
    const after = emu.stats.read().services;
    assert.equal((after.logs?.GetLogEvents ?? 0) + (after.logs?.StartLiveTail ?? 0) + (after.codebuild?.BatchGetBuilds ?? 0), 0);
  });
});
