// Blue/green deployments over simulated time: EC2 replacement instances waiting Ready for rerouting,
// ECS task sets with test traffic and canary shifting, Lambda linear shifting, the termination wait,
// and what ContinueDeployment accepts when.
import assert from 'node:assert/strict';
import {
  ContinueDeploymentCommand, CreateDeploymentCommand, GetDeploymentCommand, ListDeploymentInstancesCommand, ListDeploymentTargetsCommand,
} from '@aws-sdk/client-codedeploy';
import { rejectsWith } from './core.helpers';
import { eventSummary, s3, serverAppSpec, serverGroup, status, targets, useDeployEmulator } from './codedeploy.helpers';

const MIN = 60_000;

const ECS_APPSPEC = `version: 0.0
Resources:
  - TargetService:
      Type: AWS::ECS::Service
      Properties:
        TaskDefinition: "arn:aws:ecs:us-east-1:111111111111:task-definition/web:7"
        LoadBalancerInfo:
          ContainerName: "web"
          ContainerPort: 8080
Hooks:
  - AfterAllowTestTraffic: "web-smoke-tests"
`;

const LAMBDA_APPSPEC = `version: 0.0
Resources:
  - Fn:
      Type: AWS::Lambda::Function
      Properties:
        Name: "thumbnailer"
        Alias: "live"
        CurrentVersion: "4"
        TargetVersion: "5"
Hooks:
  - BeforeAllowTraffic: "thumbnailer-pre"
`;

