// Stop, Continue and Redeploy against the emulator: which deployments each applies to, and Redeploy's
// plan from the group's last successful deployment (S3 and AppSpec-content revisions), refused with a
// reason while the group is busy or has never succeeded.
import assert from 'node:assert/strict';
import { canStop, continueWaitType, isActive, planRedeploy } from '../../../src/deploy/model/deployment-actions';
import { loadGroups } from '../../../src/deploy/model/loader';
import { deployFixture, type DeployFixture } from './helpers';

describe('deploy: Stop, Continue and Redeploy', function () {
  this.timeout(60_000);
  let f: DeployFixture;
  beforeEach(async () => {
    f = await deployFixture();
  });
  afterEach(() => f.close());

  it('offers Stop while a deployment is going and Continue while it waits', async () => {
    const [ecs] = await loadGroups(f.api, 'checkout-service');
    const [waiting] = await f.api.getDeployments([ecs!.lastAttempted!.id]);
    assert.deepEqual([canStop(waiting!), continueWaitType(waiting!)], [true, 'READY_WAIT']);
    await f.api.continue(waiting!.id, 'READY_WAIT');
    f.emu.clock.advance(2 * 60_000);
    const [terminating] = await f.api.getDeployments([waiting!.id]);
    assert.deepEqual([canStop(terminating!), continueWaitType(terminating!)], [true, 'TERMINATION_WAIT']);
    const [prod] = await loadGroups(f.api, 'orders-api');
    const [failed] = await f.api.getDeployments([prod!.lastAttempted!.id]);
    assert.deepEqual([canStop(failed!), continueWaitType(failed!)], [false, undefined]);
    assert.deepEqual(['Created', 'Queued', 'InProgress', 'Baking', 'Ready', 'Succeeded', 'Failed', 'Stopped'].map((s) => isActive(s as 'Ready')),
      [true, true, true, true, true, false, false, false]);
  });

  it('redeploys the last successful S3 revision of a group whose latest failed', async () => {
    const [prod] = await loadGroups(f.api, 'orders-api');
    const plan = await planRedeploy(f.api, prod!);
    assert.equal(plan.source.id, prod!.lastSuccessful!.id);
    assert.equal(plan.revision.label, 's3://acme-deploy-artifacts/orders-api/orders-api-2.13.0.zip');
    assert.equal(plan.description, `Redeploy of ${plan.revision.label} (last successful: ${plan.source.id})`);
    const id = await f.api.create('orders-api', 'orders-api-prod', plan.revision, plan.description);
    f.emu.clock.advance(2_000);
    const [created] = await f.api.getDeployments([id]);
    assert.deepEqual([created!.status, created!.revision!.label], ['InProgress', plan.revision.label]);
  });

  it('redeploys a Lambda group’s AppSpec content, which only BatchGetDeployments returns', async () => {
    const [lambda] = await loadGroups(f.api, 'image-resizer');
    const plan = await planRedeploy(f.api, lambda!);
    assert.equal(plan.revision.type, 'AppSpecContent');
    assert.ok(plan.revision.appSpecContent);
    const id = await f.api.create('image-resizer', lambda!.name, plan.revision, plan.description);
    assert.match(id, /^d-[A-Z0-9]{9}$/);
  });

  it('refuses with a reason while the group is busy, or when it never succeeded', async () => {
    const [ecs] = await loadGroups(f.api, 'checkout-service');
    await assert.rejects(planRedeploy(f.api, ecs!), /checkout-service-prod has a deployment in progress \(d-[A-Z0-9]{9}\); stop it or wait for it to end first\./);
    const [prod] = await loadGroups(f.api, 'orders-api');
    await assert.rejects(planRedeploy(f.api, { ...prod!, lastSuccessful: undefined }), /orders-api-prod has no successful deployment to deploy again\./);
    await assert.rejects(planRedeploy(f.api, { ...prod!, lastSuccessful: { id: 'd-AAAAAAAAA' } }), /no longer exists/);
  });
});
