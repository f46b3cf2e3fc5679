import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { answerQuickInput, eventually, openConveyor, openWorkbench, quickInputStep, runCommand, screenshot, treeItem, waitFor, type Workbench } from './harness';

async function togglePane(page: Page, title: string, expanded: boolean): Promise<void> {
  const header = page.locator('.sidebar .pane-header', { hasText: title }).first();
  if (((await header.getAttribute('aria-expanded')) === 'true') !== expanded) await header.click();
}

async function expandRow(page: Page, label: string): Promise<void> {
  const row = treeItem(page, label);
  await waitFor(`the row ${label} in the Artifacts view`, row);
  if ((await row.getAttribute('aria-expanded')) !== 'true') await row.click();
  await waitFor(`the row ${label} to expand`, treeItem(page, label).and(page.locator('[aria-expanded="true"]')));
}

describe('UI: Artifacts explorer and CodeArtifact login', function () {
  this.timeout(240_000);
  let wb: Workbench;
  before(async () => { wb = await openWorkbench({ name: 'artifacts', emulator: true }); });
  after(async () => { await wb?.close(); });

  it('browses domain → repository → packages in the Artifacts view', async () => {
    const { page } = wb;
    await openConveyor(page);
    await togglePane(page, 'Pipelines', false);
    await togglePane(page, 'Profiler', false);
    await togglePane(page, 'Artifacts', true);
    await expandRow(page, 'acme');
    await expandRow(page, 'team-npm');
    await waitFor('npm-store, the upstream of team-npm', treeItem(page, 'npm-store', 'upstream'));
    await screenshot(page, 'artifacts-tree');
  });

  it('logs npm in to a repository from the palette, writing the user .npmrc', async () => {
    const { page } = wb;
    await runCommand(page, 'Conveyor: Log in to CodeArtifact');
    // Step n of N: the demo account has one domain, which the flow takes without asking; three steps
    // until npm is chosen, then four (its scope is asked last).
    await answerQuickInput(page, { title: 'Log in to CodeArtifact: repository in acme (1/3)' }, { pick: 'team-npm' });
    await quickInputStep(page, { title: 'Log in to CodeArtifact: package manager (2/3)' });
    await screenshot(page, 'artifacts-login-tool');
    await answerQuickInput(page, { title: 'Log in to CodeArtifact: package manager (2/3)' }, { pick: 'npm' });
    await answerQuickInput(page, { title: 'where npm gets the token (3/4)' }, { pick: 'User config' });
    await answerQuickInput(page, { title: 'npm scope (optional) (4/4)' }, { type: '' });   // no npm scope, whatever the workspace suggests
    const npmrc = path.join(wb.env.home, '.npmrc');
    await eventually(`the login to write ${npmrc}`, () => fs.existsSync(npmrc), { timeout: 60_000 });
    const text = fs.readFileSync(npmrc, 'utf8');
    assert.match(text, /^registry=http:\/\/127\.0\.0\.1:\d+\/_codeartifact\/acme-111111111111\/npm\/team-npm\/$/m);
    assert.match(text, /:_authToken=/);
    assert.equal(fs.statSync(npmrc).mode & 0o777, 0o600, 'the token file is private');
    await waitFor('the login in the status bar', page.locator('.statusbar', { hasText: /CodeArtifact|team-npm/ }));
    await screenshot(page, 'artifacts-logged-in');
  });
});
