// Issue 17, execution modes: every kind of execution is labelled where a person looks — the Executions
// rows (status, where an execution in flight is, its trigger), the pipeline row (several in flight),
// and the execution timeline (mode, rollback, a stage skipped or blocked by a condition, variables).
import * as assert from 'node:assert/strict';
import { nodeIds } from '../../../src/pipelines/model/keys';
import { PipelineStore } from '../../../src/pipelines/model/store';
import type { TreeNode } from '../../../src/pipelines/model/tree';
import type { ExecutionDetail, PipelineStructure } from '../../../src/pipelines/model/types';
import { present, type PresentContext } from '../../../src/pipelines/present/nodes';
import { renderTimeline } from '../../../src/pipelines/present/timeline';
import { timelineView } from '../../../src/pipelines/present/timeline-view';
import { execution, runtime, stage, action, structure, T } from './fixtures';

const NOW = 1_700_000_600_000;
const key = { target: T, name: 'web' };
const ctx = (store: PipelineStore): PresentContext => ({ store, now: NOW, isPinned: () => false, isWatched: () => false, pageSize: 50 });
const row = (store: PipelineStore, id: string): { description: string; tooltip: string } => {
  const node: TreeNode = { kind: 'execution', id: nodeIds.execution(key, id), key, executionId: id };
  const p = present(node, ctx(store));
  return { description: p.description ?? '', tooltip: (p.tooltip ?? '').replace(/\\(.)/g, '$1') };
};

function seeded(): PipelineStore {
  const s = new PipelineStore();
  s.setTargets([{ profile: 'demo', region: 'us-east-1' }]);
  s.applyList(T, [{ name: 'web', pipelineType: 'V2', executionMode: 'QUEUED', version: 1 }]);
  s.applyStructure(key, structure());
  const items = [
    execution('e-building', { status: 'InProgress', startTime: NOW - 60_000, executionMode: 'QUEUED' }),
    execution('e-queued', { status: 'InProgress', startTime: NOW - 30_000, executionMode: 'QUEUED', triggerType: 'StartPipelineExecution', triggerDetail: 'arn:aws:iam::1:user/ana' }),
    execution('e-rollback', { status: 'Succeeded', executionType: 'ROLLBACK', executionMode: 'QUEUED', triggerType: 'ManualRollback', triggerDetail: 'arn:aws:iam::1:user/ana', rollbackTargetId: 'e-old-0000' }),
    execution('e-superseded', { status: 'Superseded' }),
    execution('e-stopped', { status: 'Stopped', stopReason: 'Bad config' }),
    execution('e-stopping', { status: 'Stopping', startTime: NOW - 120_000 }),
    execution('e-abandoned', { status: 'Abandoned' }),
    execution('e-cancelled', { status: 'Cancelled' }),
  ];
  s.applyRecent(key, items);
  s.applyExecutions(key, { items }, false);
  s.applyRuntime(key, runtime([
    stage('Source', [action('Source')], { latestExecutionId: 'e-queued' }),
    stage('Build', [action('Build', { status: 'InProgress' })], { latestExecutionId: 'e-building', status: 'InProgress', waiting: [{ executionId: 'e-queued', status: 'InProgress' }] }),
    stage('Prod', [action('Deploy')], { latestExecutionId: 'e-rollback', latestExecutionType: 'ROLLBACK' }),
  ]));
  return s;
}

describe('Execution modes in the Pipelines tree', () => {
  it('labels each execution: where one in flight is, queued, rollback, superseded, stopped with its reason, stopping, abandoned, cancelled', () => {
    const s = seeded();
    assert.match(row(s, 'e-building').description, /^In progress · 1 minute ago · at Build · webhook$/);
    assert.match(row(s, 'e-queued').description, /^In progress · .* · queued before Build · manual$/);
    assert.match(row(s, 'e-rollback').description, /^Succeeded · .* · rollback \(manual\) · 5 min/);
    assert.match(row(s, 'e-rollback').tooltip, /Trigger: Manual rollback by ana to e-old-00/);
    assert.match(row(s, 'e-rollback').tooltip, /Mode: QUEUED · rollback execution/);
    assert.match(row(s, 'e-superseded').description, /^Superseded · /);
    assert.match(row(s, 'e-stopped').description, /^Stopped · /);
    assert.match(row(s, 'e-stopped').tooltip, /Stopped: Bad config/);
    assert.match(row(s, 'e-stopping').description, /^Stopping · 2 minutes ago/);
    assert.match(row(s, 'e-abandoned').description, /^Abandoned · /);
    assert.match(row(s, 'e-cancelled').description, /^Cancelled · /);
  });

  it('a pipeline with several executions in flight says how many and where each is', () => {
    const s = seeded();
    const p = present({ kind: 'pipeline', id: nodeIds.pipeline(key), key }, ctx(s));
    assert.equal(p.description, '3 in progress · Build, waiting for Build');
    assert.match(p.tooltip ?? '', /3 executions in flight:/);
    assert.match(p.tooltip ?? '', /`e-queued` .* — waiting to enter Build/);
  });
});

