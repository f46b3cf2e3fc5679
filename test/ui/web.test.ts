// The web build (package.json `browser`) as vscode.dev and github.dev would run it: a web-only package
// (no `main`, so VS Code can only run it in the browser's web worker extension host) installed into
// code-server. Its language server runs in a web worker and fills the Problems panel; the AWS commands
// say they need VS Code desktop.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { notification, openWorkbench, pickQuickItem, runCommand, screenshot, waitFor, type Workbench } from './harness';

const ROOT = path.resolve(__dirname, '..', '..');

/** The web-only extension: the web bundles (as test-ui.mjs just built them), media and a manifest without `main`. */
function webOnlyVsix(): string {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'conveyor-web-pkg-'));
  fs.cpSync(path.join(ROOT, 'dist', 'web'), path.join(copy, 'dist', 'web'), { recursive: true, filter: (f) => !f.endsWith('.map') });
  fs.cpSync(path.join(ROOT, 'media'), path.join(copy, 'media'), { recursive: true });
  for (const file of ['README.md', 'LICENSE']) fs.copyFileSync(path.join(ROOT, file), path.join(copy, file));
  const { main: _desktop, ...manifest } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;
  assert.equal(typeof manifest.browser, 'string', 'package.json has a browser entry');
  // No `main`: VS Code can only run it as a web extension (vsce refuses an explicit extensionKind `web`).
  fs.writeFileSync(path.join(copy, 'package.json'), JSON.stringify(manifest, null, 2));
  fs.writeFileSync(path.join(copy, '.vscodeignore'), '**\n!dist/web/**\n!media/**\n!package.json\n!README.md\n!LICENSE\n');
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

  it('shows a broken buildspec\'s problems from the web worker language server', async () => {
    const { page } = wb;
    // The web worker extension host's console: what failed, if anything, in the browser.
    const console: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') console.push(m.text()); });
    await page.keyboard.press('Control+P');
    await pickQuickItem(page, 'buildspec.yml', 'validation');
    await waitFor('buildspec.yml to open', page.locator('.tabs-container .tab', { hasText: 'buildspec.yml' }));
    await runCommand(page, 'Problems: Focus on Problems View');
    const problems = page.locator('.markers-panel');
    await waitFor('the misspelled phase in Problems', problems.locator('.monaco-list-row', { hasText: "Unknown key 'biuld' in phases" }).first(), { timeout: 60_000 })
      .catch((err: unknown) => { throw new Error(`${err instanceof Error ? err.message : String(err)}\nbrowser console:\n${console.join('\n')}`); });
    await waitFor('the removed get-login command in Problems', problems.locator('.monaco-list-row', { hasText: 'get-login' }).first());
    await screenshot(page, 'web-problems');
  });

  it('says that an AWS command needs VS Code desktop', async () => {
    const { page } = wb;
    await runCommand(page, 'Conveyor: Select Region');
    await waitFor('the desktop-only notice', notification(page, /Select Region needs VS Code desktop/));
    await screenshot(page, 'web-desktop-only');
  });
});
