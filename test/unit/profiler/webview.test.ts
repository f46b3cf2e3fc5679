// The real webview bundle under its real CSP in headless Chromium: rendering, zoom, search, keyboard,
// bottom-up, tooltips, opening sources, and that hostile frame names never execute.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { VSCODE_API_STUB, bundle, chromiumAvailable, launchChromium, serve } from '../../../bench/profiler/browser';
import { viewTree } from '../../../src/profiler/model/call-tree';
import { decodeProfile } from '../../../src/profiler/model/decode';
import { diffTrees } from '../../../src/profiler/model/diff';
import { toWire } from '../../../src/profiler/flame/flame-tree';
import { flameHtml } from '../../../src/profiler/flame/html';
import type { FlameData, RenderStats, WebviewMessage } from '../../../src/profiler/flame/protocol';
import { WORKSPACE } from './helpers';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const HOSTILE = decodeProfile(fs.readFileSync(path.join(WORKSPACE, 'profiles', 'hostile.json')));
const SHOP = decodeProfile(fs.readFileSync(path.join(WORKSPACE, 'profiles', 'shop-python.json')));
const IMG_NAME = `<img src=x onerror="document.title='pwned'">`;

function data(tree: Parameters<typeof toWire>[0], extra: Partial<FlameData> = {}): string {
  const wire = toWire(tree);
  // Plain arrays on purpose: the page must accept whatever shape the transport delivers.
  const plain = Object.fromEntries(Object.entries(wire).map(([k, v]) => [k, ArrayBuffer.isView(v) ? Array.from(v as unknown as ArrayLike<number>) : v]));
  return JSON.stringify({ title: 'Test <b>profile</b>', subtitle: 'CPU', view: 'cpu', views: [{ id: 'cpu', label: 'CPU' }, { id: 'latency', label: 'Latency' }], warnings: [], tree: plain, ...extra });
}