describe('emulator: CodeDeploy blue/green deployments (simulated clock)', function () {
  this.timeout(30_000);
  const f = useDeployEmulator({ speed: 0 });
  beforeEach(() => f.emulator.reset());
  const advance = (ms: number): void => f.emulator.clock.advance(ms);
  const info = async (id: string) => (await f.codedeploy.send(new GetDeploymentCommand({ deploymentId: id }))).deploymentInfo!;
  const cont = (id: string, type?: 'READY_WAIT' | 'TERMINATION_WAIT') =>
    f.codedeploy.send(new ContinueDeploymentCommand({ deploymentId: id, ...(type ? { deploymentWaitType: type } : {}) }));

  it('EC2: replacement instances install and wait Ready; ContinueDeployment reroutes, then the originals go after the wait', async () => {
    serverGroup(f.store(), 'web', {
      deploymentGroupName: 'prod', instanceCount: 2, deploymentConfigName: 'CodeDeployDefault.AllAtOnce',
      deploymentStyle: { deploymentType: 'BLUE_GREEN', deploymentOption: 'WITH_TRAFFIC_CONTROL' },
      loadBalancerInfo: { targetGroupInfoList: [{ name: 'web-tg' }] },
      blueGreenDeploymentConfiguration: {
        deploymentReadyOption: { actionOnTimeout: 'STOP_DEPLOYMENT', waitTimeInMinutes: 60 },
        terminateBlueInstancesOnDeploymentSuccess: { action: 'TERMINATE', terminationWaitTimeInMinutes: 5 },
      },
    }, { 'web.zip': { appspec: serverAppSpec({ ValidateService: ['check.sh'] }) } });
    const blue = [...f.store().group('web', 'prod')!.instances];
    const id = (await f.codedeploy.send(new CreateDeploymentCommand({ applicationName: 'web', deploymentGroupName: 'prod', revision: s3('web.zip') }))).deploymentId!;
    advance(10 * MIN);
    let d = await info(id);
    assert.equal(d.status, 'Ready');
    assert.deepEqual(d.deploymentOverview, { Pending: 2, InProgress: 0, Succeeded: 0, Failed: 0, Skipped: 0, Ready: 2 });
    const green = (await f.codedeploy.send(new ListDeploymentTargetsCommand({ deploymentId: id, targetFilters: { ServerInstanceLabel: ['Green'] } }))).targetIds!;
    assert.equal(green.length, 2);
    assert.ok(green.every((g) => !blue.includes(g)), 'replacement instances are new');
    const blueIds = (await f.codedeploy.send(new ListDeploymentInstancesCommand({ deploymentId: id, instanceTypeFilter: ['Blue'] }))).instancesList!;
    assert.deepEqual(blueIds, blue);
    await rejectsWith(cont(id, 'TERMINATION_WAIT'), 'DeploymentIsNotInReadyStateException');

    await cont(id);
    assert.equal(await status(f, id), 'InProgress');
    advance(5 * MIN);
    d = await info(id);
    assert.equal(d.status, 'InProgress', 'waiting to terminate the original instances');
    assert.equal(d.instanceTerminationWaitTimeStarted, true);
    for (const t of await targets(f, id)) {
      const label = t.instanceTarget!.instanceLabel;
      assert.equal(t.instanceTarget!.status, 'Succeeded');
      assert.deepEqual(eventSummary(t).map((e) => e.split(':')[0]), label === 'Green'
        ? ['ApplicationStop', 'DownloadBundle', 'BeforeInstall', 'Install', 'AfterInstall', 'ApplicationStart', 'ValidateService', 'BeforeAllowTraffic', 'AllowTraffic', 'AfterAllowTraffic']
        : ['BeforeBlockTraffic', 'BlockTraffic', 'AfterBlockTraffic']);
    }
    advance(5 * MIN);
    assert.equal(await status(f, id), 'Succeeded');
    assert.deepEqual(f.store().group('web', 'prod')!.instances, green, 'the replacement fleet is the group now');
  });

  it('EC2: a deployment nobody reroutes is Stopped when the ready wait runs out', async () => {
    serverGroup(f.store(), 'web', {
      deploymentGroupName: 'prod', deploymentStyle: { deploymentType: 'BLUE_GREEN', deploymentOption: 'WITH_TRAFFIC_CONTROL' },
      blueGreenDeploymentConfiguration: { deploymentReadyOption: { actionOnTimeout: 'STOP_DEPLOYMENT', waitTimeInMinutes: 30 } },
    }, { 'web.zip': { appspec: serverAppSpec({}) } });
    const id = (await f.codedeploy.send(new CreateDeploymentCommand({ applicationName: 'web', deploymentGroupName: 'prod', revision: s3('web.zip') }))).deploymentId!;
    advance(5 * MIN);
    assert.equal(await status(f, id), 'Ready');
    advance(30 * MIN);
    const d = await info(id);
    assert.equal(d.status, 'Stopped');
    assert.equal(d.errorInformation!.code, 'TIMEOUT');
    await rejectsWith(cont(id), 'DeploymentAlreadyCompletedException');
  });

  it('ECS: eight events, hooks the appspec leaves out Skipped, test traffic, a Ready wait, canary shifting, task set cleanup', async () => {
    const store = f.store();
    const app = store.createApplication('web', 'ECS');
    store.createGroup(app, {
      deploymentGroupName: 'prod', deploymentConfigName: 'CodeDeployDefault.ECSCanary10Percent5Minutes',
      ecsServices: [{ clusterName: 'retail', serviceName: 'web' }],
      loadBalancerInfo: { targetGroupPairInfoList: [{ targetGroups: [{ name: 'web-blue' }, { name: 'web-green' }], prodTrafficRoute: { listenerArns: ['arn:prod'] }, testTrafficRoute: { listenerArns: ['arn:test'] } }] },
      blueGreenDeploymentConfiguration: {
        deploymentReadyOption: { actionOnTimeout: 'STOP_DEPLOYMENT', waitTimeInMinutes: 120 },
        terminateBlueInstancesOnDeploymentSuccess: { action: 'TERMINATE', terminationWaitTimeInMinutes: 30 },
      },
    });
    const id = (await f.codedeploy.send(new CreateDeploymentCommand({
      applicationName: 'web', deploymentGroupName: 'prod', revision: { revisionType: 'AppSpecContent', appSpecContent: { content: ECS_APPSPEC } },
    }))).deploymentId!;
    advance(5 * MIN);
    assert.equal(await status(f, id), 'Ready');
    let [t] = await targets(f, id);
    assert.equal(t!.deploymentTargetType, 'ECSTarget');
    assert.equal(t!.ecsTarget!.targetId, 'retail:web');
    assert.equal(t!.ecsTarget!.status, 'Ready');
    assert.deepEqual(eventSummary(t!), [
      'BeforeInstall:Skipped', 'Install:Succeeded', 'AfterInstall:Skipped', 'AllowTestTraffic:Succeeded', 'AfterAllowTestTraffic:Succeeded',
      'BeforeAllowTraffic:Pending', 'AllowTraffic:Pending', 'AfterAllowTraffic:Pending',
    ]);
    assert.equal(t!.ecsTarget!.lifecycleEvents![0]!.startTime, undefined, 'a skipped hook never started');
    const weights = (): Promise<Record<string, number>> => targets(f, id).then(([x]) =>
      Object.fromEntries(x!.ecsTarget!.taskSetsInfo!.map((s) => [`${s.taskSetLabel}:${s.targetGroup!.name}`, s.trafficWeight!])));
    assert.deepEqual(await weights(), { 'Blue:web-blue': 100, 'Green:web-green': 0 });

    await cont(id, 'READY_WAIT');
    advance(MIN);
    assert.deepEqual(await weights(), { 'Blue:web-blue': 90, 'Green:web-green': 10 }, 'canary: 10% first');
    advance(5 * MIN);
    assert.deepEqual(await weights(), { 'Blue:web-blue': 0, 'Green:web-green': 100 }, 'then the rest after five minutes');
    [t] = await targets(f, id);
    assert.deepEqual(eventSummary(t!).slice(5), ['BeforeAllowTraffic:Skipped', 'AllowTraffic:Succeeded', 'AfterAllowTraffic:Skipped']);
    const d = await info(id);
    assert.equal(d.status, 'InProgress');
    assert.equal(d.instanceTerminationWaitTimeStarted, true);
    await cont(id, 'TERMINATION_WAIT');
    assert.equal(await status(f, id), 'Succeeded');
    assert.deepEqual(Object.keys(await weights()), ['Green:web-green'], 'the original task set is gone');
    await rejectsWith(f.codedeploy.send(new ListDeploymentInstancesCommand({ deploymentId: id })), 'InvalidComputePlatformException');
  });

  it('Lambda: linear shifting moves 10% a minute; ContinueDeployment does not apply', async () => {
    const store = f.store();
    store.createGroup(store.createApplication('thumbs', 'Lambda'), { deploymentGroupName: 'live', deploymentConfigName: 'CodeDeployDefault.LambdaLinear10PercentEvery1Minute' });
    const id = (await f.codedeploy.send(new CreateDeploymentCommand({
      applicationName: 'thumbs', deploymentGroupName: 'live', revision: { revisionType: 'String', string: { content: LAMBDA_APPSPEC } },
    }))).deploymentId!;
    advance(20_000);
    const weight = async (): Promise<number> => (await targets(f, id))[0]!.lambdaTarget!.lambdaFunctionInfo!.targetVersionWeight!;
    assert.equal(await weight(), 0.1);
    advance(MIN);
    assert.equal(await weight(), 0.2);
    await rejectsWith(cont(id), 'UnsupportedActionForDeploymentTypeException');
    advance(10 * MIN);
    const [t] = await targets(f, id);
    assert.equal(t!.deploymentTargetType, 'LambdaTarget');
    assert.deepEqual(t!.lambdaTarget!.lambdaFunctionInfo, { functionName: 'thumbnailer', functionAlias: 'live', currentVersion: '4', targetVersion: '5', targetVersionWeight: 1 });
    assert.equal(t!.lambdaTarget!.targetArn, 'arn:aws:lambda:us-east-1:111111111111:function:thumbnailer:live');
    assert.deepEqual(eventSummary(t!), ['BeforeAllowTraffic:Succeeded', 'AllowTraffic:Succeeded', 'AfterAllowTraffic:Skipped']);
    assert.equal(await status(f, id), 'Succeeded');
    const listed = await f.codedeploy.send(new ListDeploymentInstancesCommand({ deploymentId: id }));
    assert.deepEqual(listed.instancesList, ['thumbnailer'], 'the deprecated instance API still lists Lambda targets');
  });

  it('refuses ContinueDeployment on in-place deployments', async () => {
    serverGroup(f.store(), 'web', { deploymentGroupName: 'prod' }, { 'web.zip': { appspec: serverAppSpec({}) } });
    const id = (await f.codedeploy.send(new CreateDeploymentCommand({ applicationName: 'web', deploymentGroupName: 'prod', revision: s3('web.zip') }))).deploymentId!;
    await rejectsWith(cont(id), 'UnsupportedActionForDeploymentTypeException');
  });
});
