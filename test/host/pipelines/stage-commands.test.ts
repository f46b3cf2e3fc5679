// Override Stage Condition and Roll Back Stage against the emulator, driven as a person would from the
// palette (one multi-step flow), a stage row or a condition row, with faults injected: CodePipeline's
// refusals are explained with the next step, throttling gets the generic report, nothing changes
// until the person confirms.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { GetPipelineExecutionCommand, GetPipelineStateCommand, type CodePipelineClient } from '@aws-sdk/client-codepipeline';
import * as vscode from 'vscode';
import { createPipelineApi } from '../../../src/pipelines/model/api';
import { nodeIds, targetKey } from '../../../src/pipelines/model/keys';
import type { TreeNode } from '../../../src/pipelines/model/tree';
import { EXTENSION_ID } from '../foundation/helpers';
import { ACCEPT_ACTIVE } from '../scripted-ui';
import { admin, DEMO, emulatorUrl, leaveEmulator, rig, type Rig } from './helpers';

const T = targetKey(DEMO);
const INFRA = { target: T, name: 'infra-networking' };
const stageNode = (name: string, stage: string): TreeNode => ({ kind: 'stage', id: nodeIds.stage({ target: T, name }, stage), key: { target: T, name }, stage });

interface MenuEntry { command: string; when?: string }

/** The context-menu `when` regex package.json gives a command on a kind of row. */
function menuRegex(command: string, row: 'stage' | 'condition' | 'execution'): RegExp {
  const manifest = JSON.parse(readFileSync(path.join(vscode.extensions.getExtension(EXTENSION_ID)?.extensionPath ?? '', 'package.json'), 'utf8')) as
    { contributes: { menus: Record<string, MenuEntry[]> } };
  const entry = manifest.contributes.menus['view/item/context']?.find((m) => m.command === command && (m.when ?? '').includes(`/^${row}`));
  const source = /viewItem =~ \/(.+)\/$/.exec(entry?.when ?? '')?.[1];
  assert.ok(source, `a ${row} context menu entry for ${command}`);
  return new RegExp(source);
}

