// From a failed lifecycle event to the workspace: the demo's failed orders-api deployment (loaded from
// the emulator) leads to test/fixtures/workspace/deploy/orders-api/appspec.yml, its AfterInstall hook and
// scripts/migrate_db.sh; the choice between several appspecs; script paths relative to the revision root.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CodeDeployClient } from '@aws-sdk/client-codedeploy';
import { linkFailure, pickAppSpec, scriptPathFor } from '../../../src/deploy/appspec/failure-link';
import { createDeployApi } from '../../../src/deploy/model/api';
import { loadGroups, loadLatestFailures } from '../../../src/deploy/model/loader';
import type { FailedEvent } from '../../../src/deploy/model/types';
import { createEmulator } from '../../emulator/index';
import { WORKSPACE, workspaceAppSpecs } from './helpers';

function failed(event: string, scriptName: string, targetId = 'i-0123456789abcdef0'): FailedEvent {
  return {
    deploymentId: 'd-ABCDEFGH1',
    target: { deploymentId: 'd-ABCDEFGH1', id: targetId, kind: 'instance', status: 'Failed', events: [] },
    event: { name: event, status: 'Failed', diagnostics: { errorCode: 'ScriptFailed', scriptName, message: 'failed', logTail: '' } },
  };
}

describe('deploy: from a failed lifecycle event to the appspec and script', function () {
  this.timeout(60_000);

  it('links the demo’s failed orders-api deployment to the workspace appspec, hook and script', async () => {
    const emu = await createEmulator({ seed: { dataset: 'demo' }, speed: 0 });
    const client = new CodeDeployClient(emu.clientConfig());
    try {
      const api = createDeployApi(client);
      const prod = (await loadGroups(api, 'orders-api')).find((g) => g.name === 'orders-api-prod')!;
      const { failures } = await loadLatestFailures(api, prod);
      const candidates = workspaceAppSpecs();
      assert.ok(candidates.length >= 4, 'the workspace has several appspecs to choose from');
      const link = linkFailure(candidates, failures[0]!, { applicationName: 'orders-api', groupName: 'orders-api-prod' })!;
      assert.equal(link.appspecPath, 'deploy/orders-api/appspec.yml');
      const lines = readFileSync(join(WORKSPACE, link.appspecPath), 'utf8').split('\n');
      assert.equal(lines[link.hook.line]!.trim(), 'AfterInstall:');
      assert.match(lines[link.hook.entry!.line]!, /- location: scripts\/migrate_db\.sh/);
      assert.equal(link.scriptPath, 'deploy/orders-api/scripts/migrate_db.sh');
      assert.ok(existsSync(join(WORKSPACE, link.scriptPath)));
      assert.equal(link.message, `AfterInstall failed in deployment ${failures[0]!.deploymentId} on ${failures[0]!.target.id} (ScriptFailed)`);
    } finally {
      client.destroy();
      await emu.close();
    }
  });

  it('prefers the appspec that names the failed script, then the one in a folder named like the application', () => {
    const hook = 'version: 0.0\nos: linux\nhooks:\n  AfterInstall:\n    - location: scripts/migrate.sh\n';
    const other = 'version: 0.0\nos: linux\nhooks:\n  AfterInstall:\n    - location: scripts/install.sh\n';
    const candidates = [
      { path: 'services/billing/appspec.yml', text: hook },
      { path: 'services/orders/appspec.yml', text: hook },
      { path: 'services/orders-web/appspec.yml', text: other },
      { path: 'appspec.json', text: '{"version": 0.0}' },
    ];
    assert.equal(pickAppSpec(candidates, failed('AfterInstall', 'scripts/migrate.sh'), { applicationName: 'orders', groupName: 'orders-prod' })!.candidate.path, 'services/orders/appspec.yml');
    assert.equal(pickAppSpec(candidates, failed('AfterInstall', 'scripts/migrate.sh'), { applicationName: 'billing' })!.candidate.path, 'services/billing/appspec.yml');
    assert.equal(pickAppSpec(candidates, failed('AfterInstall', 'scripts/migrate.sh'), { applicationName: 'orders-web' })!.candidate.path, 'services/orders/appspec.yml',
      'naming the failed script beats a closer folder name');
    const hookOnly = pickAppSpec(candidates, failed('AfterInstall', 'scripts/unknown.sh'), { applicationName: 'orders-web' })!;
    assert.equal(hookOnly.candidate.path, 'services/orders-web/appspec.yml', 'without a script match, the folder decides');
    assert.equal(hookOnly.hook.entry, undefined);
    assert.equal(pickAppSpec(candidates, failed('ValidateService', 'x.sh'), { applicationName: 'orders' }), undefined, 'no appspec declares the event');
  });

  it('links ECS and Lambda hook failures to the function, without a script path', () => {
    const candidates = workspaceAppSpecs();
    const link = linkFailure(candidates, failed('AfterAllowTestTraffic', 'checkout-service-smoke-tests', 'retail-prod:checkout-service'), { applicationName: 'checkout-service' })!;
    assert.equal(link.appspecPath, 'deploy/checkout-service/appspec.yaml');
    assert.deepEqual([link.hook.entry!.kind, link.hook.entry!.value], ['function', 'checkout-service-smoke-tests']);
    assert.equal(link.scriptPath, undefined);
  });

  it('resolves script locations against the appspec’s folder (the revision root)', () => {
    assert.equal(scriptPathFor('deploy/api/appspec.yml', 'scripts/run.sh'), 'deploy/api/scripts/run.sh');
    assert.equal(scriptPathFor('deploy/api/appspec.yml', './scripts/run.sh'), 'deploy/api/scripts/run.sh');
    assert.equal(scriptPathFor('deploy/api/appspec.yml', '/scripts/run.sh'), 'deploy/api/scripts/run.sh');
    assert.equal(scriptPathFor('deploy/api/appspec.yml', '../shared/run.sh'), 'deploy/shared/run.sh');
    assert.equal(scriptPathFor('appspec.yml', 'run.sh'), 'run.sh');
  });
});
