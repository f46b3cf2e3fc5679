// Override Stage Condition and Roll Back Stage without an editor: the multi-step flow (steps a node or
// the arguments answer are skipped, lists load when their step shows, Back), the choices it offers,
// the confirmations, and CodePipeline's refusals in words with the next step.
import * as assert from 'node:assert/strict';
import type { StageConditionDeclarations, StageConditionStates } from '../../../src/pipelines/model/conditions';
import type { StageView } from '../../../src/pipelines/model/queries';
import { stageActionFlow, type StageActionFlowOptions, type StageActionListing } from '../../../src/pipelines/model/stage-action-flow';
import type { ExecutionSummary } from '../../../src/pipelines/model/types';
import {
  overrideConfirmation, overrideStageChoices, overrideTargetChoices, rollbackConfirmation, rollbackStageChoices,
  rollbackTargetChoices, stageActionError,
} from '../../../src/pipelines/present/stage-actions';

const NOW = Date.UTC(2026, 11, 7, 12, 0, 0);
const MIN = 60_000;

function options(loads: string[], overrides: Partial<StageActionFlowOptions> = {}): StageActionFlowOptions {
  const listing = (ids: string[]): StageActionListing => ({ choices: ids.map((id) => ({ id, label: id })), empty: 'nothing here' });
  return {
    title: 'Roll Back Stage', targetNoun: 'execution to roll back to', targetPlaceholder: 'An execution',
    pipelines: [{ id: 'infra', label: 'infra' }, { id: 'ml', label: 'ml' }],
    loadStages: async (p) => { loads.push(`stages ${p}`); return listing(p === 'infra' ? ['Synth', 'Deploy'] : []); },
    loadTargets: async (p, s) => { loads.push(`targets ${p}/${s}`); return listing(s === 'Deploy' ? ['e2', 'e1'] : []); },
    ...overrides,
  };
}

describe('Stage action flow', () => {
  it('from the palette: pipeline, stage, execution, numbered, each list loaded when its step shows', async () => {
    const loads: string[] = [];
    const flow = stageActionFlow(options(loads), {});
    let shown = flow.show();
    assert.equal(shown.view.title, 'Roll Back Stage: pipeline');
    assert.deepEqual([shown.number, shown.total], [1, 3]);
    assert.equal(await flow.prepare(), false, 'the pipelines are known');
    assert.equal(flow.submit({ ids: ['infra'] }).status, 'next');
    shown = flow.show();
    assert.equal(shown.view.title, 'Roll Back Stage: stage of infra');
    assert.equal(shown.view.kind === 'pick' && shown.view.needs, 'stages');
    assert.deepEqual(loads, []);
    assert.equal(await flow.prepare(), true);
    assert.deepEqual(loads, ['stages infra']);
    shown = flow.show();
    assert.deepEqual(shown.view.kind === 'pick' && shown.view.items.map((i) => i.id), ['Synth', 'Deploy']);
    assert.deepEqual([shown.number, shown.total, shown.canGoBack], [2, 3, true]);
    assert.equal(flow.submit({ ids: ['Deploy'] }).status, 'next');
    await flow.prepare();
    shown = flow.show();
    assert.equal(shown.view.title, 'Roll Back Stage: execution to roll back to in Deploy');
    assert.equal(shown.view.kind === 'pick' && shown.view.activeId, 'e2', 'the newest is highlighted');
    const done = flow.submit({ ids: ['e1'] });
    assert.deepEqual(done, { status: 'done', result: { pipeline: 'infra', stage: 'Deploy', target: { id: 'e1', label: 'e1' } } });
  });

  it('Back returns to the stage, and lists already loaded are not loaded again', async () => {
    const loads: string[] = [];
    const flow = stageActionFlow(options(loads), { pipeline: 'infra' });
    assert.equal(flow.show().view.id, 'stage');
    assert.equal(flow.show().canGoBack, false, 'the pipeline came from the node');
    await flow.prepare();
    flow.submit({ ids: ['Synth'] });
    await flow.prepare();
    const synth = flow.show().view;
    assert.equal(synth.kind === 'pick' && synth.placeholder, 'nothing here', 'an empty list says why');
    assert.deepEqual(flow.submit({ ids: [] }), { status: 'invalid', message: 'nothing here' });
    assert.ok(flow.back());
    await flow.prepare();
    flow.submit({ ids: ['Deploy'] });
    await flow.prepare();
    assert.deepEqual(loads, ['stages infra', 'targets infra/Synth', 'targets infra/Deploy']);
  });

  it('a stage row starts at the target step, with the node’s target preselected', async () => {
    const loads: string[] = [];
    const flow = stageActionFlow(options(loads), { pipeline: 'infra', stage: 'Deploy', target: 'e1' });
    const shown = flow.show();
    assert.deepEqual([shown.view.id, shown.number, shown.total], ['target', 1, 1]);
    await flow.prepare();
    const view = flow.show().view;
    assert.equal(view.kind === 'pick' && view.activeId, 'e1');
    assert.equal(flow.submit({ ids: ['e9'] }).status, 'invalid', 'only listed executions');
  });

  it('a target named before the stage (an execution row) is highlighted once the stage is chosen, not taken as the answer', async () => {
    const loads: string[] = [];
    const flow = stageActionFlow(options(loads), { pipeline: 'infra', target: 'e1' });
    assert.deepEqual([flow.show().view.id, flow.show().number, flow.show().total], ['stage', 1, 2]);
    await flow.prepare();
    assert.equal(flow.submit({ ids: ['Deploy'] }).status, 'next');
    await flow.prepare();
    const view = flow.show().view;
    assert.deepEqual([view.id, view.kind === 'pick' && view.activeId], ['target', 'e1']);
    const done = flow.submit({ ids: ['e1'] });
    assert.equal(done.status === 'done' && done.result.target.id, 'e1');
  });

  it('an empty pipeline list says that only V2 pipelines count', () => {
    const flow = stageActionFlow(options([], { pipelines: [] }), {});
    const view = flow.show().view;
    assert.match(view.kind === 'pick' ? view.placeholder : '', /No V2 pipeline here/);
  });
});

