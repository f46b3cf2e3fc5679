// The demo account's CodeDeploy: orders-api (EC2 in place behind a load balancer; the latest production
// deployment failed in AfterInstall), checkout-service (ECS blue/green, waiting for traffic rerouting),
// image-resizer (Lambda canary), and the groups the demo pipelines' CodeDeploy actions deploy to.
import { EMULATOR_ACCOUNTS } from '../../../core/contract';
import type { Random } from '../../../core/random';
import { continueDeployment, createDeployment } from '../engine/lifecycle';
import type { Bundle, DeploymentGroupRecord, RevisionLocation, ScriptFaultSpec } from '../model';
import type { DeployRegion } from '../store';
import type { DeployWorld } from '../world';
import type { At } from './replay';
import { ORDERS_API_MIGRATION_FAILURE, ordersApiBundle, serverAppBundle, smokeTestFailure } from './scripts';
import { workspaceRevision } from './workspace';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const BUCKET = 'acme-deploy-artifacts';

export const DEMO_HISTORY_MS = 16 * DAY;

function s3Revision(rng: Random, app: string, version: string): RevisionLocation {
  return {
    revisionType: 'S3',
    s3Location: { bucket: BUCKET, key: `${app}/${app}-${version}.zip`, bundleType: 'zip', eTag: rng.hex(32), version: rng.hex(32) },
  };
}

function appSpecRevision(content: string): RevisionLocation {
  return { revisionType: 'AppSpecContent', appSpecContent: { content } };
}

function deploy(store: DeployRegion, group: DeploymentGroupRecord, revision: RevisionLocation, bundle: Bundle,
  options: { description?: string; fault?: Omit<ScriptFaultSpec, 'deploymentId'> } = {}): string {
  if (revision.revisionType === 'S3') store.putRevision(revision, bundle);
  const d = createDeployment(store, group, { revision, bundle, ...(options.description ? { description: options.description } : {}) });
  if (options.fault) store.world.faults.add({ ...options.fault, deploymentId: d.deploymentId });
  return d.deploymentId;
}

function instances(store: DeployRegion, n: number): string[] {
  return Array.from({ length: n }, () => store.newInstanceId());
}

function ordersApi(store: DeployRegion, created: number, at: At): void {
  const rng = store.world.random;
  const app = store.createApplication('orders-api', 'Server', created);
  const staging = store.createGroup(app, {
    deploymentGroupName: 'orders-api-staging', deploymentConfigName: 'CodeDeployDefault.AllAtOnce', instances: instances(store, 2),
    ec2TagFilters: [{ Key: 'Environment', Value: 'orders-api-staging', Type: 'KEY_AND_VALUE' }],
  });
  const prod = store.createGroup(app, {
    deploymentGroupName: 'orders-api-prod', deploymentConfigName: 'CodeDeployDefault.OneAtATime', instances: instances(store, 4),
    deploymentStyle: { deploymentType: 'IN_PLACE', deploymentOption: 'WITH_TRAFFIC_CONTROL' },
    loadBalancerInfo: { targetGroupInfoList: [{ name: 'orders-api-prod-tg' }] },
    ec2TagFilters: [{ Key: 'Environment', Value: 'orders-api-prod', Type: 'KEY_AND_VALUE' }],
  });
  const bundle = ordersApiBundle();
  const releases = ['2.8.0', '2.9.0', '2.9.1', '2.10.0', '2.11.0', '2.12.0', '2.12.1', '2.13.0'];
  releases.forEach((version, i) => {
    const offset = -15 * DAY + i * (36 * HOUR);
    const revision = s3Revision(rng, 'orders-api', version);
    at(offset - 2 * HOUR, () => deploy(store, staging, revision, bundle, { description: `Release ${version}` }));
    at(offset, () => deploy(store, prod, revision, bundle, { description: `Release ${version}` }));
  });
  const broken = s3Revision(rng, 'orders-api', '2.14.0');
  const description = 'Release 2.14.0: split shipments (fulfilment_id on order lines)';
  at(-3 * HOUR, () => deploy(store, staging, broken, bundle, { description }));
  at(-50 * MIN, () => deploy(store, prod, broken, bundle, { description, fault: { ...ORDERS_API_MIGRATION_FAILURE, applicationName: 'orders-api' } }));
}

