// EC2/On-Premises deployments over simulated time, observed through the real SDK: the agent's event
// order, hooks with and without scripts, scripted failures with the agent's diagnostics and log tail,
// the deployment configurations' health constraints, and ApplicationStop from the previous revision.
import assert from 'node:assert/strict';
import { CreateDeploymentCommand, GetDeploymentCommand, ListDeploymentTargetsCommand } from '@aws-sdk/client-codedeploy';
import { rejectsWith } from './core.helpers';
import { eventsOf, eventSummary, s3, serverAppSpec, serverGroup, status, targets, useDeployEmulator } from './codedeploy.helpers';

const MIN = 60_000;
const INSTALL = ['ApplicationStop', 'DownloadBundle', 'BeforeInstall', 'Install', 'AfterInstall', 'ApplicationStart', 'ValidateService'];

describe('emulator: CodeDeploy EC2/On-Premises deployments (simulated clock)', function () {
  this.timeout(30_000);
  const f = useDeployEmulator({ speed: 0 });
  beforeEach(() => f.emulator.reset());

  const appspec = serverAppSpec({ AfterInstall: ['scripts/a.sh', 'scripts/b.sh'], ValidateService: ['scripts/check.sh'] });
  const deploy = async (app: string, group: string, key: string, extra: Record<string, unknown> = {}): Promise<string> =>
    (await f.codedeploy.send(new CreateDeploymentCommand({ applicationName: app, deploymentGroupName: group, revision: s3(key), ...extra }))).deploymentId!;
  const advance = (ms: number): void => f.emulator.clock.advance(ms);

  it('runs the seven in-place events in order; hooks without scripts succeed as the agent reports them', async () => {
    serverGroup(f.store(), 'web', { deploymentGroupName: 'prod', deploymentConfigName: 'CodeDeployDefault.AllAtOnce', instanceCount: 2 }, { 'web-1.zip': { appspec } });
    const id = await deploy('web', 'prod', 'web-1.zip');
    assert.match(id, /^d-[A-Z0-9]{9}$/);
    assert.equal(await status(f, id), 'Created');
    await rejectsWith(f.codedeploy.send(new ListDeploymentTargetsCommand({ deploymentId: id })), 'DeploymentNotStartedException');
    advance(1_000);
    assert.equal(await status(f, id), 'InProgress');
    advance(10 * MIN);
    const info = (await f.codedeploy.send(new GetDeploymentCommand({ deploymentId: id }))).deploymentInfo!;
    assert.equal(info.status, 'Succeeded');
    assert.deepEqual(info.deploymentOverview, { Pending: 0, InProgress: 0, Succeeded: 2, Failed: 0, Skipped: 0, Ready: 0 });
    assert.ok(info.createTime! < info.startTime! && info.startTime! < info.completeTime!);
    for (const t of await targets(f, id)) {
      assert.equal(t.deploymentTargetType, 'InstanceTarget');
      assert.match(t.instanceTarget!.targetArn!, /^arn:aws:ec2:us-east-1:111111111111:instance\/i-0[0-9a-f]{16}$/);
      assert.deepEqual(eventSummary(t), INSTALL.map((e) => `${e}:Succeeded`));
      const events = eventsOf(t);
      for (const e of events) assert.deepEqual(e.diagnostics, { errorCode: 'Success', scriptName: '', message: 'Succeeded', logTail: '' });
      for (let i = 1; i < events.length; i++) assert.ok(events[i]!.startTime! >= events[i - 1]!.endTime!, 'events run one after another');
      const stop = events[0]!;
      assert.ok(stop.endTime!.getTime() - stop.startTime!.getTime() < 1_000, 'a hook without scripts takes less than a second');
    }
  });

  it('deregisters from the load balancer first and registers again last (traffic control)', async () => {
    serverGroup(f.store(), 'web', {
      deploymentGroupName: 'prod', deploymentStyle: { deploymentType: 'IN_PLACE', deploymentOption: 'WITH_TRAFFIC_CONTROL' },
      loadBalancerInfo: { targetGroupInfoList: [{ name: 'web-tg' }] },
    }, { 'web-1.zip': { appspec } });
    const id = await deploy('web', 'prod', 'web-1.zip');
    advance(15 * MIN);
    const [t] = await targets(f, id);
    assert.deepEqual(eventsOf(t!).map((e) => e.lifecycleEventName), [
      'BeforeBlockTraffic', 'BlockTraffic', 'AfterBlockTraffic', ...INSTALL, 'BeforeAllowTraffic', 'AllowTraffic', 'AfterAllowTraffic',
    ]);
    assert.equal(await status(f, id), 'Succeeded');
  });

  it('fails a script as the agent reports it: ScriptFailed, its message and log tail; later events are Skipped', async () => {
    serverGroup(f.store(), 'web', { deploymentGroupName: 'prod', instanceCount: 3 }, {
      'web-1.zip': { appspec, scripts: { 'scripts/a.sh': { stdout: ['configured'] } } },
    });
    f.emulator.state.codedeploy.faults.add({
      applicationName: 'web', lifecycleEvent: 'AfterInstall', script: 'scripts/b.sh', exitCode: 2,
      stdout: ['migrating'], stderr: ['ERROR: relation "orders" does not exist'],
    });
    const id = await deploy('web', 'prod', 'web-1.zip');
    advance(15 * MIN);
    const info = (await f.codedeploy.send(new GetDeploymentCommand({ deploymentId: id }))).deploymentInfo!;
    assert.equal(info.status, 'Failed');
    assert.equal(info.errorInformation!.code, 'HEALTH_CONSTRAINTS');
    assert.deepEqual(info.deploymentOverview, { Pending: 0, InProgress: 0, Succeeded: 0, Failed: 1, Skipped: 2, Ready: 0 }, 'one at a time: the first failure ends it');
    const [first, ...rest] = await targets(f, id);
    assert.equal(first!.instanceTarget!.status, 'Failed');
    assert.deepEqual(eventSummary(first!), [
      'ApplicationStop:Succeeded', 'DownloadBundle:Succeeded', 'BeforeInstall:Succeeded', 'Install:Succeeded', 'AfterInstall:Failed',
      'ApplicationStart:Skipped', 'ValidateService:Skipped',
    ]);
    const failed = eventsOf(first!)[4]!;
    assert.deepEqual(failed.diagnostics, {
      errorCode: 'ScriptFailed',
      scriptName: 'scripts/b.sh',
      message: 'Script at specified location: scripts/b.sh run as user root failed with exit code 2',
      logTail: 'LifecycleEvent - AfterInstall\nScript - scripts/a.sh\n[stdout]configured\nScript - scripts/b.sh\n[stdout]migrating\n[stderr]ERROR: relation "orders" does not exist\n',
    });
    const skipped = eventsOf(first!)[5]!;
    assert.equal(skipped.startTime, undefined);
    assert.deepEqual(skipped.endTime, failed.endTime);
    assert.equal(skipped.diagnostics, undefined);
    for (const t of rest) {
      assert.equal(t.instanceTarget!.status, 'Skipped');
      assert.ok(eventsOf(t).every((e) => e.status === 'Skipped'));
    }
  });

  it('keeps the last 2,048 characters of whole log entries, as the agent does', async () => {
    serverGroup(f.store(), 'web', { deploymentGroupName: 'prod' }, { 'web-1.zip': { appspec } });
    const lines = Array.from({ length: 100 }, (_, i) => `line ${String(i).padStart(3, '0')} ${'x'.repeat(40)}`);
    f.emulator.state.codedeploy.faults.add({ applicationName: 'web', lifecycleEvent: 'ValidateService', stdout: lines });
    const id = await deploy('web', 'prod', 'web-1.zip');
    advance(15 * MIN);
    const [t] = await targets(f, id);
    const tail = eventsOf(t!).find((e) => e.lifecycleEventName === 'ValidateService')!.diagnostics!.logTail!;
    assert.ok(tail.length <= 2048 && tail.length > 1900, `${tail.length} characters`);
    assert.ok(tail.startsWith('[stdout]line '), 'the tail starts at a whole entry');
    assert.ok(tail.endsWith(`[stdout]${lines[99]}\n`));
  });

  it('reports ScriptMissing for a hook script absent from the bundle, and ScriptTimedOut after its timeout', async () => {
    serverGroup(f.store(), 'web', { deploymentGroupName: 'prod' }, {
      'missing.zip': { appspec, files: ['appspec.yml', 'scripts/a.sh'] },
      'slow.zip': { appspec },
    });
    const missing = await deploy('web', 'prod', 'missing.zip');
    advance(15 * MIN);
    const group = f.store().group('web', 'prod')!;
    const diag = eventsOf((await targets(f, missing))[0]!).find((e) => e.status === 'Failed')!.diagnostics!;
    assert.equal(diag.errorCode, 'ScriptMissing');
    assert.equal(diag.scriptName, 'scripts/b.sh');
    assert.equal(diag.message, `Script does not exist at specified location: /opt/codedeploy-agent/deployment-root/${group.deploymentGroupId}/${missing}/deployment-archive/scripts/b.sh`);

    f.emulator.state.codedeploy.faults.add({ applicationName: 'web', lifecycleEvent: 'ValidateService', errorCode: 'ScriptTimedOut' });
    const slow = await deploy('web', 'prod', 'slow.zip');
    advance(15 * MIN);
    const timedOut = eventsOf((await targets(f, slow))[0]!).find((e) => e.status === 'Failed')!;
    assert.equal(timedOut.diagnostics!.errorCode, 'ScriptTimedOut');
    assert.equal(timedOut.diagnostics!.message, 'Script at specified location: scripts/check.sh failed to complete in 60 seconds');
    assert.ok(timedOut.endTime!.getTime() - timedOut.startTime!.getTime() >= 60_000, 'it ran for the whole timeout');
  });

  describe('deployment configurations', () => {
    const run = async (config: string, instances: number, failing: number[]): Promise<{ status: string; overview: Record<string, number> }> => {
      serverGroup(f.store(), 'web', { deploymentGroupName: 'prod', deploymentConfigName: config, instanceCount: instances }, { 'web-1.zip': { appspec } });
      const ids = f.store().group('web', 'prod')!.instances;
      f.emulator.state.codedeploy.faults.add({ applicationName: 'web', lifecycleEvent: 'AfterInstall', targetIds: failing.map((i) => ids[i]!) });
      const id = await deploy('web', 'prod', 'web-1.zip');
      advance(60 * MIN);
      const info = (await f.codedeploy.send(new GetDeploymentCommand({ deploymentId: id }))).deploymentInfo!;
      return { status: info.status!, overview: info.deploymentOverview as Record<string, number> };
    };

    it('OneAtATime: a failure on the last instance still succeeds', async () => {
      const r = await run('CodeDeployDefault.OneAtATime', 3, [2]);
      assert.equal(r.status, 'Succeeded');
      assert.equal(r.overview.Failed, 1);
    });

    it('HalfAtATime: succeeds with half the fleet, fails once half cannot be reached', async () => {
      assert.equal((await run('CodeDeployDefault.HalfAtATime', 4, [2, 3])).status, 'Succeeded');
      f.emulator.reset();
      const r = await run('CodeDeployDefault.HalfAtATime', 4, [0, 1]);
      assert.equal(r.status, 'Failed');
      assert.deepEqual([r.overview.Failed, r.overview.Skipped], [2, 2], 'two offline at a time: the first two failures stop it');
    });

    it('AllAtOnce: one successful instance is enough', async () => {
      assert.equal((await run('CodeDeployDefault.AllAtOnce', 3, [0, 1])).status, 'Succeeded');
      f.emulator.reset();
      assert.equal((await run('CodeDeployDefault.AllAtOnce', 3, [0, 1, 2])).status, 'Failed');
    });
  });

  it('runs ApplicationStop from the last successful revision; ignoreApplicationStopFailures carries on', async () => {
    const v1 = serverAppSpec({ ApplicationStop: ['stop-v1.sh'] });
    const v2 = serverAppSpec({ ApplicationStop: ['stop-v2.sh'] });
    serverGroup(f.store(), 'web', { deploymentGroupName: 'prod' }, { 'v1.zip': { appspec: v1 }, 'v2.zip': { appspec: v2 } });
    const first = await deploy('web', 'prod', 'v1.zip');
    advance(10 * MIN);
    assert.equal(await status(f, first), 'Succeeded');
    f.emulator.state.codedeploy.faults.add({ applicationName: 'web', lifecycleEvent: 'ApplicationStop', script: 'stop-v1.sh', stderr: ['old version refuses to stop'] });
    const second = await deploy('web', 'prod', 'v2.zip');
    advance(10 * MIN);
    assert.equal(await status(f, second), 'Failed');
    const stop = eventsOf((await targets(f, second))[0]!)[0]!;
    assert.equal(stop.diagnostics!.scriptName, 'stop-v1.sh', "the previous revision's script ran");
    const third = await deploy('web', 'prod', 'v2.zip', { ignoreApplicationStopFailures: true });
    advance(10 * MIN);
    assert.equal(await status(f, third), 'Succeeded');
    const events = eventSummary((await targets(f, third))[0]!);
    assert.deepEqual(events.slice(0, 2), ['ApplicationStop:Failed', 'DownloadBundle:Succeeded']);
    assert.ok(events.slice(1).every((e) => e.endsWith(':Succeeded')));
  });

  it('fails at BeforeInstall when the revision has an unreadable appspec, and with NO_INSTANCES on an empty fleet', async () => {
    serverGroup(f.store(), 'web', { deploymentGroupName: 'prod' }, { 'bad.zip': { appspec: 'hooks: [unclosed' } });
    const bad = await deploy('web', 'prod', 'bad.zip');
    advance(10 * MIN);
    const failed = eventsOf((await targets(f, bad))[0]!).find((e) => e.status === 'Failed')!;
    assert.equal(failed.lifecycleEventName, 'BeforeInstall');
    assert.equal(failed.diagnostics!.errorCode, 'UnknownError');
    assert.match(failed.diagnostics!.message!, /not valid YAML or JSON/);

    serverGroup(f.store(), 'empty', { deploymentGroupName: 'prod', instanceCount: 0 }, { 'e.zip': { appspec } });
    const none = (await f.codedeploy.send(new CreateDeploymentCommand({ applicationName: 'empty', deploymentGroupName: 'prod', revision: s3('e.zip') }))).deploymentId!;
    advance(MIN);
    const info = (await f.codedeploy.send(new GetDeploymentCommand({ deploymentId: none }))).deploymentInfo!;
    assert.equal(info.status, 'Failed');
    assert.equal(info.errorInformation!.code, 'NO_INSTANCES');
  });
});
