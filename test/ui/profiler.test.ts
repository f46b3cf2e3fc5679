import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { flameFrame, flamePage, movePointer, openProfileFromView, pointAtFrame } from './flame-page';
import { eventually, screenshot, useWorkbench, waitFor } from './harness';

describe('UI: CodeGuru Profiler flame graph and inline heat', function () {
  this.timeout(240_000);
  const wb = useWorkbench({ name: 'profiler', emulator: true });

  it('opens the last hour of a profiling group as a flame graph from the Profiler view', async () => {
    const { page } = wb;
    const flame = await openProfileFromView(page, 'orders-api', 'Last hour');
    await waitFor('the flame graph\'s tab', page.locator('.tab', { hasText: 'Flame: orders-api · Last hour' }));
    await waitFor('the chart', flame.locator('#canvas'));
    assert.match(await flame.locator('#subtitle').innerText(), /\S/, 'the subtitle says what the graph counts');
    assert.equal(await flame.locator('#breadcrumb').isVisible(), false, 'not zoomed yet');
    await screenshot(page, 'profiler-flame-graph');
  });

  it('searches frames, showing the share of samples matched, and jumps to a match', async () => {
    const { page } = wb;
    const flame = flamePage(page);
    await flame.locator('#search').fill('compute_total');
    await flame.locator('#matched', { hasText: /^\d+(\.\d+)?% matched$/ }).waitFor({ timeout: 10_000 });
    const share = Number.parseFloat(await flame.locator('#matched').innerText());
    assert.ok(share > 0 && share < 100, `a part of the samples matched: ${share}%`);
    await flame.locator('#search').press('Enter');
    await flame.locator('#breadcrumb button', { hasText: 'app.orders.pricing:compute_total' }).last().waitFor({ timeout: 10_000 });
    assert.match(await flame.locator('#details').innerText(), /compute_total/);
    await screenshot(page, 'profiler-search');
    await flame.locator('#search').press('Escape');
    assert.equal(await flame.locator('#search').inputValue(), '');
    await (await flameFrame(page)).waitForFunction(() => document.querySelector('#matched')?.textContent === '', undefined, { timeout: 10_000 })
      .catch(() => undefined);
    assert.equal(await flame.locator('#matched').textContent(), '', 'Escape clears the search');
  });

  it('starts from Reset and zooms into a frame on click', async () => {
    const { page } = wb;
    const flame = flamePage(page);
    await flame.locator('#reset').click();
    await waitFor('the chart to leave the zoom', flame.locator('#breadcrumb'), { state: 'hidden' });
    const at = await pointAtFrame(page, flame, /OrderService:place_order/);
    await page.mouse.click(at.x, at.y);
    await waitFor('the breadcrumb of the zoomed frame', flame.locator('#breadcrumb button', { hasText: 'app.orders.service:OrderService:place_order' }));
    // Zoomed in, the frame spans the whole width: a point near the left edge is on it once the zoom
    // animation has ended (each move is handled before the tooltip is read).
    const inner = await flameFrame(page);
    const box = (await flame.locator('#canvas').boundingBox())!;
    let nudge = 0;
    await eventually('the frame to span the whole width after the zoom', async () => {
      await movePointer(page, inner, box.x + 12 + (nudge++ % 2), at.y);
      return (await flame.locator('#tooltip').innerText().catch(() => '')).includes('OrderService:place_order');
    }, { timeout: 10_000 });
    await screenshot(page, 'profiler-zoomed');
  });

  it('opens the frame\'s source on double-click, with heat bars, hot-line labels and CodeLens on the profiled lines', async () => {
    const { page } = wb;
    const flame = flamePage(page);
    const at = await pointAtFrame(page, flame, /OrderService:place_order/);
    await page.mouse.dblclick(at.x, at.y);
    const tab = page.locator('.tab.active', { hasText: 'service.py' });
    await tab.waitFor({ timeout: 30_000 });
    // The cursor lands on the function's first sampled line, inside place_order.
    const source = fs.readFileSync(path.join(wb.env.workspace, 'app', 'orders', 'service.py'), 'utf8').split('\n');
    const defLine = source.findIndex((l) => /def place_order\(/.test(l)) + 1;
    const nextDef = source.findIndex((l, i) => i >= defLine && /^\s*def /.test(l)) + 1;
    const position = page.locator('.statusbar-item', { hasText: /^Ln \d+, Col \d+/ }).first();
    await position.waitFor({ timeout: 10_000 });
    const line = Number(/^Ln (\d+)/.exec(await position.innerText())?.[1]);
    assert.ok(line > defLine && line < nextDef, `cursor on line ${line}, place_order spans ${defLine}–${nextDef - 1}`);

    const editor = page.locator('.editor-instance .monaco-editor').first();
    await editor.locator('.codelens-decoration', { hasText: /% total · .*% self/ }).first().waitFor({ timeout: 30_000 });
    const lens = await editor.locator('.codelens-decoration', { hasText: /% total/ }).first().innerText();
    assert.match(lens, /^\d+(\.\d+)?% total · \d+(\.\d+)?% self · (CPU|Wall time)/);
    const heatGutter = editor.locator('.margin .cgmr');
    await heatGutter.first().waitFor({ timeout: 30_000 });
    const icons = await heatGutter.evaluateAll((els) => els.map((e) => getComputedStyle(e).backgroundImage));
    assert.ok(icons.some((i) => /heat-\d+\.svg/.test(i)), `gutter heat bars: ${icons.join(', ')}`);
    const labels = await editor.locator('.view-lines span').evaluateAll((els) =>
      els.map((e) => getComputedStyle(e, '::after').content).filter((c) => c && c !== 'none' && c !== 'normal'));
    assert.ok(labels.some((l) => /\d% (CPU|Wall time)/.test(l)), `hot-line labels: ${labels.join(', ')}`);
    await screenshot(page, 'profiler-inline-heat');
  });
});
