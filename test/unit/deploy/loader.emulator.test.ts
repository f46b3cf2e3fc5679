// The Deployments view's data layer against the emulator over HTTP, through the real SDK client:
// what it loads at each level, how few requests the failed events of a deployment cost (counted by
// the emulator), bounded concurrency (measured in flight), cancellation, and the deployment commands.
import assert from 'node:assert/strict';
import { CodeDeployClient } from '@aws-sdk/client-codedeploy';
import { createDeployApi, type DeployApi } from '../../../src/deploy/model/api';
import { loadApplications, loadDeployments, loadFailedEvents, loadGroups, loadLatestFailures, loadTargets } from '../../../src/deploy/model/loader';
import { createEmulator, type Emulator } from '../../emulator/index';
import { SCALE_APPLICATION, SCALE_GROUP } from '../../emulator/services/codedeploy/seed/index';

/** Counts requests in flight through the client's middleware stack (what the emulator sees at once). */
function measured(client: CodeDeployClient): { maxInFlight: () => number } {
  let inFlight = 0;
  let max = 0;
  client.middlewareStack.add((next) => async (args) => {
    inFlight++;
    max = Math.max(max, inFlight);
    try {
      return await next(args);
    } finally {
      inFlight--;
    }
  }, { step: 'finalizeRequest', name: 'countInFlight' });
  return { maxInFlight: () => max };
}

const calls = (emu: Emulator): Record<string, number> => emu.stats.read().services.codedeploy ?? {};

