// The demo account is what a newcomer sees: check that it has everything the issue asks for.
import assert from 'node:assert/strict';
import { GetLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import {
  BatchGetBuildBatchesCommand, BatchGetBuildsCommand, BatchGetProjectsCommand, ListBuildBatchesForProjectCommand, ListBuildsForProjectCommand,
  ListProjectsCommand, ListReportGroupsCommand,
} from '@aws-sdk/client-codebuild';
import {
  GetPipelineCommand, GetPipelineStateCommand, ListPipelineExecutionsCommand, ListPipelinesCommand,
} from '@aws-sdk/client-codepipeline';
import { sdkClients, useEmulator } from './core.helpers';

const HEAD = '3f9c2a7e5b1d4c8a9e6f0b2d4a6c8e0f1a3b5c7d';

describe('emulator: demo dataset', function () {
  this.timeout(30_000);
  const fixture = useEmulator({ seed: { dataset: 'demo', demoHeadCommit: HEAD }, speed: 0 });

  const latest = async (name: string) =>
    (await fixture.clients.codepipeline.send(new ListPipelineExecutionsCommand({ pipelineName: name, maxResults: 1 }))).pipelineExecutionSummaries![0]!;

  it('has about a dozen pipelines, V1 and V2, in every execution mode, many with 20+ past executions', async () => {
    const { pipelines } = await fixture.clients.codepipeline.send(new ListPipelinesCommand({}));
    assert.equal(pipelines!.length, 12);
    assert.deepEqual(new Set(pipelines!.map((p) => p.pipelineType)), new Set(['V1', 'V2']));
    assert.deepEqual(new Set(pipelines!.map((p) => p.executionMode)), new Set(['SUPERSEDED', 'QUEUED', 'PARALLEL']));
    let withHistory = 0;
    for (const p of pipelines!) {
      const page = await fixture.clients.codepipeline.send(new ListPipelineExecutionsCommand({ pipelineName: p.name!, maxResults: 20 }));
      if (page.pipelineExecutionSummaries!.length === 20 && page.nextToken) withHistory++;
    }
    assert.ok(withHistory >= 5, `${withHistory} pipelines have more than one page of 20 executions`);
  });

  it('matches the workspace HEAD: storefront-web runs the configured commit', async () => {
    const run = await latest('storefront-web');
    assert.equal(run.status, 'InProgress');
    assert.equal(run.sourceRevisions![0]!.revisionId, HEAD);
  });

  it('has a failed pipeline whose CodeBuild logs show the failing npm test', async () => {
    const state = await fixture.clients.codepipeline.send(new GetPipelineStateCommand({ name: 'payments-api' }));
    const action = state.stageStates![1]!.actionStates![0]!.latestExecution!;
    assert.equal(action.status, 'Failed');
    const { builds } = await fixture.clients.codebuild.send(new BatchGetBuildsCommand({ ids: [action.externalExecutionId!] }));
    const log = await fixture.clients.logs.send(new GetLogEventsCommand({ logGroupName: builds![0]!.logs!.groupName, logStreamName: builds![0]!.logs!.streamName, startFromHead: true }));
    const text = log.events!.map((e) => e.message).join('\n');
    assert.match(text, /Running command npm test/);
    assert.match(text, /rejects a refund larger than the charge/);
    assert.match(text, /Phase complete: BUILD State: FAILED/);
  });

  it('has an approval waiting, a transition disabled with an execution held, a stopped run, a cross-region action', async () => {
    const orders = await fixture.clients.codepipeline.send(new GetPipelineStateCommand({ name: 'orders-service-release' }));
    assert.ok(orders.stageStates!.find((s) => s.stageName === 'Approval')!.actionStates![0]!.latestExecution!.token);
    const billing = await fixture.clients.codepipeline.send(new GetPipelineStateCommand({ name: 'legacy-billing' }));
    assert.equal(billing.stageStates![2]!.inboundTransitionState!.enabled, false);
    assert.ok(billing.stageStates![2]!.inboundExecution);
    assert.equal((await latest('auth-service')).status, 'Stopped');
    const etl = await fixture.clients.codepipeline.send(new GetPipelineCommand({ name: 'data-lake-etl' }));
    assert.ok(etl.pipeline!.stages!.some((s) => s.actions!.some((a) => a.region && a.region !== 'us-east-1')));
  });

  it('has pipelines in the prod account (eu-west-1) and none there for the main account', async () => {
    const prod = sdkClients(fixture.emulator, 'prod', 'eu-west-1');
    const mainEu = sdkClients(fixture.emulator, 'main', 'eu-west-1');
    try {
      const { pipelines } = await prod.codepipeline.send(new ListPipelinesCommand({}));
      assert.deepEqual(pipelines!.map((p) => p.name), ['payments-api-eu', 'storefront-web-eu']);
      assert.deepEqual((await mainEu.codepipeline.send(new ListPipelinesCommand({}))).pipelines, []);
    } finally {
      prod.destroy();
      mainEu.destroy();
    }
  });

  it('has a V2 pipeline blocked by a failing entry condition, with an automated and a manual rollback', async () => {
    const state = await fixture.clients.codepipeline.send(new GetPipelineStateCommand({ name: 'infra-networking' }));
    const deploy = state.stageStates!.find((s) => s.stageName === 'Deploy')!;
    assert.equal(deploy.latestExecution!.status, 'Failed');
    assert.equal(deploy.beforeEntryConditionState!.latestExecution!.status, 'Failed');
    assert.match(deploy.beforeEntryConditionState!.latestExecution!.summary!, /Alarm shared-vpc-nat-errors is in state ALARM/);
    assert.ok(deploy.onSuccessConditionState!.conditionStates![0]!.ruleStates![0]!.latestExecution, 'the success condition has run before');
    const runs = (await fixture.clients.codepipeline.send(new ListPipelineExecutionsCommand({ pipelineName: 'infra-networking' }))).pipelineExecutionSummaries!;
    assert.equal(runs[0]!.pipelineExecutionId, deploy.latestExecution!.pipelineExecutionId);
    assert.deepEqual(runs.filter((r) => r.executionType === 'ROLLBACK').map((r) => r.trigger!.triggerType).sort(), ['AutomatedRollback', 'ManualRollback']);
    const pr = runs.find((r) => r.sourceRevisions![0]!.revisionSummary!.includes('"PullRequestId"'))!;
    assert.equal(pr.trigger!.triggerType, 'WebhookV2');
    assert.equal(pr.status, 'Failed', 'the pull request is not from main, so the VariableCheck rule blocks it');
  });

  it('has a PARALLEL pipeline with two executions in flight in different stages', async () => {
    const runs = (await fixture.clients.codepipeline.send(new ListPipelineExecutionsCommand({ pipelineName: 'ml-feature-store', maxResults: 3 }))).pipelineExecutionSummaries!;
    assert.deepEqual(runs.slice(0, 2).map((r) => r.status), ['InProgress', 'InProgress']);
    const state = await fixture.clients.codepipeline.send(new GetPipelineStateCommand({ name: 'ml-feature-store' }));
    const inProgress = state.stageStates!.filter((s) => s.latestExecution?.status === 'InProgress').map((s) => s.latestExecution!.pipelineExecutionId);
    assert.deepEqual(new Set(inProgress), new Set(runs.slice(0, 2).map((r) => r.pipelineExecutionId)));
  });

  it('has standalone CodeBuild projects: webhooks, a build graph and a matrix batch, a runner fleet, a scheduled job, a build running now', async () => {
    const { projects: names } = await fixture.clients.codebuild.send(new ListProjectsCommand({}));
    for (const n of ['orders-api-unit-tests', 'storefront-web-e2e', 'sdk-compat-matrix', 'gha-runner-linux', 'nightly-db-backup', 'payments-api-integration', 'payments-api-unit-tests']) {
      assert.ok(names!.includes(n), n);
    }
    const { projects } = await fixture.clients.codebuild.send(new BatchGetProjectsCommand({ names: ['gha-runner-linux', 'nightly-db-backup'] }));
    assert.match(projects![0]!.environment!.fleet!.fleetArn!, /:fleet\/linux-large:/);
    assert.equal(projects![1]!.source!.type, 'NO_SOURCE');
    const batches = await fixture.clients.codebuild.send(new ListBuildBatchesForProjectCommand({ projectName: 'storefront-web-e2e' }));
    const [latest] = (await fixture.clients.codebuild.send(new BatchGetBuildBatchesCommand({ ids: batches.ids! }))).buildBatches!;
    assert.equal(latest!.buildBatchStatus, 'FAILED');
    const running = (await fixture.clients.codebuild.send(new ListBuildsForProjectCommand({ projectName: 'payments-api-integration' }))).ids![0]!;
    assert.equal((await fixture.clients.codebuild.send(new BatchGetBuildsCommand({ ids: [running] }))).builds![0]!.buildStatus, 'IN_PROGRESS');
    const { reportGroups } = await fixture.clients.codebuild.send(new ListReportGroupsCommand({}));
    assert.equal(reportGroups!.length, 2);
  });

  it('finishes the running execution within minutes, then starts it again', async () => {
    const running = await latest('storefront-web');
    fixture.emulator.clock.advance(7 * 60_000);
    const after = await fixture.clients.codepipeline.send(new ListPipelineExecutionsCommand({ pipelineName: 'storefront-web', maxResults: 2 }));
    const [newest, previous] = after.pipelineExecutionSummaries!;
    assert.equal(previous!.pipelineExecutionId, running.pipelineExecutionId);
    assert.equal(previous!.status, 'Succeeded');
    assert.equal(newest!.status, 'InProgress');
    assert.equal(newest!.sourceRevisions![0]!.revisionId, HEAD);
  });

  it('streams application logs for Live Tail', async () => {
    const group = fixture.emulator.state.logs.region('111111111111', 'us-east-1').groups.get('/ecs/storefront-web')!;
    const before = [...group.streams.values()].reduce((n, s) => n + s.events.length, 0);
    fixture.emulator.clock.advance(60_000);
    const after = [...group.streams.values()].reduce((n, s) => n + s.events.length, 0);
    assert.ok(after > before);
  });
});
