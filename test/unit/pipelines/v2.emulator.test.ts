// CodePipeline V2 in the explorer against the emulator over real HTTP: stage conditions and rule
// results, the reason a stage is blocked, overriding a condition, rolling a stage back, several
// executions in flight, triggers and variables in the execution timeline.
import * as assert from 'node:assert/strict';
import { CodePipelineClient } from '@aws-sdk/client-codepipeline';
import { createPipelineApi, type PipelineApi } from '../../../src/pipelines/model/api';
import { conditionVerdict, overridableKinds } from '../../../src/pipelines/model/conditions';
import { nodeIds } from '../../../src/pipelines/model/keys';
import { findStage } from '../../../src/pipelines/model/queries';
import type { TreeNode } from '../../../src/pipelines/model/tree';
import { renderTimeline } from '../../../src/pipelines/present/timeline';
import { createEmulator, type Emulator } from '../../emulator/index';
import { explorerOn, type Harness } from './emulator-harness';

const kindOf = (n: TreeNode): string => (n.kind === 'condition' ? `condition:${n.condition}` : n.kind === 'action' ? `action:${n.action}` : n.kind);

describe('pipelines V2 against the emulator', function () {
  this.timeout(60_000);
  let emu: Emulator;
  let h: Harness;
  let client: CodePipelineClient;
  let api: PipelineApi;

  before(async () => {
    emu = await createEmulator({ seed: { dataset: 'demo' }, speed: 0 });
  });
  after(async () => {
    await emu.close();
  });
  beforeEach(() => {
    emu.reset();
    h = explorerOn(emu);
    client = new CodePipelineClient(emu.clientConfig());
    api = createPipelineApi(client);
  });
  afterEach(() => {
    h.dispose();
    client.destroy();
  });

  async function open(name: string): Promise<{ node: TreeNode; stages: TreeNode[] }> {
    const roots = await h.explorer.getChildren();
    const node = roots.find((n) => n.kind === 'pipeline' && n.key.name === name);
    assert.ok(node, `${name} is listed`);
    await h.explorer.loadRecent({ target: h.target, name });
    return { node, stages: await h.explorer.getChildren(node) };
  }

  it('shows a stage blocked by its entry condition, with the failed rule and why', async () => {
    const { stages } = await open('infra-networking');
    const deploy = stages.find((s) => s.kind === 'stage' && s.stage === 'Deploy')!;
    const p = h.explorer.present(deploy);
    assert.match(p.description ?? '', /^Blocked by NoNatErrors · Failed/);
    assert.match(p.tooltip ?? '', /Blocked by its entry condition: Alarm shared-vpc-nat-errors is in state ALARM \(result `FAIL`\)/);
    assert.deepEqual(p.icon, { id: 'shield', color: 'testing.iconFailed' });
    assert.match(p.contextValue, /:overridable/);
    assert.match(p.contextValue, /:rollbackable/);
    assert.doesNotMatch(h.explorer.present(stages[0]!).contextValue, /rollbackable/, 'the source stage cannot be rolled back');
    // Entry conditions come before the actions, success and failure conditions after them.
    const children = await h.explorer.getChildren(deploy);
    assert.deepEqual(children.map(kindOf), ['condition:beforeEntry', 'action:CreateChangeSet', 'action:ExecuteChangeSet', 'condition:onSuccess', 'condition:onFailure']);
    const entry = h.explorer.present(children[0]!);
    assert.equal(entry.label, 'Entry conditions');
    assert.equal(entry.collapsible, 'expanded');
    assert.match(entry.description ?? '', /^Failed · .* · Entry condition failed \(result FAIL\)/);
    assert.equal(entry.contextValue, 'condition:beforeEntry:overridable');
    const rules = await h.explorer.getChildren(children[0]);
    assert.deepEqual(rules.map((r) => (r.kind === 'rule' ? `${r.index}:${r.rule}` : r.kind)), ['0:NoNatErrors', '1:FromMain', '1:ChangeWindow']);
    const alarm = h.explorer.present(rules[0]!);
    assert.match(alarm.description ?? '', /^CloudWatchAlarm · Failed · .* · Alarm shared-vpc-nat-errors is in state ALARM$/);
    assert.match(alarm.tooltip ?? '', /If it fails, the condition fails the stage\./);
    assert.match(alarm.tooltip ?? '', /AlarmName: `shared-vpc-nat-errors`/);
    assert.match(h.explorer.present(rules[1]!).description ?? '', /VariableCheck · (Passed|Abandoned)/);
    const onFailure = h.explorer.present(children[4]!);
    assert.match(onFailure.tooltip ?? '', /When the stage fails: rolls the stage back/);
    assert.equal(onFailure.collapsible, 'none');
  });

  it('overrides the entry condition of the blocked execution, which then goes on', async () => {
    const key = { target: h.target, name: 'infra-networking' };
    await open(key.name);
    const deploy = (): ReturnType<typeof findStage> => findStage(h.explorer.store.pipeline(key)?.structure, h.explorer.store.pipeline(key)?.runtime, 'Deploy');
    assert.deepEqual(overridableKinds(deploy()?.declaration?.conditions, deploy()?.runtime?.conditions), ['beforeEntry']);
    const executionId = deploy()?.runtime?.latestExecutionId;
    assert.ok(executionId);
    h.changes.length = 0;
    await api.overrideCondition(key.name, 'Deploy', executionId, 'BEFORE_ENTRY');
    await h.explorer.refreshAfterAction(key, ['recent', 'runtime']);
    assert.ok(h.changes.flat().includes(nodeIds.stage(key, 'Deploy')), 'the stage row refreshed');
    const verdict = conditionVerdict(deploy()?.declaration?.conditions, deploy()?.runtime?.conditions);
    assert.equal(verdict?.status, 'Overridden');
    assert.equal(deploy()?.runtime?.status, 'InProgress');
    const row = h.explorer.present(h.explorer.tree.get(nodeIds.stage(key, 'Deploy'))!);
    assert.match(row.description ?? '', /^Condition overridden · In progress/);
    assert.deepEqual(overridableKinds(deploy()?.declaration?.conditions, deploy()?.runtime?.conditions), [], 'nothing left to override');
    await assert.rejects(api.overrideCondition(key.name, 'Deploy', executionId, 'BEFORE_ENTRY'), { name: 'ConditionNotOverridableException' });
  });

  it('rolls a stage back to an execution that succeeded there, and labels the rollback', async () => {
    const key = { target: h.target, name: 'infra-networking' };
    await open(key.name);
    const targets = await api.listSucceededInStage(key.name, 'Deploy', 20);
    assert.ok(targets.length >= 2, 'earlier executions succeeded in Deploy');
    assert.ok(targets.every((t) => t.status === 'Succeeded'));
    const target = targets.find((t) => t.executionType !== 'ROLLBACK')!;
    const rollbackId = await api.rollbackStage(key.name, 'Deploy', target.id);
    assert.ok(rollbackId);
    await h.explorer.loadExecutions(key, false);
    const node = (await h.explorer.getChildren(h.explorer.tree.get(nodeIds.executions(key))))
      .find((n) => n.kind === 'execution' && n.executionId === rollbackId)!;
    const p = h.explorer.present(node);
    assert.match(p.description ?? '', /^In progress · .* · rollback \(manual\)$/);
    assert.match(p.tooltip ?? '', new RegExp(`Trigger: Manual rollback by emulator-main to ${target.id.slice(0, 8)}`));
    assert.match(p.tooltip ?? '', /Mode: SUPERSEDED · rollback execution/);
    await h.explorer.loadRuntime(key);
    const stage = h.explorer.present(h.explorer.tree.get(nodeIds.stage(key, 'Deploy'))!);
    assert.match(stage.description ?? '', /Rollback/);
    assert.doesNotMatch(stage.description ?? '', /Blocked/, 'a rollback does not evaluate the entry condition that blocked the run before it');
    assert.notDeepEqual(stage.icon, { id: 'shield', color: 'testing.iconFailed' });
    assert.match(stage.tooltip ?? '', /Entry conditions are not evaluated for a rollback; for the run before it: Blocked by its entry condition/);
    // The API refuses the source stage, as CodePipeline does.
    await assert.rejects(api.rollbackStage(key.name, 'Source', target.id), { name: 'UnableToRollbackStageException' });
  });

  it('shows two executions in flight and the stage each is in', async () => {
    const key = { target: h.target, name: 'ml-feature-store' };
    const { node, stages } = await open(key.name);
    const row = h.explorer.present(node);
    assert.equal(row.description, '2 in progress · Train, Evaluate');
    assert.match(row.tooltip ?? '', /2 executions in flight:/);
    assert.match(row.tooltip ?? '', /`[0-9a-f]{8}` .* — in Train/);
    assert.match(row.tooltip ?? '', /`[0-9a-f]{8}` .* — in Evaluate/);
    assert.deepEqual(stages.filter((s) => s.kind === 'stage').map((s) => h.explorer.present(s).description?.split(' · ')[0]),
      ['Succeeded', 'In progress', 'In progress', 'Failed']);
    await h.explorer.loadExecutions(key, false);
    const rows = (await h.explorer.getChildren(h.explorer.tree.get(nodeIds.executions(key)))).slice(0, 3).map((n) => h.explorer.present(n).description ?? '');
    assert.match(rows[0]!, /^In progress · .* · at Train · push to main$|^In progress · .* · at Train · webhook$/);
    assert.match(rows[1]!, /^In progress · .* · at Evaluate · /);
    assert.match(rows[2]!, /^Failed · .* · manual · /);
  });

  it('labels Git triggers with the filters they matched, and pull requests', async () => {
    const key = { target: h.target, name: 'infra-networking' };
    await open(key.name);
    await h.explorer.loadExecutions(key, false);
    const items = h.explorer.store.pipeline(key)?.executions?.items ?? [];
    const describe = (id: string): string => h.explorer.present(h.explorer.tree.get(nodeIds.execution(key, id)) ?? { kind: 'execution', id: nodeIds.execution(key, id), key, executionId: id }).tooltip?.replace(/\\(.)/g, '$1') ?? '';
    await h.explorer.getChildren(h.explorer.tree.get(nodeIds.executions(key)));
    const push = items.find((x) => x.triggerType === 'WebhookV2' && !(x.sourceRevisions[0]?.revisionSummary ?? '').includes('PullRequestId'))!;
    assert.match(describe(push.id), /Trigger: Git push to main/);
    assert.match(describe(push.id), /Trigger filter: push: branches main · files lib\/\*\*, bin\/\*\*, cdk\.json, not \*\*\/\*\.md/);
    const pr = items.find((x) => (x.sourceRevisions[0]?.revisionSummary ?? '').includes('PullRequestId'))!;
    assert.match(describe(pr.id), /Trigger: Pull request #87 open \(feature\/nat-construct → main\): Move the NAT gateways/);
    assert.match(describe(pr.id), /Trigger filter: pull request: events OPEN, UPDATED · into main · files lib\/\*\*/);
    const automated = items.find((x) => x.triggerType === 'AutomatedRollback')!;
    assert.match(describe(automated.id), /Trigger: Automatic rollback to [0-9a-f]{8} after execution [0-9a-f]{8} failed/);
  });

  it('the timeline shows rule evaluations, a blocked stage and action variables', async () => {
    const key = { target: h.target, name: 'infra-networking' };
    await open(key.name);
    const latest = h.explorer.store.pipeline(key)?.recent?.[0];
    assert.ok(latest);
    const detail = await api.getExecution(key.name, latest.id, undefined, true);
    assert.ok(detail?.rules?.length, 'rule executions are read');
    const md = renderTimeline(detail, h.explorer.store.pipeline(key)?.structure, { region: 'us-east-1', now: emu.clock.now() });
    assert.match(md, /\*\*Trigger:\*\* Git push to main/);
    assert.match(md, /## Deploy — Blocked by a condition/);
    assert.match(md, /\| Failed \| NoNatErrors \| CloudWatchAlarm \| [0-9:]+ UTC \| [^|]+ \| Failed · Alarm shared-vpc-nat-errors is in state ALARM · \[details\]/);
    assert.match(md, /\| (Passed|Cancelled|Abandoned) \| FromMain \| VariableCheck \|/);
    assert.match(md, /## Variables\n\n\| Variable \| Value \| Output by \|\n\|---\|---\|---\|\n(.*\n)*\| `#\{SourceVariables\.BranchName\}` \| `main` \| Source \/ Source \|/);
    const v1 = await api.getExecution('payments-api', (await api.listExecutions('payments-api', 1)).items[0]!.id);
    assert.equal(v1?.rules, undefined, 'no rule call unless asked');
  });
});
