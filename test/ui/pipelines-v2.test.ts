import * as assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { answerQuickInput, notification, quickInputState, screenshot, useWorkbench, waitFor } from './harness';
import { contextMenu, filterPipelines, treeRow } from './pipelines-view';
import { admin, expandRow, openViews, paneRow } from './states-view';

// CodePipeline V2 on the demo account, as a person sees it: a pipeline held by a failing entry
// condition (and why), a PARALLEL pipeline with two executions in flight (and where each is), and a
// stage rolled back from its context menu (pick the execution, confirm, the row turns into a rollback).

/**
 * Hovers `target` until `tooltip` shows: a row that re-renders under the pointer (a poll brought news)
 * drops its hover, so the pointer leaves and comes back, each time waiting for the tooltip.
 */
async function hoverUntil(page: Page, target: Locator, tooltip: Locator, what: string): Promise<void> {
  for (let attempt = 0; attempt < 10; attempt++) {
    await page.mouse.move(0, 0);
    await target.hover();
    if (await tooltip.first().waitFor({ timeout: 5_000 }).then(() => true, () => false)) return;
  }
  await waitFor(what, tooltip.first());
}

describe('UI: CodePipeline V2 on the demo account', function () {
  this.timeout(240_000);
  const wb = useWorkbench({ name: 'pipelines-v2', emulator: true });
  before(async () => {
    // The demo's executions move on in simulated time; hold it still so that what each test looks for
    // (two executions at Train and Evaluate, a stage held by its condition) stays while it looks.
    await admin(wb, 'POST', 'clock/speed', { speed: 0 });
    await openViews(wb.page, 'Pipelines');
  });

  it('a V2 pipeline blocked by a condition: the stage, the failed rule and why', async () => {
    const { page } = wb;
    await filterPipelines(page, 'infra-networking');
    await expandRow(page, paneRow(page, 'Pipelines', 'infra-networking'), 'the infra-networking row');
    const deploy = paneRow(page, 'Pipelines', 'Deploy', /^Blocked by NoNatErrors/);
    await expandRow(page, deploy, 'the Deploy stage, blocked by NoNatErrors');
    await waitFor('the entry conditions, failed', paneRow(page, 'Pipelines', 'Entry conditions', /^Failed · /));
    await waitFor('the failed rule with the alarm state', paneRow(page, 'Pipelines', 'NoNatErrors', /CloudWatchAlarm · Failed · .* · Alarm shared-vpc-nat-errors is in state ALARM/));
    await waitFor('the actions after the entry conditions', paneRow(page, 'Pipelines', 'CreateChangeSet'));
    await hoverUntil(page, deploy, page.locator('.monaco-hover', { hasText: 'Blocked by its entry condition: Alarm shared-vpc-nat-errors is in state ALARM' }),
      'the stage tooltip with the reason');
    await screenshot(page, 'pipelines-v2-blocked-by-condition');
    await page.keyboard.press('Escape');
  });

  it('two executions in flight: the pipeline row says where each is, and so do the execution rows', async () => {
    const { page } = wb;
    await filterPipelines(page, 'ml-feature-store');
    // The row knows where each execution is once the pipeline's state is read: when it is expanded.
    await expandRow(page, paneRow(page, 'Pipelines', 'ml-feature-store', /^2 in progress/), 'ml-feature-store with two executions in flight');
    await waitFor('the row naming the stage of each', paneRow(page, 'Pipelines', 'ml-feature-store', '2 in progress · Train, Evaluate'));
    await waitFor('Train in progress', paneRow(page, 'Pipelines', 'Train', /^In progress/));
    await waitFor('Evaluate in progress', paneRow(page, 'Pipelines', 'Evaluate', /^In progress/));
    await expandRow(page, paneRow(page, 'Pipelines', 'Executions'), 'the Executions node');
    await waitFor('the execution at Train', treeRow(page, /In progress · .* · at Train/));
    await waitFor('the execution at Evaluate', treeRow(page, /In progress · .* · at Evaluate/));
    await screenshot(page, 'pipelines-v2-two-in-flight');
  });

  it('rolls a stage back from its context menu: pick the execution, confirm, the stage runs the rollback', async () => {
    const { page } = wb;
    await filterPipelines(page, 'infra-networking');
    await expandRow(page, paneRow(page, 'Pipelines', 'infra-networking'), 'the infra-networking row');
    const deploy = paneRow(page, 'Pipelines', 'Deploy');
    await waitFor('the Deploy stage', deploy);
    await contextMenu(page, deploy, 'Roll Back Stage…');
    await waitFor('the execution step', page.locator('.quick-input-widget .quick-input-title', { hasText: 'Roll Back Stage: execution to roll back to in Deploy' }));
    await waitFor('executions that succeeded there', page.locator('.quick-input-widget .monaco-list-row .label-description', { hasText: /ago/ }).first());
    const state = await quickInputState(page);
    assert.ok(state.rows.length >= 2, `several targets: ${state.rows.join(' | ')}`);
    assert.match(state.rows[0] ?? '', /^[0-9a-f]{7} /, 'each target shows its source revision');
    await screenshot(page, 'pipelines-v2-rollback-pick');
    await answerQuickInput(page, { title: 'Roll Back Stage: execution to roll back to in Deploy' });
    const dialog = page.locator('.monaco-dialog-box', { hasText: 'Roll back Deploy of infra-networking to execution' });
    await waitFor('the confirmation', dialog);
    await screenshot(page, 'pipelines-v2-rollback-confirm');
    await dialog.locator('.monaco-button', { hasText: 'Roll Back' }).first().click();
    await waitFor('the notification that the rollback started', notification(page, /Rolling back Deploy of infra-networking to execution [0-9a-f]{8} \(rollback execution [0-9a-f]{8}\)/));
    await waitFor('the stage running the rollback', paneRow(page, 'Pipelines', 'Deploy', /Rollback/), { timeout: 60_000 });
    await screenshot(page, 'pipelines-v2-rollback-done');
  });
});
