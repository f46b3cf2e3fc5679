// The flame graph's bottom-up view as a hot-functions table, in the real workbench, dark and light: it
// lists the zoomed frame's functions, sorts by a column header, filters with the search, opens a row's
// source at its line, and gives the flame graph back still zoomed.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { flamePage } from './flame-page';
import { openConveyor, openWorkbench, screenshot, waitFor, type Workbench } from './harness';

const THEMES = { dark: 'Default Dark Modern', light: 'Default Light Modern' } as const;
const PLACE_ORDER = 'app.orders.service:OrderService:place_order';

async function togglePane(page: Page, title: string, expanded: boolean): Promise<void> {
  const header = page.locator('.sidebar .pane-header', { hasText: title }).first();
  await waitFor(`the ${title} pane`, header);
  if (((await header.getAttribute('aria-expanded')) === 'true') !== expanded) await header.click();
}

/** The shares in the Self column, top to bottom, as numbers. */
async function selfShares(flame: FrameLocator): Promise<number[]> {
  const texts = await flame.locator('#grid-spacer .hot-row .c-num:nth-child(2) .pct').allTextContents();
  return texts.map((t) => (t.startsWith('<') ? 0 : Number.parseFloat(t)));
}

for (const theme of ['dark', 'light'] as const) {
  const shot = (page: Page, name: string): Promise<string> => screenshot(page, theme === 'light' ? `${name}-light` : name);

  describe(`UI: profiler hot-functions table (${theme} theme)`, function () {
    this.timeout(300_000);
    let wb: Workbench;
    before(async () => {
      wb = await openWorkbench({ name: `profiler-table-${theme}`, emulator: true, settings: { 'workbench.colorTheme': THEMES[theme] } });
    });
    after(async () => { await wb?.close(); });

    it('lists the zoomed frame\'s functions and sorts them by self time', async () => {
      const { page } = wb;
      await openConveyor(page);
      for (const pane of ['Pipelines', 'Artifacts', 'Deployments', 'CodeBuild']) await togglePane(page, pane, false);
      await togglePane(page, 'Profiler', true);
      const group = page.locator('.pane-body .monaco-list-row', { hasText: 'orders-api' }).first();
      await waitFor('the orders-api profiling group', group, { timeout: 60_000 });
      if ((await group.getAttribute('aria-expanded')) !== 'true') await group.click();
      await page.locator('.pane-body .monaco-list-row', { hasText: 'Last hour' }).first().click();
      const flame = flamePage(page);
      await waitFor('the flame graph', flame.locator('#title', { hasText: 'orders-api' }), { timeout: 60_000 });
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
      await shot(page, 'profiler-table');
    });

    it('opens a row\'s source at its line, and the flame graph comes back still zoomed', async () => {
      const { page } = wb;
      const flame = flamePage(page);
      await flame.locator('#search').fill('compute_total');
      await waitFor('the filtered table', flame.locator('#table-caption', { hasText: /^1 of \d+ functions match the search/ }));
      const row = flame.locator('#grid-spacer .hot-row', { hasText: 'compute_total' }).first();
      await row.locator('.fn').click();
      await waitFor('pricing.py opened', page.locator('.tab.active', { hasText: 'pricing.py' }), { timeout: 30_000 });
      const source = fs.readFileSync(path.join(wb.env.workspace, 'app', 'orders', 'pricing.py'), 'utf8').split('\n');
      const defLine = source.findIndex((l) => /def compute_total\(/.test(l)) + 1;
      const nextDef = source.findIndex((l, i) => i >= defLine && /^\s*def /.test(l)) + 1 || source.length + 1;
      const position = page.locator('.statusbar-item', { hasText: /^Ln \d+, Col \d+/ }).first();
      await waitFor('the cursor position', position);
      const line = Number(/^Ln (\d+)/.exec(await position.innerText())?.[1]);
      assert.ok(line >= defLine && line < nextDef, `cursor on line ${line}, compute_total spans ${defLine}–${nextDef - 1}`);
      await shot(page, 'profiler-table-source');

      await page.locator('.tab', { hasText: 'Flame: orders-api · Last hour' }).click();
      await waitFor('the table again', flame.locator('#table-caption', { hasText: 'match the search' }));
      await flame.locator('#mode').click();
      await waitFor('the flame graph', flame.locator('#chart:not([hidden])'));
      await waitFor('the zoom kept', flame.locator('#breadcrumb button', { hasText: PLACE_ORDER }).last());
      assert.equal(await flame.locator('#mode').getAttribute('aria-pressed'), 'false');
      await shot(page, 'profiler-table-back-to-flame');
    });
  });
}
