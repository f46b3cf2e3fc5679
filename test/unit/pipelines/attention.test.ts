import * as assert from 'node:assert/strict';
import { attentionOf, blockedStage, orderPipelines } from '../../../src/pipelines/model/attention';
import type { PipelineEntry } from '../../../src/pipelines/model/store';
import type { ExecutionStatus } from '../../../src/pipelines/model/types';
import { action, execution, runtime, stage, standardRuntime } from './fixtures';

function entry(name: string, status: ExecutionStatus | undefined, over: Partial<PipelineEntry> = {}): PipelineEntry {
  return { summary: { name }, ...(status ? { recent: [execution('exec-1', { status })] } : { recent: [] }), ...over };
}

/** legacy-billing in the demo: Build finished the run, the transition into Deploy is disabled. */
function heldRuntime(): ReturnType<typeof runtime> {
  return runtime([
    stage('Source', [action('Source')]),
    stage('Build', [action('Build')]),
    stage('Deploy', [action('Deploy')], { inbound: { enabled: false, disabledReason: 'Change freeze' }, latestExecutionId: 'exec-0' }),
  ]);
}

describe('pipelines: what needs attention', () => {
  it('finds the stage whose disabled transition holds the latest run', () => {
    assert.deepEqual(blockedStage(heldRuntime(), 'exec-1'), { stageName: 'Deploy', reason: 'Change freeze' });
    assert.equal(blockedStage(heldRuntime(), 'exec-9'), undefined, 'another run is not held there');
    const running = heldRuntime();
    running.stages[1] = stage('Build', [action('Build', { status: 'InProgress' })], { status: 'InProgress' });
    assert.equal(blockedStage(running, 'exec-1'), undefined, 'still building: not held yet');
    const open = heldRuntime();
    open.stages[2]!.inbound = { enabled: true };
    assert.equal(blockedStage(open, 'exec-1'), undefined);
  });

  it('ranks failed, waiting for approval, blocked, running, the rest', () => {
    assert.deepEqual(attentionOf(entry('a', 'Failed')), { kind: 'failed' });
    assert.deepEqual(attentionOf(entry('b', 'InProgress', { runtime: standardRuntime() })), { kind: 'approval', stageName: 'Prod', actionName: 'Approve' });
    assert.deepEqual(attentionOf(entry('c', 'InProgress', { runtime: heldRuntime() })), { kind: 'blocked', stageName: 'Deploy', reason: 'Change freeze' });
    assert.deepEqual(attentionOf(entry('d', 'InProgress')), { kind: 'running' });
    assert.deepEqual(attentionOf(entry('e', 'Succeeded')), { kind: 'none' });
    assert.deepEqual(attentionOf(entry('f', undefined)), { kind: 'none' });
    assert.deepEqual(attentionOf(entry('g', 'Failed', { deleted: true })), { kind: 'none' });
  });

  it('orders the list by attention, alphabetically within a rank, or alphabetically on request', () => {
    const entries = new Map<string, PipelineEntry>([
      ['analytics', entry('analytics', 'Succeeded')],
      ['auth', entry('auth', 'InProgress')],
      ['billing', entry('billing', 'InProgress', { runtime: heldRuntime() })],
      ['orders', entry('orders', 'InProgress', { runtime: standardRuntime() })],
      ['payments', entry('payments', 'Failed')],
      ['zeta', entry('zeta', 'Failed')],
    ]);
    const names = [...entries.keys()];
    assert.deepEqual(orderPipelines(names, 'attention', (n) => entries.get(n)), ['payments', 'zeta', 'orders', 'billing', 'auth', 'analytics']);
    assert.deepEqual(orderPipelines(names, 'name', (n) => entries.get(n)), names);
  });
});
