import * as assert from 'node:assert/strict';
import type { FlowPickView } from '../../../src/core/flow';
import { startBuildFlow, type StartFlowOptions } from '../../../src/codebuild/model/start-build-flow';

const OPTIONS: StartFlowOptions = {
  title: 'Start Build', project: 'orders-api-unit-tests', sourceVersion: 'main', buildspecPath: 'ci/buildspec.yml',
  files: [{ label: 'buildspec.yml', matchesProject: false }, { label: 'ci/buildspec.yml', matchesProject: true }],
};

function step(flow: ReturnType<typeof startBuildFlow>): string {
  const s = flow.show();
  return `${s.number}/${s.total} ${s.view.id}`;
}

describe('codebuild: Start Build flow', () => {
  it('starts as the project is in one step, "Start" highlighted', () => {
    const flow = startBuildFlow(OPTIONS);
    const shown = flow.show();
    assert.equal(step(flow), '1/1 how');
    assert.equal(shown.view.title, 'Start Build: orders-api-unit-tests');
    const view = shown.view as FlowPickView;
    assert.equal(view.activeId, 'defaults');
    assert.deepEqual(view.items.map((i) => `${i.label} — ${i.description}`), [
      'Start — source main',
      'Start with overrides… — source version, environment variables, buildspec',
      "Start with the workspace's buildspec.yml — instead of the project's buildspec",
      "Start with the workspace's ci/buildspec.yml — this project's buildspec, as it is in the workspace",
    ]);
    assert.deepEqual(flow.submit({ ids: ['defaults'] }), { status: 'done', result: { environmentVariables: [] } });
  });

  it('with overrides: version prefilled with the project\'s, variables checked, the matching workspace buildspec preselected, Back keeps answers', () => {
    const flow = startBuildFlow(OPTIONS);
    assert.equal(flow.submit({ ids: ['overrides'] }).status, 'next');
    assert.equal(step(flow), '2/4 version');
    const version = flow.show().view;
    assert.equal(version.kind === 'input' ? version.value : '', 'main');
    assert.equal(flow.validate('has space'), 'A branch, tag or commit has no spaces.');
    assert.deepEqual(flow.submit({ text: 'has space' }), { status: 'invalid', message: 'A branch, tag or commit has no spaces.' });
    flow.submit({ text: ' release/2.0 ' });
    assert.equal(step(flow), '3/4 environment');
    assert.match(flow.submit({ text: 'CODEBUILD_X=1' }).status, /^invalid$/);
    flow.submit({ text: 'STAGE=test, LOG_LEVEL=debug' });
    assert.equal(step(flow), '4/4 buildspec');
    assert.equal((flow.show().view as FlowPickView).activeId, 'file:1', 'the file the project builds');
    assert.equal(flow.back(), true);
    assert.equal(step(flow), '3/4 environment');
    const env = flow.show().view;
    assert.equal(env.kind === 'input' ? env.value : '', 'STAGE=test, LOG_LEVEL=debug', 'Back keeps what was typed');
    flow.back();
    const again = flow.show().view;
    assert.equal(again.kind === 'input' ? again.value : '', 'release/2.0');
    flow.submit({ text: 'release/2.0' });
    flow.submit({ text: 'STAGE=test, LOG_LEVEL=debug' });
    const done = flow.submit({ ids: ['file:0'] });
    assert.deepEqual(done, { status: 'done', result: {
      sourceVersion: 'release/2.0', file: 0,
      environmentVariables: [{ name: 'STAGE', value: 'test', type: 'PLAINTEXT' }, { name: 'LOG_LEVEL', value: 'debug', type: 'PLAINTEXT' }],
    } });
  });

  it('asks no buildspec without workspace files; the project\'s buildspec when no file matches; an empty version is the project\'s', () => {
    const none = startBuildFlow({ ...OPTIONS, sourceVersion: undefined, files: [] });
    assert.equal((none.show().view as FlowPickView).items.length, 2);
    none.submit({ ids: ['overrides'] });
    assert.equal(step(none), '2/3 version');
    none.submit({ text: '' });
    assert.deepEqual(none.submit({ text: '' }), { status: 'done', result: { environmentVariables: [] } });
    const unmatched = startBuildFlow({ ...OPTIONS, files: [{ label: 'buildspec.yml', matchesProject: false }] });
    unmatched.submit({ ids: ['overrides'] });
    unmatched.submit({ text: 'main' });
    unmatched.submit({ text: '' });
    assert.equal((unmatched.show().view as FlowPickView).activeId, 'project');
    assert.deepEqual(unmatched.submit({ ids: ['project'] }), { status: 'done', result: { sourceVersion: 'main', environmentVariables: [] } });
  });

  it('starts with a workspace file from the first step; going back there and choosing Start drops the overrides', () => {
    const flow = startBuildFlow(OPTIONS);
    assert.deepEqual(flow.submit({ ids: ['file:1'] }), { status: 'done', result: { environmentVariables: [], file: 1 } });
    const back = startBuildFlow(OPTIONS);
    back.submit({ ids: ['overrides'] });
    back.submit({ text: 'feature/x' });
    back.back();
    back.back();
    assert.equal(step(back), '1/4 how');
    assert.equal((back.show().view as FlowPickView).activeId, 'overrides', 'the earlier choice is highlighted');
    assert.deepEqual(back.submit({ ids: ['defaults'] }), { status: 'done', result: { environmentVariables: [] } });
    assert.equal(back.back(), false);
  });
});