const declared: StageConditionDeclarations = {
  beforeEntry: { conditions: [{ rules: [{ name: 'NoNatErrors', provider: 'CloudWatchAlarm', configuration: {} }] }] },
  onSuccess: { conditions: [{ result: 'ROLLBACK', rules: [{ name: 'Probe', provider: 'LambdaInvoke', configuration: {} }] }] },
};
const blocked: StageConditionStates = {
  beforeEntry: { status: 'Failed', conditions: [{ status: 'Failed', rules: [{ name: 'NoNatErrors', status: 'Failed', errorMessage: 'Alarm nat is in state ALARM' }] }] },
};
const deploy: StageView = {
  name: 'Deploy',
  declaration: { name: 'Deploy', actions: [], conditions: declared },
  runtime: { name: 'Deploy', inbound: { enabled: true }, status: 'Failed', latestExecutionId: 'aaaaaaaa-1111', conditions: blocked, actions: [] },
};
const source: StageView = { name: 'Source', runtime: { name: 'Source', inbound: { enabled: true }, status: 'Succeeded', latestExecutionId: 'aaaaaaaa-1111', actions: [] } };

function execution(id: string, startMinutesAgo: number, extra: Partial<ExecutionSummary> = {}): ExecutionSummary {
  return {
    id, status: 'Succeeded', startTime: NOW - startMinutesAgo * MIN, lastUpdateTime: NOW - startMinutesAgo * MIN + 5 * MIN,
    sourceRevisions: [{ actionName: 'Source', revisionId: `${id[0] ?? '0'}`.repeat(40), revisionSummary: `{"CommitMessage":"Commit ${id}"}` }], ...extra,
  };
}