describe('profiler: flame graph webview in Chromium', function () {
  this.timeout(60_000);
  let page: Page;
  let close: () => Promise<void>;

  const outbox = (): Promise<WebviewMessage[]> => page.evaluate(() => (window as unknown as { __outbox: WebviewMessage[] }).__outbox);
  const lastStats = async (): Promise<RenderStats> => {
    const msgs = (await outbox()).filter((m): m is Extract<WebviewMessage, { type: 'rendered' }> => m.type === 'rendered');
    assert.ok(msgs.length > 0, 'the page reported a render');
    return msgs[msgs.length - 1]!.stats;
  };
  const waitForStats = async (check: (s: RenderStats) => boolean, what: string): Promise<RenderStats> => {
    for (let i = 0; i < 100; i++) {
      const msgs = (await outbox()).filter((m): m is Extract<WebviewMessage, { type: 'rendered' }> => m.type === 'rendered');
      const s = msgs[msgs.length - 1]?.stats;
      if (s && check(s)) return s;
      await page.waitForTimeout(50);
    }
    throw new Error(`timed out waiting for ${what}: ${JSON.stringify(await lastStats())}`);
  };
  const load = async (json: string): Promise<void> => {
    await page.evaluate((d) => window.postMessage({ type: 'load', data: JSON.parse(d) as unknown }, '*'), json);
  };
  /** Centre of the frame at `depth` whose x range covers fraction `f` of the width (root at bottom). */
  const framePoint = async (depth: number, f = 0.5, rootAtTop = false): Promise<{ x: number; y: number }> => {
    const box = (await page.locator('#canvas').boundingBox())!;
    const y = rootAtTop ? box.y + depth * 18 + 9 : box.y + box.height - (depth + 1) * 18 + 9;
    return { x: box.x + box.width * f, y };
  };

  before(async function () {
    if (!chromiumAvailable()) this.skip();
    const script = VSCODE_API_STUB + await bundle('src/profiler/webview/index.ts', { minify: false });
    const css = fs.readFileSync(path.join(ROOT, 'media', 'profiler', 'flame.css'), 'utf8');
    const routes = { '/profiler.js': { type: 'text/javascript', body: script }, '/flame.css': { type: 'text/css', body: css },
      '/flame.html': { type: 'text/html', body: '' } };
    const server = await serve(routes);
    const origin = server.origin;
    routes['/flame.html'].body = flameHtml({ cspSource: origin, nonce: 'Tm9uY2VGb3JUZXN0c09ubHkx', scriptUri: `${origin}/profiler.js`, styleUri: `${origin}/flame.css`, title: 'Flame <graph>' });
    const browser = await launchChromium({ width: 1200, height: 800 });
    page = await browser.context.newPage();
    close = async () => { await browser.close(); await server.close(); };
    await page.goto(`${origin}/flame.html`);
    await page.waitForFunction(() => (window as unknown as { __outbox: { type: string }[] }).__outbox.some((m) => m.type === 'ready'));
  });

  after(async () => { await close?.(); });

  it('draws hostile frame names as text: nothing is injected or executed, no CSP violation', async () => {
    await load(data(viewTree(HOSTILE, 'cpu')));
    const stats = await waitForStats((s) => s.nodes === HOSTILE.tree.size, 'the hostile profile');
    assert.ok(stats.rects >= 9 && stats.labels >= 1, JSON.stringify(stats));
    assert.deepEqual(stats.injected, { img: 0, script: 0, svg: 0, iframe: 0 });
    assert.equal(await page.title(), 'Flame <graph>');
    assert.equal(await page.evaluate(() => (window as unknown as { pwned?: unknown }).pwned), undefined);
    assert.equal(await page.locator('#title').textContent(), 'Test <b>profile</b>');
    assert.equal(await page.locator('#title b').count(), 0);
    // Zoom into the frame named like an <img>: its name shows in the breadcrumb as literal text.
    const p = await framePoint(1);
    await page.mouse.click(p.x, p.y);
    const zoomed = await waitForStats((s) => s.zoomedTo === IMG_NAME, 'zoom into the <img> frame');
    assert.deepEqual(zoomed.injected, { img: 0, script: 0, svg: 0, iframe: 0 });
    assert.ok((await page.locator('#breadcrumb button').allTextContents()).includes(IMG_NAME));
    await page.mouse.move(p.x, p.y - 18);
    await page.waitForSelector('#tooltip:not([hidden])');
    const tip = await page.locator('#tooltip .tip-title').textContent();
    assert.equal(tip, '</script><script>window.pwned=1</script>');
    assert.equal(await page.locator('#tooltip img, #tooltip script, #tooltip svg').count(), 0);
    assert.equal(await page.evaluate(() => (window as unknown as { pwned?: unknown }).pwned), undefined);
    assert.equal((await outbox()).filter((m) => m.type === 'cspViolation').length, 0);
  });

  it('zooms on click, resets with Escape, navigates and zooms with the keyboard', async () => {
    await load(data(viewTree(SHOP, 'wall')));
    await waitForStats((s) => s.nodes === SHOP.tree.size && s.zoomedTo === null, 'the shop profile');
    const p = await framePoint(1, 0.2);
    await page.mouse.click(p.x, p.y);
    const z = await waitForStats((s) => s.zoomedTo !== null, 'zoom');
    assert.equal(z.zoomedTo, 'threading:Thread:_bootstrap');
    await page.keyboard.press('Escape');
    await waitForStats((s) => s.zoomedTo === null, 'reset');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    const k = await waitForStats((s) => s.zoomedTo !== null, 'keyboard zoom');
    assert.equal(k.zoomedTo, 'threading:Thread:run');
    assert.match((await page.locator('#details').textContent()) ?? '', /^threading:Thread:run — Total 97\.0%/);
    await page.click('#reset');
    await waitForStats((s) => s.zoomedTo === null, 'reset button');
  });

  it('searches with "/" and reports the share of samples matched; Enter steps to the widest match', async () => {
    await page.locator('#chart').focus();
    await page.keyboard.press('/');
    await page.keyboard.type('pricing');
    const s = await waitForStats((x) => x.search === 'pricing', 'search');
    assert.equal(s.matched, 0.5);
    assert.equal(await page.locator('#matched').textContent(), '50.0% matched');
    await page.keyboard.press('Enter');
    const z = await waitForStats((x) => x.zoomedTo === 'shop.pricing:compute_total', 'step to match');
    assert.equal(z.search, 'pricing');
    await page.keyboard.press('Escape');
    await waitForStats((x) => x.search === '', 'clear search');
    assert.equal(await page.locator('#matched').textContent(), '');
  });

  it('switches to the hot-functions table, sorted by self time, and sorts by a column header (click and keyboard)', async () => {
    await page.click('#reset');
    await waitForStats((x) => x.zoomedTo === null, 'the whole profile');
    await page.click('#mode');
    await page.locator('#grid-spacer .hot-row').first().waitFor();
    const s = await waitForStats((x) => x.mode === 'table', 'the table');
    assert.deepEqual({ sort: s.table?.sort, first: s.table?.first, scope: s.table?.scope, functions: s.table?.functions },
      { sort: 'self descending', first: 'shop.pricing:TaxTable:lookup', scope: null, functions: 13 });
    assert.equal(await page.locator('#mode').getAttribute('aria-pressed'), 'true');
    assert.equal(await page.locator('#chart').isVisible(), false, 'the table replaces the chart');
    assert.equal(await page.locator('#col-self').getAttribute('aria-sort'), 'descending');
    assert.deepEqual((await page.locator('#grid-spacer .hot-row .fn').allTextContents()).slice(0, 3),
      ['shop.pricing:TaxTable:lookup', '<Sleep>', 'json.decoder:JSONDecoder:decode']);
    const cells = await page.locator('#hot-row-0 .c-num').allInnerTexts();
    assert.equal(cells.length, 2);
    for (const cell of cells) assert.match(cell.replace(/\s+/g, ' '), /^[\d.,]+ (ms|s|min|h)\b.* 30\.0%$/, `time in the counter's unit and the share: ${cell}`);
    assert.match(await page.locator('#col-self button').innerText(), /^Self \(time\)/);
    await page.click('#col-total button');
    await page.locator('#col-total[aria-sort="descending"]').waitFor();
    assert.equal(await page.locator('#col-self').getAttribute('aria-sort'), 'none');
    assert.equal((await lastStats()).table?.first, 'shop.orders.service:OrderService:place_order');
    await page.click('#col-total button');
    await page.locator('#col-total[aria-sort="ascending"]').waitFor();
    assert.equal((await lastStats()).table?.first, 'threading:Thread:join');
    await page.locator('#col-name button').focus();
    await page.keyboard.press('Enter');
    await page.locator('#col-name[aria-sort="ascending"]').waitFor();
    assert.equal((await lastStats()).table?.first, '<Sleep>');
    await page.locator('#col-self button').focus();
    await page.keyboard.press('Space');
    await page.locator('#col-self[aria-sort="descending"]').waitFor();
  });

  it('expands a function into its callers with the keyboard and opens sources on Enter and click', async () => {
    const opened = async (): Promise<Extract<WebviewMessage, { type: 'openSource' }>[]> =>
      (await outbox()).filter((m): m is Extract<WebviewMessage, { type: 'openSource' }> => m.type === 'openSource');
    const before = (await opened()).length;
    await page.locator('#grid').focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    await page.locator('#hot-row-0[aria-expanded="true"]').waitFor();
    assert.deepEqual(await page.locator('#hot-row-1 .fn').textContent(), 'shop.pricing:compute_total', 'lookup is called by compute_total');
    assert.equal(await page.locator('#hot-row-1').getAttribute('aria-level'), '2');
    assert.equal((await lastStats()).table?.expanded, 1);
    await page.keyboard.press('ArrowDown');
    await page.locator('#grid[aria-activedescendant="hot-row-1"]').waitFor();
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowLeft');
    await page.locator('#grid[aria-activedescendant="hot-row-0"]').waitFor();
    await page.keyboard.press('Enter');
    await page.locator('#hot-row-2 .fn').click();
    await page.waitForFunction((n) => (window as unknown as { __outbox: WebviewMessage[] }).__outbox.filter((m) => m.type === 'openSource').length >= n, before + 3);
    const opens = (await opened()).slice(before);
    assert.deepEqual(opens.map((o) => o.name), ['shop.pricing:compute_total', 'shop.pricing:TaxTable:lookup', '<Sleep>']);
    assert.equal(opens[0]!.node, -1, 'a caller row opens its function by name');
    const tree = viewTree(SHOP, 'wall');
    assert.equal(tree.names[tree.nameId[opens[1]!.node]!], 'shop.pricing:TaxTable:lookup', 'a function opens at its hottest frame');
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowLeft');
    await page.locator('#hot-row-0[aria-expanded="false"]').waitFor();
  });

  it('lists only the zoomed frame\'s functions, keeps the zoom when switching back, and follows the search', async () => {
    await page.click('#mode');
    await waitForStats((x) => x.mode === 'flame', 'back to the flame graph');
    await page.evaluate(() => window.postMessage({ type: 'reveal', name: 'shop.orders.service:OrderService:_persist' }, '*'));
    await waitForStats((x) => x.zoomedTo === 'shop.orders.service:OrderService:_persist', 'zoom into _persist');
    await page.click('#mode');
    await page.locator('#table-caption', { hasText: 'within shop.orders.service:OrderService:_persist' }).waitFor();
    const t = (await lastStats()).table;
    assert.deepEqual({ scope: t?.scope, functions: t?.functions, first: t?.first }, { scope: 'shop.orders.service:OrderService:_persist', functions: 2, first: '<Sleep>' });
    assert.equal(await page.locator('#breadcrumb').isVisible(), true, 'the breadcrumb still shows the zoom');
    await page.click('#mode');
    const back = await waitForStats((x) => x.mode === 'flame', 'the flame graph again');
    assert.equal(back.zoomedTo, 'shop.orders.service:OrderService:_persist', 'the zoomed frame is restored');
    await page.click('#mode');
    await page.locator('#grid').focus();
    await page.keyboard.press('Escape');
    await page.locator('#table-caption', { hasText: 'in the whole profile' }).waitFor();
    await page.locator('#search').fill('pricing');
    await page.locator('#table-caption', { hasText: '3 of 13 functions match the search' }).waitFor();
    assert.deepEqual(await page.locator('#grid-spacer .hot-row .fn').allTextContents(), ['shop.pricing:TaxTable:lookup', 'shop.pricing:<genexpr>', 'shop.pricing:compute_total']);
    await page.locator('#search').fill('');
    await page.locator('#table-caption', { hasText: /^13 functions/ }).waitFor();
    await page.click('#mode');
    await waitForStats((x) => x.mode === 'flame' && x.zoomedTo === null, 'the flame graph, reset');
  });

  it('zooms at the pointer with Ctrl+wheel and pans by dragging, and a drag never zooms into a frame', async () => {
    await load(data(viewTree(SHOP, 'wall')));
    await waitForStats((s) => s.nodes === SHOP.tree.size && s.zoomedTo === null, 'the shop profile');
    const pixels = (): Promise<string> => page.evaluate(() => (document.getElementById('canvas') as HTMLCanvasElement).toDataURL());
    const changedFrom = async (before: string, what: string): Promise<void> => {
      for (let i = 0; i < 100 && await pixels() === before; i++) await page.waitForTimeout(50);
      assert.notEqual(await pixels(), before, what);
    };
    // On threading:Thread:_bootstrap: the wheel zooms around the pointer and the drag carries the frame
    // with it, so the button comes up on that frame (a click there would zoom into it).
    const centre = await framePoint(1, 0.2);
    await page.mouse.move(centre.x, centre.y);
    const whole = await pixels();
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -600);
    await page.keyboard.up('Control');
    await changedFrom(whole, 'the graph zoomed in with Ctrl+wheel');
    assert.equal((await lastStats()).zoomedTo, null, 'the wheel zooms the view, not into a frame');
    const zoomed = await pixels();
    await page.mouse.down();
    await page.mouse.move(centre.x + 50, centre.y, { steps: 5 });
    await page.mouse.move(centre.x + 100, centre.y, { steps: 5 });
    await page.mouse.up();
    await changedFrom(zoomed, 'the graph moved with the drag');
    // A click zooms at once (the breadcrumb follows before the animation starts): none came with the drag.
    assert.ok(!(await page.locator('#breadcrumb button').allTextContents()).includes('threading:Thread:_bootstrap'), 'the drag did not click');
    await page.keyboard.press('Escape');
  });

  it('asks the extension to open the source on Ctrl+click and double-click', async () => {
    const opened = async (): Promise<Extract<WebviewMessage, { type: 'openSource' }>[]> =>
      (await outbox()).filter((m): m is Extract<WebviewMessage, { type: 'openSource' }> => m.type === 'openSource');
    const before = (await opened()).length;
    const box = await page.locator('#canvas').boundingBox();
    const p = await framePoint(3, 0.5);
    await page.keyboard.down('Control');
    await page.mouse.click(p.x, p.y);
    await page.keyboard.up('Control');
    // The first click of a double-click zooms: the chart must not move under the pointer (the
    // breadcrumb that appears keeps its room), so the second click and the double-click hit the same frame.
    await page.mouse.dblclick(p.x, p.y);
    const opens = (await opened()).slice(before);
    assert.deepEqual(opens.map((o) => o.name), ['shop.orders.service:process_batch', 'shop.orders.service:process_batch']);
    assert.deepEqual(await page.locator('#canvas').boundingBox(), box, 'the chart did not move when the breadcrumb appeared');
    await page.click('#reset');
    await waitForStats((x) => x.zoomedTo === null, 'reset');
  });

  it('asks for another counter view from the picker', async () => {
    await page.selectOption('#view', 'latency');
    const views = (await outbox()).filter((m) => m.type === 'changeView');
    assert.deepEqual(views[views.length - 1], { type: 'changeView', view: 'latency' });
  });

  it('colours "my code" from the sources message and reveals a frame by name', async () => {
    const mine = new Array(SHOP.tree.names.length).fill(0);
    SHOP.tree.names.forEach((n, i) => { if (n.startsWith('shop.')) mine[i] = 1; });
    await page.evaluate((m) => window.postMessage({ type: 'sources', mine: m, labels: {} }, '*'), mine);
    await page.evaluate(() => window.postMessage({ type: 'reveal', name: 'shop.pricing:TaxTable:lookup' }, '*'));
    const s = await waitForStats((x) => x.zoomedTo === 'shop.pricing:TaxTable:lookup', 'reveal');
    assert.equal(s.mine, mine.filter(Boolean).length);
  });

  it('shows a differential graph with its legend', async () => {
    const base = viewTree(SHOP, 'wall');
    const target = viewTree(decodeProfile(Buffer.from('threading:Thread:_bootstrap;shop.pricing:compute_total 70\nthreading:Thread:join 30\n')), 'latency');
    await load(data(diffTrees(base, target), { baseLabel: 'the previous hour' }));
    const s = await waitForStats((x) => x.diff && x.zoomedTo === null, 'diff');
    assert.ok(s.rects > 0);
    assert.match((await page.locator('#banner').textContent()) ?? '', /Compared with the previous hour/);
    // The controls a comparison cannot use stay focusable and say why; a click does nothing.
    for (const id of ['#mode', '#mine']) {
      assert.equal(await page.locator(id).getAttribute('aria-disabled'), 'true', id);
      assert.match((await page.locator(id).getAttribute('aria-description')) ?? '', /^Not available in a comparison: /, id);
      assert.equal(await page.locator(id).getAttribute('title'), await page.locator(id).getAttribute('aria-description'), id);
    }
    await page.click('#mode', { force: true });
    await page.locator('#mode').press('Enter');
    assert.equal((await lastStats()).mode, 'flame', 'the table stays off in a comparison');
    assert.equal(await page.locator('#table').isVisible(), false);
    // The legend is the comparison's scale, its ends the largest change of a frame's share.
    const legend = page.locator('#legend-list li').first();
    assert.match(await legend.innerText(), /^−\d+\.\d+ pp\s+\+\d+\.\d+ pp\s+Share of samples, before → now$/);
    assert.match((await legend.getAttribute('aria-description')) ?? '', /^Blue: a smaller share now, red: a larger share now/);
    assert.match(await legend.locator('.swatch.gradient').evaluate((e) => (e as HTMLElement).style.backgroundImage), /^linear-gradient/);
    assert.equal((await outbox()).filter((m) => m.type === 'cspViolation').length, 0);
  });

  it('shows a colour legend that follows My code and the search, readable by keyboard', async () => {
    await load(data(viewTree(SHOP, 'cpu')));
    await waitForStats((x) => !x.diff && x.nodes === SHOP.tree.size, 'the plain profile');
    assert.equal(await page.locator('#mode').getAttribute('aria-disabled'), null);
    const mine = SHOP.tree.names.map((n) => (n.startsWith('shop.') ? 1 : 0));
    await page.evaluate((m) => window.postMessage({ type: 'sources', mine: m, labels: {} }, '*'), mine);
    await waitForStats((x) => x.mine === mine.filter(Boolean).length, 'the sources');
    const labels = (): Promise<string[]> => page.locator('#legend-list .legend-label').allTextContents();
    assert.deepEqual(await labels(), ['Other code', 'Your code', 'Merged “…”']);
    await page.click('#mine');
    await page.waitForFunction(() => document.querySelectorAll('#legend-list li').length === 2);
    assert.deepEqual(await labels(), ['Functions', 'Merged “…”']);
    await page.click('#mine');
    await page.fill('#search', 'pricing');
    await page.waitForSelector('#legend-list li:has-text("Matches the search")');
    assert.deepEqual(await labels(), ['Other code', 'Your code', 'Matches the search', 'Faded', 'Merged “…”']);
    await page.locator('#legend-list li').first().focus();
    assert.match((await page.locator('#details').textContent()) ?? '', /^Other code: Red, orange and yellow tell functions apart/);
    await page.click('#legend-toggle');
    assert.equal(await page.locator('#legend-toggle').getAttribute('aria-expanded'), 'false');
    assert.equal(await page.locator('#legend-list').isVisible(), false);
    await page.click('#legend-toggle');
    await page.fill('#search', '');
    await page.locator('#search').press('Escape');
    assert.equal((await outbox()).filter((m) => m.type === 'cspViolation').length, 0);
  });

  it('shows hostile names in the table as text and keeps a 20,000-function table to the rows in view', async () => {
    await load(data(viewTree(HOSTILE, 'cpu')));
    await waitForStats((x) => x.nodes === HOSTILE.tree.size, 'the hostile profile');
    await page.click('#mode');
    await waitForStats((x) => x.mode === 'table' && x.table?.scope === null, 'the hostile table');
    assert.ok((await page.locator('#grid-spacer .fn').allTextContents()).includes(IMG_NAME));
    assert.deepEqual((await lastStats()).injected, { img: 0, script: 0, svg: 0, iframe: 0 });
    assert.equal(await page.locator('#table img, #table script, #table svg').count(), 0);
    const folded = Array.from({ length: 20_000 }, (_, i) => `main;mod.f${i} ${1 + (i % 7)}`).join('\n');
    await load(data(viewTree(decodeProfile(Buffer.from(folded)), 'latency')));
    const big = await waitForStats((x) => x.mode === 'table' && x.table?.functions === 20_001, 'the large table');
    assert.ok(big.table!.buildMs >= 0);
    const inDom = await page.locator('#grid-spacer .hot-row').count();
    assert.ok(inDom > 5 && inDom < 120, `only the rows in view are in the DOM: ${inDom}`);
    await page.locator('#grid').focus();
    await page.keyboard.press('End');
    await page.locator('#hot-row-20000').waitFor();
    assert.equal((await lastStats()).table?.active, 'main', 'the last row by self time (main has none)');
    assert.ok(await page.locator('#grid-spacer .hot-row').count() < 120);
    await page.click('#mode');
    await waitForStats((x) => x.mode === 'flame', 'the flame graph');
  });

  it('refuses malformed data with a message instead of drawing it', async () => {
    await load(JSON.stringify({ title: 't', subtitle: '', view: 'cpu', views: [], warnings: [], tree: { names: ['all'], nameId: [0, 5], parent: [-1, 0], self: [0, 1], total: [1, 1] } }));
    await page.waitForSelector('#banner.error:not([hidden])');
    assert.match((await page.locator('#banner').textContent()) ?? '', /names a frame that does not exist/);
  });
});
