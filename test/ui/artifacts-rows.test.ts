// The Artifacts view's rows in the real workbench, dark and light (review item 14): a repository row
// says where its packages come from instead of its prose, a package row its latest published version.
import type { Locator } from 'playwright-core';
import { waitFor } from './harness';
import { expandPath, expandRow, forEachTheme, openViews, paneRow } from './states-view';

const description = (row: Locator): Promise<string> => row.locator('.label-description').innerText();

forEachTheme('UI: Artifacts rows', { name: 'artifacts-rows', emulator: true, timeout: 240_000 }, (suite) => {
  it('repositories say where their packages come from; packages their latest version and its age', async () => {
    const { page } = suite.wb;
    /** The rows show at once and their descriptions fill in once read: waits until `label`'s is `text`. */
    const described = (label: string, text: RegExp): Promise<void> => waitFor(`${label} described as ${String(text)}`,
      paneRow(page, 'Artifacts', label, text), { seen: () => description(paneRow(page, 'Artifacts', label)) });
    await openViews(page, 'Artifacts');
    await expandRow(page, paneRow(page, 'Artifacts', 'acme'), 'the acme domain');
    await waitFor('team-npm with its upstream', paneRow(page, 'Artifacts', 'team-npm', 'upstream npm-store'));
    await described('npm-store', /^external: npm registry$/);
    await described('python', /^external: PyPI$/);
    await expandPath(page, 'Artifacts', 'team-npm', 'npm', '@acme');
    // 1.3.0-beta.1 is newer but unlisted: the row names the newest published version.
    await described('ui-kit', /^1\.2\.0 · (just now|yesterday|\d+ \w+ ago|on \d{4}-\d\d-\d\d) · @acme\/ui-kit$/);
    await described('logger', /^\d+\.\d+\.\d+ · .+ · @acme\/logger$/);
    await suite.shot(page, 'artifacts-latest-version');
  });
});
