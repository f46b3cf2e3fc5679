import assert from 'node:assert/strict';
import { deploymentArgs, isDeployNode } from '../../../src/deploy/model/command-args';
import { ACCOUNT } from './helpers';

describe('deploy: command arguments', () => {
  it('reads the deployment another feature names, and nothing else', () => {
    assert.deepEqual(deploymentArgs({ deploymentId: 'd-ABCDEFGH1', profile: 'dev', region: 'eu-west-1' }), { deploymentId: 'd-ABCDEFGH1', account: { profile: 'dev', region: 'eu-west-1' } });
    assert.deepEqual(deploymentArgs({ deploymentId: 'd-ABCDEFGH1', profile: 'dev' }), { deploymentId: 'd-ABCDEFGH1' }, 'a profile without a region is not an account');
    for (const bad of [undefined, null, 'd-ABCDEFGH1', ['d-ABCDEFGH1'], { deploymentId: 42 }, { deploymentId: 'd-short' }, { deploymentId: 'x-ABCDEFGH1' }, { deploymentId: '' }]) {
      assert.equal(deploymentArgs(bad), undefined, JSON.stringify(bad));
    }
  });

  it('tells the view’s rows from argument objects', () => {
    const node = { kind: 'deployment', account: ACCOUNT, deployment: { id: 'd-ABCDEFGH1' }, latest: true };
    assert.equal(isDeployNode(node), true);
    assert.equal(deploymentArgs({ ...node, deploymentId: 'd-ABCDEFGH1' }), undefined);
    assert.equal(isDeployNode({ kind: 'deployment', deploymentId: 'd-ABCDEFGH1' }), false, 'an AWS row always has its account');
    assert.equal(isDeployNode({ kind: 'pipeline', account: ACCOUNT }), false);
    assert.equal(isDeployNode({ kind: 'message', parentId: '', label: 'x' }), true);
  });
});