function checkoutService(store: DeployRegion, created: number, at: At): void {
  const app = store.createApplication('checkout-service', 'ECS', created);
  const group = store.createGroup(app, {
    deploymentGroupName: 'checkout-service-prod', deploymentConfigName: 'CodeDeployDefault.ECSAllAtOnce',
    ecsServices: [{ clusterName: 'retail-prod', serviceName: 'checkout-service' }],
    loadBalancerInfo: {
      targetGroupPairInfoList: [{
        targetGroups: [{ name: 'checkout-blue-tg' }, { name: 'checkout-green-tg' }],
        prodTrafficRoute: { listenerArns: [`arn:aws:elasticloadbalancing:us-east-1:${store.accountId}:listener/app/retail-prod/4f1c2b9d8e7a6b5c/1a2b3c4d5e6f7a8b`] },
        testTrafficRoute: { listenerArns: [`arn:aws:elasticloadbalancing:us-east-1:${store.accountId}:listener/app/retail-prod/4f1c2b9d8e7a6b5c/9f8e7d6c5b4a3f2e`] },
      }],
    },
    blueGreenDeploymentConfiguration: {
      terminateBlueInstancesOnDeploymentSuccess: { action: 'TERMINATE', terminationWaitTimeInMinutes: 60 },
      deploymentReadyOption: { actionOnTimeout: 'STOP_DEPLOYMENT', waitTimeInMinutes: 1440 },
    },
    autoRollbackConfiguration: { enabled: true, events: ['DEPLOYMENT_FAILURE', 'DEPLOYMENT_STOP_ON_REQUEST'] },
  });
  const appspec = workspaceRevision('checkout-service').appspec;
  const revision = (taskDefinition: number): RevisionLocation => appSpecRevision(appspec.replace(/checkout-service:\d+/, `checkout-service:${taskDefinition}`));
  for (const [i, day] of [-12, -9, -6, -3].entries()) {
    at(day * DAY, () => {
      const id = deploy(store, group, revision(38 + i), { appspec });
      // Someone presses "Reroute traffic" after looking at the smoke tests.
      at(day * DAY + 20 * MIN, () => continueDeployment(store.deployments.get(id)!, 'READY_WAIT'));
    });
  }
  at(-25 * MIN, () => deploy(store, group, revision(42), { appspec }, { description: 'checkout-service:42 (Apple Pay express checkout)' }));
}

function imageResizer(store: DeployRegion, created: number, at: At): void {
  const app = store.createApplication('image-resizer', 'Lambda', created);
  const group = store.createGroup(app, {
    deploymentGroupName: 'image-resizer-live', deploymentConfigName: 'CodeDeployDefault.LambdaCanary10Percent5Minutes',
    autoRollbackConfiguration: { enabled: true, events: ['DEPLOYMENT_FAILURE'] },
  });
  const appspec = workspaceRevision('image-resizer').appspec;
  const revision = (from: number): RevisionLocation => appSpecRevision(appspec
    .replace(/CurrentVersion: "\d+"/, `CurrentVersion: "${from}"`).replace(/TargetVersion: "\d+"/, `TargetVersion: "${from + 1}"`));
  for (const [i, day] of [-14, -11, -8, -5].entries()) at(day * DAY, () => deploy(store, group, revision(12 + i), { appspec }));
  at(-3 * DAY, () => deploy(store, group, revision(16), { appspec }, {
    description: 'Switch to libvips 8.15',
    fault: {
      lifecycleEvent: 'AfterAllowTraffic', errorCode: 'ScriptFailed',
      stderr: ['resize check failed: 3 of 40 sample images came back 0 bytes (image/webp)', 'PutLifecycleEventHookExecutionStatus: Failed'],
    },
  }));
  at(-3 * HOUR, () => deploy(store, group, revision(17), { appspec }, { description: 'libvips 8.15 with the WebP encoder fix' }));
}

/** A group a demo pipeline's CodeDeploy action deploys to (see codepipeline/seed/demo.ts). */
function pipelineGroup(store: DeployRegion, created: number, app: string, group: string, kind: 'node' | 'java', count: number,
  extra: Partial<DeploymentGroupRecord> = {}): void {
  const application = store.applications.get(app) ?? store.createApplication(app, 'Server', created);
  store.createGroup(application, {
    deploymentGroupName: group, instances: instances(store, count),
    ec2TagFilters: [{ Key: 'codedeploy-group', Value: group, Type: 'KEY_AND_VALUE' }],
    pipelineBundle: serverAppBundle(app, kind), pipelineFailure: smokeTestFailure(app), ...extra,
  });
}

/** Creates the demo's applications and groups; returns the history to replay. */
export function seedDemo(world: DeployWorld, now: number): (at: At) => void {
  const main = world.region(EMULATOR_ACCOUNTS.main.accountId, 'us-east-1');
  const prod = world.region(EMULATOR_ACCOUNTS.prod.accountId, 'eu-west-1');
  const created = now - 60 * DAY;
  pipelineGroup(main, created, 'payments-api', 'payments-api-prod', 'node', 3);
  pipelineGroup(main, created, 'inventory-sync', 'inventory-sync-workers', 'java', 2, { deploymentConfigName: 'CodeDeployDefault.AllAtOnce' });
  pipelineGroup(main, created, 'billing-legacy', 'billing-prod', 'java', 2, {
    deploymentConfigName: 'CodeDeployDefault.HalfAtATime',
    deploymentStyle: { deploymentType: 'IN_PLACE', deploymentOption: 'WITH_TRAFFIC_CONTROL' },
    loadBalancerInfo: { elbInfoList: [{ name: 'billing-prod-elb' }] },
  });
  pipelineGroup(prod, created, 'payments-api', 'payments-api-eu', 'node', 3);
  return (at) => {
    ordersApi(main, created, at);
    checkoutService(main, created, at);
    imageResizer(main, created, at);
  };
}
