// The Deployments view's model and rows against the emulator: every level of the demo account as a
// person sees it (labels, descriptions, context values, clicks), what re-rendering and "Load more"
// cost in requests, failures as error rows (injected faults), live refresh of deployments in progress,
// and the path to a deployment for reveal.
import assert from 'node:assert/strict';
import type { AwsTarget } from '../../../src/aws/access';
import { groupKeyId } from '../../../src/deploy/model/keys';
import { deployNodeId, type DeployNode, DeployTreeModel } from '../../../src/deploy/model/tree';
import { DEPLOY_COMMANDS, presentDeployNode } from '../../../src/deploy/present/nodes';
import { SCALE_APPLICATION, SCALE_GROUP } from '../../emulator/services/codedeploy/seed/index';
import { ACCOUNT, deployFixture, type DeployFixture } from './helpers';

type Kind<K extends DeployNode['kind']> = Extract<DeployNode, { kind: K }>;

function newModel(f: DeployFixture, account: AwsTarget | null = ACCOUNT): { model: DeployTreeModel; changes: (readonly DeployNode[] | undefined)[] } {
  const model = new DeployTreeModel({
    current: () => account ?? undefined,
    api: () => f.api,
    explain: (failure) => `${failure.operation}: ${failure.cause instanceof Error ? failure.cause.message : String(failure.cause)}`,
  });
  const changes: (readonly DeployNode[] | undefined)[] = [];
  model.onDidChange((nodes) => changes.push(nodes));
  return { model, changes };
}

const watched = new Set<string>();
/** A markdown tooltip as the person reads it (escapes removed). */
const read = (markdown: string | undefined): string => (markdown ?? '').replace(/\\(.)/g, '$1');
const present = (node: DeployNode): ReturnType<typeof presentDeployNode> => presentDeployNode(node, { now: Date.now(), isWatched: (k) => watched.has(k) });

async function child<K extends DeployNode['kind']>(model: DeployTreeModel, parent: DeployNode | undefined, kind: K, label: string): Promise<Kind<K>> {
  const rows = await model.children(parent);
  const found = rows.find((n) => n.kind === kind && present(n).label === label);
  assert.ok(found, `no ${kind} ${label} in ${rows.map((n) => present(n).label).join(', ')}`);
  return found as Kind<K>;
}

