import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { openWorkbench, runCommand, screenshot, type Workbench } from './harness';

const FIXTURES = path.resolve(__dirname, '..', 'fixtures', 'profiler', 'real');

function flamePage(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
}

/** Types a path into VS Code's own file dialog (code-server's simple dialog) and accepts it. */
async function answerFileDialog(page: Page, file: string): Promise<void> {
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: 15_000 });
  await input.fill(file);
  await page.waitForTimeout(500);
  await page.keyboard.press('Enter');
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
    await flame.locator('#subtitle', { hasText: /cpu/ }).waitFor({ timeout: 30_000 });
    await flame.locator('#search').fill('Checksum');
    await flame.locator('#matched', { hasText: /^\d+(\.\d+)?% matched$/ }).waitFor({ timeout: 10_000 });
    const share = Number.parseFloat(await flame.locator('#matched').innerText());
    assert.ok(share > 30, `Checksum is most of the CPU time: ${share}%`);
    await screenshot(page, 'profiler-pprof-flame-graph');
  });

  it('shows per-line heat and a CodeLens with cpu seconds in the Go source the test compiled', async () => {
    const { page } = wb;
    await runCommand(page, 'Go to File...');
    const input = page.locator('.quick-input-widget input');
    await input.fill('hotloop/hot.go');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'hot.go' }).first().waitFor({ timeout: 15_000 });
    await page.keyboard.press('Enter');
    await page.locator('.tab.active', { hasText: 'hot.go' }).waitFor({ timeout: 30_000 });
    const editor = page.locator('.editor-instance .monaco-editor').first();
    await editor.locator('.codelens-decoration', { hasText: /% total · .*% self · cpu · / }).first().waitFor({ timeout: 60_000 });
    const labels = async (): Promise<string[]> => editor.locator('.view-lines span').evaluateAll((els) =>
      els.map((e) => getComputedStyle(e, '::after').content).filter((c) => c && c !== 'none' && c !== 'normal'));
    for (let i = 0; i < 100 && !(await labels()).some((l) => /% cpu/.test(l)); i++) await page.waitForTimeout(200);
    const shown = await labels();
    assert.ok(shown.some((l) => /\d% cpu · [\d.]+ (ms|s)"?$/.test(l)), `per-line labels: ${shown.join(' | ')}`);
    assert.ok(!shown.some((l) => /whole function/.test(l)), 'pprof has lines: nothing is marked as a whole function');
    await screenshot(page, 'profiler-pprof-inline-heat');
  });
});
