// "Load more" over id listings: failed targets first and only as many requests as the shown page needs
// (counted by the emulator over HTTP), deployments newest first, and the pager's own guarantees: a
// runaway token loop ends, a second call while loading shares the page, a failed page is asked again.
import assert from 'node:assert/strict';
import { loadGroups } from '../../../src/deploy/model/loader';
import { deploymentPager, IdPager, type IdLister, targetCount, targetPager } from '../../../src/deploy/model/pager';
import { SCALE_APPLICATION } from '../../emulator/services/codedeploy/seed/index';
import { deployFixture, type DeployFixture } from './helpers';

describe('deploy: pagers', function () {
  this.timeout(120_000);

  describe('against the scale dataset (500 instances)', () => {
    let f: DeployFixture;
    before(async () => {
      f = await deployFixture({ seed: { dataset: 'scale', pipelines: 10, packageVersions: 100, deployInstances: 500 }, speed: 0 });
    });
    after(() => f.close());

    it('shows the first 50 failed targets after one list page and two batches', async () => {
      const [group] = await loadGroups(f.api, SCALE_APPLICATION);
      const [latest] = await f.api.getDeployments([group!.lastAttempted!.id]);
      assert.equal(targetCount(latest!), 500);
      f.emu.stats.reset();
      const pager = targetPager(f.api, latest!);
      const first = await pager.next();
      assert.equal(first.length, 50);
      assert.ok(first.every((t) => t.status === 'Failed' && t.events.some((e) => e.status === 'Failed' && e.name === 'BeforeInstall')));
      assert.deepEqual(f.calls(), { ListDeploymentTargets: 1, BatchGetDeploymentTargets: 2 });
      assert.ok(pager.hasMore);
    });

    it('pages through every target, failed before skipped, each once', async () => {
      const [group] = await loadGroups(f.api, SCALE_APPLICATION);
      const [latest] = await f.api.getDeployments([group!.lastAttempted!.id]);
      const pager = targetPager(f.api, latest!);
      f.emu.stats.reset();
      let pages = 0;
      while (pager.hasMore) {
        await pager.next();
        pages++;
      }
      const statuses = pager.loaded.map((t) => t.status);
      assert.equal(pager.loaded.length, 500);
      assert.equal(new Set(pager.loaded.map((t) => t.id)).size, 500);
      assert.equal(statuses.lastIndexOf('Failed'), 249);
      assert.equal(statuses.indexOf('Skipped'), 250);
      assert.equal(pages, 10);
      assert.deepEqual(f.calls(), { ListDeploymentTargets: 6, BatchGetDeploymentTargets: 20 }, '3 list pages per status, 25 targets a batch');
      assert.deepEqual(await pager.next(), []);
    });
  });

  describe('against the demo dataset', () => {
    let f: DeployFixture;
    before(async () => {
      f = await deployFixture();
    });
    after(() => f.close());

    it('pages a group’s deployments newest first', async () => {
      const pager = deploymentPager(f.api, 'orders-api', 'orders-api-prod', 4);
      f.emu.stats.reset();
      const first = await pager.next();
      assert.equal(first.length, 4);
      assert.equal(first[0]!.status, 'Failed');
      assert.deepEqual(f.calls(), { ListDeployments: 1, BatchGetDeployments: 1 });
      while (pager.hasMore) await pager.next();
      assert.equal(pager.loaded.length, 9);
      assert.ok(pager.loaded.every((d, i) => i === 0 || d.createTime! <= pager.loaded[i - 1]!.createTime!));
      assert.deepEqual(f.calls(), { ListDeployments: 1, BatchGetDeployments: 3 }, 'one list page of 9 ids, fetched 4 at a time');
    });

    it('lists an ECS deployment whose overview counts nothing without a status filter', async () => {
      const [group] = await loadGroups(f.api, 'checkout-service');
      const [d] = await f.api.getDeployments([group!.lastAttempted!.id]);
      const pager = targetPager(f.api, { id: d!.id, overview: {} });
      const [service] = await pager.next();
      assert.equal(service!.kind, 'ecs');
      assert.equal(pager.hasMore, false);
    });
  });

  describe('IdPager', () => {
    const fetchIds = async (ids: string[]): Promise<{ id: string }[]> => ids.map((id) => ({ id }));

    it('stops a listing whose token repeats, and drops ids listed twice', async () => {
      let calls = 0;
      const loop: IdLister = async () => {
        calls++;
        return { ids: ['a', 'b'], nextToken: 'same' };
      };
      const pager = new IdPager([loop, async () => ({ ids: ['b', 'c'] })], fetchIds, (r) => r.id, 10);
      assert.deepEqual((await pager.next()).map((r) => r.id), ['a', 'b', 'c']);
      assert.equal(calls, 2, 'the second page repeats the token: the listing ends');
      assert.equal(pager.hasMore, false);
    });

    it('shares a page between calls made while it loads, and asks again after a failure', async () => {
      let listCalls = 0;
      let fail = true;
      const pager = new IdPager([async () => {
        listCalls++;
        return { ids: ['a', 'b', 'c'] };
      }], async (ids) => {
        if (fail) {
          fail = false;
          throw new Error('throttled');
        }
        return ids.map((id) => ({ id }));
      }, (r) => r.id, 2);
      const [one, two] = await Promise.allSettled([pager.next(), pager.next()]);
      assert.equal(one.status, 'rejected');
      assert.equal(two.status, 'rejected', 'the second call got the same (failed) page');
      assert.deepEqual((await pager.next()).map((r) => r.id), ['a', 'b'], 'the failed page is asked for again');
      assert.deepEqual((await pager.next()).map((r) => r.id), ['c']);
      assert.equal(listCalls, 1);
    });

    it('keeps the listing order whatever order the batch answers in', async () => {
      const pager = new IdPager([async () => ({ ids: ['x', 'y', 'z'] })], async (ids) => [...ids].reverse().map((id) => ({ id })), (r) => r.id, 3);
      assert.deepEqual((await pager.next()).map((r) => r.id), ['x', 'y', 'z']);
    });
  });
});
