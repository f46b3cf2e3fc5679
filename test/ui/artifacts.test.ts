import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { openConveyor, openWorkbench, quickPickRows, runCommand, screenshot, type Workbench } from './harness';

async function togglePane(page: Page, title: string, expanded: boolean): Promise<void> {
  const header = page.locator('.sidebar .pane-header', { hasText: title }).first();
  if (((await header.getAttribute('aria-expanded')) === 'true') !== expanded) await header.click();
}

async function expandRow(page: Page, text: string): Promise<void> {
  const row = page.locator('.pane-body .monaco-list-row', { hasText: text }).first();
  await row.waitFor({ timeout: 30_000 });
  if ((await row.getAttribute('aria-expanded')) !== 'true') await row.click();
}

/** Waits for the wizard step whose title contains `step`, then picks the row labelled exactly `label`
 *  (filtering can also match descriptions). */
async function pickExact(page: Page, step: string, label: string): Promise<void> {
  await page.locator('.quick-input-widget .quick-input-title', { hasText: step }).waitFor({ timeout: 30_000 });
  await page.locator('.quick-input-widget input').fill(label);
  const row = quickPickRows(page).filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${label}$`) }) }).first();
  await row.waitFor();
  await page.waitForTimeout(300);
  await row.click();
}

describe('UI: Artifacts explorer and CodeArtifact login', function () {
  this.timeout(240_000);
  let wb: Workbench;
  before(async () => { wb = await openWorkbench({ emulator: true }); });
  after(async () => { await wb?.close(); });

  it('browses domain → repository → packages in the Artifacts view', async () => {
    const { page } = wb;
    await openConveyor(page);
    await togglePane(page, 'Pipelines', false);
    await togglePane(page, 'Profiler', false);
    await togglePane(page, 'Artifacts', true);
    await expandRow(page, 'acme');
    await expandRow(page, 'team-npm');
    await page.locator('.pane-body .monaco-list-row', { hasText: 'npm-store' }).first().waitFor({ timeout: 30_000 });
    await screenshot(page, 'artifacts-tree');
  });

  it('logs npm in to a repository from the palette, writing the user .npmrc', async () => {
    const { page } = wb;
    await runCommand(page, 'Conveyor: Log in to CodeArtifact');
    await pickExact(page, '(1/4)', 'acme');
    await pickExact(page, '(2/4)', 'team-npm');
    await page.locator('.quick-input-widget .quick-input-title', { hasText: '(3/4)' }).waitFor({ timeout: 30_000 });
    await screenshot(page, 'artifacts-login-tool');
    await pickExact(page, '(3/4)', 'npm');
    await pickExact(page, '(4/5)', 'User config');
    await page.locator('.quick-input-widget .quick-input-title', { hasText: 'scope' }).waitFor({ timeout: 30_000 });
    await page.waitForTimeout(400);
    await page.keyboard.press('Enter');                // no npm scope
    const npmrc = path.join(wb.env.home, '.npmrc');
    const deadline = Date.now() + 60_000;
    while (!fs.existsSync(npmrc) && Date.now() < deadline) await page.waitForTimeout(250);
    const text = fs.readFileSync(npmrc, 'utf8');
    assert.match(text, /^registry=http:\/\/127\.0\.0\.1:\d+\/_codeartifact\/acme-111111111111\/npm\/team-npm\/$/m);
    assert.match(text, /:_authToken=/);
    assert.equal(fs.statSync(npmrc).mode & 0o777, 0o600, 'the token file is private');
    await page.locator('.statusbar', { hasText: /CodeArtifact|team-npm/ }).first().waitFor({ timeout: 15_000 });
    await screenshot(page, 'artifacts-logged-in');
  });
});