describe('Stage action choices and words', () => {
  it('Override offers the stages held by an overridable condition, and the condition with its blocked execution', () => {
    assert.deepEqual(overrideStageChoices([source, deploy]), [{
      id: 'Deploy', label: 'Deploy', description: 'Blocked by its entry condition: Alarm nat is in state ALARM', detail: 'Execution aaaaaaaa',
    }]);
    const choices = overrideTargetChoices(deploy, execution('aaaaaaaa-1111', 90, { status: 'Failed' }), NOW);
    assert.deepEqual(choices.map((c) => [c.id, c.label, c.description]), [['beforeEntry', 'Entry conditions', 'Blocked by its entry condition: Alarm nat is in state ALARM']]);
    assert.equal(choices[0]?.detail, 'Execution aaaaaaaa · aaaaaaa Commit aaaaaaaa-1111 · started 1 hour ago');
    const passed: StageView = { ...deploy, runtime: { ...deploy.runtime!, conditions: { beforeEntry: { status: 'Succeeded', conditions: [] } } } };
    assert.deepEqual(overrideStageChoices([passed]), []);
    assert.deepEqual(overrideTargetChoices(passed, undefined, NOW), []);
  });

  it('Roll Back offers every stage but the source one, and executions that succeeded there (whatever they did later), newest first, not the latest', () => {
    assert.deepEqual(rollbackStageChoices([source, deploy]).map((c) => [c.id, c.description, c.detail]), [['Deploy', 'Failed', 'Latest: execution aaaaaaaa']]);
    const choices = rollbackTargetChoices([
      execution('bbbbbbbb-2', 3 * 24 * 60), execution('aaaaaaaa-1111', 60), execution('cccccccc-3', 26 * 60, { executionType: 'ROLLBACK' }),
      execution('dddddddd-4', 30, { status: 'Failed' }),
    ], 'aaaaaaaa-1111', NOW);
    assert.deepEqual(choices.map((c) => c.id), ['dddddddd-4', 'cccccccc-3', 'bbbbbbbb-2']);
    assert.equal(choices[0]?.description, '30 minutes ago · then failed in a later stage', 'it succeeded in the stage, then failed later');
    assert.equal(choices[1]?.label, 'ccccccc Commit cccccccc-3');
    assert.equal(choices[1]?.description, 'yesterday · a rollback');
    assert.match(choices[2]?.detail ?? '', /^Execution bbbbbbbb · started 2026-12-04 12:00/);
  });

  it('confirmations say what happens to which execution', () => {
    const o = overrideConfirmation('infra', deploy, 'beforeEntry');
    assert.equal(o.message, 'Override the entry condition of Deploy in infra?');
    assert.match(o.detail, /^Blocked by its entry condition: Alarm nat is in state ALARM\. Execution aaaaaaaa goes on into the actions of Deploy/);
    assert.equal(o.action, 'Override');
    assert.match(overrideConfirmation('infra', deploy, 'onSuccess').detail, /Execution aaaaaaaa goes on to the next stage as if the condition had passed/);
    const r = rollbackConfirmation('infra', 'Deploy', { id: 'bbbbbbbb-2', label: 'bbbbbbb Commit' });
    assert.equal(r.message, 'Roll back Deploy of infra to execution bbbbbbbb?');
    assert.equal(r.action, 'Roll Back');
  });

  it("CodePipeline's refusals come with the next step; other errors are left to the generic report", () => {
    const err = (name: string, message: string): Error => Object.assign(new Error(message), { name });
    const override = { operation: 'OverrideStageCondition' as const, pipeline: 'infra', stage: 'Deploy', executionId: 'aaaaaaaa-1111', kind: 'beforeEntry' as const };
    assert.match(stageActionError(err('ConditionNotOverridableException', 'It has status Overridden'), override) ?? '',
      /^CodePipeline cannot override the entry condition of Deploy now: It has status Overridden\. Only a condition being evaluated/);
    assert.match(stageActionError(err('NotLatestPipelineExecutionException', 'Not the latest'), override) ?? '', /^Execution aaaaaaaa is no longer the latest in Deploy of infra/);
    const rollback = { operation: 'RollbackStage' as const, pipeline: 'infra', stage: 'Deploy', executionId: 'bbbbbbbb-2' };
    assert.match(stageActionError(err('UnableToRollbackStageException', 'Did not succeed'), rollback) ?? '', /Did not succeed\. Choose another execution that succeeded in Deploy/);
    assert.match(stageActionError(err('PipelineExecutionOutdatedException', 'Ran on version 2'), rollback) ?? '', /earlier version of infra: Ran on version 2\. A rollback target must have run on the current version/);
    assert.match(stageActionError(err('ConflictException', 'Stage Deploy is in progress.'), rollback) ?? '', /is busy with another execution \(Stage Deploy is in progress\)\. Retry once/);
    assert.equal(stageActionError(err('ThrottlingException', 'Rate exceeded'), rollback), undefined);
    assert.equal(stageActionError('boom', rollback), undefined);
  });
});
