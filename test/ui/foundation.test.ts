import * as assert from 'node:assert/strict';
import { fillQuickInput, openConveyor, pickQuickItem, quickPickRows, runCommand, screenshot, statusBarItem, useWorkbench } from './harness';

describe('UI: the Conveyor container', function () {
  this.timeout(180_000);
  const wb = useWorkbench({ name: 'foundation', emulator: false, settings: { 'conveyor.aws.endpointUrl': '' } });

  it('opens from the activity bar with its three views', async () => {
    await openConveyor(wb.page);
    for (const view of ['Pipelines', 'Artifacts', 'Profiler']) {
      await wb.page.locator('.sidebar .pane-header', { hasText: view }).waitFor();
    }
    await screenshot(wb.page, 'foundation-container');
  });

  it('lists its commands in the command palette under the Conveyor category', async () => {
    await wb.page.keyboard.press('F1');
    await fillQuickInput(wb.page, '>Conveyor:');
    await quickPickRows(wb.page).first().waitFor();
    await screenshot(wb.page, 'foundation-command-palette');
    // The list is virtualised: look each command up by name, as a person would.
    for (const title of ['Conveyor: Select AWS Profile', 'Conveyor: Select Region', 'Conveyor: Show Extension Log',
      'Conveyor: New CDK Pipeline Project', 'Conveyor: Log in to CodeArtifact', 'Conveyor: Start Pipeline…']) {
      await fillQuickInput(wb.page, `>${title}`);
      await quickPickRows(wb.page).filter({ hasText: title }).first().waitFor({ timeout: 10_000 });
    }
    assert.ok(await quickPickRows(wb.page).count() >= 1);
    await wb.page.keyboard.press('Escape');
  });

  it('switches profile and region from the palette and shows them in the status bar', async () => {
    const status = statusBarItem(wb.page, 'conveyor.aws');
    await status.waitFor();
    assert.match(await status.innerText(), /conveyor-demo · us-east-1/);
    await runCommand(wb.page, 'Conveyor: Select AWS Profile');
    await quickPickRows(wb.page).filter({ hasText: 'sso-dev' }).waitFor();
    await screenshot(wb.page, 'foundation-profile-picker');
    await pickQuickItem(wb.page, 'conveyor-prod');
    await wb.page.waitForFunction(() => document.querySelector('.statusbar')?.textContent?.includes('conveyor-prod · eu-west-1'));
    await runCommand(wb.page, 'Conveyor: Select Region');
    await pickQuickItem(wb.page, 'ap-northeast-1');
    await wb.page.waitForFunction(() => document.querySelector('.statusbar')?.textContent?.includes('conveyor-prod · ap-northeast-1'));
    await screenshot(wb.page, 'foundation-status-bar');
  });
});
