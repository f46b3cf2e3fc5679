import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { openWorkbench, quickPickRows, runCommand, screenshot, type Workbench } from './harness';

/** Types into the current quick input (replacing its value) and accepts it. */
async function answer(page: Page, value: string | undefined, pick?: string): Promise<void> {
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await page.waitForTimeout(400);
  if (value !== undefined) await input.fill(value);
  if (pick) await quickPickRows(page).filter({ hasText: pick }).first().waitFor();
  await page.waitForTimeout(300);
  await page.keyboard.press('Enter');
}

describe('UI: New CDK Pipeline Project wizard', function () {
  this.timeout(240_000);
  let wb: Workbench;
  before(async () => { wb = await openWorkbench({ emulator: false }); });
  after(async () => { await wb?.close(); });

  it('walks the wizard in the workbench and opens the generated pipeline stack', async () => {
    const { page } = wb;
    const folder = path.join(wb.env.workspace, 'orders-pipeline');
    await runCommand(page, 'Conveyor: New CDK Pipeline Project');
    await answer(page, folder);                       // target folder
    await answer(page, undefined);                    // project name from the folder
    await answer(page, 'TypeScript', 'TypeScript');   // language
    await answer(page, 'npm', 'npm');                 // package manager
    await answer(page, '111111111111');               // pipeline account
    await answer(page, 'us-east-1', 'us-east-1');     // pipeline region
    await answer(page, 'Amazon S3', 'Amazon S3');     // source
    await answer(page, 'orders-source-bucket');       // bucket
    await answer(page, undefined);                    // object key
    await answer(page, undefined);                    // synth commands
    await answer(page, 'Add a stage', 'Add a stage');
    await answer(page, 'Prod');                       // stage name
    await answer(page, '222222222222');               // stage account
    await answer(page, 'eu-west-1', 'eu-west-1');     // stage region
    await screenshot(page, 'scaffold-approval-step');
    await answer(page, 'Require a manual approval', 'Require a manual approval');
    await quickPickRows(page).filter({ hasText: 'Done' }).first().waitFor();
    await screenshot(page, 'scaffold-deployments');
    await answer(page, 'Done', 'Done');
    await answer(page, undefined);                    // options as proposed
    await answer(page, 'Create the project', 'Create the project');
    await page.locator('.tabs-container .tab', { hasText: 'pipeline-stack.ts' }).waitFor({ timeout: 30_000 });
    await page.locator('.notifications-toasts', { hasText: 'install' }).first().waitFor({ timeout: 15_000 }).catch(() => undefined);
    await screenshot(page, 'scaffold-generated');
    const stack = fs.readFileSync(path.join(folder, 'lib', 'pipeline-stack.ts'), 'utf8');
    assert.match(stack, /CodePipelineSource\.s3\(/);
    assert.match(stack, /ManualApprovalStep/);
    assert.match(stack, /'222222222222'/);
    assert.match(stack, /crossAccountKeys: true/);
  });
});