describe('Override Stage Condition and Roll Back Stage (emulator)', function () {
  this.timeout(120_000);
  let r: Rig;
  let client: CodePipelineClient;

  async function deployState(): Promise<{ status: string | undefined; entry: string | undefined; latest: string | undefined }> {
    const s = await client.send(new GetPipelineStateCommand({ name: INFRA.name }));
    const d = s.stageStates?.find((x) => x.stageName === 'Deploy');
    return { status: d?.latestExecution?.status, entry: d?.beforeEntryConditionState?.latestExecution?.status, latest: d?.latestExecution?.pipelineExecutionId };
  }

  before(function () {
    if (!emulatorUrl()) this.skip();
  });
  beforeEach(async () => {
    await admin('POST', 'reset');
    r = await rig();
    client = r.aws.client('codepipeline', DEMO);
    await r.explorer.getChildren();
    // The infra-networking row expanded: its stage rows exist to be presented.
    await r.explorer.getChildren(r.explorer.tree.get(nodeIds.pipeline(INFRA)));
  });
  afterEach(async () => {
    r.dispose();
    await admin('POST', 'faults/clear');
  });
  after(leaveEmulator);

  it('the context menus offer each command on the rows the model marks, and the extension registers both', async () => {
    await r.explorer.loadRecent(INFRA);
    const stages = await r.explorer.getChildren(r.explorer.tree.get(nodeIds.pipeline(INFRA)));
    const row = (name: string): string => r.explorer.present(stages.find((s) => s.kind === 'stage' && s.stage === name)!).contextValue;
    const entryRow = r.explorer.present((await r.explorer.getChildren(stages.find((s) => s.kind === 'stage' && s.stage === 'Deploy')))[0]!).contextValue;
    assert.match(row('Deploy'), menuRegex('conveyor.pipelines.overrideStageCondition', 'stage'));
    assert.match(entryRow, menuRegex('conveyor.pipelines.overrideStageCondition', 'condition'));
    assert.match(row('Deploy'), menuRegex('conveyor.pipelines.rollbackStage', 'stage'));
    assert.doesNotMatch(row('Synth'), menuRegex('conveyor.pipelines.overrideStageCondition', 'stage'), 'Synth has no condition');
    assert.doesNotMatch(row('Source'), menuRegex('conveyor.pipelines.rollbackStage', 'stage'), 'the source stage cannot be rolled back');
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('conveyor.pipelines.overrideStageCondition') && commands.includes('conveyor.pipelines.rollbackStage'));
  });

  it('Override from the palette: V2 pipelines, then stage, then the blocked condition; nothing happens until confirmed', async () => {
    const blocked = await deployState();
    assert.deepEqual([blocked.status, blocked.entry], ['Failed', 'Failed']);
    r.ui.answer('infra-networking', 'Entry conditions', false);
    assert.equal(await r.commands.overrideCondition(), false);
    const steps = r.ui.of('step');
    // The stage step turns out to have one choice (the stage held by an overridable condition) once its
    // list is loaded, so the kit's flow takes it without asking and the count drops from 3 to 2.
    assert.equal(steps.length, 2, steps.join('\n'));
    const pipelines = /^Step 1\/3: Override Stage Condition: pipeline: (.*)$/.exec(steps[0] ?? '')?.[1]?.split(' | ').sort();
    assert.deepEqual(pipelines, ['data-lake-etl', 'infra-networking', 'ml-feature-store', 'mobile-backend', 'storefront-web'], `V2 pipelines only: ${steps.join('\n')}`);
    assert.equal(steps[1], 'Step 2/2: Override Stage Condition: condition to override in Deploy: Entry conditions', 'only Deploy is held by an overridable condition');
    assert.deepEqual(r.ui.of('confirm'), ['Override the entry condition of Deploy in infra-networking?']);
    assert.deepEqual(await deployState(), blocked, 'declined: nothing changed');

    r.ui.answer('infra-networking', 'Entry conditions', true);
    assert.equal(await r.commands.overrideCondition(), true);
    assert.deepEqual(r.ui.of('progress').filter((p) => p.startsWith('Overriding')), ['Overriding the condition of Deploy…']);
    const after = await deployState();
    assert.deepEqual([after.status, after.entry, after.latest], ['InProgress', 'Overridden', blocked.latest]);
    const notice = r.ui.of('notify').pop() ?? '';
    assert.equal(notice, `info: Overrode the entry condition of Deploy: execution ${blocked.latest?.slice(0, 8) ?? ''} goes on.`);
    const row = r.explorer.present(r.explorer.tree.get(nodeIds.stage(INFRA, 'Deploy'))!);
    assert.match(row.description ?? '', /^Condition overridden · In progress/, 'the row refreshed to the new state');
    assert.doesNotMatch(row.contextValue, /overridable/, 'the menu entry goes away');
  });

  it('Override from the condition row asks only for confirmation; a second time says there is nothing to override', async () => {
    await r.explorer.loadRuntime(INFRA);
    const node: TreeNode = { kind: 'condition', id: nodeIds.condition(INFRA, 'Deploy', 'beforeEntry'), key: INFRA, stage: 'Deploy', condition: 'beforeEntry' };
    r.ui.answer(true);
    assert.equal(await r.commands.overrideCondition(node), true);
    assert.deepEqual([r.ui.of('step'), r.ui.of('pick')], [[], []]);
    assert.equal((await deployState()).entry, 'Overridden');
    assert.equal(await r.commands.overrideCondition(node), false);
    assert.equal(r.ui.of('notify').pop(), 'info: No condition of Deploy can be overridden now.');
    assert.deepEqual(r.ui.of('error'), []);
  });

  it('fault: CodePipeline refuses the override (ConditionNotOverridableException): explained with the next step, view refreshed', async () => {
    await admin('POST', 'faults', { operation: 'OverrideStageCondition', kind: 'error', status: 400, errorType: 'ConditionNotOverridableException',
      message: 'The entry condition of stage Deploy has status Succeeded and cannot be overridden' });
    r.ui.answer(true);
    assert.equal(await r.commands.overrideCondition({ ...DEMO, pipelineName: INFRA.name, stageName: 'Deploy', condition: 'beforeEntry' }), false);
    assert.equal(r.ui.of('step').length, 0, 'the arguments answered every step');
    const notice = r.ui.of('notify').pop() ?? '';
    assert.match(notice, /^error: CodePipeline cannot override the entry condition of Deploy now: The entry condition of stage Deploy has status Succeeded and cannot be overridden\. Only a condition being evaluated/);
    assert.equal(r.ui.buttons.at(-1)?.buttons.join(), 'Retry');
    assert.deepEqual(r.ui.of('error'), [], 'not the generic report');
    assert.equal((await deployState()).entry, 'Failed');
  });

  it('fault: throttling on OverrideStageCondition gets the generic AWS report with Retry', async () => {
    await admin('POST', 'faults', { operation: 'OverrideStageCondition', kind: 'throttle' });
    r.ui.answer(true);
    assert.equal(await r.commands.overrideCondition({ ...DEMO, pipelineName: INFRA.name, stageName: 'Deploy', condition: 'beforeEntry' }), false);
    assert.match(r.ui.of('error')[0] ?? '', /^OverrideStageCondition: CodePipeline OverrideStageCondition is being throttled by AWS/);
    assert.equal((await deployState()).entry, 'Failed');
  });

  it('Roll Back from the stage row: executions that succeeded in Deploy, newest first with their revision; a rollback execution runs', async () => {
    await r.explorer.loadRuntime(INFRA);
    const before = await deployState();
    const succeeded = (await createPipelineApi(client).listSucceededInStage(INFRA.name, 'Deploy', 20)).filter((x) => x.id !== before.latest);
    assert.ok(succeeded.length >= 2);
    const target = succeeded[1]!;
    r.ui.answer(target.id, true);
    assert.equal(await r.commands.rollbackStage(stageNode(INFRA.name, 'Deploy')), true);
    const step = r.ui.of('step')[0] ?? '';
    assert.match(step, /^Step 1\/1: Roll Back Stage: execution to roll back to in Deploy: [0-9a-f]{7} \S/);
    const labels = step.replace(/^.*in Deploy: /, '').split(' | ');
    assert.equal(labels.length, succeeded.length);
    assert.equal(r.ui.calls.find((c) => c.kind === 'step')?.active, labels[0], 'the newest is highlighted');
    assert.deepEqual(r.ui.of('confirm'), [`Roll back Deploy of infra-networking to execution ${target.id.slice(0, 8)}?`]);
    assert.deepEqual(r.ui.of('progress').filter((p) => p.startsWith('Rolling')), ['Rolling back Deploy of infra-networking…']);
    const now = await deployState();
    assert.notEqual(now.latest, before.latest);
    const x = await client.send(new GetPipelineExecutionCommand({ pipelineName: INFRA.name, pipelineExecutionId: now.latest }));
    assert.equal(x.pipelineExecution?.executionType, 'ROLLBACK');
    assert.equal(x.pipelineExecution?.rollbackMetadata?.rollbackTargetPipelineExecutionId, target.id);
    assert.match(r.explorer.present(r.explorer.tree.get(nodeIds.stage(INFRA, 'Deploy'))!).description ?? '', /Rollback/, 'the row shows the rollback');
    assert.equal(r.explorer.store.pipeline(INFRA)?.recent?.[0]?.id, now.latest, 'the pipeline row shows the rollback as its latest execution');
    r.ui.buttons.at(-1)?.press('Show Execution');
    assert.deepEqual(r.timelines.at(-1), { target: T, name: INFRA.name, id: now.latest });
  });

  it('Roll Back from an execution row that succeeded: the stage is asked, then that execution is highlighted and rolled back to', async () => {
    await r.explorer.loadRuntime(INFRA);
    const before = await deployState();
    const succeeded = (await createPipelineApi(client).listSucceededInStage(INFRA.name, 'Deploy', 20)).filter((x) => x.id !== before.latest);
    const target = succeeded[1];
    assert.ok(target, 'an older execution that succeeded in Deploy');
    // The Executions node expanded, as a person would before right-clicking a row of it.
    const rows = await r.explorer.getChildren(r.explorer.tree.get(nodeIds.executions(INFRA)));
    const row = rows.find((n) => n.kind === 'execution' && n.executionId === target.id);
    assert.ok(row, 'the execution is listed under Executions');
    assert.match(r.explorer.present(row).contextValue, menuRegex('conveyor.pipelines.rollbackStage', 'execution'));
    r.ui.answer('Deploy', ACCEPT_ACTIVE, true);
    assert.equal(await r.commands.rollbackStage(row), true);
    const steps = r.ui.calls.filter((c) => c.kind === 'step');
    assert.match(steps[0]?.text ?? '', /^Step 1\/2: Roll Back Stage: stage of infra-networking: /);
    assert.match(steps[1]?.text ?? '', /^Step 2\/2: Roll Back Stage: execution to roll back to in Deploy: /);
    // Newest first, as from the stage row: the row's execution is the second, not the highlighted default.
    const labels = (steps[1]?.text ?? '').replace(/^.*in Deploy: /, '').split(' | ');
    assert.equal(labels.length, succeeded.length);
    assert.equal(steps[1]?.active, labels[1], "the row's execution is highlighted, not the newest");
    assert.deepEqual(r.ui.of('confirm'), [`Roll back Deploy of infra-networking to execution ${target.id.slice(0, 8)}?`]);
    const now = await deployState();
    const x = await client.send(new GetPipelineExecutionCommand({ pipelineName: INFRA.name, pipelineExecutionId: now.latest }));
    assert.equal(x.pipelineExecution?.rollbackMetadata?.rollbackTargetPipelineExecutionId, target.id);
  });

  it('Roll Back of a stage that is busy (PARALLEL, two executions in flight): the ConflictException is explained', async () => {
    const key = { target: T, name: 'ml-feature-store' };
    const succeeded = await createPipelineApi(client).listSucceededInStage(key.name, 'Evaluate', 5);
    assert.ok(succeeded[0]);
    const ui = r.ui;
    // The palette with the pipeline given: stage, then execution.
    ui.answer('Evaluate', succeeded[0].id, true);
    assert.equal(await r.commands.rollbackStage({ ...DEMO, pipelineName: key.name }), false);
    const steps = ui.of('step');
    assert.equal(steps.length, 2);
    assert.ok(steps[0]?.startsWith('Step 1/2: Roll Back Stage: stage of ml-feature-store: Train | Evaluate | Publish'), steps[0]);
    assert.ok(steps[1]?.startsWith('Step 2/2: Roll Back Stage: execution to roll back to in Evaluate: '), steps[1]);
    assert.match(ui.of('notify').pop() ?? '', /^error: Evaluate of ml-feature-store is busy with another execution \(.*\)\. Retry once it has finished\.$/);
    assert.deepEqual(ui.of('error'), []);
  });

  it('faults: UnableToRollbackStage and PipelineExecutionOutdated are explained; V1 pipelines and the source stage are refused before any call', async () => {
    const succeeded = await createPipelineApi(client).listSucceededInStage(INFRA.name, 'Deploy', 5);
    const before = await deployState();
    const target = succeeded.find((x) => x.id !== before.latest)!;
    await admin('POST', 'faults', { operation: 'RollbackStage', kind: 'error', status: 400, errorType: 'UnableToRollbackStageException', message: 'The stage is being rolled back', times: 1 });
    await admin('POST', 'faults', { operation: 'RollbackStage', kind: 'error', status: 400, errorType: 'PipelineExecutionOutdatedException', message: 'It ran on version 2', times: 1 });
    const args = { ...DEMO, pipelineName: INFRA.name, stageName: 'Deploy', targetExecutionId: target.id };
    r.ui.answer(true, true);
    assert.equal(await r.commands.rollbackStage(args), false);
    assert.equal(await r.commands.rollbackStage(args), false);
    const errors = r.ui.of('notify').filter((n) => n.startsWith('error:'));
    assert.match(errors[0] ?? '', /cannot roll Deploy of infra-networking back to execution [0-9a-f]{8}: The stage is being rolled back\. Choose another execution that succeeded in Deploy/);
    assert.match(errors[1] ?? '', /ran on an earlier version of infra-networking: It ran on version 2\. A rollback target must have run on the current version/);
    assert.equal((await deployState()).latest, before.latest, 'no rollback started');

    r.ui.calls.length = 0;
    assert.equal(await r.commands.rollbackStage({ ...DEMO, pipelineName: 'payments-api' }), false);
    assert.equal(await r.commands.rollbackStage({ ...DEMO, pipelineName: INFRA.name, stageName: 'Source' }), false);
    assert.deepEqual(r.ui.of('notify'), [
      'info: payments-api is a V1 pipeline: stage conditions and rollbacks need pipeline type V2.',
      'info: Source is the source stage of infra-networking: it cannot be rolled back.',
    ]);
    assert.deepEqual([r.ui.of('confirm'), r.ui.of('error')], [[], []]);
  });
});
