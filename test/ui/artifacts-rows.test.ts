// The Artifacts view's rows in the real workbench, dark and light (review item 14): a repository row
// says where its packages come from instead of its prose, a package row its latest published version.
import * as assert from 'node:assert/strict';
import type { Locator } from 'playwright-core';
import { openConveyor, openWorkbench, waitFor, type Workbench } from './harness';
import { expandRow, paneRow, shooter, showPanes, THEMES } from './states-view';

const description = (row: Locator): Promise<string> => row.locator('.label-description').innerText();

for (const theme of ['dark', 'light'] as const) {
  const shot = shooter(theme);

  describe(`UI: Artifacts rows (${theme} theme)`, function () {
    this.timeout(240_000);
    let wb: Workbench;
    before(async () => {
      wb = await openWorkbench({ name: `artifacts-rows-${theme}`, emulator: true, settings: { 'workbench.colorTheme': THEMES[theme] } });
    });
    after(async () => { await wb?.close(); });

    it('repositories say where their packages come from; packages their latest version and its age', async () => {
      const { page } = wb;
      await openConveyor(page);
      await showPanes(page, 'Artifacts');
      await expandRow(page, paneRow(page, 'Artifacts', 'acme'), 'the acme domain');
      await waitFor('team-npm with its upstream', paneRow(page, 'Artifacts', 'team-npm', 'upstream npm-store'));
      assert.equal(await description(paneRow(page, 'Artifacts', 'npm-store')), 'external: npm registry');
      assert.equal(await description(paneRow(page, 'Artifacts', 'python')), 'external: PyPI');
      await expandRow(page, paneRow(page, 'Artifacts', 'team-npm'), 'team-npm');
      await expandRow(page, paneRow(page, 'Artifacts', 'npm'), 'the npm packages');
      await expandRow(page, paneRow(page, 'Artifacts', '@acme'), 'the @acme scope');
      // The rows show at once; their versions fill in once read. 1.3.0-beta.1 is newer but unlisted: the
      // row names the newest published version.
      const latest = /^1\.2\.0 · (just now|yesterday|\d+ \w+ ago|on \d{4}-\d\d-\d\d) · @acme\/ui-kit$/;
      await waitFor('ui-kit with its latest version', paneRow(page, 'Artifacts', 'ui-kit', latest), { seen: () => description(paneRow(page, 'Artifacts', 'ui-kit')) });
      assert.match(await description(paneRow(page, 'Artifacts', 'logger')), /^\d+\.\d+\.\d+ · .+ · @acme\/logger$/);
      await shot(page, 'artifacts-latest-version');
    });
  });
}
