// The flame graph's bottom-up view as a hot-functions table, in the real workbench, dark and light: it
// lists the zoomed frame's functions, sorts by a column header, filters with the search, opens a row's
// source at its line, and gives the flame graph back still zoomed.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FrameLocator } from 'playwright-core';
import { flamePage, openProfileFromView } from './flame-page';
import { waitFor } from './harness';
import { forEachTheme } from './states-view';

const PLACE_ORDER = 'app.orders.service:OrderService:place_order';

/** The shares in the Self column, top to bottom, as numbers. */
async function selfShares(flame: FrameLocator): Promise<number[]> {
  const texts = await flame.locator('#grid-spacer .hot-row .c-num:nth-child(2) .pct').allTextContents();
  return texts.map((t) => (t.startsWith('<') ? 0 : Number.parseFloat(t)));
}

forEachTheme('UI: profiler hot-functions table', { name: 'profiler-table', emulator: true, timeout: 300_000 }, (suite) => {
  it('lists the zoomed frame\'s functions and sorts them by self time', async () => {
    const { page } = suite.wb;
    const flame = await openProfileFromView(page, 'orders-api', 'Last hour');
    // Zoom the way a person does: search, Enter jumps to the widest match.
    await flame.locator('#search').fill('place_order');
    await waitFor('the search result', flame.locator('#matched', { hasText: /matched$/ }));
    await flame.locator('#search').press('Enter');
    await waitFor('the zoom on place_order', flame.locator('#breadcrumb button', { hasText: PLACE_ORDER }).last());
    await flame.locator('#search').press('Escape');
    await flame.locator('#mode').click();
    await waitFor('the table of the zoomed frame', flame.locator('#table-caption', { hasText: `within ${PLACE_ORDER}` }));
    assert.equal(await flame.locator('#mode').getAttribute('aria-pressed'), 'true');
    assert.equal(await flame.locator('#chart').isVisible(), false);
    await flame.locator('#col-total button').click();
    await waitFor('the sort by total', flame.locator('#col-total[aria-sort="descending"]'));
    await flame.locator('#col-self button').click();
    await waitFor('the sort by self', flame.locator('#col-self[aria-sort="descending"]'));
    assert.equal(await flame.locator('#col-total').getAttribute('aria-sort'), 'none');
    const shares = await selfShares(flame);
    assert.ok(shares.length >= 2, `rows: ${shares.join(', ')}`);
    assert.deepEqual(shares, [...shares].sort((a, b) => b - a), `sorted by self, largest first: ${shares.join(', ')}`);
    assert.match(await flame.locator('#col-self button').innerText(), /^Self \((time|samples)\)/);
    await suite.shot(page, 'profiler-table');
  });

  it('opens a row\'s source at its line, and the flame graph comes back still zoomed', async () => {
    const { page } = suite.wb;
    const flame = flamePage(page);
    await flame.locator('#search').fill('compute_total');
    await waitFor('the filtered table', flame.locator('#table-caption', { hasText: /^1 of \d+ functions match the search/ }));
    const row = flame.locator('#grid-spacer .hot-row', { hasText: 'compute_total' }).first();
    await row.locator('.fn').click();
    await waitFor('pricing.py opened', page.locator('.tab.active', { hasText: 'pricing.py' }), { timeout: 30_000 });
    const source = fs.readFileSync(path.join(suite.wb.env.workspace, 'app', 'orders', 'pricing.py'), 'utf8').split('\n');
    const defLine = source.findIndex((l) => /def compute_total\(/.test(l)) + 1;
    const nextDef = source.findIndex((l, i) => i >= defLine && /^\s*def /.test(l)) + 1 || source.length + 1;
    const position = page.locator('.statusbar-item', { hasText: /^Ln \d+, Col \d+/ }).first();
    await waitFor('the cursor position', position);
    const line = Number(/^Ln (\d+)/.exec(await position.innerText())?.[1]);
    assert.ok(line >= defLine && line < nextDef, `cursor on line ${line}, compute_total spans ${defLine}–${nextDef - 1}`);
    await suite.shot(page, 'profiler-table-source');

    await page.locator('.tab', { hasText: 'Flame: orders-api · Last hour' }).click();
    await waitFor('the table again', flame.locator('#table-caption', { hasText: 'match the search' }));
    await flame.locator('#mode').click();
    await waitFor('the flame graph', flame.locator('#chart:not([hidden])'));
    await waitFor('the zoom kept', flame.locator('#breadcrumb button', { hasText: PLACE_ORDER }).last());
    assert.equal(await flame.locator('#mode').getAttribute('aria-pressed'), 'false');
    await suite.shot(page, 'profiler-table-back-to-flame');
  });
});
