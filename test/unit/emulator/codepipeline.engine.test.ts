// The execution engine over simulated time, observed through the real SDK: stages in order, CodeBuild
// builds with logs, approvals, retry, stop/abandon, supersede, QUEUED/PARALLEL, disabled transitions.
import assert from 'node:assert/strict';
import { BatchGetBuildsCommand } from '@aws-sdk/client-codebuild';
import { GetLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import {
  DisableStageTransitionCommand, EnableStageTransitionCommand, GetPipelineExecutionCommand, GetPipelineStateCommand,
  ListActionExecutionsCommand, ListPipelineExecutionsCommand, PutApprovalResultCommand, RetryStageExecutionCommand,
  StartPipelineExecutionCommand, StopPipelineExecutionCommand,
} from '@aws-sdk/client-codepipeline';
import type { ActionBehaviour, PipelineDeclaration } from '../../emulator/services/codepipeline/index';
import {
  codebuild, codecommitSource, codedeploy, manualApproval, pipeline, stage,
} from '../../emulator/services/codepipeline/seed/builders';
import { rejectsWith, useEmulator } from './core.helpers';

const MIN = 60_000;
const account = { accountId: '111111111111', region: 'us-east-1' };

function threeStage(name: string, extra: Partial<PipelineDeclaration> = {}): PipelineDeclaration {
  return pipeline(account, name, [
    stage('Source', codecommitSource(name)),
    stage('Build', codebuild('Build', `${name}-build`, { output: 'BuildArtifact' })),
    stage('Deploy', codedeploy('Deploy', name, `${name}-prod`)),
  ], extra);
}

describe('emulator: CodePipeline execution engine (simulated clock)', function () {
  this.timeout(30_000);
  const fixture = useEmulator({ speed: 0 });
  beforeEach(() => fixture.emulator.reset());

  const create = (decl: PipelineDeclaration, behaviours: Record<string, ActionBehaviour> = {}) =>
    fixture.emulator.state.codepipeline.region(account.accountId, account.region).create(decl, { behaviours });
  const start = async (name: string): Promise<string> =>
    (await fixture.clients.codepipeline.send(new StartPipelineExecutionCommand({ name }))).pipelineExecutionId!;
  const status = async (name: string, id: string) =>
    (await fixture.clients.codepipeline.send(new GetPipelineExecutionCommand({ pipelineName: name, pipelineExecutionId: id }))).pipelineExecution!.status;
  const state = (name: string) => fixture.clients.codepipeline.send(new GetPipelineStateCommand({ name }));
  const stageStatus = async (name: string) =>
    Object.fromEntries((await state(name)).stageStates!.map((s) => [s.stageName!, s.latestExecution?.status ?? '-']));

  it('runs stages in order, and a CodeBuild action creates a build whose logs stream into CloudWatch Logs', async () => {
    create(threeStage('web'));
    const id = await start('web');
    assert.equal(await status('web', id), 'InProgress');
    fixture.emulator.clock.advance(15_000);
    assert.deepEqual(await stageStatus('web'), { Source: 'Succeeded', Build: 'InProgress', Deploy: '-' });
    const building = (await state('web')).stageStates![1]!.actionStates![0]!.latestExecution!;
    assert.match(building.externalExecutionId!, /^web-build:[0-9a-f-]{36}$/);
    assert.match(building.logStreamARN!, /^arn:aws:logs:us-east-1:111111111111:log-group:\/aws\/codebuild\/web-build:log-stream:[0-9a-f-]{36}$/);

    fixture.emulator.clock.advance(30 * MIN);
    assert.equal(await status('web', id), 'Succeeded');
    assert.deepEqual(await stageStatus('web'), { Source: 'Succeeded', Build: 'Succeeded', Deploy: 'Succeeded' });
    const { builds } = await fixture.clients.codebuild.send(new BatchGetBuildsCommand({ ids: [building.externalExecutionId!] }));
    assert.equal(builds![0]!.buildStatus, 'SUCCEEDED');
    const events = await fixture.clients.logs.send(new GetLogEventsCommand({
      logGroupName: builds![0]!.logs!.groupName, logStreamName: builds![0]!.logs!.streamName, startFromHead: true,
    }));
    const text = events.events!.map((e) => e.message).join('\n');
    assert.match(text, /^\[Container\] \d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}\.\d{6} Entering phase INSTALL$/m);
    assert.match(text, /Phase complete: BUILD State: SUCCEEDED/);

    const actions = await fixture.clients.codepipeline.send(new ListActionExecutionsCommand({ pipelineName: 'web', filter: { pipelineExecutionId: id } }));
    assert.deepEqual(actions.actionExecutionDetails!.map((a) => `${a.stageName}/${a.actionName}:${a.status}`), [
      'Deploy/Deploy:Succeeded', 'Build/Build:Succeeded', 'Source/Source:Succeeded',
    ]);
    const source = actions.actionExecutionDetails![2]!;
    assert.equal(source.output!.outputVariables!.CommitId, source.output!.executionResult!.externalExecutionId);
  });

  it('fails the stage and the execution when a build fails, with the failing command in the logs', async () => {
    create(threeStage('api'), { Build: { outcomes: ['fail'] } });
    const id = await start('api');
    fixture.emulator.clock.advance(30 * MIN);
    assert.equal(await status('api', id), 'Failed');
    assert.deepEqual(await stageStatus('api'), { Source: 'Succeeded', Build: 'Failed', Deploy: '-' });
    const build = (await state('api')).stageStates![1]!.actionStates![0]!.latestExecution!;
    assert.equal(build.status, 'Failed');
    assert.equal(build.errorDetails!.code, 'JobFailed');
    assert.match(build.errorDetails!.message!, /Build terminated with state: FAILED\. Phase: BUILD, Code: COMMAND_EXECUTION_ERROR/);
    const { builds } = await fixture.clients.codebuild.send(new BatchGetBuildsCommand({ ids: [build.externalExecutionId!] }));
    const events = await fixture.clients.logs.send(new GetLogEventsCommand({ logGroupName: builds![0]!.logs!.groupName, logStreamName: builds![0]!.logs!.streamName, startFromHead: true }));
    const text = events.events!.map((e) => e.message).join('\n');
    assert.match(text, /Command did not exit successfully npm test exit status 2/);
    assert.match(text, /Phase complete: BUILD State: FAILED/);
    assert.ok(text.includes('\u001b[31m'), 'test output carries ANSI colours');
  });

  it('retries the failed actions of the latest execution; refuses stale or succeeded stages', async () => {
    create(threeStage('retry'), { Build: { outcomes: ['fail', 'succeed'] } });
    const first = await start('retry');
    fixture.emulator.clock.advance(30 * MIN);
    assert.equal(await status('retry', first), 'Failed');
    await rejectsWith(fixture.clients.codepipeline.send(new RetryStageExecutionCommand({ pipelineName: 'retry', stageName: 'Source', pipelineExecutionId: first, retryMode: 'FAILED_ACTIONS' })),
      'StageNotRetryableException');
    const res = await fixture.clients.codepipeline.send(new RetryStageExecutionCommand({ pipelineName: 'retry', stageName: 'Build', pipelineExecutionId: first, retryMode: 'FAILED_ACTIONS' }));
    assert.equal(res.pipelineExecutionId, first);
    assert.equal(await status('retry', first), 'InProgress');
    const meta = (await state('retry')).stageStates![1]!.retryStageMetadata;
    assert.deepEqual(meta, { manualStageRetryAttempt: 1, latestRetryTrigger: 'ManualStageRetry' });
    fixture.emulator.clock.advance(30 * MIN);
    assert.equal(await status('retry', first), 'Succeeded');
    const actions = await fixture.clients.codepipeline.send(new ListActionExecutionsCommand({ pipelineName: 'retry', filter: { pipelineExecutionId: first } }));
    assert.deepEqual(actions.actionExecutionDetails!.filter((a) => a.actionName === 'Build').map((a) => a.status), ['Succeeded', 'Failed']);
    const latest = await fixture.clients.codepipeline.send(new ListActionExecutionsCommand({
      pipelineName: 'retry', filter: { latestInPipelineExecution: { pipelineExecutionId: first, startTimeRange: 'Latest' } },
    }));
    assert.deepEqual(latest.actionExecutionDetails!.map((a) => `${a.actionName}:${a.status}`), ['Deploy:Succeeded', 'Build:Succeeded', 'Source:Succeeded']);

    fixture.emulator.state.codepipeline.region(account.accountId, account.region).require('retry').behaviours.set('Build', { outcomes: ['fail'] });
    const second = await start('retry');
    fixture.emulator.clock.advance(30 * MIN);
    assert.equal(await status('retry', second), 'Failed');
    await rejectsWith(fixture.clients.codepipeline.send(new RetryStageExecutionCommand({ pipelineName: 'retry', stageName: 'Build', pipelineExecutionId: first, retryMode: 'ALL_ACTIONS' })),
      'NotLatestPipelineExecutionException');
    await rejectsWith(fixture.clients.codepipeline.send(new RetryStageExecutionCommand({ pipelineName: 'retry', stageName: 'Nope', pipelineExecutionId: second, retryMode: 'ALL_ACTIONS' })),
      'StageNotFoundException');
  });

  it('waits for a manual approval; only the token GetPipelineState shows approves it', async () => {
    create(pipeline(account, 'release', [
      stage('Source', codecommitSource('release')),
      stage('Approval', manualApproval('SignOff', 'Check staging first')),
      stage('Deploy', codedeploy('Deploy', 'release', 'release-prod', 'SourceArtifact')),
    ]));
    const id = await start('release');
    fixture.emulator.clock.advance(2 * 3_600_000);
    assert.equal(await status('release', id), 'InProgress');
    const approval = (await state('release')).stageStates![1]!.actionStates![0]!.latestExecution!;
    assert.equal(approval.status, 'InProgress');
    assert.match(approval.token!, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    const put = (token: string, status: 'Approved' | 'Rejected' = 'Approved') => fixture.clients.codepipeline.send(new PutApprovalResultCommand({
      pipelineName: 'release', stageName: 'Approval', actionName: 'SignOff', token, result: { summary: 'LGTM', status },
    }));
    await rejectsWith(put('00000000-0000-4000-8000-000000000000'), 'InvalidApprovalTokenException');
    await rejectsWith(fixture.clients.codepipeline.send(new PutApprovalResultCommand({
      pipelineName: 'release', stageName: 'Approval', actionName: 'Nope', token: approval.token!, result: { summary: '', status: 'Approved' },
    })), 'ActionNotFoundException');
    const res = await put(approval.token!);
    assert.ok(res.approvedAt instanceof Date);
    const done = (await state('release')).stageStates![1]!.actionStates![0]!.latestExecution!;
    assert.equal(done.status, 'Succeeded');
    assert.equal(done.summary, 'LGTM');
    assert.equal(done.token, undefined);
    assert.equal(done.lastUpdatedBy, 'arn:aws:iam::111111111111:user/emulator-main');
    await rejectsWith(put(approval.token!), 'ApprovalAlreadyCompletedException');
    fixture.emulator.clock.advance(30 * MIN);
    assert.equal(await status('release', id), 'Succeeded');

    const second = await start('release');
    fixture.emulator.clock.advance(MIN);
    const token = (await state('release')).stageStates![1]!.actionStates![0]!.latestExecution!.token!;
    assert.notEqual(token, approval.token);
    await put(token, 'Rejected');
    assert.equal(await status('release', second), 'Failed');
  });

  it('stops and waits: Stopping until in-progress actions finish, then Stopped; a second stop is a duplicate', async () => {
    create(threeStage('stopwait'));
    const id = await start('stopwait');
    fixture.emulator.clock.advance(20_000);
    await fixture.clients.codepipeline.send(new StopPipelineExecutionCommand({ pipelineName: 'stopwait', pipelineExecutionId: id, reason: 'hotfix first' }));
    assert.equal(await status('stopwait', id), 'Stopping');
    await rejectsWith(fixture.clients.codepipeline.send(new StopPipelineExecutionCommand({ pipelineName: 'stopwait', pipelineExecutionId: id })), 'DuplicatedStopRequestException');
    fixture.emulator.clock.advance(30 * MIN);
    assert.equal(await status('stopwait', id), 'Stopped');
    assert.deepEqual(await stageStatus('stopwait'), { Source: 'Succeeded', Build: 'Stopped', Deploy: '-' });
    const build = (await state('stopwait')).stageStates![1]!.actionStates![0]!.latestExecution!;
    assert.equal(build.status, 'Succeeded', 'the build was allowed to finish');
    const summary = (await fixture.clients.codepipeline.send(new ListPipelineExecutionsCommand({ pipelineName: 'stopwait' }))).pipelineExecutionSummaries![0]!;
    assert.deepEqual(summary.stopTrigger, { reason: 'hotfix first' });
    await rejectsWith(fixture.clients.codepipeline.send(new StopPipelineExecutionCommand({ pipelineName: 'stopwait', pipelineExecutionId: id })), 'PipelineExecutionNotStoppableException');
  });

  it('stops and abandons: in-progress actions are abandoned and their build stopped at once', async () => {
    create(threeStage('abandon'));
    const id = await start('abandon');
    fixture.emulator.clock.advance(20_000);
    await fixture.clients.codepipeline.send(new StopPipelineExecutionCommand({ pipelineName: 'abandon', pipelineExecutionId: id, abandon: true }));
    assert.equal(await status('abandon', id), 'Stopped');
    const build = (await state('abandon')).stageStates![1]!.actionStates![0]!.latestExecution!;
    assert.equal(build.status, 'Abandoned');
    const { builds } = await fixture.clients.codebuild.send(new BatchGetBuildsCommand({ ids: [build.externalExecutionId!] }));
    assert.equal(builds![0]!.buildStatus, 'STOPPED');
    assert.equal(builds![0]!.currentPhase, 'COMPLETED');
  });

  it('SUPERSEDED: an execution waiting at a transition is superseded by a newer one', async () => {
    create(threeStage('sup'));
    const a = await start('sup');
    fixture.emulator.clock.advance(20_000);
    const b = await start('sup');
    fixture.emulator.clock.advance(20_000);
    const waiting = (await state('sup')).stageStates![1]!;
    assert.equal(waiting.inboundExecution!.pipelineExecutionId, b);
    assert.equal(waiting.latestExecution!.pipelineExecutionId, a);
    const cId = await start('sup');
    fixture.emulator.clock.advance(20_000);
    assert.equal(await status('sup', b), 'Superseded');
    assert.equal((await state('sup')).stageStates![1]!.inboundExecution!.pipelineExecutionId, cId);
    fixture.emulator.clock.advance(60 * MIN);
    assert.equal(await status('sup', a), 'Succeeded');
    assert.equal(await status('sup', cId), 'Succeeded');
  });

  it('QUEUED: waiting executions queue at the transition and all run, in order', async () => {
    create(threeStage('queue', { pipelineType: 'V2', executionMode: 'QUEUED' }));
    const ids = [await start('queue')];
    fixture.emulator.clock.advance(20_000);
    ids.push(await start('queue'));
    fixture.emulator.clock.advance(20_000);
    ids.push(await start('queue'));
    fixture.emulator.clock.advance(20_000);
    const build = (await state('queue')).stageStates![1]!;
    assert.deepEqual(build.inboundExecutions!.map((e) => e.pipelineExecutionId), [ids[1], ids[2]]);
    fixture.emulator.clock.advance(3 * 60 * MIN);
    for (const id of ids) assert.equal(await status('queue', id), 'Succeeded');
    const summaries = (await fixture.clients.codepipeline.send(new ListPipelineExecutionsCommand({ pipelineName: 'queue' }))).pipelineExecutionSummaries!;
    assert.deepEqual(summaries.map((s) => s.executionMode), ['QUEUED', 'QUEUED', 'QUEUED']);
  });

  it('PARALLEL: executions run the same stage at the same time', async () => {
    create(threeStage('par', { pipelineType: 'V2', executionMode: 'PARALLEL' }));
    const a = await start('par');
    const b = await start('par');
    fixture.emulator.clock.advance(20_000);
    const region = fixture.emulator.state.codebuild.region(account.accountId, account.region);
    const running = [...region.builds.values()].filter((x) => x.projectName === 'par-build' && x.buildStatus === 'IN_PROGRESS');
    assert.equal(running.length, 2);
    fixture.emulator.clock.advance(60 * MIN);
    assert.equal(await status('par', a), 'Succeeded');
    assert.equal(await status('par', b), 'Succeeded');
  });

  it('holds executions at a disabled transition until it is enabled again', async () => {
    create(threeStage('gate'));
    await fixture.clients.codepipeline.send(new DisableStageTransitionCommand({ pipelineName: 'gate', stageName: 'Deploy', transitionType: 'Inbound', reason: 'Change freeze (CAB-12)' }));
    const id = await start('gate');
    fixture.emulator.clock.advance(60 * MIN);
    assert.equal(await status('gate', id), 'InProgress');
    const deploy = (await state('gate')).stageStates![2]!;
    assert.equal(deploy.inboundTransitionState!.enabled, false);
    assert.equal(deploy.inboundTransitionState!.disabledReason, 'Change freeze (CAB-12)');
    assert.equal(deploy.inboundTransitionState!.lastChangedBy, 'arn:aws:iam::111111111111:user/emulator-main');
    assert.ok(deploy.inboundTransitionState!.lastChangedAt instanceof Date);
    assert.equal(deploy.inboundExecution!.pipelineExecutionId, id);
    await fixture.clients.codepipeline.send(new EnableStageTransitionCommand({ pipelineName: 'gate', stageName: 'Build', transitionType: 'Outbound' }));
    fixture.emulator.clock.advance(30 * MIN);
    assert.equal(await status('gate', id), 'Succeeded');
    assert.equal((await state('gate')).stageStates![2]!.inboundTransitionState!.enabled, true);
  });

  it('resolves V2 variables and source revision overrides; honours clientRequestToken', async () => {
    create(pipeline(account, 'vars', [
      stage('Source', codecommitSource('vars')),
      stage('Build', codebuild('Build', 'vars-build', { env: [{ name: 'TARGET', value: '#{variables.TARGET}' }] })),
    ], { pipelineType: 'V2', executionMode: 'QUEUED', variables: [{ name: 'TARGET', defaultValue: 'staging' }, { name: 'REQUIRED' }] }));
    await rejectsWith(fixture.clients.codepipeline.send(new StartPipelineExecutionCommand({ name: 'vars' })), 'ValidationException');
    await rejectsWith(fixture.clients.codepipeline.send(new StartPipelineExecutionCommand({ name: 'vars', variables: [{ name: 'UNKNOWN', value: 'x' }, { name: 'REQUIRED', value: 'y' }] })),
      'ValidationException');
    const commit = 'c0ffee0000000000000000000000000000000001';
    const { pipelineExecutionId: id } = await fixture.clients.codepipeline.send(new StartPipelineExecutionCommand({
      name: 'vars', clientRequestToken: 'deploy-42',
      variables: [{ name: 'TARGET', value: 'production' }, { name: 'REQUIRED', value: 'yes' }],
      sourceRevisions: [{ actionName: 'Source', revisionType: 'COMMIT_ID', revisionValue: commit }],
    }));
    const again = await fixture.clients.codepipeline.send(new StartPipelineExecutionCommand({ name: 'vars', clientRequestToken: 'deploy-42', variables: [{ name: 'REQUIRED', value: 'yes' }] }));
    assert.equal(again.pipelineExecutionId, id);
    const exec = (await fixture.clients.codepipeline.send(new GetPipelineExecutionCommand({ pipelineName: 'vars', pipelineExecutionId: id }))).pipelineExecution!;
    assert.deepEqual(exec.variables, [{ name: 'TARGET', resolvedValue: 'production' }, { name: 'REQUIRED', resolvedValue: 'yes' }]);
    assert.equal(exec.artifactRevisions![0]!.revisionId, commit);
    assert.equal(exec.trigger!.triggerType, 'StartPipelineExecution');
    fixture.emulator.clock.advance(30 * MIN);
    const build = (await fixture.clients.codepipeline.send(new ListActionExecutionsCommand({ pipelineName: 'vars', filter: { pipelineExecutionId: id } })))
      .actionExecutionDetails!.find((a) => a.actionName === 'Build')!;
    assert.equal(build.input!.resolvedConfiguration!.EnvironmentVariables, '[{"name":"TARGET","value":"production","type":"PLAINTEXT"}]');
    await rejectsWith(fixture.clients.codepipeline.send(new StartPipelineExecutionCommand({
      name: 'vars', variables: [{ name: 'REQUIRED', value: 'y' }], sourceRevisions: [{ actionName: 'Source', revisionType: 'IMAGE_DIGEST', revisionValue: 'sha256:00' }],
    })), 'ValidationException');
    create(threeStage('v1'));
    await rejectsWith(fixture.clients.codepipeline.send(new StartPipelineExecutionCommand({ name: 'v1', variables: [{ name: 'A', value: 'b' }] })), 'ValidationException');
  });

  it('limits concurrent executions of PARALLEL pipelines', async () => {
    create(threeStage('many', { pipelineType: 'V2', executionMode: 'PARALLEL' }));
    for (let i = 0; i < 50; i++) await start('many');
    await rejectsWith(start('many'), 'ConcurrentPipelineExecutionsLimitExceededException');
  });
});