function v2Structure(result: 'SKIP' | 'FAIL'): PipelineStructure {
  const base = structure();
  return {
    ...base, executionMode: 'QUEUED',
    stages: base.stages.map((st) => (st.name === 'Prod'
      ? { ...st, conditions: { beforeEntry: { conditions: [{ result, rules: [{ name: 'Window', provider: 'DeploymentWindow', configuration: {} }] }] } } }
      : st)),
  };
}

function detail(over: Partial<ExecutionDetail> = {}): ExecutionDetail {
  return {
    pipelineName: 'web', id: 'e-1234567890', status: 'Succeeded', executionMode: 'QUEUED', pipelineVersion: 1,
    artifactRevisions: [], variables: [{ name: 'ENV', value: 'staging' }],
    actions: [
      { stageName: 'Source', actionName: 'Source', status: 'Succeeded', startTime: NOW - 300_000, lastUpdateTime: NOW - 290_000, namespace: 'SourceVariables', outputVariables: { BranchName: 'main' } },
      { stageName: 'Build', actionName: 'Build', status: 'Succeeded', startTime: NOW - 280_000, lastUpdateTime: NOW - 200_000 },
    ],
    rules: [{ executionId: 'e-1234567890', stageName: 'Prod', ruleName: 'Window', status: 'Failed', provider: 'DeploymentWindow', startTime: NOW - 190_000, lastUpdateTime: NOW - 189_000, summary: 'Outside the deployment window' }],
    ...over,
  };
}

describe('Execution modes in the execution timeline', () => {
  it('a stage whose entry condition has result SKIP is labelled skipped, with FAIL blocked', () => {
    const skipped = renderTimeline(detail(), v2Structure('SKIP'), { region: 'us-east-1', now: NOW });
    assert.match(skipped, /## Prod — Skipped by a condition/);
    assert.match(skipped, /\| Failed \| Window \| DeploymentWindow \|.*Failed · Outside the deployment window/);
    const blocked = renderTimeline(detail(), v2Structure('FAIL'), { region: 'us-east-1', now: NOW });
    assert.match(blocked, /## Prod — Blocked by a condition/);
    // The timeline page says the same as the Markdown form.
    const page = (result: 'SKIP' | 'FAIL'): string | undefined => timelineView(detail(), v2Structure(result), { region: 'us-east-1', now: NOW })
      .stages.find((st) => st.name === 'Prod')?.status.label;
    assert.equal(page('SKIP'), 'Skipped by a condition');
    assert.equal(page('FAIL'), 'Blocked by a condition');
  });

  it('shows the mode, a rollback and what it went back to, a superseded run, pipeline and action variables', () => {
    const md = renderTimeline(detail({ executionType: 'ROLLBACK', triggerType: 'ManualRollback', triggerDetail: 'arn:aws:iam::1:user/ana', rollbackTargetId: 'e-old-0000' }),
      v2Structure('FAIL'), { region: 'us-east-1', now: NOW });
    assert.match(md, /\*\*Mode:\*\* QUEUED · rollback execution/);
    assert.match(md, /\*\*Trigger:\*\* Manual rollback by ana to e-old-00/);
    assert.match(md, /\*\*Pipeline variables:\*\* ENV=`staging`/);
    assert.match(md, /\| `#\{SourceVariables\.BranchName\}` \| `main` \| Source \/ Source \|/);
    assert.match(renderTimeline(detail({ status: 'Superseded' }), v2Structure('FAIL'), { region: 'us-east-1', now: NOW }), /^# web · execution `e-123456`\n\n\*\*Status:\*\* Superseded/);
  });
});
