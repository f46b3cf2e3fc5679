// The appspec diagnostics: the demo's failed orders-api deployment marks the AfterInstall line of the
// workspace appspec; 250 instances failing the same way are one diagnostic; a hook that runs the last
// successful revision's scripts is a warning; the diagnostics go when another deployment is the latest.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hookDiagnosticActions, hookDiagnostics, LatestFailures } from '../../../src/deploy/appspec/hook-diagnostics';
import { deploymentArgs, eventLogArgs } from '../../../src/deploy/model/command-args';
import { groupKeyId } from '../../../src/deploy/model/keys';
import { loadGroups, loadLatestFailures } from '../../../src/deploy/model/loader';
import type { FailedEvent } from '../../../src/deploy/model/types';
import { SCALE_APPLICATION } from '../../emulator/services/codedeploy/seed/index';
import { serverAppBundle } from '../../emulator/services/codedeploy/seed/scripts';
import { ACCOUNT, deployFixture, WORKSPACE, workspaceAppSpecs } from './helpers';

function failed(event: string, scriptName: string, targetId: string, deploymentId = 'd-AAAAAAAA1'): FailedEvent {
  return {
    deploymentId,
    target: { deploymentId, id: targetId, kind: 'instance', status: 'Failed', events: [] },
    event: { name: event, status: 'Failed', diagnostics: { errorCode: 'ScriptFailed', scriptName } },
  };
}

