// CodeBuild batch builds through the real SDK: a build graph runs in dependency order with
// ignoreFailure, a matrix expands, list batches build at once; stop, retry, list and get.
import assert from 'node:assert/strict';
import {
  BatchGetBuildBatchesCommand, BatchGetBuildsCommand, type BuildBatch, ListBuildBatchesForProjectCommand, RetryBuildBatchCommand,
  StartBuildBatchCommand, StopBuildBatchCommand,
} from '@aws-sdk/client-codebuild';
import type { BatchSpec } from '../../emulator/services/codebuild/batch-records';
import { createProject } from '../../emulator/services/codebuild/index';
import { recipeFor } from '../../emulator/services/codebuild/recipes';
import { rejectsWith, useEmulator } from './core.helpers';

const MIN = 60_000;

const GRAPH: BatchSpec = {
  kind: 'build-graph',
  entries: [
    { identifier: 'lint' },
    { identifier: 'test', dependOn: ['lint'] },
    { identifier: 'e2e', dependOn: ['test'], failsInFailedBatch: true },
    { identifier: 'perf', dependOn: ['test'], ignoreFailure: true, failsInFailedBatch: true },
    { identifier: 'publish', dependOn: ['e2e'] },
  ],
};

describe('emulator: CodeBuild batch builds', function () {
  this.timeout(60_000);
  const fixture = useEmulator({ speed: 0 });
  beforeEach(() => fixture.emulator.reset());

  const store = () => fixture.emulator.state.codebuild.region('111111111111', 'us-east-1');
  const cb = () => fixture.clients.codebuild;
  const make = (name: string, batch: BatchSpec | undefined, combineArtifacts = false) => createProject(store(), {
    name, recipe: recipeFor('web'), source: { type: 'GITHUB', location: `https://github.com/acme/${name}.git` }, sourceVersion: 'refs/heads/main',
    ...(batch ? { batch, buildBatchConfig: { serviceRole: 'arn:aws:iam::111111111111:role/batch', combineArtifacts, timeoutInMins: 60, batchReportMode: 'REPORT_INDIVIDUAL_BUILDS' as const } } : {}),
  }, fixture.emulator.clock.now());
  const get = async (id: string): Promise<BuildBatch> => (await cb().send(new BatchGetBuildBatchesCommand({ ids: [id] }))).buildBatches![0]!;
  const groups = (b: BuildBatch) => Object.fromEntries(b.buildGroups!.map((g) => [g.identifier!, g.currentBuildSummary?.buildStatus ?? '-']));

  it('runs a build graph in dependency order: DOWNLOAD_SOURCE first, dependents after their dependencies', async () => {
    make('graph', GRAPH);
    const { buildBatch } = await cb().send(new StartBuildBatchCommand({ projectName: 'graph', environmentVariablesOverride: [{ name: 'CI', value: 'true' }] }));
    assert.equal(buildBatch!.currentPhase, 'SUBMITTED');
    assert.equal(buildBatch!.initiator, 'emulator-main');
    assert.match(buildBatch!.arn!, /^arn:aws:codebuild:us-east-1:111111111111:build-batch\/graph:[0-9a-f-]{36}$/);
    fixture.emulator.clock.advance(5_000);
    let b = await get(buildBatch!.id!);
    assert.equal(b.currentPhase, 'DOWNLOAD_BATCHSPEC');
    assert.deepEqual(groups(b), { DOWNLOAD_SOURCE: 'IN_PROGRESS', lint: '-', test: '-', e2e: '-', perf: '-', publish: '-' });
    fixture.emulator.clock.advance(60_000);
    b = await get(buildBatch!.id!);
    assert.equal(b.currentPhase, 'IN_PROGRESS');
    assert.deepEqual(groups(b), { DOWNLOAD_SOURCE: 'SUCCEEDED', lint: 'IN_PROGRESS', test: '-', e2e: '-', perf: '-', publish: '-' });
    fixture.emulator.clock.advance(60 * MIN);
    b = await get(buildBatch!.id!);
    assert.equal(b.buildBatchStatus, 'SUCCEEDED');
    assert.deepEqual(b.phases!.map((p) => p.phaseType), ['SUBMITTED', 'DOWNLOAD_BATCHSPEC', 'IN_PROGRESS', 'SUCCEEDED']);
    assert.equal(b.complete, true);
    assert.deepEqual(b.buildGroups!.find((g) => g.identifier === 'publish')!.dependsOn, ['e2e']);
    const builds = (await cb().send(new BatchGetBuildsCommand({ ids: b.buildGroups!.map((g) => g.currentBuildSummary!.arn!) }))).builds!;
    const start = (id: string) => builds.find((x) => x.arn === b.buildGroups!.find((g) => g.identifier === id)!.currentBuildSummary!.arn)!;
    assert.ok(start('test').startTime! >= start('lint').endTime!);
    assert.ok(start('publish').startTime! >= start('e2e').endTime!);
    assert.ok(builds.every((x) => x.buildBatchArn === b.arn));
    assert.ok(builds.every((x) => x.environment!.environmentVariables!.some((v) => v.name === 'CI')));
  });

  it('a failed build fails the batch and blocks its dependents; ignoreFailure builds do not', async () => {
    make('graph', GRAPH).outcomes = ['fail'];
    const { buildBatch } = await cb().send(new StartBuildBatchCommand({ projectName: 'graph' }));
    fixture.emulator.clock.advance(60 * MIN);
    const b = await get(buildBatch!.id!);
    assert.equal(b.buildBatchStatus, 'FAILED');
    assert.equal(b.phases!.at(-1)!.phaseType, 'FAILED');
    assert.deepEqual(groups(b), { DOWNLOAD_SOURCE: 'SUCCEEDED', lint: 'SUCCEEDED', test: 'SUCCEEDED', e2e: 'FAILED', perf: 'FAILED', publish: '-' });
    const failed = await cb().send(new ListBuildBatchesForProjectCommand({ projectName: 'graph', filter: { status: 'FAILED' } }));
    assert.deepEqual(failed.ids, [b.id]);

    const { buildBatch: retried } = await cb().send(new RetryBuildBatchCommand({ id: b.id!, retryType: 'RETRY_FAILED_BUILDS' }));
    assert.equal(retried!.buildBatchStatus, 'IN_PROGRESS');
    fixture.emulator.clock.advance(60 * MIN);
    const after = await get(b.id!);
    assert.equal(after.buildBatchStatus, 'SUCCEEDED');
    const e2e = after.buildGroups!.find((g) => g.identifier === 'e2e')!;
    assert.equal(e2e.priorBuildSummaryList!.length, 1);
    assert.equal(e2e.priorBuildSummaryList![0]!.buildStatus, 'FAILED');
    assert.equal(after.buildGroups!.find((g) => g.identifier === 'lint')!.priorBuildSummaryList!.length, 0, 'succeeded builds are kept');
  });

  it('expands a build matrix, combines artifacts, and lists batches newest first', async () => {
    make('matrix', { kind: 'build-matrix', matrix: { variables: { NODE: ['18', '20'], OS: ['linux', 'arm'] } } }, true);
    const first = (await cb().send(new StartBuildBatchCommand({ projectName: 'matrix' }))).buildBatch!;
    fixture.emulator.clock.advance(60 * MIN);
    const second = (await cb().send(new StartBuildBatchCommand({ projectName: 'matrix' }))).buildBatch!;
    const b = await get(first.id!);
    assert.deepEqual(b.buildGroups!.map((g) => g.identifier), ['DOWNLOAD_SOURCE', 'build1', 'build2', 'build3', 'build4']);
    assert.deepEqual(b.phases!.map((p) => p.phaseType), ['SUBMITTED', 'DOWNLOAD_BATCHSPEC', 'IN_PROGRESS', 'COMBINE_ARTIFACTS', 'SUCCEEDED']);
    const builds = (await cb().send(new BatchGetBuildsCommand({ ids: b.buildGroups!.slice(1).map((g) => g.currentBuildSummary!.arn!) }))).builds!;
    const combos = builds.map((x) => x.environment!.environmentVariables!.filter((v) => v.name === 'NODE' || v.name === 'OS').map((v) => v.value).join('/'));
    assert.deepEqual(combos, ['18/linux', '18/arm', '20/linux', '20/arm']);
    const listed = await cb().send(new ListBuildBatchesForProjectCommand({ projectName: 'matrix' }));
    assert.deepEqual(listed.ids, [second.id, first.id]);
    const paged = await cb().send(new ListBuildBatchesForProjectCommand({ projectName: 'matrix', maxResults: 1, sortOrder: 'ASCENDING' }));
    assert.deepEqual(paged.ids, [first.id]);
    const next = await cb().send(new ListBuildBatchesForProjectCommand({ projectName: 'matrix', maxResults: 1, sortOrder: 'ASCENDING', nextToken: paged.nextToken! }));
    assert.deepEqual(next.ids, [second.id]);
    assert.equal(next.nextToken, undefined);
  });

  it('StopBuildBatch stops every running build; errors for unknown batches and projects without batch config', async () => {
    make('graph', GRAPH);
    make('plain', undefined);
    const { buildBatch } = await cb().send(new StartBuildBatchCommand({ projectName: 'graph' }));
    fixture.emulator.clock.advance(90_000);
    const { buildBatch: stopped } = await cb().send(new StopBuildBatchCommand({ id: buildBatch!.id! }));
    assert.equal(stopped!.buildBatchStatus, 'STOPPED');
    assert.equal(stopped!.phases!.at(-1)!.phaseType, 'STOPPED');
    assert.equal(groups(stopped!).lint, 'STOPPED');
    await rejectsWith(cb().send(new StartBuildBatchCommand({ projectName: 'plain' })), 'InvalidInputException');
    await rejectsWith(cb().send(new StopBuildBatchCommand({ id: 'graph:00000000-0000-0000-0000-000000000000' })), 'ResourceNotFoundException');
    const res = await cb().send(new BatchGetBuildBatchesCommand({ ids: ['graph:nope'] }));
    assert.deepEqual(res.buildBatchesNotFound, ['graph:nope']);
    await rejectsWith(cb().send(new ListBuildBatchesForProjectCommand({ projectName: 'graph', maxResults: 101 })), 'InvalidInputException');
  });
});
