// Scripted lifecycle faults over the admin API, as host and UI tests drive a running emulator: add,
// list, remove, clear; a bad spec is refused; a fault makes the next deployment fail where it says.
import assert from 'node:assert/strict';
import { CreateDeploymentCommand, GetDeploymentCommand } from '@aws-sdk/client-codedeploy';
import { SCRIPT_FAULTS_PATH } from '../../emulator/services/codedeploy/index';
import { adminCall } from './core.helpers';
import { eventsOf, s3, serverAppSpec, serverGroup, targets, useDeployEmulator } from './codedeploy.helpers';

describe('emulator: CodeDeploy scripted faults (admin API)', function () {
  this.timeout(30_000);
  const f = useDeployEmulator({ speed: 0 });
  beforeEach(() => f.emulator.reset());

  it('adds, lists, removes and clears faults, and refuses malformed ones', async () => {
    const url = f.emulator.url;
    const added = await adminCall(url, 'POST', SCRIPT_FAULTS_PATH, [
      { lifecycleEvent: 'AfterInstall', applicationName: 'web', exitCode: 3 },
      { lifecycleEvent: 'ValidateService', errorCode: 'ScriptTimedOut' },
    ]);
    assert.equal(added.status, 200);
    const ids = (added.json as { faults: { id: string }[] }).faults.map((x) => x.id);
    assert.equal(ids.length, 2);
    assert.equal(((await adminCall(url, 'GET', SCRIPT_FAULTS_PATH)).json as { faults: unknown[] }).faults.length, 2);
    assert.equal((await adminCall(url, 'DELETE', `${SCRIPT_FAULTS_PATH}/${ids[0]}`)).status, 200);
    assert.equal((await adminCall(url, 'DELETE', `${SCRIPT_FAULTS_PATH}/${ids[0]}`)).status, 404);
    assert.deepEqual(((await adminCall(url, 'DELETE', SCRIPT_FAULTS_PATH)).json as { faults: unknown[] }).faults, []);
    for (const [bad, problem] of [
      [{}, /lifecycleEvent is required/],
      [{ lifecycleEvent: 'AfterInstall', errorCode: 'Oops' }, /errorCode must be one of/],
      [{ lifecycleEvent: 'AfterInstall', targetIds: 'i-1' }, /targetIds must be a list/],
      [{ lifecycleEvent: 'AfterInstall', times: 0 }, /times must be a positive integer/],
    ] as const) {
      const res = await adminCall(url, 'POST', SCRIPT_FAULTS_PATH, bad);
      assert.equal(res.status, 400);
      assert.match((res.json as { message: string }).message, problem);
    }
  });

  it('fails the next deployment where the fault says, once when times is 1', async () => {
    serverGroup(f.store(), 'web', { deploymentGroupName: 'prod' }, { 'web.zip': { appspec: serverAppSpec({ AfterInstall: ['migrate.sh'] }) } });
    await adminCall(f.emulator.url, 'POST', SCRIPT_FAULTS_PATH, { lifecycleEvent: 'AfterInstall', applicationName: 'web', exitCode: 3, stderr: ['boom'], times: 1 });
    const deploy = async (): Promise<string> => {
      const id = (await f.codedeploy.send(new CreateDeploymentCommand({ applicationName: 'web', deploymentGroupName: 'prod', revision: s3('web.zip') }))).deploymentId!;
      f.emulator.clock.advance(10 * 60_000);
      return id;
    };
    const failed = await deploy();
    assert.equal((await f.codedeploy.send(new GetDeploymentCommand({ deploymentId: failed }))).deploymentInfo!.status, 'Failed');
    const event = eventsOf((await targets(f, failed))[0]!).find((e) => e.status === 'Failed')!;
    assert.deepEqual([event.diagnostics!.scriptName, event.diagnostics!.message], ['migrate.sh', 'Script at specified location: migrate.sh run as user root failed with exit code 3']);
    assert.deepEqual(((await adminCall(f.emulator.url, 'GET', SCRIPT_FAULTS_PATH)).json as { faults: unknown[] }).faults, [], 'used up');
    const next = await deploy();
    assert.equal((await f.codedeploy.send(new GetDeploymentCommand({ deploymentId: next }))).deploymentInfo!.status, 'Succeeded');
  });
});
