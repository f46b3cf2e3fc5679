// CodePipeline operations on the demo account through the real SDK: shapes, pagination, modeled
// errors and validation as in the Smithy model (CodePipeline 2015-07-09).
import assert from 'node:assert/strict';
import {
  DisableStageTransitionCommand, EnableStageTransitionCommand, GetPipelineCommand, GetPipelineExecutionCommand,
  GetPipelineStateCommand, ListActionExecutionsCommand, ListPipelineExecutionsCommand, ListPipelinesCommand,
  paginateListPipelineExecutions, paginateListPipelines, PutApprovalResultCommand, RetryStageExecutionCommand,
  StopPipelineExecutionCommand,
} from '@aws-sdk/client-codepipeline';
import { jsonCall, rejectsWith, useEmulator } from './core.helpers';

const DEMO = [
  'analytics-dashboard', 'auth-service', 'data-lake-etl', 'docs-site', 'infra-networking', 'inventory-sync', 'legacy-billing',
  'ml-feature-store', 'mobile-backend', 'orders-service-release', 'payments-api', 'storefront-web',
];

describe('emulator: CodePipeline API (demo account, real SDK over HTTP)', function () {
  this.timeout(30_000);
  const fixture = useEmulator({ seed: { dataset: 'demo' }, speed: 0 });

  it('lists the demo pipelines in name order, with V1/V2 types and execution modes', async () => {
    const { pipelines, nextToken } = await fixture.clients.codepipeline.send(new ListPipelinesCommand({}));
    assert.equal(nextToken, undefined);
    assert.deepEqual(pipelines!.map((p) => p.name), DEMO);
    const byName = new Map(pipelines!.map((p) => [p.name, p]));
    assert.equal(byName.get('storefront-web')!.pipelineType, 'V2');
    assert.equal(byName.get('storefront-web')!.executionMode, 'QUEUED');
    assert.equal(byName.get('mobile-backend')!.executionMode, 'PARALLEL');
    assert.equal(byName.get('payments-api')!.pipelineType, 'V1');
    assert.equal(byName.get('infra-networking')!.version, 3);
    assert.ok(byName.get('docs-site')!.created instanceof Date);
  });

  it('pages ListPipelines with nextToken and rejects a bad token or an out-of-range maxResults', async () => {
    const names: string[] = [];
    let pages = 0;
    for await (const page of paginateListPipelines({ client: fixture.clients.codepipeline, pageSize: 5 }, {})) {
      pages++;
      names.push(...page.pipelines!.map((p) => p.name!));
    }
    assert.equal(pages, 3);
    assert.deepEqual(names, DEMO);
    await rejectsWith(fixture.clients.codepipeline.send(new ListPipelinesCommand({ nextToken: 'not-a-token' })), 'InvalidNextTokenException');
    const err = await rejectsWith(fixture.clients.codepipeline.send(new ListPipelinesCommand({ maxResults: 1001 })), 'ValidationException');
    assert.equal(err.message, "1 validation error detected: Value '1001' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 1000");
  });

  it('sends timestamps as epoch seconds (JSON numbers)', async () => {
    const res = await jsonCall(fixture.emulator.url, 'CodePipeline_20150709.ListPipelines', { maxResults: 1 });
    const body = JSON.parse(res.body) as { pipelines: { created: unknown }[] };
    const created = body.pipelines[0]!.created;
    assert.equal(typeof created, 'number');
    assert.ok((created as number) > 1.5e9 && (created as number) < 1e10);
  });

  it('gets a declaration (any version) with its metadata; unknown names and versions are modeled errors', async () => {
    const res = await fixture.clients.codepipeline.send(new GetPipelineCommand({ name: 'data-lake-etl' }));
    const decl = res.pipeline!;
    assert.equal(decl.version, 1);
    assert.deepEqual(decl.stages!.map((s) => s.name), ['Source', 'Test', 'Deploy']);
    const deploy = decl.stages![2]!.actions!;
    assert.equal(deploy.find((a) => a.name === 'Deploy-eu-west-1')!.region, 'eu-west-1');
    assert.deepEqual(Object.keys(decl.artifactStores!).sort(), ['eu-west-1', 'us-east-1']);
    assert.equal(res.metadata!.pipelineArn, 'arn:aws:codepipeline:us-east-1:111111111111:data-lake-etl');
    const v1 = await fixture.clients.codepipeline.send(new GetPipelineCommand({ name: 'infra-networking', version: 1 }));
    assert.equal(v1.pipeline!.pipelineType, 'V1');
    await rejectsWith(fixture.clients.codepipeline.send(new GetPipelineCommand({ name: 'infra-networking', version: 9 })), 'PipelineVersionNotFoundException');
    const missing = await rejectsWith(fixture.clients.codepipeline.send(new GetPipelineCommand({ name: 'nope' })), 'PipelineNotFoundException', 400);
    assert.equal(missing.message, "Account '111111111111' does not have a pipeline with name 'nope'");
    await rejectsWith(fixture.clients.codepipeline.send(new GetPipelineCommand({ name: 'bad name!' })), 'ValidationException');
  });

  it('shows the state of every stage: running, failed with error details, waiting for approval, held, stopped', async () => {
    const running = await fixture.clients.codepipeline.send(new GetPipelineStateCommand({ name: 'storefront-web' }));
    assert.equal(running.pipelineName, 'storefront-web');
    assert.ok(running.stageStates!.some((s) => s.latestExecution?.status === 'InProgress'));
    assert.equal(running.stageStates![0]!.inboundTransitionState, undefined);
    assert.equal(running.stageStates![1]!.inboundTransitionState!.enabled, true);
    const source = running.stageStates![0]!.actionStates![0]!;
    assert.match(source.currentRevision!.revisionId!, /^[0-9a-f]{40}$/);
    assert.equal(source.entityUrl, 'https://github.com/acme-retail/storefront-web/tree/main');

    const failed = await fixture.clients.codepipeline.send(new GetPipelineStateCommand({ name: 'payments-api' }));
    const tests = failed.stageStates![1]!.actionStates![0]!.latestExecution!;
    assert.equal(tests.status, 'Failed');
    assert.match(tests.errorDetails!.message!, /Error while executing command: npm test\. Reason: exit status 2/);
    assert.match(tests.externalExecutionUrl!, /codebuild/);

    const approval = await fixture.clients.codepipeline.send(new GetPipelineStateCommand({ name: 'orders-service-release' }));
    assert.match(approval.stageStates![3]!.actionStates![0]!.latestExecution!.token!, /^[0-9a-f-]{36}$/);

    const held = await fixture.clients.codepipeline.send(new GetPipelineStateCommand({ name: 'legacy-billing' }));
    const deploy = held.stageStates![2]!;
    assert.equal(deploy.inboundTransitionState!.enabled, false);
    assert.equal(deploy.inboundTransitionState!.disabledReason, 'Frozen for quarter-end close (FIN-2291)');
    assert.ok(deploy.inboundExecution!.pipelineExecutionId);

    const stopped = await fixture.clients.codepipeline.send(new GetPipelineStateCommand({ name: 'auth-service' }));
    assert.equal(stopped.stageStates![1]!.latestExecution!.status, 'Stopped');
    assert.equal(stopped.stageStates![1]!.actionStates![0]!.latestExecution!.status, 'Abandoned');
    await rejectsWith(fixture.clients.codepipeline.send(new GetPipelineStateCommand({ name: 'nope' })), 'PipelineNotFoundException');
  });

  it('lists executions newest first with source revisions and triggers, paged, and filtered by stage', async () => {
    const summaries = [];
    for await (const page of paginateListPipelineExecutions({ client: fixture.clients.codepipeline, pageSize: 10 }, { pipelineName: 'storefront-web' })) {
      summaries.push(...page.pipelineExecutionSummaries!);
    }
    assert.ok(summaries.length >= 20, `storefront-web has ${summaries.length} executions`);
    assert.equal(summaries[0]!.status, 'InProgress');
    const starts = summaries.map((s) => s.startTime!.getTime());
    assert.deepEqual(starts, [...starts].sort((a, b) => b - a));
    const rev = summaries[0]!.sourceRevisions![0]!;
    assert.equal(rev.actionName, 'Source');
    assert.deepEqual(JSON.parse(rev.revisionSummary!), { ProviderType: 'GitHub', CommitMessage: 'Add express checkout to the cart page\n\nShows Apple Pay and Google Pay buttons when the browser supports them.' });
    assert.match(rev.revisionUrl!, /referenceType=COMMIT/);
    assert.equal(summaries[0]!.trigger!.triggerType, 'WebhookV2');

    const page = await fixture.clients.codepipeline.send(new ListPipelineExecutionsCommand({ pipelineName: 'payments-api', maxResults: 3 }));
    assert.equal(page.pipelineExecutionSummaries!.length, 3);
    assert.ok(page.nextToken);
    const next = await fixture.clients.codepipeline.send(new ListPipelineExecutionsCommand({ pipelineName: 'payments-api', maxResults: 3, nextToken: page.nextToken }));
    assert.notEqual(next.pipelineExecutionSummaries![0]!.pipelineExecutionId, page.pipelineExecutionSummaries![0]!.pipelineExecutionId);
    await rejectsWith(fixture.clients.codepipeline.send(new ListPipelineExecutionsCommand({ pipelineName: 'payments-api', nextToken: page.nextToken, maxResults: 3, filter: { succeededInStage: { stageName: 'Build' } } })),
      'InvalidNextTokenException');
    await rejectsWith(fixture.clients.codepipeline.send(new ListPipelineExecutionsCommand({ pipelineName: 'payments-api', maxResults: 101 })), 'ValidationException');

    const built = await fixture.clients.codepipeline.send(new ListPipelineExecutionsCommand({ pipelineName: 'payments-api', filter: { succeededInStage: { stageName: 'Build' } } }));
    assert.ok(built.pipelineExecutionSummaries!.length > 0);
    const latestFailedInBuild = page.pipelineExecutionSummaries![0]!;
    assert.equal(latestFailedInBuild.status, 'Failed');
    assert.ok(!built.pipelineExecutionSummaries!.some((s) => s.pipelineExecutionId === latestFailedInBuild.pipelineExecutionId));
    const superseded = await fixture.clients.codepipeline.send(new ListPipelineExecutionsCommand({ pipelineName: 'inventory-sync' }));
    assert.ok(superseded.pipelineExecutionSummaries!.some((s) => s.status === 'Superseded'));
  });

  it('gets one execution with artifact revisions and variables; unknown ids are PipelineExecutionNotFoundException', async () => {
    const [latest] = (await fixture.clients.codepipeline.send(new ListPipelineExecutionsCommand({ pipelineName: 'mobile-backend', maxResults: 2 }))).pipelineExecutionSummaries!;
    const exec = (await fixture.clients.codepipeline.send(new GetPipelineExecutionCommand({ pipelineName: 'mobile-backend', pipelineExecutionId: latest!.pipelineExecutionId }))).pipelineExecution!;
    assert.equal(exec.pipelineName, 'mobile-backend');
    assert.equal(exec.artifactRevisions![0]!.name, 'SourceArtifact');
    assert.ok(exec.artifactRevisions![0]!.created instanceof Date);
    assert.deepEqual(exec.variables!.map((v) => v.name), ['DEPLOY_ENV', 'IMAGE_TAG']);
    assert.equal(exec.executionType, 'STANDARD');
    await rejectsWith(fixture.clients.codepipeline.send(new GetPipelineExecutionCommand({ pipelineName: 'mobile-backend', pipelineExecutionId: '00000000-0000-4000-8000-000000000000' })),
      'PipelineExecutionNotFoundException');
    await rejectsWith(fixture.clients.codepipeline.send(new GetPipelineExecutionCommand({ pipelineName: 'mobile-backend', pipelineExecutionId: 'not-a-uuid' })), 'ValidationException');
  });

  it('lists action executions with inputs and outputs, paged, and per execution', async () => {
    const first = await fixture.clients.codepipeline.send(new ListActionExecutionsCommand({ pipelineName: 'data-lake-etl', maxResults: 4 }));
    assert.equal(first.actionExecutionDetails!.length, 4);
    assert.ok(first.nextToken);
    const second = await fixture.clients.codepipeline.send(new ListActionExecutionsCommand({ pipelineName: 'data-lake-etl', maxResults: 4, nextToken: first.nextToken }));
    const ids = new Set([...first.actionExecutionDetails!, ...second.actionExecutionDetails!].map((a) => a.actionExecutionId));
    assert.equal(ids.size, 8);
    const crossRegion = first.actionExecutionDetails!.concat(second.actionExecutionDetails!).find((a) => a.actionName === 'Smoke-eu-west-1');
    assert.ok(crossRegion, 'the cross-region CodeBuild action ran');
    assert.equal(crossRegion.input!.region, 'eu-west-1');
    assert.match(crossRegion.output!.executionResult!.logStreamARN!, /^arn:aws:logs:eu-west-1:/);

    const execId = first.actionExecutionDetails![0]!.pipelineExecutionId!;
    const one = await fixture.clients.codepipeline.send(new ListActionExecutionsCommand({ pipelineName: 'data-lake-etl', filter: { pipelineExecutionId: execId } }));
    assert.ok(one.actionExecutionDetails!.every((a) => a.pipelineExecutionId === execId));
    assert.equal(one.actionExecutionDetails!.at(-1)!.input!.actionTypeId!.provider, 'CodeStarSourceConnection');
    await rejectsWith(fixture.clients.codepipeline.send(new ListActionExecutionsCommand({ pipelineName: 'data-lake-etl', filter: { pipelineExecutionId: '00000000-0000-4000-8000-000000000000' } })),
      'PipelineExecutionNotFoundException');
  });

  it('validates transitions: unknown stage, the first stage, the reason pattern', async () => {
    await rejectsWith(fixture.clients.codepipeline.send(new DisableStageTransitionCommand({ pipelineName: 'docs-site', stageName: 'Nope', transitionType: 'Inbound', reason: 'x' })), 'StageNotFoundException');
    await rejectsWith(fixture.clients.codepipeline.send(new DisableStageTransitionCommand({ pipelineName: 'docs-site', stageName: 'Source', transitionType: 'Inbound', reason: 'x' })), 'ValidationException');
    await rejectsWith(fixture.clients.codepipeline.send(new DisableStageTransitionCommand({ pipelineName: 'docs-site', stageName: 'Deploy', transitionType: 'Outbound', reason: 'x' })), 'ValidationException');
    const err = await rejectsWith(fixture.clients.codepipeline.send(new DisableStageTransitionCommand({ pipelineName: 'docs-site', stageName: 'Build', transitionType: 'Inbound', reason: 'no #hash, allowed' })), 'ValidationException');
    assert.match(err.message, /at 'reason' failed to satisfy constraint: Member must satisfy regular expression pattern/);
    await fixture.clients.codepipeline.send(new DisableStageTransitionCommand({ pipelineName: 'docs-site', stageName: 'Source', transitionType: 'Outbound', reason: 'Docs freeze' }));
    const state = await fixture.clients.codepipeline.send(new GetPipelineStateCommand({ name: 'docs-site' }));
    assert.equal(state.stageStates![1]!.inboundTransitionState!.enabled, false);
    await fixture.clients.codepipeline.send(new EnableStageTransitionCommand({ pipelineName: 'docs-site', stageName: 'Build', transitionType: 'Inbound' }));
    assert.equal((await fixture.clients.codepipeline.send(new GetPipelineStateCommand({ name: 'docs-site' }))).stageStates![1]!.inboundTransitionState!.enabled, true);
  });

  it('reports missing required members like the service', async () => {
    const res = await jsonCall(fixture.emulator.url, 'CodePipeline_20150709.PutApprovalResult', { pipelineName: 'x', stageName: 'y' });
    const body = JSON.parse(res.body) as { __type: string; message: string };
    assert.equal(res.status, 400);
    assert.equal(body.__type, 'ValidationException');
    assert.match(body.message, /^3 validation errors detected: Value null at 'actionName' failed to satisfy constraint: Member must not be null; /);
    const wrongType = await jsonCall(fixture.emulator.url, 'CodePipeline_20150709.ListPipelines', { maxResults: 'ten' });
    assert.equal((JSON.parse(wrongType.body) as { __type: string }).__type, 'SerializationException');
  });

  it('answers the mutating operations with modeled errors for bad targets', async () => {
    await rejectsWith(fixture.clients.codepipeline.send(new StopPipelineExecutionCommand({ pipelineName: 'docs-site', pipelineExecutionId: '00000000-0000-4000-8000-000000000000' })),
      'PipelineExecutionNotStoppableException');
    await rejectsWith(fixture.clients.codepipeline.send(new RetryStageExecutionCommand({ pipelineName: 'nope', stageName: 'Build', pipelineExecutionId: '00000000-0000-4000-8000-000000000000', retryMode: 'FAILED_ACTIONS' })),
      'PipelineNotFoundException');
    await rejectsWith(fixture.clients.codepipeline.send(new PutApprovalResultCommand({ pipelineName: 'orders-service-release', stageName: 'Approval', actionName: 'ProductionSignOff', token: 'bad', result: { summary: 's', status: 'Approved' } })),
      'ValidationException');
  });
});
