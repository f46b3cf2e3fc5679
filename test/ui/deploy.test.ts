// The Deployments view in the real workbench, on the emulator's demo account: a failed deployment's
// lifecycle events, and the appspec opened at the failing hook with the script, the log tail and the
// hook's diagnostic.
import * as assert from 'node:assert/strict';
import { deployRow, expandDeployRow, openFailedDeploymentGroup } from './deploy-view';
import { runCommand, screenshot, useWorkbench, waitFor } from './harness';

describe('UI: Deployments view on the demo account', function () {
  this.timeout(240_000);
  const wb = useWorkbench({ name: 'deploy', emulator: true });

  it('shows the failed deployment of orders-api-prod down to its lifecycle events', async () => {
    const { page } = wb;
    await openFailedDeploymentGroup(page);
    await expandDeployRow(page, /^d-[A-Z0-9]{9}$/, /^Failed · /);
    // The failed instance opens on its lifecycle events by itself.
    const failed = deployRow(page, 'AfterInstall', /ScriptFailed · scripts\/migrate_db\.sh/);
    await waitFor('the failed AfterInstall event', failed, { timeout: 60_000 });
    await waitFor('the skipped events after it', deployRow(page, 'ValidateService', 'Skipped'));
    assert.match(await failed.innerHTML(), /codicon-error/);
    await screenshot(page, 'deploy-failed-lifecycle-events');
  });

  it('opens the appspec at the failing hook, with the script, the log tail and the diagnostic', async () => {
    const { page } = wb;
    await deployRow(page, 'AfterInstall', /ScriptFailed/).click();
    await waitFor('the appspec tab', page.locator('.tabs-container .tab', { hasText: 'appspec.yml' }), { timeout: 60_000 });
    await waitFor('the script tab', page.locator('.tabs-container .tab', { hasText: 'migrate_db.sh' }));
    await waitFor('the log tail tab', page.locator('.tabs-container .tab', { hasText: /AfterInstall · i-/ }));
    await waitFor('the log tail', page.locator('.view-lines', { hasText: 'DuplicateColumn' }));
    await waitFor('the failing script entry in view', page.locator('.view-lines', { hasText: 'location: scripts/migrate_db.sh' }));
    await waitFor('the hook diagnostic squiggle', page.locator('.squiggly-error').first(), { timeout: 60_000 });
    await runCommand(page, 'View: Focus Problems (Errors, Warnings, Infos)');
    await waitFor('the diagnostic in Problems', page.locator('.markers-panel', { hasText: /AfterInstall failed in deployment d-[A-Z0-9]{9} on i-[0-9a-f]+ \(ScriptFailed\)/ }));
    await screenshot(page, 'deploy-appspec-at-failing-hook');
  });
});
