// The rendered detail views and the one-click behaviour, in the real workbench, in the dark and the light
// theme: an execution row opens its timeline (stages, actions, durations, status words inside the webview),
// a CodeBuild action in it opens the build log, a package version opens its details with Copy buttons.
import * as assert from 'node:assert/strict';
import { notification, runCommand, waitFor, webviewPage } from './harness';
import { openNewestExecution } from './pipelines-view';
import { expandPath, forEachTheme, openViews, pane, paneRow, showPanes } from './states-view';

forEachTheme('UI: detail views and clicks', { name: 'details', emulator: true, timeout: 300_000 }, (suite) => {
  it('lists what needs attention first', async () => {
    const { page } = suite.wb;
    await openViews(page, 'Pipelines');
    await waitFor('a failed pipeline', paneRow(page, 'Pipelines', /\S/, /^Failed · /), { timeout: 60_000 });
    const rows = await pane(page, 'Pipelines').locator('.monaco-list-row').allInnerTexts();
    assert.match(rows[0] ?? '', /Failed · /, `a failed pipeline comes first: ${rows.join(' | ')}`);
    await suite.shot(page, 'details-pipelines-attention');
  });

  it('opens an execution\'s timeline on click, with stages, actions, durations and status words', async () => {
    const { page } = suite.wb;
    await openNewestExecution(page, 'payments-api');
    const doc = webviewPage(page);
    await waitFor('the Build stage in the timeline', doc.locator('h2', { hasText: 'Build' }), { timeout: 60_000 });
    await waitFor('the Source stage in the timeline', doc.locator('h2', { hasText: 'Source' }));
    await waitFor('the failed Unit-Tests action', doc.locator('.action', { hasText: 'Unit-Tests' }).locator('.status-label', { hasText: 'Failed' }));
    const durations = await doc.locator('.stage-row .cell-duration').allInnerTexts();
    assert.ok(durations.some((d) => /\d+ (ms|sec|min|hr)/.test(d)), `stage durations: ${durations.join(', ')}`);
    assert.equal(await doc.locator('svg.track rect.bar').count() > 0, true, 'time bars');
    await waitFor('the tab of the timeline', page.locator('.tabs-container .tab', { hasText: /payments-api · [0-9a-f]{8}/ }));
    await suite.shot(page, 'details-timeline');
  });

  it('opens a CodeBuild action\'s log from the timeline', async () => {
    const { page } = suite.wb;
    await webviewPage(page).locator('.action button.name', { hasText: 'Unit-Tests' }).click();
    await waitFor('the build log', page.locator('.view-lines', { hasText: 'Entering phase' }).first(), { timeout: 60_000 });
    await suite.shot(page, 'details-timeline-log');
    await runCommand(page, 'View: Close All Editors');
  });

  it('opens a package version\'s details on click, with install snippets to copy', async () => {
    const { page } = suite.wb;
    await showPanes(page, 'Artifacts');
    await expandPath(page, 'Artifacts', 'acme', 'team-npm', 'npm', '@acme', 'ui-kit');
    await waitFor('version 1.2.0', paneRow(page, 'Artifacts', '1.2.0'));
    await paneRow(page, 'Artifacts', '1.2.0').click();
    const doc = webviewPage(page);
    await waitFor('the package name in the details', doc.locator('h1', { hasText: '@acme/ui-kit' }), { timeout: 60_000 });
    await waitFor('its status', doc.locator('.status-label', { hasText: 'Published' }));
    await waitFor('its npm snippet', doc.locator('pre code', { hasText: 'npm install @acme/ui-kit@1.2.0' }));
    await waitFor('its dependencies', doc.locator('h2', { hasText: /Dependencies \(\d+\)/ }));
    await suite.shot(page, 'details-package');
    // Keyboard: the Copy buttons are real buttons. Enter only once the npm snippet's button has the focus.
    const copyNpm = doc.locator('button[data-action="copy"][title="Copy the npm snippet"]');
    await copyNpm.focus();
    await waitFor('the npm snippet\'s Copy button to have the focus', copyNpm.and(doc.locator(':focus')));
    await page.keyboard.press('Enter');
    await waitFor('the copy to be confirmed', notification(page, 'Copied the npm snippet for @acme/ui-kit 1.2.0'));
  });
});
