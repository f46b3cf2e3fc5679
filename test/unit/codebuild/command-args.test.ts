// What the CodeBuild commands accept from scripts, the CodeLens and notifications, and which files the
// activation shell treats as buildspecs.
import * as assert from 'node:assert/strict';
import { isBuildspecPath } from '../../../src/codebuild/buildspec-path';
import { nodeIds } from '../../../src/codebuild/model/keys';
import { asArgs, isNode } from '../../../src/codebuild/model/command-args';

describe('CodeBuild command arguments', () => {
  it('keeps the fields with the right types and drops the rest', () => {
    assert.deepEqual(asArgs({
      profile: 'dev', region: 'eu-west-1', projectName: 'api', buildId: 'api:1', quick: true, confirmed: 'yes',
      buildspecOverride: '', environmentVariables: 42, retryMode: 'RETRY_FAILED_BUILDS', sourceVersion: '',
    }), { profile: 'dev', region: 'eu-west-1', projectName: 'api', buildId: 'api:1', quick: true, buildspecOverride: '', retryMode: 'RETRY_FAILED_BUILDS' });
    assert.deepEqual(asArgs({ retryMode: 'ALL' }), {});
    assert.deepEqual(asArgs('api'), {});
    assert.deepEqual(asArgs(null), {});
  });

  it('tells tree nodes from argument objects', () => {
    const key = { target: '["p","r"]', name: 'api' };
    const node = { kind: 'project', id: nodeIds.project(key), key };
    assert.equal(isNode(node), true);
    assert.deepEqual(asArgs(node), {}, 'a node is not an argument object');
    assert.equal(isNode({ kind: 'pipeline', id: 'x' }), false, 'another view\'s node');
  });

  it('recognises buildspec file names', () => {
    for (const p of ['/w/buildspec.yml', '/w/ci/buildspec-test.yaml', '/w/BuildSpec.YML', '/w/unit.buildspec.yml']) assert.equal(isBuildspecPath(p), true, p);
    for (const p of ['/w/buildspec.json', '/w/my-buildspec.yml', '/w/buildspec/readme.md', '/w/appspec.yml']) assert.equal(isBuildspecPath(p), false, p);
  });
});
