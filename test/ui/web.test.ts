// The web build (package.json `browser`) as vscode.dev and github.dev would run it: a web-only package
// (no `main`, so VS Code can only run it in the browser's web worker extension host) installed into
// code-server. Its language server runs in a web worker and fills the Problems panel; a gzipped pprof opens
// as a flame graph (DecompressionStream, no Node) that leads to its source through vscode.workspace.fs; the
// AWS commands say they need VS Code desktop.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { flamePage, pointAtFrame } from './flame-page';
import { notification, openWorkbench, pickQuickItem, quickOpenFile, runCommand, screenshot, waitFor, type Workbench } from './harness';

const ROOT = path.resolve(__dirname, '..', '..');

/**
 * The web-only extension: the web bundles and the flame graph page (as test-ui.mjs just built them), media
 * and a manifest without `main`.
 */
function webOnlyVsix(): string {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'conveyor-web-pkg-'));
  fs.cpSync(path.join(ROOT, 'dist', 'web'), path.join(copy, 'dist', 'web'), { recursive: true, filter: (f) => !f.endsWith('.map') });
  fs.mkdirSync(path.join(copy, 'dist', 'webview'));
  fs.copyFileSync(path.join(ROOT, 'dist', 'webview', 'profiler.js'), path.join(copy, 'dist', 'webview', 'profiler.js'));
  fs.cpSync(path.join(ROOT, 'media'), path.join(copy, 'media'), { recursive: true });
  for (const file of ['README.md', 'LICENSE']) fs.copyFileSync(path.join(ROOT, file), path.join(copy, file));
  const { main: _desktop, ...manifest } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;
  assert.equal(typeof manifest.browser, 'string', 'package.json has a browser entry');
  // No `main`: VS Code can only run it as a web extension (vsce refuses an explicit extensionKind `web`).
  fs.writeFileSync(path.join(copy, 'package.json'), JSON.stringify(manifest, null, 2));
  fs.writeFileSync(path.join(copy, '.vscodeignore'), '**\n!dist/web/**\n!dist/webview/profiler.js\n!media/**\n!package.json\n!README.md\n!LICENSE\n');
  const vsix = path.join(copy, 'conveyor-web.vsix');
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '--no-rewrite-relative-links', '--out', vsix],
    { cwd: copy, stdio: 'ignore' });
  return vsix;
}

describe('UI: the web extension in the web worker extension host', function () {
  this.timeout(300_000);
  let wb: Workbench;
  before(async () => {
    wb = await openWorkbench({ name: 'web', emulator: false, vsix: webOnlyVsix() });
  });
  after(async () => { await wb?.close(); });

  /** The browser's errors and warnings (the web worker extension host's console): what failed, if anything. */
  const console: string[] = [];
  const withConsole = (err: unknown): never => { throw new Error(`${err instanceof Error ? err.message : String(err)}\nbrowser console:\n${console.join('\n')}`); };
  before(() => { wb.page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') console.push(m.text()); }); });

  it('shows a broken buildspec\'s problems from the web worker language server', async () => {
    const { page } = wb;
    await quickOpenFile(page, 'buildspec.yml', 'validation');
    await runCommand(page, 'Problems: Focus on Problems View');
    const problems = page.locator('.markers-panel');
    await waitFor('the misspelled phase in Problems', problems.locator('.monaco-list-row', { hasText: "Unknown key 'biuld' in phases" }).first(), { timeout: 60_000 })
      .catch(withConsole);
    await waitFor('the removed get-login command in Problems', problems.locator('.monaco-list-row', { hasText: 'get-login' }).first());
    await screenshot(page, 'web-problems');
  });

  it('opens a gzipped pprof from the workspace as a flame graph: search, hover, Ctrl+click to the source with heat', async () => {
    const { page } = wb;
    await page.keyboard.press('Control+P');
    await pickQuickItem(page, 'shop-python.pb.gz', 'profiles');
    const flame = flamePage(page);
    await waitFor('the flame graph of shop-python.pb.gz', flame.locator('#title', { hasText: 'shop-python.pb.gz' }), { timeout: 60_000 }).catch(withConsole);
    await waitFor('the chart', flame.locator('#canvas'));
    // 18 of the pprof's 100 samples are in TaxTable.lookup.
    await flame.locator('#search').fill('TaxTable');
    await waitFor('the share the search matches', flame.locator('#matched', { hasText: /^18(\.0)?% matched$/ }));
    await screenshot(page, 'web-flame-graph');
    await flame.locator('#search').press('Escape');

    const at = await pointAtFrame(page, flame, /OrderService:place_order/);
    assert.match(await flame.locator('#tooltip').innerText(), /place_order[\s\S]*%/, 'hovering a frame describes it');
    await page.keyboard.down('Control');
    await page.mouse.click(at.x, at.y);
    await page.keyboard.up('Control');
    await waitFor('service.py opened from the frame', page.locator('.tab.active', { hasText: 'service.py' }), { timeout: 30_000 }).catch(withConsole);
    const editor = page.locator('.editor-instance .monaco-editor').first();
    await waitFor('heat bars in the gutter of the profiled lines', editor.locator('.margin .cgmr').first(), { timeout: 30_000 }).catch(withConsole);
    const icons = await editor.locator('.margin .cgmr').evaluateAll((els) => els.map((e) => getComputedStyle(e).backgroundImage));
    assert.ok(icons.some((i) => /heat-\d+\.svg/.test(i)), `gutter heat bars: ${icons.join(', ')}`);
    await screenshot(page, 'web-flame-source');
  });

  it('says that an AWS command needs VS Code desktop', async () => {
    const { page } = wb;
    await runCommand(page, 'Conveyor: Select Region');
    await waitFor('the desktop-only notice', notification(page, /Select Region needs VS Code desktop/));
    await screenshot(page, 'web-desktop-only');
  });
});
