import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { flamePage } from './flame-page';
import { acceptQuickInput, eventually, fillQuickInput, openWorkbench, quickOpenFile, runCommand, screenshot, waitFor, type Workbench } from './harness';

const FIXTURES = path.resolve(__dirname, '..', 'fixtures', 'profiler', 'real');

/**
 * Types a path into VS Code's own file dialog (code-server's simple dialog) and accepts it once the
 * dialog has listed the file's folder and shows the file: until then Enter would take the folder it
 * is still reading. The dialog sets its value to the folder when it has listed it, which can land
 * after the path was typed (seen in CI): fillQuickInput types it again then.
 */
async function answerFileDialog(page: Page, file: string): Promise<void> {
  await fillQuickInput(page, file, { shows: page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: path.basename(file) }) });
  await acceptQuickInput(page, { highlighted: false });
}

describe('UI: a go test -cpuprofile pprof, opened like a person would', function () {
  this.timeout(300_000);
  let wb: Workbench;
  let pkg: string;

  before(async () => {
    wb = await openWorkbench({ emulator: false });
    pkg = path.join(wb.env.workspace, 'hotloop');
    fs.cpSync(path.join(FIXTURES, 'go'), pkg, { recursive: true });
    const env = { ...process.env, HOME: wb.env.home, GOCACHE: path.join(wb.env.root, 'go-cache'), GOPATH: path.join(wb.env.root, 'gopath'), GOFLAGS: '-mod=mod', GOTOOLCHAIN: 'local', GOPROXY: 'off' };
    execFileSync('go', ['test', '-count=1', `-cpuprofile=${path.join(pkg, 'cpu.pprof')}`, '.'], { cwd: pkg, env, stdio: 'pipe' });
  });
  after(async () => { await wb?.close(); });

  it('opens it from Open Profile File… as a flame graph counting cpu time', async () => {
    const { page } = wb;
    await runCommand(page, 'Conveyor: Open Profile File…');
    await answerFileDialog(page, path.join(pkg, 'cpu.pprof'));
    await page.locator('.tab', { hasText: 'Flame: cpu.pprof' }).waitFor({ timeout: 60_000 });
    const flame = flamePage(page);
    await flame.locator('#canvas').waitFor({ timeout: 30_000 });
    await flame.locator('#subtitle', { hasText: /CPU time/ }).waitFor({ timeout: 30_000 });
    await flame.locator('#search').fill('Checksum');
    await flame.locator('#matched', { hasText: /^\d+(\.\d+)?% matched$/ }).waitFor({ timeout: 10_000 });
    const share = Number.parseFloat(await flame.locator('#matched').innerText());
    assert.ok(share > 30, `Checksum is most of the CPU time: ${share}%`);
    await screenshot(page, 'profiler-pprof-flame-graph');
  });

  it('shows per-line heat and a CodeLens with cpu seconds in the Go source the test compiled', async () => {
    const { page } = wb;
    // Enter only once hot.go (not another match of the typed text) is the highlighted row.
    await quickOpenFile(page, 'hot.go', 'hotloop');
    await page.locator('.tab.active', { hasText: 'hot.go' }).waitFor({ timeout: 30_000 });
    const editor = page.locator('.editor-instance .monaco-editor').first();
    await editor.locator('.codelens-decoration', { hasText: /% total · .*% self · CPU time · / }).first().waitFor({ timeout: 60_000 });
    const labels = async (): Promise<string[]> => editor.locator('.view-lines span').evaluateAll((els) =>
      els.map((e) => getComputedStyle(e, '::after').content).filter((c) => c && c !== 'none' && c !== 'normal'));
    let shown: string[] = [];
    await eventually('the per-line cpu labels after the hot lines', async () => (shown = await labels()).some((l) => /% CPU time/.test(l)),
      { seen: () => `labels: ${shown.join(' | ') || 'none'}` });
    assert.ok(shown.some((l) => /\d% CPU time · [\d.]+ (ms|s)"?$/.test(l)), `per-line labels: ${shown.join(' | ')}`);
    assert.ok(!shown.some((l) => /whole function/.test(l)), 'pprof has lines: nothing is marked as a whole function');
    await screenshot(page, 'profiler-pprof-inline-heat');
  });

  it('opens the pprof as a flame graph when it is dragged from the Explorer into the editor area', async () => {
    const { page } = wb;
    await runCommand(page, 'View: Close All Editors');
    await waitFor('the editors to close', page.locator('.tab'), { state: 'detached' });
    await runCommand(page, 'View: Show Explorer');
    const row = (name: string) => page.locator('.explorer-folders-view .monaco-list-row', { has: page.locator('.label-name', { hasText: new RegExp(`^${name.replace('.', '\\.')}$`) }) });
    await waitFor('the hotloop folder in the Explorer', row('hotloop'));
    if ((await row('hotloop').getAttribute('aria-expanded')) !== 'true') await row('hotloop').click();
    await waitFor('cpu.pprof in the Explorer', row('cpu.pprof'));
    // A real HTML5 drag (Playwright moves the mouse with the button down): the workbench's own
    // drop handling opens the file with its default editor, the Flame Graph custom editor.
    const from = await row('cpu.pprof').boundingBox();
    const to = await page.locator('.part.editor .content').boundingBox();
    assert.ok(from && to, 'the Explorer row and the editor area are on screen');
    await page.mouse.move(from.x + from.width / 3, from.y + from.height / 2);
    await page.mouse.down();
    // Several moves: the workbench shows its drop overlay on the first dragover, then takes the drop there.
    await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 12 });
    await waitFor('the editor area\'s drop overlay', page.locator('#monaco-workbench-editor-drop-overlay, .editor-group-overlay-indicator'), { timeout: 10_000 });
    await page.mouse.move(to.x + to.width / 2 + 5, to.y + to.height / 2 + 5, { steps: 3 });
    await page.mouse.up();
    await waitFor('the cpu.pprof editor tab', page.locator('.tab', { hasText: 'cpu.pprof' }), { timeout: 60_000 });
    const flame = flamePage(page);
    await waitFor('the flame graph in the dropped file\'s editor', flame.locator('#subtitle', { hasText: /CPU time/ }), { timeout: 60_000 });
    assert.ok(await flame.locator('#canvas').isVisible(), 'the chart is drawn');
    await screenshot(page, 'profiler-pprof-dropped');
  });
});
