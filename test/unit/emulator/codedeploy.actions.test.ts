// CreateDeployment's checks, StopDeployment (with and without rollback), and automatic rollback after
// a failed hook, through the real SDK over simulated time.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { BatchGetDeploymentsCommand, CreateDeploymentCommand, GetDeploymentCommand, StopDeploymentCommand } from '@aws-sdk/client-codedeploy';
import { rejectsWith } from './core.helpers';
import { eventSummary, s3, serverAppSpec, serverGroup, status, targets, useDeployEmulator } from './codedeploy.helpers';

const MIN = 60_000;
const LAMBDA = (from: number): string => `version: 0.0
Resources:
  - Fn:
      Type: AWS::Lambda::Function
      Properties: { Name: "resizer", Alias: "live", CurrentVersion: "${from}", TargetVersion: "${from + 1}" }
Hooks:
  - AfterAllowTraffic: "resizer-post-traffic"
`;

describe('emulator: CodeDeploy CreateDeployment, StopDeployment and rollbacks', function () {
  this.timeout(30_000);
  const f = useDeployEmulator({ speed: 0 });
  beforeEach(() => f.emulator.reset());
  const advance = (ms: number): void => f.emulator.clock.advance(ms);
  const info = async (id: string) => (await f.codedeploy.send(new GetDeploymentCommand({ deploymentId: id }))).deploymentInfo!;
  const create = async (input: Partial<ConstructorParameters<typeof CreateDeploymentCommand>[0]> = {}): Promise<string> =>
    (await f.codedeploy.send(new CreateDeploymentCommand({ applicationName: 'web', deploymentGroupName: 'prod', revision: s3('v1.zip'), ...input }))).deploymentId!;
  const slow = { appspec: serverAppSpec({ BeforeInstall: ['prepare.sh'] }), scripts: { 'prepare.sh': { durationMs: 4 * MIN } } };

  it('refuses what CodeDeploy refuses, with its modeled exceptions', async () => {
    serverGroup(f.store(), 'web', { deploymentGroupName: 'prod' }, { 'v1.zip': { appspec: serverAppSpec({}) } });
    await rejectsWith(create({ applicationName: 'nope' }), 'ApplicationDoesNotExistException', 400);
    await rejectsWith(create({ deploymentGroupName: 'nope' }), 'DeploymentGroupDoesNotExistException');
    await rejectsWith(create({ deploymentGroupName: undefined }), 'DeploymentGroupNameRequiredException');
    await rejectsWith(create({ applicationName: 'x'.repeat(101) }), 'InvalidApplicationNameException');
    await rejectsWith(create({ revision: s3('never-uploaded.zip') }), 'RevisionDoesNotExistException');
    await rejectsWith(create({ revision: { revisionType: 'AppSpecContent', appSpecContent: { content: 'version: 0.0' } } }), 'InvalidRevisionException');
    await rejectsWith(create({ revision: undefined }), 'RevisionRequiredException');
    await rejectsWith(create({ deploymentConfigName: 'CodeDeployDefault.Nope' }), 'DeploymentConfigDoesNotExistException');
    await rejectsWith(create({ deploymentConfigName: 'CodeDeployDefault.LambdaAllAtOnce' }), 'InvalidDeploymentConfigNameException');
    await rejectsWith(create({ targetInstances: { autoScalingGroups: ['asg'] } }), 'InvalidTargetInstancesException');
    await rejectsWith(create({ autoRollbackConfiguration: { enabled: true, events: [] } }), 'InvalidAutoRollbackConfigException');
    const first = await create();
    const limit = await rejectsWith(create(), 'DeploymentLimitExceededException');
    assert.equal(limit.message, `The Deployment Group 'prod' already has an active Deployment '${first}'`);
    advance(10 * MIN);
    assert.equal(await status(f, first), 'Succeeded');
    const again = await create({ revision: undefined });
    assert.deepEqual((await info(again)).revision, s3('v1.zip'), "without a revision, the group's target revision is deployed");
  });

  it('stops: Pending while an event runs, then Stopped with the rest skipped; no rollback unless asked', async () => {
    serverGroup(f.store(), 'web', { deploymentGroupName: 'prod', instanceCount: 2 }, { 'v1.zip': slow });
    const id = await create();
    advance(MIN);
    const stop = await f.codedeploy.send(new StopDeploymentCommand({ deploymentId: id, autoRollbackEnabled: false }));
    assert.deepEqual([stop.status, stop.statusMessage], ['Pending', 'Stopping Pending. Stopping to schedule commands in the deployment instances']);
    assert.equal(await status(f, id), 'InProgress', 'the running script finishes first');
    advance(5 * MIN);
    const d = await info(id);
    assert.equal(d.status, 'Stopped');
    assert.deepEqual(d.errorInformation, { code: 'MANUAL_STOP', message: 'The deployment was stopped manually.' });
    assert.equal(d.rollbackInfo, undefined);
    const [first, second] = await targets(f, id);
    assert.deepEqual(eventSummary(first!).slice(2, 4), ['BeforeInstall:Succeeded', 'Install:Skipped']);
    assert.equal(second!.instanceTarget!.status, 'Skipped');
    await rejectsWith(f.codedeploy.send(new StopDeploymentCommand({ deploymentId: id })), 'DeploymentAlreadyCompletedException');
    await rejectsWith(f.codedeploy.send(new StopDeploymentCommand({ deploymentId: 'd-NOTREAL00' })), 'DeploymentDoesNotExistException');
    await rejectsWith(f.codedeploy.send(new StopDeploymentCommand({ deploymentId: 'bogus' })), 'InvalidDeploymentIdException');
  });

  it('stops with autoRollbackEnabled: a rollback deployment redeploys the last successful revision', async () => {
    serverGroup(f.store(), 'web', { deploymentGroupName: 'prod' }, { 'v1.zip': { appspec: serverAppSpec({}) }, 'v2.zip': slow });
    const good = await create();
    advance(10 * MIN);
    const id = await create({ revision: s3('v2.zip') });
    advance(MIN);
    await f.codedeploy.send(new StopDeploymentCommand({ deploymentId: id, autoRollbackEnabled: true }));
    advance(5 * MIN);
    const stopped = await info(id);
    assert.equal(stopped.status, 'Stopped');
    const rollbackId = stopped.rollbackInfo!.rollbackDeploymentId!;
    assert.match(rollbackId, /^d-[A-Z0-9]{9}$/);
    const rollback = await info(rollbackId);
    assert.equal(rollback.creator, 'codeDeployRollback');
    assert.equal(rollback.rollbackInfo!.rollbackTriggeringDeploymentId, id);
    assert.deepEqual(rollback.revision, (await info(good)).revision);
    advance(10 * MIN);
    assert.equal(await status(f, rollbackId), 'Succeeded');
  });

  it('stops a deployment waiting to start at once, with StopDeployment status Succeeded', async () => {
    serverGroup(f.store(), 'web', { deploymentGroupName: 'prod' }, { 'v1.zip': slow });
    const id = await create();
    const stop = await f.codedeploy.send(new StopDeploymentCommand({ deploymentId: id }));
    assert.deepEqual([stop.status, stop.statusMessage], ['Succeeded', 'No more commands will be scheduled for execution in the deployment instances']);
    advance(MIN);
    assert.equal(await status(f, id), 'Stopped');
  });

  it('rolls a Lambda deployment back automatically when a hook function fails, with the traffic back on the old version', async () => {
    const store = f.store();
    store.createGroup(store.createApplication('resizer', 'Lambda'), {
      deploymentGroupName: 'live', deploymentConfigName: 'CodeDeployDefault.LambdaAllAtOnce',
      autoRollbackConfiguration: { enabled: true, events: ['DEPLOYMENT_FAILURE'] },
    });
    const lambda = (from: number) => f.codedeploy.send(new CreateDeploymentCommand({
      applicationName: 'resizer', deploymentGroupName: 'live', revision: { revisionType: 'AppSpecContent', appSpecContent: { content: LAMBDA(from) } },
    }));
    const first = (await lambda(1)).deploymentId!;
    advance(5 * MIN);
    assert.equal(await status(f, first), 'Succeeded');
    f.emulator.state.codedeploy.faults.add({ applicationName: 'resizer', lifecycleEvent: 'AfterAllowTraffic', stderr: ['3 of 40 sample images came back empty'], times: 1 });
    const bad = (await lambda(2)).deploymentId!;
    advance(5 * MIN);
    const failed = await info(bad);
    assert.equal(failed.status, 'Failed');
    assert.equal(failed.errorInformation!.code, 'HOOK_EXECUTION_FAILURE');
    assert.match(failed.errorInformation!.message!, /AfterAllowTraffic lifecycle event hook resizer-post-traffic returned Failed/);
    const [t] = await targets(f, bad);
    assert.equal(t!.lambdaTarget!.lambdaFunctionInfo!.targetVersionWeight, 0, 'traffic back on the current version');
    const hook = t!.lambdaTarget!.lifecycleEvents!.find((e) => e.status === 'Failed')!;
    assert.deepEqual(hook.diagnostics, { errorCode: 'ScriptFailed', scriptName: 'resizer-post-traffic', message: '3 of 40 sample images came back empty', logTail: '3 of 40 sample images came back empty\n' });
    const rollback = await info(failed.rollbackInfo!.rollbackDeploymentId!);
    assert.equal(rollback.creator, 'codeDeployRollback');
    assert.equal(rollback.revision!.appSpecContent!.content, undefined, 'GetDeployment leaves the content out');
    assert.equal(rollback.revision!.appSpecContent!.sha256, createHash('sha256').update(LAMBDA(1)).digest('hex'));
    const [batch] = (await f.codedeploy.send(new BatchGetDeploymentsCommand({ deploymentIds: [rollback.deploymentId!] }))).deploymentsInfo!;
    assert.equal(batch!.revision!.appSpecContent!.content, LAMBDA(1), 'BatchGetDeployments keeps it');
    advance(5 * MIN);
    assert.equal(rollback.deploymentId && await status(f, rollback.deploymentId), 'Succeeded');
  });
});
