// Drives the real VS Code workbench (code-server, newest host) in headless Chromium with the
// extension under development loaded, the way a person uses it. Screenshots go to test-results/ui/.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { CodeServer } from '../../scripts/lib/code-server.mjs' with { 'resolution-mode': 'import' };
import type { TestEnvironment } from '../../scripts/lib/test-env.mjs' with { 'resolution-mode': 'import' };

const ROOT = path.resolve(__dirname, '..', '..');
export const SCREENSHOTS = path.join(ROOT, 'test-results', 'ui');

export interface Workbench {
  page: Page;
  env: TestEnvironment;
  server: CodeServer;
  close(): Promise<void>;
}

export interface WorkbenchOptions {
  settings?: Record<string, unknown>;
  emulator?: boolean;
  /** Install this packaged .vsix (with code-server --install-extension) instead of linking the repo. */
  vsix?: string;
}

export async function openWorkbench(options: WorkbenchOptions = {}): Promise<Workbench> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const { launchBrowser, startCodeServer, workbenchUrl } = await import('../../scripts/lib/code-server.mjs');
  const { ensureAll } = await import('../../scripts/lib/host-setup.mjs');
  const { createTestEnvironment } = await import('../../scripts/lib/test-env.mjs');
  const host = ensureAll(['newest']).newest;
  if (!host) throw new Error('no newest host');
  const env = await createTestEnvironment({ emulator: options.emulator ?? true, logDir: SCREENSHOTS });
  const dataDir = fs.mkdtempSync(path.join(env.root, 'cs-'));
  if (options.vsix) {
    execFileSync(host.bin, ['--extensions-dir', path.join(dataDir, 'extensions'), '--install-extension', options.vsix],
      { env: { ...process.env, PATH: `${host.nodeBin}:${process.env.PATH ?? ''}` }, stdio: 'ignore' });
  }
  const server = await startCodeServer({ host, env: env.env, settings: { ...env.settings, ...options.settings }, dataDir,
    logFile: path.join(SCREENSHOTS, 'code-server.log'), smokeDriver: false, ...(options.vsix ? {} : { installExtension: ROOT }) });
  const browser = await launchBrowser();
  const page = await browser.context.newPage();
  await page.goto(workbenchUrl(server, { folder: env.workspace }));
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  await page.locator('.activitybar').waitFor({ timeout: 30_000 });
  // The palette lists only commands known when it opens: wait until our contributions are in.
  await page.locator('.activitybar [aria-label^="Conveyor"]').first().waitFor({ timeout: 60_000 });
  return {
    page, env, server,
    close: async () => { await browser.close(); await server.stop(); await env.cleanup(); },
  };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** Opens the command palette, types the command's title and runs it. */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
  await page.waitForTimeout(300);
  await page.keyboard.press('Enter');
}

/** The rows the quick input currently shows. */
export function quickPickRows(page: Page): Locator {
  return page.locator('.quick-input-widget .quick-input-list .monaco-list-row');
}

export async function pickQuickItem(page: Page, text: string): Promise<void> {
  const input = page.locator('.quick-input-widget input');
  await input.fill(text);
  await quickPickRows(page).filter({ hasText: text }).first().waitFor();
  await page.waitForTimeout(300);
  await page.keyboard.press('Enter');
}

export async function openConveyor(page: Page): Promise<void> {
  const button = page.locator('.activitybar [aria-label^="Conveyor"]');
  await button.first().click();
  await page.locator('.sidebar .pane-header', { hasText: 'Pipelines' }).waitFor();
}

export function statusBarItem(page: Page, id: string): Locator {
  return page.locator(`.statusbar-item[id="conveyor-dev.conveyor.${id}"], .statusbar-item[id$="${id}"]`);
}
