// The rendered detail views and the one-click behaviour, in the real workbench, in the dark and the light
// theme: an execution row opens its timeline (stages, actions, durations, status words inside the webview),
// a CodeBuild action in it opens the build log, a package version opens its details with Copy buttons.
import * as assert from 'node:assert/strict';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { answerQuickInput, notification, openConveyor, openWorkbench, runCommand, screenshot, treeItem, waitFor, type Workbench } from './harness';

const THEMES = { dark: 'Default Dark Modern', light: 'Default Light Modern' } as const;

/** The detail page inside its webview (VS Code nests the page in an inner frame). */
function detailPage(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
}

async function togglePane(page: Page, title: string, expanded: boolean): Promise<void> {
  const header = page.locator('.sidebar .pane-header', { hasText: title }).first();
  await waitFor(`the ${title} pane`, header);
  if (((await header.getAttribute('aria-expanded')) === 'true') !== expanded) await header.click();
}

async function expandRow(page: Page, row: Locator, what: string): Promise<void> {
  await waitFor(what, row, { timeout: 60_000 });
  if ((await row.getAttribute('aria-expanded')) !== 'true') await row.click();
  await waitFor(`${what} to expand`, row.and(page.locator('[aria-expanded="true"]')));
}

for (const theme of ['dark', 'light'] as const) {
  const shot = (page: Page, name: string): Promise<string> => screenshot(page, theme === 'light' ? `${name}-light` : name);

  describe(`UI: detail views and clicks (${theme} theme)`, function () {
    this.timeout(300_000);
    let wb: Workbench;
    before(async () => {
      wb = await openWorkbench({ name: `details-${theme}`, emulator: true, settings: { 'workbench.colorTheme': THEMES[theme] } });
    });
    after(async () => { await wb?.close(); });

    it('lists what needs attention first', async () => {
      const { page } = wb;
      await openConveyor(page);
      for (const pane of ['Artifacts', 'Profiler', 'Deployments', 'CodeBuild']) await togglePane(page, pane, false);
      await waitFor('a failed pipeline', page.locator('.pane-body .monaco-list-row', { hasText: /Failed · / }).first(), { timeout: 60_000 });
      const rows = await page.locator('.pane-body .monaco-list-row').allInnerTexts();
      assert.match(rows[0] ?? '', /Failed · /, `a failed pipeline comes first: ${rows.join(' | ')}`);
      await shot(page, 'details-pipelines-attention');
    });

    it('opens an execution\'s timeline on click, with stages, actions, durations and status words', async () => {
      const { page } = wb;
      await runCommand(page, 'Conveyor: Filter Pipelines');
      await answerQuickInput(page, { title: 'Filter Pipelines' }, { type: 'payments-api' });
      await expandRow(page, treeItem(page, 'payments-api'), 'the payments-api row');
      await expandRow(page, treeItem(page, 'Executions'), 'the Executions row');
      // The newest execution: the first row under Executions (one level deeper).
      const rows = page.locator('.pane-body .monaco-list-row');
      await waitFor('the executions', page.locator('.pane-body .monaco-list-row', { hasText: 'Load more' }), { timeout: 60_000 });
      const levels = await rows.evaluateAll((els) => els.map((e) => ({ text: e.textContent ?? '', level: Number(e.getAttribute('aria-level')) })));
      const at = levels.findIndex((r) => r.text.startsWith('Executions'));
      assert.ok(at >= 0 && levels[at + 1]?.level === levels[at]!.level + 1, `an execution under Executions: ${JSON.stringify(levels)}`);
      await page.mouse.move(900, 500);
      await rows.nth(at + 1).click();
      const doc = detailPage(page);
      await waitFor('the Build stage in the timeline', doc.locator('h2', { hasText: 'Build' }), { timeout: 60_000 });
      await waitFor('the Source stage in the timeline', doc.locator('h2', { hasText: 'Source' }));
      await waitFor('the failed Unit-Tests action', doc.locator('.action', { hasText: 'Unit-Tests' }).locator('.status-label', { hasText: 'Failed' }));
      const durations = await doc.locator('.stage-row .cell-duration').allInnerTexts();
      assert.ok(durations.some((d) => /\d+ (ms|sec|min|hr)/.test(d)), `stage durations: ${durations.join(', ')}`);
      assert.equal(await doc.locator('svg.track rect.bar').count() > 0, true, 'time bars');
      await waitFor('the tab of the timeline', page.locator('.tabs-container .tab', { hasText: /payments-api · [0-9a-f]{8}/ }));
      await shot(page, 'details-timeline');
    });

    it('opens a CodeBuild action\'s log from the timeline', async () => {
      const { page } = wb;
      await detailPage(page).locator('.action button.name', { hasText: 'Unit-Tests' }).click();
      await waitFor('the build log', page.locator('.view-lines', { hasText: 'Entering phase' }).first(), { timeout: 60_000 });
      await shot(page, 'details-timeline-log');
      await runCommand(page, 'View: Close All Editors');
    });

    it('opens a package version\'s details on click, with install snippets to copy', async () => {
      const { page } = wb;
      await togglePane(page, 'Pipelines', false);
      await togglePane(page, 'Artifacts', true);
      await expandRow(page, treeItem(page, 'acme'), 'the acme domain');
      await expandRow(page, treeItem(page, 'team-npm'), 'the team-npm repository');
      await expandRow(page, treeItem(page, 'npm'), 'the npm packages');
      await expandRow(page, treeItem(page, '@acme'), 'the @acme scope');
      await expandRow(page, treeItem(page, 'ui-kit'), 'the ui-kit package');
      await waitFor('version 1.2.0', treeItem(page, '1.2.0'));
      await treeItem(page, '1.2.0').click();
      const doc = detailPage(page);
      await waitFor('the package name in the details', doc.locator('h1', { hasText: '@acme/ui-kit' }), { timeout: 60_000 });
      await waitFor('its status', doc.locator('.status-label', { hasText: 'Published' }));
      await waitFor('its npm snippet', doc.locator('pre code', { hasText: 'npm install @acme/ui-kit@1.2.0' }));
      await waitFor('its dependencies', doc.locator('h2', { hasText: /Dependencies \(\d+\)/ }));
      await shot(page, 'details-package');
      // Keyboard: the Copy buttons are real buttons.
      await doc.locator('button[data-action="copy"]').first().focus();
      await page.keyboard.press('Enter');
      await waitFor('the copy to be confirmed', notification(page, 'Copied the npm snippet for @acme/ui-kit 1.2.0'));
    });
  });
}
