import * as assert from 'node:assert/strict';
import { parentOf, pruneDescendants } from '../../../src/pipelines/model/diff';
import { nodeIds } from '../../../src/pipelines/model/keys';
import { PipelineStore } from '../../../src/pipelines/model/store';
import { action, execution, stage, standardRuntime, structure, T } from './fixtures';

const key = { target: T, name: 'web' };

function seeded(): PipelineStore {
  const store = new PipelineStore();
  store.setTargets([{ profile: 'demo', region: 'us-east-1' }]);
  store.applyList(T, [{ name: 'web', version: 1 }, { name: 'api', version: 3 }]);
  return store;
}

describe('pipeline store and diffing', () => {
  it('sorts names case-insensitively and reports the root only when the set of pipelines changes', () => {
    const store = new PipelineStore();
    store.setTargets([{ profile: 'demo', region: 'us-east-1' }]);
    assert.deepEqual(store.applyList(T, [{ name: 'beta' }, { name: 'Alpha' }, { name: 'gamma' }]), [nodeIds.target(T)]);
    assert.deepEqual(store.target(T)?.names, ['Alpha', 'beta', 'gamma']);
    assert.deepEqual(store.applyList(T, [{ name: 'gamma' }, { name: 'Alpha' }, { name: 'beta' }]), [], 'same list, other order: nothing changed');
    assert.deepEqual(store.applyList(T, [{ name: 'gamma' }, { name: 'Alpha' }, { name: 'beta', version: 2 }]), [nodeIds.pipeline({ target: T, name: 'beta' })]);
    assert.deepEqual(store.applyList(T, [{ name: 'gamma' }, { name: 'Alpha' }]), [nodeIds.target(T)]);
  });

  it('drops the cached declaration when the pipeline version changes', () => {
    const store = seeded();
    store.applyStructure(key, structure());
    store.applyList(T, [{ name: 'web', version: 2 }, { name: 'api', version: 3 }]);
    assert.equal(store.pipeline(key)?.structure, undefined);
  });

  it('fires only the action whose state changed', () => {
    const store = seeded();
    assert.deepEqual(store.applyRuntime(key, standardRuntime()), [nodeIds.pipeline(key)], 'first state: the pipeline subtree');
    assert.deepEqual(store.applyRuntime(key, standardRuntime()), [], 'identical state: nothing');
    const next = standardRuntime();
    next.stages[1]!.actions[0] = action('Build', { externalExecutionId: 'web-build:0b6f4f1e-1c2d-4e5f-8a9b-0c1d2e3f4a5b', summary: 'tests passed' });
    assert.deepEqual(store.applyRuntime(key, next), [nodeIds.action(key, 'Build', 'Build')]);
  });

  it('fires the stage when its own status or transition changes, and the pipeline when approvals appear or vanish', () => {
    const store = seeded();
    store.applyRuntime(key, standardRuntime());
    const disabled = standardRuntime();
    disabled.stages[2]!.inbound = { enabled: false, disabledReason: 'freeze' };
    assert.deepEqual(store.applyRuntime(key, disabled), [nodeIds.stage(key, 'Prod')]);
    const approved = standardRuntime();
    approved.stages[2]!.inbound = { enabled: false, disabledReason: 'freeze' };
    approved.stages[2]!.actions[0] = action('Approve', { status: 'Succeeded' });
    assert.deepEqual(store.applyRuntime(key, approved).sort(), [nodeIds.action(key, 'Prod', 'Approve'), nodeIds.pipeline(key)].sort());
  });

  it('fires the pipeline when stages are added or renamed', () => {
    const store = seeded();
    store.applyRuntime(key, standardRuntime());
    const more = standardRuntime();
    more.stages.push(stage('Verify', [action('Smoke')]));
    assert.deepEqual(store.applyRuntime(key, more), [nodeIds.pipeline(key)]);
  });

  it('fires the pipeline row only when its latest execution changes', () => {
    const store = seeded();
    assert.deepEqual(store.applyRecent(key, [execution('e2'), execution('e1')]), [nodeIds.pipeline(key)]);
    assert.deepEqual(store.applyRecent(key, [execution('e2'), execution('e1')]), []);
    assert.deepEqual(store.applyRecent(key, [execution('e2'), execution('e0')]), [], 'older executions do not show on the row');
    assert.deepEqual(store.applyRecent(key, [execution('e2', { status: 'Failed' }), execution('e1')]), [nodeIds.pipeline(key)]);
  });

  it('clears a pipeline error with the next successful load and says so', () => {
    const store = seeded();
    store.applyRecent(key, [execution('e1')]);
    assert.deepEqual(store.applyPipelineError(key, { message: 'throttled', category: 'throttled' }), [nodeIds.pipeline(key)]);
    assert.deepEqual(store.applyPipelineError(key, { message: 'throttled', category: 'throttled' }), []);
    assert.deepEqual(store.applyRecent(key, [execution('e1')]), [nodeIds.pipeline(key)]);
    assert.equal(store.pipeline(key)?.error, undefined);
  });

  it('keeps "Load more" pages when the first page is refreshed', () => {
    const store = seeded();
    store.applyExecutions(key, { items: [execution('e5'), execution('e4')], nextToken: 'n1' }, false);
    store.applyExecutions(key, { items: [execution('e3'), execution('e2')], nextToken: 'n2' }, true);
    const changed = store.applyExecutions(key, { items: [execution('e6'), execution('e5')], nextToken: 'x' }, false);
    assert.deepEqual(changed, [nodeIds.executions(key)]);
    assert.deepEqual(store.pipeline(key)?.executions?.items.map((e) => e.id), ['e6', 'e5', 'e4', 'e3', 'e2']);
    assert.equal(store.pipeline(key)?.executions?.nextToken, 'n2');
  });

  it('marks a deleted pipeline once; a stale list keeps the mark, a re-created pipeline or a good read clears it', () => {
    const store = seeded();
    assert.deepEqual(store.markDeleted(key), [nodeIds.pipeline(key)]);
    assert.deepEqual(store.markDeleted(key), []);
    store.applyList(T, [{ name: 'web', version: 1 }, { name: 'api', version: 3 }]);
    assert.equal(store.pipeline(key)?.deleted, true, 'the same listing as before is older news');
    assert.deepEqual(store.applyList(T, [{ name: 'web', version: 1, created: 5 }, { name: 'api', version: 3 }]), [nodeIds.pipeline(key)]);
    assert.equal(store.pipeline(key)?.deleted, undefined, 're-created');
    store.markDeleted(key);
    assert.deepEqual(store.applyRuntime(key, standardRuntime()), [nodeIds.pipeline(key)]);
    assert.equal(store.pipeline(key)?.deleted, undefined);
  });

  it('keeps data of targets that stay when the roots change', () => {
    const store = seeded();
    store.applyRecent(key, [execution('e1')]);
    assert.equal(store.setTargets([{ profile: 'demo', region: 'us-east-1' }, { profile: 'prod', region: 'eu-west-1', label: 'Prod' }]), true);
    assert.equal(store.pipeline(key)?.recent?.[0]?.id, 'e1');
    assert.equal(store.setTargets([{ profile: 'demo', region: 'us-east-1' }, { profile: 'prod', region: 'eu-west-1', label: 'Prod' }]), false);
  });

  it('parentOf / pruneDescendants follow the tree shape', () => {
    const a = nodeIds.action(key, 'Build', 'Build');
    assert.equal(parentOf(a), nodeIds.stage(key, 'Build'));
    assert.equal(parentOf(nodeIds.stage(key, 'Build')), nodeIds.pipeline(key));
    assert.equal(parentOf(nodeIds.pipeline(key)), nodeIds.target(T));
    assert.equal(parentOf(nodeIds.execution(key, 'e1')), nodeIds.executions(key));
    assert.deepEqual(pruneDescendants([a, nodeIds.pipeline(key), nodeIds.pipeline({ target: T, name: 'api' })]).sort(),
      [nodeIds.pipeline(key), nodeIds.pipeline({ target: T, name: 'api' })].sort());
    assert.deepEqual(pruneDescendants([a, nodeIds.target(T)]), [nodeIds.target(T)]);
  });
});
