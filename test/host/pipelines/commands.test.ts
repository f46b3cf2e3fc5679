// Every pipeline command against the emulator, driven the way a person would from the palette or a
// context menu (pickers and dialogs answered by a script).
import * as assert from 'node:assert/strict';
import { CodePipelineClient, GetPipelineExecutionCommand, GetPipelineStateCommand, ListPipelineExecutionsCommand } from '@aws-sdk/client-codepipeline';
import { TimelineDocuments, timelineUri } from '../../../src/pipelines/editor/timeline-document';
import { createPipelineApi } from '../../../src/pipelines/model/api';
import { nodeIds, targetKey } from '../../../src/pipelines/model/keys';
import type { TreeNode } from '../../../src/pipelines/model/tree';
import { admin, releaseEmulator, DEMO, emulatorUrl, eventually, rig, type Rig } from './helpers';

const T = targetKey(DEMO);
const key = (name: string) => ({ target: T, name });
const pipelineNode = (name: string): TreeNode => ({ kind: 'pipeline', id: nodeIds.pipeline(key(name)), key: key(name) });

describe('Pipeline commands (emulator)', function () {
  this.timeout(120_000);
  let r: Rig;
  let client: CodePipelineClient;

  async function stageStatus(pipeline: string, stage: string): Promise<string | undefined> {
    const s = await client.send(new GetPipelineStateCommand({ name: pipeline }));
    return s.stageStates?.find((x) => x.stageName === stage)?.latestExecution?.status;
  }

  before(async function () {
    if (!emulatorUrl()) this.skip();
    await admin('POST', 'reset');
  });
  beforeEach(async () => {
    r = await rig();
    client = r.aws.client('codepipeline', DEMO);
    await r.explorer.getChildren();
  });
  afterEach(() => r.dispose());
  after(async () => {
    if (emulatorUrl()) await admin('POST', 'reset');
    await releaseEmulator();
  });

  it('The pipeline picker says each pipeline\'s state in the tree\'s words (waiting for approval, not "In progress")', async () => {
    const release = { kind: 'pipeline' as const, id: nodeIds.pipeline(key('orders-service-release')), key: key('orders-service-release') };
    await r.explorer.loadRecent(release.key);
    await r.explorer.loadRuntime(release.key);
    const tree = r.explorer.present(release).description ?? '';
    assert.match(tree, /^Waiting for approval/);
    const shown: { label: string; description?: string }[][] = [];
    const pick = r.ui.pick.bind(r.ui);
    r.ui.pick = (items, options) => {
      shown.push(items.map((i) => ({ label: i.label, ...('description' in i && i.description ? { description: i.description } : {}) })));
      return pick(items, options);
    };
    assert.equal(await r.commands.start(), undefined, 'cancelled at the picker');
    const row = shown[0]?.find((i) => i.label === 'orders-service-release');
    assert.equal(row?.description, tree);
    for (const item of shown[0] ?? []) {
      assert.equal(item.description ?? '', r.explorer.present(pipelineNode(item.label)).description ?? '', item.label);
    }
  });

  it('Start from the palette: picks the pipeline, asks V2 variables, shows progress, no confirmation', async () => {
    r.ui.answer('mobile-backend', 'Start with variables…', 'production', 'v9.9.9');
    const id = await r.commands.start();
    assert.ok(id, 'an execution id');
    assert.equal(r.ui.pending, 0);
    assert.deepEqual(r.ui.of('confirm'), []);
    assert.deepEqual(r.ui.of('progress'), ['Starting mobile-backend…']);
    const x = await client.send(new GetPipelineExecutionCommand({ pipelineName: 'mobile-backend', pipelineExecutionId: id }));
    assert.deepEqual(x.pipelineExecution?.variables?.map((v) => [v.name, v.resolvedValue]).sort(), [['DEPLOY_ENV', 'production'], ['IMAGE_TAG', 'v9.9.9']]);
    assert.equal(r.explorer.store.pipeline(key('mobile-backend'))?.recent?.[0]?.id, id, 'the row was refreshed');
  });

  it('Start with a source revision override', async () => {
    const recent = await createPipelineApi(client).listExecutions('mobile-backend', 5);
    const commit = recent.items.map((x) => x.sourceRevisions[0]?.revisionId).find((v) => v && /^[0-9a-f]{40}$/.test(v));
    assert.ok(commit);
    r.ui.answer('Start with a source revision…', commit);
    const id = await r.commands.start(pipelineNode('mobile-backend'));
    assert.ok(id);
    const listed = await client.send(new ListPipelineExecutionsCommand({ pipelineName: 'mobile-backend', maxResults: 5 }));
    const started = listed.pipelineExecutionSummaries?.find((x) => x.pipelineExecutionId === id);
    assert.equal(started?.sourceRevisions?.[0]?.revisionId, commit);
  });

  it('Stop asks stop-or-abandon and a reason, and confirms in a modal first', async () => {
    const id = await r.commands.start({ ...DEMO, pipelineName: 'mobile-backend', variables: [] });
    assert.ok(id);
    // Declined: nothing happens.
    r.ui.answer('Stop and abandon', 'Host test', false);
    assert.equal(await r.commands.stop({ ...DEMO, pipelineName: 'mobile-backend', executionId: id }), false);
    assert.match(r.ui.of('confirm')[0] ?? '', /^Abandon execution .* of mobile-backend\?$/);
    let x = await client.send(new GetPipelineExecutionCommand({ pipelineName: 'mobile-backend', pipelineExecutionId: id }));
    assert.equal(x.pipelineExecution?.status, 'InProgress');
    r.ui.answer('Stop and abandon', 'Host test', true);
    assert.equal(await r.commands.stop({ ...DEMO, pipelineName: 'mobile-backend', executionId: id }), true);
    x = await client.send(new GetPipelineExecutionCommand({ pipelineName: 'mobile-backend', pipelineExecutionId: id }));
    assert.match(x.pipelineExecution?.status ?? '', /^(Stopping|Stopped)$/);
  });

  it('Retry stage retries the failed stage with the chosen mode', async () => {
    assert.equal(await stageStatus('payments-api', 'Build'), 'Failed');
    r.ui.answer('Retry failed actions');
    assert.equal(await r.commands.retryStage(pipelineNode('payments-api')), true);
    assert.match(r.ui.of('pick')[0] ?? '', /^Retry Build: Retry failed actions \| Retry all actions$/, 'the only failed stage was chosen by itself');
    assert.equal(await stageStatus('payments-api', 'Build'), 'InProgress');
  });

  it('Reject confirms first; Approve takes a comment and uses the token from GetPipelineState', async () => {
    const signOff = { kind: 'action' as const, id: 'x', key: key('orders-service-release'), stage: 'Approval', action: 'ProductionSignOff' };
    r.ui.answer('Not this one', false);
    assert.equal(await r.commands.reject(signOff), false);
    assert.match(r.ui.of('confirm')[0] ?? '', /^Reject Approval \/ ProductionSignOff of orders-service-release\?/);
    assert.equal(await stageStatus('orders-service-release', 'Approval'), 'InProgress');
    r.ui.answer('Ship it');
    assert.equal(await r.commands.approve(signOff), true);
    assert.equal(r.ui.of('confirm').length, 1, 'approving asks no confirmation');
    await eventually('the approval to succeed', async () => (await stageStatus('orders-service-release', 'Approval')) === 'Succeeded');
    // The approval is gone: a second attempt says so instead of failing.
    assert.equal(await r.commands.approve(signOff), false);
    assert.match(r.ui.of('notify').pop() ?? '', /not waiting for approval any more/);
    // A new run reaches the approval after the simulated clock moves on; then reject it.
    await r.commands.start({ ...DEMO, pipelineName: 'orders-service-release', variables: [] });
    await admin('POST', 'clock/advance', { ms: 30 * 60_000 });
    await eventually('a new approval request', async () => (await stageStatus('orders-service-release', 'Approval')) === 'InProgress', 30_000);
    r.ui.answer('Not today', true);
    assert.equal(await r.commands.reject({ ...DEMO, pipelineName: 'orders-service-release' }), true);
    await eventually('the rejection', async () => (await stageStatus('orders-service-release', 'Approval')) === 'Failed');
  });

  it('Disable and enable a transition from the palette', async () => {
    r.ui.answer('inventory-sync', 'Deploy', 'Freeze (host test)', true);
    assert.equal(await r.commands.setTransition(undefined, false), true);
    let s = await client.send(new GetPipelineStateCommand({ name: 'inventory-sync' }));
    assert.equal(s.stageStates?.find((x) => x.stageName === 'Deploy')?.inboundTransitionState?.enabled, false);
    assert.equal(s.stageStates?.find((x) => x.stageName === 'Deploy')?.inboundTransitionState?.disabledReason, 'Freeze (host test)');
    r.ui.answer('inventory-sync', 'Deploy');
    assert.equal(await r.commands.setTransition(undefined, true), true);
    assert.equal(r.ui.of('confirm').length, 1, 'enabling needs no confirmation');
    s = await client.send(new GetPipelineStateCommand({ name: 'inventory-sync' }));
    assert.equal(s.stageStates?.find((x) => x.stageName === 'Deploy')?.inboundTransitionState?.enabled, true);
  });

  it('Show execution opens the latest run as a markdown timeline with durations and links', async () => {
    assert.equal(await r.commands.showExecution(pipelineNode('payments-api')), true);
    const shown = r.timelines[0];
    assert.equal(shown?.name, 'payments-api');
    const docs = new TimelineDocuments(r.explorer, (t) => createPipelineApi(r.aws.client('codepipeline', t === T ? DEMO : undefined)), () => 'us-east-1');
    try {
      const md = await docs.provideTextDocumentContent(timelineUri(key('payments-api'), shown?.id ?? ''));
      assert.match(md, /^# payments-api · execution/);
      assert.match(md, /## Build — Failed · \d/);
      assert.match(md, /\| Failed \| Unit-Tests \| CodeBuild \|/);
      assert.match(md, /\[Open in the AWS console\]\(https:\/\/us-east-1\.console\.aws\.amazon\.com\/codesuite\/codepipeline\/pipelines\/payments-api\/executions\//);
    } finally {
      docs.dispose();
    }
  });

  it('Open in console, Copy ARN, Pin/Watch, Show build logs', async () => {
    assert.equal(await r.commands.openInConsole(pipelineNode('payments-api')), 'https://us-east-1.console.aws.amazon.com/codesuite/codepipeline/pipelines/payments-api/view?region=us-east-1');
    assert.deepEqual(r.ui.of('open'), ['https://us-east-1.console.aws.amazon.com/codesuite/codepipeline/pipelines/payments-api/view?region=us-east-1']);
    assert.equal(await r.commands.copyArn(pipelineNode('payments-api')), 'arn:aws:codepipeline:us-east-1:111111111111:payments-api');
    assert.deepEqual(r.ui.of('copy'), ['arn:aws:codepipeline:us-east-1:111111111111:payments-api']);
    await r.commands.follow(pipelineNode('payments-api'), 'pinned', true);
    await r.commands.follow({ ...DEMO, pipelineName: 'storefront-web' }, 'watched', true);
    assert.deepEqual(r.follow.list('pinned').map((k) => k.name), ['payments-api']);
    assert.deepEqual(r.follow.list('watched').map((k) => k.name), ['storefront-web']);
    await r.commands.follow(pipelineNode('payments-api'), 'pinned', false);
    assert.deepEqual(r.follow.list('pinned'), []);
    const unitTests = { kind: 'action' as const, id: 'y', key: key('payments-api'), stage: 'Build', action: 'Unit-Tests' };
    await r.explorer.getChildren(pipelineNode('payments-api'));
    assert.equal(await r.commands.showActionLogs(unitTests), true);
    const call = r.executed.find((c) => c.command === 'conveyor.logs.showActionLogs');
    const args = call?.args[0] as { externalExecutionId?: string; provider?: string; profile?: string };
    assert.match(args.externalExecutionId ?? '', /^payments-api-unit-tests:[0-9a-f-]{36}$/);
    assert.equal(args.provider, 'CodeBuild');
    assert.equal(args.profile, 'conveyor-demo');
  });

  it('Commands on a pipeline with nothing to act on say so instead of failing', async () => {
    assert.equal(await r.commands.approve({ ...DEMO, pipelineName: 'docs-site' }), false);
    assert.equal(await r.commands.stop({ ...DEMO, pipelineName: 'docs-site' }), false);
    assert.deepEqual(r.ui.of('notify'), ['info: Nothing in docs-site is waiting for approval.', 'info: No execution of docs-site is running.']);
    assert.deepEqual(r.ui.of('error'), []);
  });
});
