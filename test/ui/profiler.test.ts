import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { openConveyor, openWorkbench, screenshot, type Workbench } from './harness';

async function togglePane(page: Page, title: string, expanded: boolean): Promise<void> {
  const header = page.locator('.sidebar .pane-header', { hasText: title }).first();
  if (((await header.getAttribute('aria-expanded')) === 'true') !== expanded) await header.click();
}

function treeRow(page: Page, text: string) {
  return page.locator('.pane-body .monaco-list-row', { hasText: text }).first();
}

/** The flame graph page inside its webview (VS Code nests the page in an inner frame). */
function flamePage(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
}

/** Moves the pointer up the middle of the chart, a row at a time, until the tooltip names `frame`. */
async function pointAtFrame(page: Page, flame: FrameLocator, frame: RegExp): Promise<{ x: number; y: number }> {
  const box = await flame.locator('#canvas').boundingBox();
  assert.ok(box, 'the chart is on screen');
  const x = box.x + box.width / 2;
  const tooltip = flame.locator('#tooltip');
  const seen: string[] = [];
  for (let y = box.y + box.height - 9; y > box.y; y -= 18) {
    await page.mouse.move(x, y);
    await page.waitForTimeout(60);
    const text = (await tooltip.isVisible()) ? await tooltip.innerText() : '';
    seen.push(text.split('\n')[0] ?? '');
    if (frame.test(text)) return { x, y };
  }
  throw new Error(`no frame matching ${frame} under the pointer; saw: ${seen.join(' | ')}`);
}

describe('UI: CodeGuru Profiler flame graph and inline heat', function () {
  this.timeout(240_000);
  let wb: Workbench;
  before(async () => { wb = await openWorkbench({ emulator: true }); });
  after(async () => { await wb?.close(); });

  it('opens the last hour of a profiling group as a flame graph from the Profiler view', async () => {
    const { page } = wb;
    await openConveyor(page);
    await togglePane(page, 'Pipelines', false);
    await togglePane(page, 'Artifacts', false);
    await togglePane(page, 'Profiler', true);
    const group = treeRow(page, 'orders-api');
    await group.waitFor({ timeout: 30_000 });
    if ((await group.getAttribute('aria-expanded')) !== 'true') await group.click();
    await treeRow(page, 'Last hour').click();
    await page.locator('.tab', { hasText: 'Flame: orders-api · Last hour' }).waitFor({ timeout: 30_000 });
    const flame = flamePage(page);
    await flame.locator('#title', { hasText: 'orders-api' }).waitFor({ timeout: 30_000 });
    await flame.locator('#canvas').waitFor();
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
    for (let i = 0; i < 50 && (await flame.locator('#matched').textContent()) !== ''; i++) await page.waitForTimeout(100);
    assert.equal(await flame.locator('#matched').textContent(), '', 'Escape clears the search');
  });

  it('starts from Reset and zooms into a frame on click', async () => {
    const { page } = wb;
    const flame = flamePage(page);
    await flame.locator('#reset').click();
    await page.waitForTimeout(300);
    const at = await pointAtFrame(page, flame, /OrderService:place_order/);
    await page.mouse.click(at.x, at.y);
    await flame.locator('#breadcrumb button', { hasText: 'app.orders.service:OrderService:place_order' }).waitFor({ timeout: 10_000 });
    await page.waitForTimeout(400); // the zoom animation
    await screenshot(page, 'profiler-zoomed');
    // Zoomed in, the frame spans the whole width: a point near the left edge is still on it.
    const box = (await flame.locator('#canvas').boundingBox())!;
    await page.mouse.move(box.x + 12, at.y);
    await flame.locator('#tooltip', { hasText: 'OrderService:place_order' }).waitFor({ timeout: 5_000 });
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
