// Watching deployment groups against the emulator over simulated time: what a round costs, the
// baseline, news when a redeploy succeeds or a blue/green deployment ends, a failure that an automatic
// rollback replaced between two rounds, hook diagnostics that come with a watched failure and go with
// the next deployment, and a round that survives a failing application.
import assert from 'node:assert/strict';
import { type GroupKey, groupKeyId } from '../../../src/deploy/model/keys';
import { planRedeploy } from '../../../src/deploy/model/deployment-actions';
import { loadGroups } from '../../../src/deploy/model/loader';
import { DEFAULT_DEPLOY_NOTIFY } from '../../../src/deploy/model/notifications';
import { DeployWatch } from '../../../src/deploy/model/watch';
import { ACCOUNT, deployFixture, type DeployFixture } from './helpers';

const key = (application: string, group: string): GroupKey => ({ ...ACCOUNT, application, group });
const ORDERS = key('orders-api', 'orders-api-prod');
const CHECKOUT = key('checkout-service', 'checkout-service-prod');
const RESIZER = key('image-resizer', 'image-resizer-live');

describe('deploy: watching deployment groups', function () {
  this.timeout(120_000);
  let f: DeployFixture;
  let watch: DeployWatch;
  let diagnostics: boolean;
  beforeEach(async () => {
    f = await deployFixture();
    diagnostics = true;
    watch = new DeployWatch({ api: () => f.api, notify: () => DEFAULT_DEPLOY_NOTIFY, diagnostics: () => diagnostics });
  });
  afterEach(() => f.close());

  it('starts from a baseline: no news, the failed group’s hook failures loaded once, one request per application after that', async () => {
    f.emu.stats.reset();
    const first = await watch.poll([ORDERS, CHECKOUT]);
    assert.deepEqual(first.news, []);
    assert.equal(first.busy, true, 'checkout-service waits for ContinueDeployment');
    assert.equal(first.diagnosticsChanged, true);
    assert.deepEqual(watch.failures.entries().map((e) => [e.key, e.failures.map((x) => x.event.name)]), [[ORDERS, ['AfterInstall']]]);
    assert.deepEqual(f.calls(), { BatchGetDeploymentGroups: 2, ListDeploymentTargets: 1, BatchGetDeploymentTargets: 1 });
    f.emu.stats.reset();
    const second = await watch.poll([ORDERS, CHECKOUT]);
    assert.deepEqual([second.news, second.diagnosticsChanged], [[], false]);
    assert.deepEqual(f.calls(), { BatchGetDeploymentGroups: 2 });
  });

  it('reports a redeploy that succeeded, and drops the hook failures of the deployment it replaced', async () => {
    await watch.poll([ORDERS]);
    const [prod] = await loadGroups(f.api, 'orders-api');
    const plan = await planRedeploy(f.api, prod!);
    const id = await f.api.create('orders-api', 'orders-api-prod', plan.revision, plan.description);
    f.emu.clock.advance(1_000);
    const running = await watch.poll([ORDERS]);
    assert.deepEqual([running.news, running.busy, running.diagnosticsChanged], [[], true, true], 'the failure is no longer the latest');
    assert.deepEqual(watch.failures.entries(), []);
    f.emu.clock.advance(60 * 60_000);
    const done = await watch.poll([ORDERS]);
    assert.deepEqual(done.news.map((n) => [n.kind, n.deployment.id, n.key]), [['succeeded', id, ORDERS]]);
    assert.equal(done.busy, false);
  });

  it('reports a blue/green deployment that ends after Continue', async () => {
    await watch.poll([CHECKOUT]);
    const [group] = await loadGroups(f.api, 'checkout-service');
    await f.api.continue(group!.lastAttempted!.id, 'READY_WAIT');
    f.emu.clock.advance(2 * 60_000);
    assert.deepEqual((await watch.poll([CHECKOUT])).news, []);
    await f.api.continue(group!.lastAttempted!.id, 'TERMINATION_WAIT');
    f.emu.clock.advance(5 * 60_000);
    assert.deepEqual((await watch.poll([CHECKOUT])).news.map((n) => n.kind), ['succeeded']);
  });

  it('reports a failure that an automatic rollback replaced between two rounds, with its failed events', async () => {
    await watch.poll([RESIZER]);
    const [group] = await loadGroups(f.api, 'image-resizer');
    const plan = await planRedeploy(f.api, group!);
    const id = await f.api.create('image-resizer', group!.name, plan.revision, 'Release 19');
    f.emu.state.codedeploy.faults.add({ deploymentId: id, lifecycleEvent: 'AfterAllowTraffic' });
    f.emu.clock.advance(1_000);
    await watch.poll([RESIZER]);
    f.emu.clock.advance(60 * 60_000);
    const [after] = await loadGroups(f.api, 'image-resizer');
    assert.notEqual(after!.lastAttempted!.id, id, 'a rollback is the latest now');
    const round = await watch.poll([RESIZER]);
    const failed = round.news.find((n) => n.kind === 'failed')!;
    assert.equal(failed.deployment.id, id);
    assert.deepEqual(failed.failures.map((x) => x.event.name), ['AfterAllowTraffic']);
    assert.ok(round.news.some((n) => n.kind === 'succeeded' && n.deployment.creator === 'codeDeployRollback'), 'and the rollback that succeeded');
    assert.deepEqual(watch.failures.entries(), [], 'the failure is not the latest: no hook diagnostics');
  });

  it('keeps the hook failures a person opened only while that deployment is the latest', async () => {
    const [prod] = await loadGroups(f.api, 'orders-api');
    const staging = key('orders-api', 'orders-api-staging');
    const [stagingGroup] = await f.api.getGroups('orders-api', ['orders-api-staging']);
    watch.track(staging, stagingGroup!.lastAttempted!.id, [{
      deploymentId: stagingGroup!.lastAttempted!.id,
      target: { deploymentId: stagingGroup!.lastAttempted!.id, id: 'i-1', kind: 'instance', status: 'Failed', events: [] },
      event: { name: 'AfterInstall', status: 'Failed' },
    }]);
    assert.deepEqual((await watch.poll([])).diagnosticsChanged, false, 'staging’s deployment is still its latest');
    assert.equal(watch.failures.has(groupKeyId(staging)), true);
    const plan = await planRedeploy(f.api, prod!);
    await f.api.create('orders-api', 'orders-api-staging', plan.revision);
    const round = await watch.poll([]);
    assert.deepEqual([round.diagnosticsChanged, round.news, watch.failures.entries()], [true, [], []]);
  });

  it('leaves out the hook failures when diagnostics are off, and survives an application that fails', async () => {
    diagnostics = false;
    f.emu.faults.add({ operation: 'BatchGetDeploymentGroups', kind: 'error', status: 400, errorType: 'ApplicationDoesNotExistException', message: 'gone', times: 1 });
    const round = await watch.poll([CHECKOUT, ORDERS]);
    assert.equal(round.errors.length, 1);
    assert.equal(round.errors[0]!.application, 'checkout-service');
    assert.deepEqual(round.groups.map((g) => g.key), [ORDERS]);
    assert.deepEqual(watch.failures.entries(), []);
  });
});