describe('deploy: data layer against the emulator', function () {
  this.timeout(120_000);

  describe('demo account', () => {
    let emu: Emulator;
    let client: CodeDeployClient;
    let api: DeployApi;
    before(async () => {
      emu = await createEmulator({ seed: { dataset: 'demo' }, speed: 0 });
      client = new CodeDeployClient(emu.clientConfig());
      api = createDeployApi(client);
    });
    after(async () => {
      client.destroy();
      await emu.close();
    });
    beforeEach(() => emu.stats.reset());

    it('loads applications with their compute platform, and groups with their style and last deployments', async () => {
      const apps = await loadApplications(api);
      assert.deepEqual(apps.map((a) => `${a.name}:${a.computePlatform}`), [
        'billing-legacy:Server', 'checkout-service:ECS', 'image-resizer:Lambda', 'inventory-sync:Server', 'orders-api:Server', 'payments-api:Server',
      ]);
      const groups = await loadGroups(api, 'orders-api');
      assert.deepEqual(groups.map((g) => g.name), ['orders-api-prod', 'orders-api-staging']);
      const prod = groups[0]!;
      assert.deepEqual([prod.deploymentType, prod.trafficControl, prod.loadBalancers, prod.deploymentConfigName],
        ['IN_PLACE', true, ['orders-api-prod-tg'], 'CodeDeployDefault.OneAtATime']);
      assert.equal(prod.lastAttempted!.status, 'Failed');
      assert.equal(prod.lastSuccessful!.status, 'Succeeded');
      const ecs = (await loadGroups(api, 'checkout-service'))[0]!;
      assert.deepEqual([ecs.ecsServices, ecs.loadBalancers], [['retail-prod/checkout-service'], ['checkout-blue-tg', 'checkout-green-tg']]);
      assert.deepEqual(calls(emu), { ListApplications: 1, BatchGetApplications: 1, ListDeploymentGroups: 2, BatchGetDeploymentGroups: 2 });
    });

    it('loads a group’s deployments newest first, with revision, error and overview', async () => {
      const { deployments, nextToken } = await loadDeployments(api, 'orders-api', 'orders-api-prod');
      assert.equal(nextToken, undefined);
      assert.equal(deployments.length, 9);
      const [latest] = deployments;
      assert.equal(latest!.status, 'Failed');
      assert.equal(latest!.error!.code, 'HEALTH_CONSTRAINTS');
      assert.deepEqual(latest!.overview, { Pending: 0, InProgress: 0, Succeeded: 0, Failed: 1, Skipped: 3, Ready: 0 });
      assert.equal(latest!.revision!.label, 's3://acme-deploy-artifacts/orders-api/orders-api-2.14.0.zip');
      assert.equal(latest!.previousRevision!.label, 's3://acme-deploy-artifacts/orders-api/orders-api-2.13.0.zip');
      assert.ok(deployments.every((d, i) => i === 0 || d.createTime! <= deployments[i - 1]!.createTime!));
      assert.deepEqual(calls(emu), { ListDeployments: 1, BatchGetDeployments: 1 }, '9 deployments in one batch');
    });

    it('lists the running and waiting deployments of the whole account (the palette\'s Stop and Continue)', async () => {
      const ids = await api.listDeploymentsInAccount(['Created', 'Queued', 'InProgress', 'Baking', 'Ready'], 100);
      const active = await api.getDeployments(ids);
      assert.ok(active.length > 0, 'the demo has a deployment waiting');
      assert.ok(active.every((d) => ['Created', 'Queued', 'InProgress', 'Baking', 'Ready'].includes(d.status)), active.map((d) => d.status).join(', '));
      assert.ok(active.some((d) => d.groupName === 'checkout-service-prod' && d.waitingFor === 'trafficRerouting'));
      assert.deepEqual(await api.listDeploymentsInAccount(['Created', 'Queued', 'InProgress', 'Baking', 'Ready'], 1), ids.slice(0, 1));
      const failed = await api.getDeployments(await api.listDeploymentsInAccount(['Failed'], 100));
      assert.ok(failed.length > 0 && failed.every((d) => d.status === 'Failed'));
      assert.ok(new Set(failed.map((d) => d.applicationName)).size > 1, 'across applications');
    });

    it('loads the latest failure of a group with one request per level, and none for targets when nothing failed', async () => {
      const [prod, staging] = await loadGroups(api, 'orders-api');
      emu.stats.reset();
      const { deployment, failures } = await loadLatestFailures(api, prod!);
      assert.equal(deployment!.id, prod!.lastAttempted!.id);
      assert.equal(failures.length, 1);
      const [failure] = failures;
      assert.equal(failure!.event.name, 'AfterInstall');
      assert.equal(failure!.event.diagnostics!.scriptName, 'scripts/migrate_db.sh');
      assert.match(failure!.event.diagnostics!.logTail!, /DuplicateColumn/);
      assert.ok(failure!.event.durationMs! > 0);
      assert.equal(failure!.target.kind, 'instance');
      assert.deepEqual(calls(emu), { BatchGetDeployments: 1, ListDeploymentTargets: 1, BatchGetDeploymentTargets: 1 });
      emu.stats.reset();
      const healthy = await loadLatestFailures(api, staging!);
      assert.equal(healthy.deployment!.status, 'Succeeded');
      assert.deepEqual(healthy.failures, []);
      assert.deepEqual(calls(emu), { BatchGetDeployments: 1 });
    });

    it('reads ECS and Lambda targets: task sets, traffic weights, function versions', async () => {
      const [ecsGroup] = await loadGroups(api, 'checkout-service');
      const [waiting] = await api.getDeployments([ecsGroup!.lastAttempted!.id]);
      assert.equal(waiting!.waitingFor, 'trafficRerouting');
      const [service] = await loadTargets(api, waiting!.id);
      assert.equal(service!.kind, 'ecs');
      assert.equal(service!.status, 'Ready');
      assert.deepEqual(service!.taskSets!.map((s) => [s.label, s.trafficWeight, s.targetGroup]), [['Blue', 100, 'checkout-blue-tg'], ['Green', 0, 'checkout-green-tg']]);
      assert.deepEqual(service!.events.slice(0, 2).map((e) => `${e.name}:${e.status}`), ['BeforeInstall:Skipped', 'Install:Succeeded']);
      const [lambdaGroup] = await loadGroups(api, 'image-resizer');
      const [fn] = await loadTargets(api, lambdaGroup!.lastAttempted!.id);
      assert.deepEqual(fn!.lambda, { functionName: 'image-resizer', alias: 'live', currentVersion: '17', targetVersion: '18', targetVersionWeight: 1 });
    });

    it('continues, redeploys and stops through the same client', async () => {
      const [ecsGroup] = await loadGroups(api, 'checkout-service');
      await api.continue(ecsGroup!.lastAttempted!.id, 'READY_WAIT');
      emu.clock.advance(2 * 60_000);
      const [rerouted] = await api.getDeployments([ecsGroup!.lastAttempted!.id]);
      assert.equal(rerouted!.waitingFor, 'termination');

      const { deployments } = await loadDeployments(api, 'orders-api', 'orders-api-prod');
      const lastGood = deployments.find((d) => d.status === 'Succeeded')!;
      const id = await api.create('orders-api', 'orders-api-prod', lastGood.revision!, 'Redeploy 2.13.0');
      emu.clock.advance(2_000);
      const [redeploy] = await api.getDeployments([id]);
      assert.deepEqual([redeploy!.status, redeploy!.revision!.label, redeploy!.description], ['InProgress', lastGood.revision!.label, 'Redeploy 2.13.0']);
      const stop = await api.stop(id, false);
      assert.equal(stop.status, 'Pending');
      emu.clock.advance(5 * 60_000);
      assert.equal((await api.getDeployments([id]))[0]!.status, 'Stopped');

      const [lambdaGroup] = await loadGroups(api, 'image-resizer');
      const [latestLambda] = await api.getDeployments([lambdaGroup!.lastSuccessful!.id]);
      assert.ok(latestLambda!.revision!.appSpecContent, 'BatchGetDeployments returns the AppSpec content, so it can be deployed again');
    });
  });

  describe('listings longer than a page', () => {
    let emu: Emulator;
    before(async () => {
      emu = await createEmulator({ seed: { dataset: 'empty' }, speed: 0 });
      const region = emu.state.codedeploy.region(emu.accounts.main.accountId, 'us-east-1');
      for (let i = 0; i < 230; i++) region.createApplication(`app-${String(i).padStart(3, '0')}`, 'Server');
      const app = region.applications.get('app-000')!;
      for (let i = 0; i < 120; i++) region.createGroup(app, { deploymentGroupName: `group-${String(i).padStart(3, '0')}` });
    });
    after(() => emu.close());

    it('follows every page of applications and deployment groups (100 a page), in order', async () => {
      const client = new CodeDeployClient(emu.clientConfig());
      try {
        const api = createDeployApi(client);
        emu.stats.reset();
        const apps = await api.listApplications();
        assert.equal(apps.length, 230);
        assert.deepEqual([apps[0], apps[99], apps[100], apps[229]], ['app-000', 'app-099', 'app-100', 'app-229']);
        const groups = await api.listGroups('app-000');
        assert.equal(new Set(groups).size, 120);
        assert.equal(groups[119], 'group-119');
        assert.deepEqual(calls(emu), { ListApplications: 3, ListDeploymentGroups: 2 });
      } finally {
        client.destroy();
      }
    });
  });

  describe('scale: 500 instances at 20 ms a request', () => {
    let emu: Emulator;
    before(async () => {
      emu = await createEmulator({ seed: { dataset: 'scale', pipelines: 10, packageVersions: 100, deployInstances: 500 }, speed: 0, latencyMs: 20 });
    });
    after(() => emu.close());

    it('loads the 250 failed events of the latest deployment in 3 list pages and 10 batches, 4 in flight at most', async () => {
      const client = new CodeDeployClient(emu.clientConfig());
      const meter = measured(client);
      try {
        const api = createDeployApi(client, { concurrency: 4 });
        const [group] = await loadGroups(api, SCALE_APPLICATION);
        assert.equal(group!.name, SCALE_GROUP);
        emu.stats.reset();
        const { deployment, failures } = await loadLatestFailures(api, group!);
        assert.equal(deployment!.status, 'Failed');
        assert.equal(failures.length, 250);
        assert.ok(failures.every((f) => f.event.name === 'BeforeInstall' && f.event.diagnostics?.scriptName === 'deploy/prepare.sh'));
        assert.equal(new Set(failures.map((f) => f.target.id)).size, 250);
        assert.deepEqual(calls(emu), { BatchGetDeployments: 1, ListDeploymentTargets: 3, BatchGetDeploymentTargets: 10 },
          'one BatchGetDeploymentTargets per instance would be 500 requests');
        assert.equal(meter.maxInFlight(), 4);
      } finally {
        client.destroy();
      }
    });

    it('stops sending requests once aborted', async () => {
      const client = new CodeDeployClient(emu.clientConfig());
      try {
        const api = createDeployApi(client, { concurrency: 1 });
        const [group] = await loadGroups(api, SCALE_APPLICATION);
        emu.stats.reset();
        const controller = new AbortController();
        client.middlewareStack.add((next) => async (args) => {
          const out = await next(args);
          if ((calls(emu).BatchGetDeploymentTargets ?? 0) >= 2) controller.abort();
          return out;
        }, { step: 'finalizeRequest', name: 'abortAfterTwoBatches' });
        await assert.rejects(loadFailedEvents(api, group!.lastAttempted!.id, controller.signal), (err: Error) => err.name === 'AbortError');
        assert.ok((calls(emu).BatchGetDeploymentTargets ?? 0) <= 3, `${calls(emu).BatchGetDeploymentTargets} batches sent`);
      } finally {
        client.destroy();
      }
    });
  });
});
