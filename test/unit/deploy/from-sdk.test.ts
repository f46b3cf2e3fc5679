// Mapping SDK outputs to the plain model: members the service leaves out, statuses it may add later,
// revision labels, the waits a blue/green deployment is in, and every target type.
import assert from 'node:assert/strict';
import { applicationFromSdk, deploymentFromSdk, groupFromSdk, revisionFromSdk, targetFromSdk } from '../../../src/deploy/model/from-sdk';

describe('deploy: SDK → model mapping', () => {
  it('drops records without their identifying names and tolerates everything else missing', () => {
    assert.equal(applicationFromSdk({}), undefined);
    assert.deepEqual(applicationFromSdk({ applicationName: 'web', computePlatform: 'Server', createTime: new Date(1000) }), { name: 'web', computePlatform: 'Server', createTime: 1000 });
    assert.equal(applicationFromSdk({ applicationName: 'web', computePlatform: 'Mainframe' as 'Server' })!.computePlatform, undefined);
    assert.equal(groupFromSdk({ applicationName: 'web' }), undefined);
    assert.deepEqual(groupFromSdk({ applicationName: 'web', deploymentGroupName: 'prod' }), { applicationName: 'web', name: 'prod', trafficControl: false, loadBalancers: [], ecsServices: [] });
    assert.equal(deploymentFromSdk({ deploymentId: 'd-1' }), undefined);
    assert.equal(targetFromSdk({}), undefined);
  });

  it('labels revisions for people and keeps what a redeploy needs', () => {
    assert.equal(revisionFromSdk({ revisionType: 'S3', s3Location: { bucket: 'b', key: 'k/app.zip', bundleType: 'zip', eTag: 'e' } })!.label, 's3://b/k/app.zip');
    assert.deepEqual(revisionFromSdk({ revisionType: 'GitHub', gitHubLocation: { repository: 'acme/api', commitId: '0123456789abcdef' } }),
      { type: 'GitHub', label: 'acme/api@0123456', gitHub: { repository: 'acme/api', commitId: '0123456789abcdef' } });
    assert.deepEqual(revisionFromSdk({ revisionType: 'AppSpecContent', appSpecContent: { sha256: 'a1b2c3d4e5f6' } }),
      { type: 'AppSpecContent', label: 'AppSpec (sha256 a1b2c3d4)', sha256: 'a1b2c3d4e5f6' });
    assert.equal(revisionFromSdk({ revisionType: 'String', string: { content: 'version: 0.0' } })!.appSpecContent, 'version: 0.0');
    assert.equal(revisionFromSdk({ revisionType: 'S3', s3Location: { bucket: 'b' } }), undefined);
  });

  it('says what a blue/green deployment waits for, and keeps only known overview counts', () => {
    const base = { deploymentId: 'd-1', applicationName: 'web', deploymentGroupName: 'prod' };
    assert.equal(deploymentFromSdk({ ...base, status: 'Ready' })!.waitingFor, 'trafficRerouting');
    assert.equal(deploymentFromSdk({ ...base, status: 'InProgress', instanceTerminationWaitTimeStarted: true })!.waitingFor, 'termination');
    assert.equal(deploymentFromSdk({ ...base, status: 'Succeeded', instanceTerminationWaitTimeStarted: true })!.waitingFor, undefined);
    const d = deploymentFromSdk({ ...base, status: 'Failed', deploymentOverview: { Failed: 2, Skipped: 1 }, errorInformation: { code: 'HEALTH_CONSTRAINTS' } })!;
    assert.deepEqual(d.overview, { Failed: 2, Skipped: 1 });
    assert.deepEqual(d.error, { code: 'HEALTH_CONSTRAINTS', message: '' });
  });

  it('maps every target type, with event durations and unknown statuses as Unknown', () => {
    const event = { lifecycleEventName: 'AllowTraffic', status: 'Paused' as 'Pending', startTime: new Date(1000), endTime: new Date(4500) };
    const lambda = targetFromSdk({ deploymentTargetType: 'LambdaTarget', lambdaTarget: {
      deploymentId: 'd-1', targetId: 'fn', status: 'Succeeded', lifecycleEvents: [event],
      lambdaFunctionInfo: { functionName: 'fn', functionAlias: 'live', currentVersion: '1', targetVersion: '2', targetVersionWeight: 0.1 },
    } })!;
    assert.equal(lambda.kind, 'lambda');
    assert.deepEqual(lambda.events, [{ name: 'AllowTraffic', status: 'Unknown', startTime: 1000, endTime: 4500, durationMs: 3500 }]);
    assert.equal(lambda.lambda!.targetVersionWeight, 0.1);
    const cfn = targetFromSdk({ deploymentTargetType: 'CloudFormationTarget', cloudFormationTarget: { deploymentId: 'd-1', targetId: 'stack', status: 'InProgress' } })!;
    assert.deepEqual([cfn.kind, cfn.arn, cfn.events], ['cloudformation', undefined, []]);
    const ecs = targetFromSdk({ deploymentTargetType: 'ECSTarget', ecsTarget: {
      deploymentId: 'd-1', targetId: 'c:s', status: 'Ready', taskSetsInfo: [{ identifer: 'ecs-svc/1', taskSetLabel: 'Green', trafficWeight: 0, targetGroup: { name: 'tg-2' } }],
    } })!;
    assert.deepEqual(ecs.taskSets, [{ id: 'ecs-svc/1', label: 'Green', trafficWeight: 0, targetGroup: 'tg-2' }]);
  });
});
