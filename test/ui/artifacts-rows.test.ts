// The Artifacts view's rows in the real workbench, dark and light (review item 14): a repository row
// says where its packages come from instead of its prose, a package row its latest published version.
import * as assert from 'node:assert/strict';
import type { Locator } from 'playwright-core';
import { waitFor } from './harness';
import { expandPath, expandRow, forEachTheme, openViews, paneRow } from './states-view';

const description = (row: Locator): Promise<string> => row.locator('.label-description').innerText();

forEachTheme('UI: Artifacts rows', { name: 'artifacts-rows', emulator: true, timeout: 240_000 }, (suite) => {
  it('repositories say where their packages come from; packages their latest version and its age', async () => {
    const { page } = suite.wb;
    await openViews(page, 'Artifacts');
    await expandRow(page, paneRow(page, 'Artifacts', 'acme'), 'the acme domain');
    await waitFor('team-npm with its upstream', paneRow(page, 'Artifacts', 'team-npm', 'upstream npm-store'));
    assert.equal(await description(paneRow(page, 'Artifacts', 'npm-store')), 'external: npm registry');
    assert.equal(await description(paneRow(page, 'Artifacts', 'python')), 'external: PyPI');
    await expandPath(page, 'Artifacts', 'team-npm', 'npm', '@acme');
    const uiKit = paneRow(page, 'Artifacts', 'ui-kit');
    await waitFor('ui-kit with its latest version', uiKit);
    // 1.3.0-beta.1 is newer but unlisted: the row names the newest published version.
    assert.match(await description(uiKit), /^1\.2\.0 · (just now|yesterday|\d+ \w+ ago|on \d{4}-\d\d-\d\d) · @acme\/ui-kit$/);
    assert.match(await description(paneRow(page, 'Artifacts', 'logger')), /^\d+\.\d+\.\d+ · .+ · @acme\/logger$/);
    await suite.shot(page, 'artifacts-latest-version');
  });
});
