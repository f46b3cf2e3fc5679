// CodeBuild BatchGetBuilds: builds started by pipeline actions, their phases as they progress, and
// where their logs are.
import assert from 'node:assert/strict';
import { BatchGetBuildsCommand } from '@aws-sdk/client-codebuild';
import { GetLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { startBuild } from '../../emulator/services/codebuild/index';
import { rejectsWith, sdkClients, useEmulator } from './core.helpers';

describe('emulator: CodeBuild BatchGetBuilds', function () {
  this.timeout(30_000);
  const fixture = useEmulator({ speed: 0 });

  const run = (projectName: string, succeed: boolean) => startBuild(fixture.emulator.state.codebuild, {
    accountId: '111111111111', region: 'us-east-1', projectName, succeed, initiator: 'codepipeline/test',
    sourceVersion: 'arn:aws:s3:::codepipeline-us-east-1-111111111111/test/SourceArti/abc1234', resolvedSourceVersion: 'f'.repeat(40),
  });

  it('reports the current phase while a build runs, then every phase with durations', async () => {
    const { build } = run('storefront-web-build', true);
    const get = async () => (await fixture.clients.codebuild.send(new BatchGetBuildsCommand({ ids: [build.id] }))).builds![0]!;
    let b = await get();
    assert.equal(b.buildStatus, 'IN_PROGRESS');
    assert.equal(b.currentPhase, 'SUBMITTED');
    assert.equal(b.buildComplete, false);
    fixture.emulator.clock.advance(20_000);
    b = await get();
    assert.ok(['DOWNLOAD_SOURCE', 'INSTALL', 'PROVISIONING'].includes(b.currentPhase!), b.currentPhase);
    const current = b.phases!.at(-1)!;
    assert.equal(current.phaseStatus, undefined);
    assert.equal(current.endTime, undefined);
    fixture.emulator.clock.advance(10 * 60_000);
    b = await get();
    assert.equal(b.buildStatus, 'SUCCEEDED');
    assert.equal(b.currentPhase, 'COMPLETED');
    assert.equal(b.buildComplete, true);
    assert.deepEqual(b.phases!.map((p) => p.phaseType), [
      'SUBMITTED', 'QUEUED', 'PROVISIONING', 'DOWNLOAD_SOURCE', 'INSTALL', 'PRE_BUILD', 'BUILD', 'POST_BUILD', 'UPLOAD_ARTIFACTS', 'FINALIZING', 'COMPLETED',
    ]);
    for (const p of b.phases!.slice(0, -1)) {
      assert.equal(p.phaseStatus, 'SUCCEEDED');
      assert.ok(p.startTime instanceof Date && p.endTime instanceof Date);
      assert.equal(p.durationInSeconds, Math.round((p.endTime.getTime() - p.startTime.getTime()) / 1000));
    }
    assert.match(b.id!, /^storefront-web-build:[0-9a-f-]{36}$/);
    assert.equal(b.arn, `arn:aws:codebuild:us-east-1:111111111111:build/${b.id}`);
    assert.equal(b.resolvedSourceVersion, 'f'.repeat(40));
    assert.equal(b.logs!.groupName, '/aws/codebuild/storefront-web-build');
    assert.equal(b.logs!.streamName, b.id!.split(':')[1]);
    assert.equal(b.logs!.deepLink, `https://console.aws.amazon.com/cloudwatch/home?region=us-east-1#logEvent:group=/aws/codebuild/storefront-web-build;stream=${b.logs!.streamName}`);
    assert.match(b.source!.buildspec!, /^version: 0\.2/);
    assert.equal(b.environment!.computeType, 'BUILD_GENERAL1_MEDIUM');
  });

  it('marks the failing phase with COMMAND_EXECUTION_ERROR and still runs POST_BUILD', async () => {
    const { build } = run('payments-api-unit-tests', false);
    fixture.emulator.clock.advance(10 * 60_000);
    const b = (await fixture.clients.codebuild.send(new BatchGetBuildsCommand({ ids: [build.arn] }))).builds![0]!;
    assert.equal(b.buildStatus, 'FAILED');
    const phase = (t: string) => b.phases!.find((p) => p.phaseType === t)!;
    assert.equal(phase('BUILD').phaseStatus, 'FAILED');
    assert.deepEqual(phase('BUILD').contexts, [{ statusCode: 'COMMAND_EXECUTION_ERROR', message: 'Error while executing command: npm test. Reason: exit status 2' }]);
    assert.equal(phase('POST_BUILD').phaseStatus, 'SUCCEEDED');
    const log = await fixture.clients.logs.send(new GetLogEventsCommand({ logGroupName: b.logs!.groupName, logStreamName: b.logs!.streamName, startFromHead: true }));
    const lines = log.events!.map((e) => e.message!);
    const entering = lines.filter((l) => / Entering phase /.test(l)).map((l) => l.replace(/^.* Entering phase /, ''));
    assert.deepEqual(entering, ['INSTALL', 'PRE_BUILD', 'BUILD', 'POST_BUILD']);
    assert.ok(lines.includes('npm error Lifecycle script `test` failed with error:'));
    assert.ok(lines.some((l) => l.includes('\u001b[31m  2 failing\u001b[0m')));
    const stamps = lines.filter((l) => l.startsWith('[Container] ')).map((l) => l.slice(12, 38));
    assert.deepEqual(stamps, [...stamps].sort(), 'container timestamps never go backwards');
    const times = log.events!.map((e) => e.timestamp!);
    assert.deepEqual(times, [...times].sort((x, y) => x - y));
  });

  it('puts unknown ids in buildsNotFound and validates the id list', async () => {
    const res = await fixture.clients.codebuild.send(new BatchGetBuildsCommand({ ids: ['nope:00000000-0000-0000-0000-000000000000'] }));
    assert.deepEqual(res.builds, []);
    assert.deepEqual(res.buildsNotFound, ['nope:00000000-0000-0000-0000-000000000000']);
    await rejectsWith(fixture.clients.codebuild.send(new BatchGetBuildsCommand({ ids: [] })), 'InvalidInputException');
    await rejectsWith(fixture.clients.codebuild.send(new BatchGetBuildsCommand({ ids: Array.from({ length: 101 }, (_, i) => `p:${i}`) })), 'InvalidInputException');
  });

  it('keeps builds regional', async () => {
    const { build } = run('regional-build', true);
    const other = sdkClients(fixture.emulator, 'main', 'eu-west-1');
    try {
      const res = await other.codebuild.send(new BatchGetBuildsCommand({ ids: [build.id] }));
      assert.deepEqual(res.buildsNotFound, [build.id]);
    } finally {
      other.destroy();
    }
  });
});