describe('deploy: failure diagnostics on appspec hooks', function () {
  this.timeout(120_000);

  it('marks the AfterInstall line of the workspace appspec with the demo’s failed deployment', async () => {
    const f = await deployFixture();
    try {
      const [prod] = await loadGroups(f.api, 'orders-api');
      const { deployment, failures } = await loadLatestFailures(f.api, prod!);
      const state = new LatestFailures();
      const key = { ...ACCOUNT, application: 'orders-api', group: 'orders-api-prod' };
      state.set({ key, deploymentId: deployment!.id, failures });
      const byFile = hookDiagnostics(state.entries(), workspaceAppSpecs());
      assert.deepEqual([...byFile.keys()], ['deploy/orders-api/appspec.yml']);
      const [d] = byFile.get('deploy/orders-api/appspec.yml')!;
      const line = readFileSync(join(WORKSPACE, 'deploy/orders-api/appspec.yml'), 'utf8').split('\n')[d!.line]!;
      assert.equal(line.slice(d!.character, d!.endCharacter), 'AfterInstall');
      assert.equal(d!.message, `AfterInstall failed in deployment ${deployment!.id} on ${failures[0]!.target.id} (ScriptFailed)`);
      assert.deepEqual([d!.severity, d!.code, d!.key], ['error', 'ScriptFailed', key]);
      assert.equal(d!.failure, failures[0]);
    } finally {
      await f.close();
    }
  });

  it('makes one diagnostic of 250 instances that failed the same way', async () => {
    const f = await deployFixture({ seed: { dataset: 'scale', pipelines: 10, packageVersions: 100, deployInstances: 500 }, speed: 0 });
    try {
      const [group] = await loadGroups(f.api, SCALE_APPLICATION);
      const { deployment, failures } = await loadLatestFailures(f.api, group!);
      assert.equal(failures.length, 250);
      const candidates = [{ path: 'services/fleet-api/appspec.yml', text: serverAppBundle(SCALE_APPLICATION, 'java').appspec }];
      const byFile = hookDiagnostics([{ key: { ...ACCOUNT, application: SCALE_APPLICATION, group: group!.name }, deploymentId: deployment!.id, failures }], candidates);
      const list = byFile.get('services/fleet-api/appspec.yml')!;
      assert.equal(list.length, 1);
      assert.match(list[0]!.message, new RegExp(`^BeforeInstall failed in deployment ${deployment!.id} on i-[0-9a-f]+ and 249 other targets \\(ScriptFailed\\)$`));
    } finally {
      await f.close();
    }
  });

  it('keeps different failures of one hook apart, and warns on hooks that ran the previous revision', () => {
    const text = 'version: 0.0\nos: linux\nhooks:\n  ApplicationStop:\n    - location: stop.sh\n  AfterInstall:\n    - location: a.sh\n    - location: b.sh\n';
    const byFile = hookDiagnostics([{
      key: { ...ACCOUNT, application: 'web', group: 'web-prod' }, deploymentId: 'd-AAAAAAAA1',
      failures: [failed('AfterInstall', 'a.sh', 'i-1'), failed('AfterInstall', 'b.sh', 'i-2'), failed('AfterInstall', 'a.sh', 'i-3'), failed('ApplicationStop', 'stop.sh', 'i-4')],
    }], [{ path: 'web/appspec.yml', text }]);
    const list = byFile.get('web/appspec.yml')!;
    assert.deepEqual(list.map((d) => [d.line, d.severity]), [[3, 'warning'], [5, 'error'], [5, 'error']]);
    assert.match(list[0]!.message, /^ApplicationStop failed in deployment d-AAAAAAAA1 on i-4 \(ScriptFailed\) — this hook runs the scripts of the last successful revision/);
    assert.deepEqual(list.slice(1).map((d) => d.message), [
      'AfterInstall failed in deployment d-AAAAAAAA1 on i-1 and 1 other target (ScriptFailed)',
      'AfterInstall failed in deployment d-AAAAAAAA1 on i-2 (ScriptFailed)',
    ]);
  });

  it('offers the failed event’s log (of the target the message names) and the deployment, with arguments the commands read', () => {
    const text = 'version: 0.0\nos: linux\nhooks:\n  AfterInstall:\n    - location: a.sh\n';
    const [d] = hookDiagnostics([{
      key: { ...ACCOUNT, application: 'web', group: 'web-prod' }, deploymentId: 'd-AAAAAAAA1',
      failures: [failed('AfterInstall', 'a.sh', 'i-7'), failed('AfterInstall', 'a.sh', 'i-8')],
    }], [{ path: 'appspec.yml', text }]).get('appspec.yml')!;
    assert.match(d!.message, / on i-7 and 1 other target /);
    const [log, details] = hookDiagnosticActions(d!);
    assert.equal(log?.title, 'Show the AfterInstall log from i-7');
    assert.deepEqual(eventLogArgs(log?.args), { account: ACCOUNT, deploymentId: 'd-AAAAAAAA1', targetId: 'i-7', event: 'AfterInstall' });
    assert.equal(details?.title, 'Show deployment d-AAAAAAAA1');
    assert.deepEqual(deploymentArgs(details?.args), { deploymentId: 'd-AAAAAAAA1', account: ACCOUNT });
    assert.equal(eventLogArgs({ ...log?.args, targetId: undefined }), undefined, 'no target, no log');
    assert.equal(eventLogArgs({ ...log?.args, region: undefined }), undefined, 'no account, no log');
  });

  it('drops a group’s failures once another deployment is its latest', () => {
    const state = new LatestFailures();
    const key = { ...ACCOUNT, application: 'web', group: 'prod' };
    const g = groupKeyId(key);
    state.set({ key, deploymentId: 'd-1', failures: [failed('AfterInstall', 'a.sh', 'i-1', 'd-1')] });
    assert.equal(state.observeLatest(g, 'd-1'), false);
    assert.ok(state.has(g));
    assert.deepEqual(state.keys(), [key]);
    assert.equal(state.observeLatest(g, 'd-2'), true);
    assert.deepEqual(state.entries(), []);
    assert.deepEqual(state.keys(), []);
    state.set({ key, deploymentId: 'd-2', failures: [] });
    assert.equal(state.has(g), false, 'a deployment without failures leaves nothing to show');
    assert.equal(hookDiagnostics(state.entries(), []).size, 0);
  });
});
