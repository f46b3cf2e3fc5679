// The demo account's CodeDeploy, as the later Deployments view will see it: a failed EC2 deployment
// whose revision is the sample workspace's appspec, an ECS deployment waiting for rerouting, a Lambda
// group with a rollback in its history, and the demo pipelines' CodeDeploy actions as real deployments.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  BatchGetDeploymentGroupsCommand, BatchGetDeploymentsCommand, CodeDeployClient, ContinueDeploymentCommand, GetDeploymentCommand,
  ListApplicationsCommand, ListDeploymentGroupsCommand, ListDeploymentsCommand,
} from '@aws-sdk/client-codedeploy';
import { GetPipelineStateCommand, StartPipelineExecutionCommand } from '@aws-sdk/client-codepipeline';
import { parse } from 'yaml';
import { sdkClients } from './core.helpers';
import { eventsOf, eventSummary, status, targets, useDeployEmulator } from './codedeploy.helpers';

const MIN = 60_000;
const WORKSPACE = join(__dirname, '..', '..', 'fixtures', 'workspace', 'deploy');

describe('emulator: CodeDeploy demo dataset', function () {
  this.timeout(60_000);
  const f = useDeployEmulator({ seed: { dataset: 'demo' }, speed: 0 });
  const latest = async (app: string, group: string) => {
    const [id] = (await f.codedeploy.send(new ListDeploymentsCommand({ applicationName: app, deploymentGroupName: group }))).deployments!;
    return (await f.codedeploy.send(new GetDeploymentCommand({ deploymentId: id! }))).deploymentInfo!;
  };

  it('has EC2, ECS and Lambda applications, and the groups the demo pipelines deploy to', async () => {
    const { applications } = await f.codedeploy.send(new ListApplicationsCommand({}));
    assert.deepEqual(applications, ['billing-legacy', 'checkout-service', 'image-resizer', 'inventory-sync', 'orders-api', 'payments-api']);
    const prod = new CodeDeployClient(f.emulator.clientConfig('prod', 'eu-west-1'));
    try {
      const groups = await prod.send(new ListDeploymentGroupsCommand({ applicationName: 'payments-api' }));
      assert.deepEqual(groups.deploymentGroups, ['payments-api-eu']);
    } finally {
      prod.destroy();
    }
  });

  it('orders-api-prod: the latest deployment failed in AfterInstall on migrate_db.sh, a script of the workspace appspec', async () => {
    const d = await latest('orders-api', 'orders-api-prod');
    assert.equal(d.status, 'Failed');
    assert.equal(d.errorInformation!.code, 'HEALTH_CONSTRAINTS');
    assert.deepEqual(d.deploymentOverview, { Pending: 0, InProgress: 0, Succeeded: 0, Failed: 1, Skipped: 3, Ready: 0 });
    assert.ok(Date.now() - d.createTime!.getTime() < 2 * 3_600_000, 'recent');
    const [first] = await targets(f, d.deploymentId!);
    assert.equal(eventSummary(first!).length, 13, 'in place behind a load balancer');
    const failed = eventsOf(first!).find((e) => e.status === 'Failed')!;
    assert.equal(failed.lifecycleEventName, 'AfterInstall');
    assert.equal(failed.diagnostics!.errorCode, 'ScriptFailed');
    assert.equal(failed.diagnostics!.scriptName, 'scripts/migrate_db.sh');
    assert.equal(failed.diagnostics!.message, 'Script at specified location: scripts/migrate_db.sh run as user orders failed with exit code 1');
    assert.match(failed.diagnostics!.logTail!, /DuplicateColumn\) column "fulfilment_id" of relation "order_lines" already exists/);

    const appspecText = readFileSync(join(WORKSPACE, 'orders-api', 'appspec.yml'), 'utf8');
    const bundle = f.store().bundleFor(d.revision as Parameters<ReturnType<typeof f.store>['bundleFor']>[0])!;
    assert.equal(bundle.appspec, appspecText, "the deployed appspec is the workspace's file");
    const hooks = (parse(appspecText) as { hooks: Record<string, { location: string }[]> }).hooks;
    assert.ok(hooks.AfterInstall!.some((s) => s.location === failed.diagnostics!.scriptName));
    for (const scripts of Object.values(hooks)) for (const s of scripts) assert.ok(existsSync(join(WORKSPACE, 'orders-api', s.location)), s.location);

    const staging = await latest('orders-api', 'orders-api-staging');
    assert.equal(staging.status, 'Succeeded');
    assert.deepEqual(staging.revision, d.revision, 'staging deployed the same revision');
    const [group] = (await f.codedeploy.send(new BatchGetDeploymentGroupsCommand({ applicationName: 'orders-api', deploymentGroupNames: ['orders-api-prod'] }))).deploymentGroupsInfo!;
    assert.equal(group!.lastAttemptedDeployment!.status, 'Failed');
    assert.equal(group!.lastSuccessfulDeployment!.status, 'Succeeded');
    assert.ok(group!.loadBalancerInfo!.targetGroupInfoList!.length === 1);
  });

  it('checkout-service-prod: an ECS deployment waits for rerouting, and ContinueDeployment shifts the traffic', async () => {
    const d = await latest('checkout-service', 'checkout-service-prod');
    assert.equal(d.status, 'Ready');
    const [t] = await targets(f, d.deploymentId!);
    assert.equal(t!.ecsTarget!.targetId, 'retail-prod:checkout-service');
    assert.deepEqual(eventSummary(t!).slice(0, 5), ['BeforeInstall:Skipped', 'Install:Succeeded', 'AfterInstall:Skipped', 'AllowTestTraffic:Succeeded', 'AfterAllowTestTraffic:Succeeded']);
    await f.codedeploy.send(new ContinueDeploymentCommand({ deploymentId: d.deploymentId!, deploymentWaitType: 'READY_WAIT' }));
    f.emulator.clock.advance(2 * MIN);
    const [after] = await targets(f, d.deploymentId!);
    assert.deepEqual(after!.ecsTarget!.taskSetsInfo!.map((s) => [s.taskSetLabel, s.trafficWeight]), [['Blue', 0], ['Green', 100]]);
    f.emulator.clock.advance(60 * MIN);
    assert.equal(await status(f, d.deploymentId!), 'Succeeded');
  });

  it('image-resizer-live: canary deployments, one failed hook rolled back automatically', async () => {
    const { deployments } = await f.codedeploy.send(new ListDeploymentsCommand({ applicationName: 'image-resizer', deploymentGroupName: 'image-resizer-live' }));
    const all = (await f.codedeploy.send(new BatchGetDeploymentsCommand({ deploymentIds: deployments! }))).deploymentsInfo!;
    assert.ok(all.every((d) => d.deploymentConfigName === 'CodeDeployDefault.LambdaCanary10Percent5Minutes'));
    const failed = all.find((d) => d.status === 'Failed')!;
    const rollback = all.find((d) => d.deploymentId === failed.rollbackInfo!.rollbackDeploymentId)!;
    assert.equal(rollback.creator, 'codeDeployRollback');
    assert.equal(rollback.status, 'Succeeded');
    assert.equal((await latest('image-resizer', 'image-resizer-live')).status, 'Succeeded');
  });

  it("pipelines' CodeDeploy actions create deployments, and a failed deployment fails the action with its error", async () => {
    const clients = sdkClients(f.emulator);
    try {
      const state = await clients.codepipeline.send(new GetPipelineStateCommand({ name: 'inventory-sync' }));
      const action = state.stageStates!.find((s) => s.stageName === 'Deploy')!.actionStates![0]!.latestExecution!;
      const deployment = (await f.codedeploy.send(new GetDeploymentCommand({ deploymentId: action.externalExecutionId! }))).deploymentInfo!;
      assert.deepEqual([deployment.applicationName, deployment.deploymentGroupName], ['inventory-sync', 'inventory-sync-workers']);
      assert.equal(action.externalExecutionUrl, `https://us-east-1.console.aws.amazon.com/codesuite/codedeploy/deployments/${deployment.deploymentId}?region=us-east-1`);
      assert.match(deployment.revision!.s3Location!.bucket!, /^codepipeline-us-east-1-/);

      const pipeline = f.emulator.state.codepipeline.region('111111111111', 'us-east-1').get('payments-api')!;
      pipeline.behaviours.set('Unit-Tests', { outcomes: ['succeed'] });
      pipeline.behaviours.set('Deploy', { outcomes: ['fail'] });
      await clients.codepipeline.send(new StartPipelineExecutionCommand({ name: 'payments-api' }));
      f.emulator.clock.advance(40 * MIN);
      const deploy = (await clients.codepipeline.send(new GetPipelineStateCommand({ name: 'payments-api' }))).stageStates![2]!.actionStates![0]!.latestExecution!;
      assert.equal(deploy.status, 'Failed');
      const failed = (await f.codedeploy.send(new GetDeploymentCommand({ deploymentId: deploy.externalExecutionId! }))).deploymentInfo!;
      assert.equal(failed.status, 'Failed');
      assert.equal(deploy.errorDetails!.message, `Deployment ${failed.deploymentId} failed. ${failed.errorInformation!.message}`);
      const event = eventsOf((await targets(f, failed.deploymentId!))[0]!).find((e) => e.status === 'Failed')!;
      assert.deepEqual([event.lifecycleEventName, event.diagnostics!.scriptName], ['ValidateService', 'deploy/smoke_test.sh']);
    } finally {
      clients.destroy();
    }
  });
});