describe('deploy: the Deployments view model', function () {
  this.timeout(120_000);

  describe('demo account', () => {
    let f: DeployFixture;
    beforeEach(async () => {
      f = await deployFixture();
    });
    afterEach(() => f.close());

    it('shows applications → groups → deployments → targets → lifecycle events with their details', async () => {
      const { model } = newModel(f);
      const apps = await model.children();
      assert.deepEqual(apps.map((n) => [present(n).label, present(n).description]), [
        ['billing-legacy', 'EC2/On-premises'], ['checkout-service', 'Amazon ECS'], ['image-resizer', 'AWS Lambda'],
        ['inventory-sync', 'EC2/On-premises'], ['orders-api', 'EC2/On-premises'], ['payments-api', 'EC2/On-premises'],
      ]);
      const prod = await child(model, apps[4], 'group', 'orders-api-prod');
      const g = present(prod);
      assert.match(g.description!, /^in place · OneAtATime · last failed \d+ minutes ago$/);
      assert.equal(g.contextValue, 'group:unwatched:redeployable');
      assert.match(read(g.tooltip), /Load balancing: orders-api-prod-tg/);

      const deployments = await model.children(prod);
      assert.equal(deployments.length, 9);
      const latest = present(deployments[0]!);
      assert.equal(latest.contextValue, 'deployment:failed:latest');
      assert.match(latest.description!, /^Failed · \d+ minutes ago · s3:\/\/acme-deploy-artifacts\/orders-api\/orders-api-2\.14\.0\.zip/);
      assert.match(read(latest.tooltip), /HEALTH_CONSTRAINTS/);
      assert.match(read(latest.tooltip), /Failed · 1 failed, 3 skipped/);

      assert.equal(model.hasActiveDeployments(), false, 'orders-api-prod has nothing going');
      const targets = await model.children(deployments[0]);
      assert.deepEqual(targets.map((n) => (n.kind === 'target' ? n.info.status : n.kind)), ['Failed', 'Skipped', 'Skipped', 'Skipped'], 'failed first');
      const failedTarget = present(targets[0]!);
      assert.equal(failedTarget.collapsible, 'expanded', 'a failed target opens on its events');
      assert.match(failedTarget.description!, /^Failed · in AfterInstall/);

      const events = await model.children(targets[0]);
      const rows = events.map(present);
      const failed = rows.find((r) => r.label === 'AfterInstall')!;
      assert.match(failed.description!, /^Failed · \d+ (ms|sec) · ScriptFailed · scripts\/migrate_db\.sh$/);
      assert.equal(failed.command!.id, DEPLOY_COMMANDS.openFailure);
      assert.equal(failed.contextValue, 'event:failed:log');
      assert.match(read(failed.tooltip), /DuplicateColumn/);
      const skipped = rows.find((r) => r.label === 'ApplicationStart')!;
      assert.deepEqual([skipped.description, skipped.command, skipped.icon!.id], ['Skipped', undefined, 'debug-step-over']);
      const succeeded = rows.find((r) => r.label === 'BeforeInstall')!;
      assert.equal(succeeded.command?.id, DEPLOY_COMMANDS.showEventLog, 'an event with output opens its log');
    });

    it('re-renders from what it loaded: no request until a refresh', async () => {
      const { model, changes } = newModel(f);
      const app = await child(model, undefined, 'application', 'orders-api');
      const prod = await child(model, app, 'group', 'orders-api-prod');
      const [latest] = await model.children(prod);
      await model.children(latest);
      f.emu.stats.reset();
      await model.children();
      await model.children(app);
      await model.children(prod);
      await model.children(latest);
      assert.deepEqual(f.calls(), {});
      model.refresh(prod);
      assert.deepEqual(changes.at(-1), [prod], 'the refreshed row re-renders');
      await model.children(prod);
      assert.deepEqual(f.calls(), { ListDeployments: 1, BatchGetDeployments: 1 });
      const prodNow = (await model.children(app)).find((n) => deployNodeId(n) === deployNodeId(prod))!;
      assert.equal(model.parent(latest!), prodNow, 'the parent as the view holds it after a re-render');
      const row = model.groupNode({ ...ACCOUNT, application: 'orders-api', group: 'orders-api-prod' });
      assert.equal(row && deployNodeId(row), deployNodeId(prod), 'the row the view holds now');
    });

    it('turns a failed call into an error row with the explained cause, and loads again after a refresh', async () => {
      const { model } = newModel(f);
      const app = await child(model, undefined, 'application', 'orders-api');
      f.emu.faults.add({ operation: 'ListDeploymentGroups', kind: 'error', status: 400, errorType: 'AccessDeniedException', message: 'not allowed to list groups' });
      const [row] = await model.children(app);
      assert.equal(row!.kind, 'error');
      const p = present(row!);
      assert.equal(p.label, 'Couldn’t list deployment groups');
      assert.match(p.description!, /ListDeploymentGroups: not allowed to list groups/);
      assert.equal(p.command!.id, DEPLOY_COMMANDS.showError);
      assert.equal((row as Kind<'error'>).failure.account, ACCOUNT);
      f.emu.faults.clear();
      model.refresh(app);
      assert.deepEqual((await model.children(app)).map((n) => present(n).label), ['orders-api-prod', 'orders-api-staging']);
    });

    it('survives throttling and malformed answers on every level', async () => {
      const { model } = newModel(f);
      f.emu.faults.add({ operation: 'BatchGetApplications', kind: 'malformed' });
      const [root] = await model.children();
      assert.equal(root!.kind, 'error');
      f.emu.faults.clear();
      model.refresh();
      const app = await child(model, undefined, 'application', 'orders-api');
      const prod = await child(model, app, 'group', 'orders-api-prod');
      const [latest] = await model.children(prod);
      f.emu.faults.add({ operation: 'BatchGetDeploymentTargets', kind: 'throttle' });
      const [targetsError] = await model.children(latest);
      assert.equal(present(targetsError!).label, 'Couldn’t list the targets');
      f.emu.faults.clear();
      model.refresh(latest);
      assert.equal((await model.children(latest)).length, 4);
    });

    it('asks for a profile when none is configured', async () => {
      const { model } = newModel(f, null);
      const [hint] = await model.children();
      assert.deepEqual([present(hint!).label, present(hint!).contextValue], ['Choose an AWS profile to see CodeDeploy applications', 'placeholder']);
      assert.deepEqual(f.calls(), {});
    });

    it('shows what an ECS deployment waits for and its task sets, and a Lambda target’s versions', async () => {
      const { model } = newModel(f);
      const ecsApp = await child(model, undefined, 'application', 'checkout-service');
      const [ecsGroup] = await model.children(ecsApp);
      const [waiting] = await model.children(ecsGroup);
      const w = present(waiting!);
      assert.equal(w.contextValue, 'deployment:stoppable:continuable:latest');
      assert.match(w.description!, /^Waiting to reroute traffic · /);
      const [service] = await model.children(waiting);
      assert.match(present(service!).description!, /^Ready · Blue 100%, Green 0%/);

      const lambdaApp = await child(model, undefined, 'application', 'image-resizer');
      const [lambdaGroup] = await model.children(lambdaApp);
      const [latestLambda] = await model.children(lambdaGroup);
      const [fn] = await model.children(latestLambda);
      assert.match(present(fn!).description!, /^Succeeded · v17 → v18 \(100%\)/);
    });

    it('refreshes deployments in progress, and the group whose deployment changed', async () => {
      const { model, changes } = newModel(f);
      const ecsApp = await child(model, undefined, 'application', 'checkout-service');
      const [ecsGroup] = await model.children(ecsApp);
      const [waiting] = await model.children(ecsGroup);
      assert.equal(model.hasActiveDeployments(), true);
      await f.api.continue((waiting as Kind<'deployment'>).deployment.id, 'READY_WAIT');
      f.emu.clock.advance(2 * 60_000);
      f.emu.stats.reset();
      assert.equal(await model.refreshActive(), 1);
      assert.deepEqual(f.calls(), { BatchGetDeployments: 1, BatchGetDeploymentGroups: 1 });
      assert.deepEqual(changes.at(-1), [waiting, ecsGroup]);
      assert.match(present(waiting!).description!, /^Waiting to terminate the original/);
      assert.equal(present(waiting!).contextValue, 'deployment:stoppable:continuable:latest');
    });

    it('takes the groups a watcher read: new summaries, and the deployments again when a new one started', async () => {
      const { model, changes } = newModel(f);
      const app = await child(model, undefined, 'application', 'orders-api');
      const prod = await child(model, app, 'group', 'orders-api-prod');
      await model.children(prod);
      const [fresh] = await f.api.getGroups('orders-api', ['orders-api-prod']);
      model.applyGroups(ACCOUNT, [fresh!]);
      assert.equal(changes.length, 0, 'nothing changed');
      const id = await f.api.create('orders-api', 'orders-api-prod', (await f.api.getDeployments([fresh!.lastSuccessful!.id]))[0]!.revision!);
      f.emu.clock.advance(1_000);
      const [started] = await f.api.getGroups('orders-api', ['orders-api-prod']);
      model.applyGroups(ACCOUNT, [started!]);
      assert.deepEqual(changes.at(-1), [prod]);
      assert.match(present(prod).description!, /last in progress just now/);
      const rows = await model.children(prod);
      assert.equal((rows[0] as Kind<'deployment'>).deployment.id, id);
    });

    it('finds the path to a deployment, loading its group’s pages as needed', async () => {
      const { model } = newModel(f);
      const [group] = await f.api.getGroups('orders-api', ['orders-api-prod']);
      const deployments = (await f.api.listDeployments('orders-api', 'orders-api-prod')).ids;
      const path = await model.pathTo(ACCOUNT, deployments.at(-1)!);
      assert.deepEqual(path!.map((n) => present(n).label), ['orders-api', 'orders-api-prod', deployments.at(-1)]);
      assert.equal(model.parent(path![2]!), path![1]);
      assert.equal(model.parent(path![1]!), path![0]);
      assert.equal((path![1] as Kind<'group'>).group.name, group!.name);
      assert.equal(await model.pathTo(ACCOUNT, 'd-AAAAAAAAA'), undefined);
    });

    it('marks watched groups', async () => {
      const { model } = newModel(f);
      const app = await child(model, undefined, 'application', 'orders-api');
      const prod = await child(model, app, 'group', 'orders-api-prod');
      watched.add(groupKeyId({ ...ACCOUNT, application: 'orders-api', group: 'orders-api-prod' }));
      try {
        assert.equal(present(prod).contextValue, 'group:watched:redeployable');
        assert.match(present(prod).description!, / · watched$/);
      } finally {
        watched.clear();
      }
    });
  });

  describe('scale: 500 instances', () => {
    let f: DeployFixture;
    before(async () => {
      f = await deployFixture({ seed: { dataset: 'scale', pipelines: 10, packageVersions: 100, deployInstances: 500 }, speed: 0 });
    });
    after(() => f.close());

    it('shows 50 targets, failed first, and loads 50 more on request', async () => {
      const { model, changes } = newModel(f);
      const app = await child(model, undefined, 'application', SCALE_APPLICATION);
      const group = await child(model, app, 'group', SCALE_GROUP);
      const [latest] = await model.children(group);
      f.emu.stats.reset();
      const first = await model.children(latest);
      assert.equal(first.length, 51);
      const more = first.at(-1)!;
      assert.deepEqual([present(more).label, present(more).description, present(more).command!.id], ['Load more targets…', '50 of 500 shown', DEPLOY_COMMANDS.loadMore]);
      assert.deepEqual(f.calls(), { ListDeploymentTargets: 1, BatchGetDeploymentTargets: 2 });
      await model.loadMore(more);
      assert.deepEqual(changes.at(-1), [latest]);
      const second = await model.children(latest);
      assert.equal(second.length, 101);
      assert.ok(second.slice(0, 100).every((n) => n.kind === 'target' && n.info.status === 'Failed'));
      assert.deepEqual(f.calls(), { ListDeploymentTargets: 1, BatchGetDeploymentTargets: 4 });
    });
  });
});
