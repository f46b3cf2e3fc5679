import assert from 'node:assert/strict';
import { applicationConsoleUrl, deploymentConsoleUrl, groupConsoleUrl } from '../../../src/deploy/model/console';

describe('deploy: console links', () => {
  it('links applications, groups and deployments in every partition, names escaped', () => {
    assert.equal(applicationConsoleUrl('us-east-1', 'orders api'), 'https://us-east-1.console.aws.amazon.com/codesuite/codedeploy/applications/orders%20api?region=us-east-1');
    assert.equal(groupConsoleUrl('cn-north-1', 'web', 'prod/eu'), 'https://cn-north-1.console.amazonaws.cn/codesuite/codedeploy/applications/web/deployment-groups/prod%2Feu?region=cn-north-1');
    assert.equal(deploymentConsoleUrl('us-gov-west-1', 'd-ABCDEFGH1'), 'https://us-gov-west-1.console.amazonaws-us-gov.com/codesuite/codedeploy/deployments/d-ABCDEFGH1?region=us-gov-west-1');
  });
});
