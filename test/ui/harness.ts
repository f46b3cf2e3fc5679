// Drives the real VS Code workbench (code-server, newest host) in headless Chromium with the
// extension under development loaded, the way a person uses it. Screenshots go to test-results/ui/;
// the waits every test uses are in ./waits.ts (re-exported here).
//
// Evidence: each workbench logs to test-results/ui/<name>/ (code-server.log, emulator.log) and records
// a Playwright trace. When a test (or the workbench's start) fails, the hooks below save a screenshot,
// the trace and the extension host's logs under test-results/ui/failures/<test>/ and append the file
// names to the failure message.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { BrowserContext, FrameLocator, Locator, Page } from 'playwright-core';
import type { CodeServer } from '../../scripts/lib/code-server.mjs' with { 'resolution-mode': 'import' };
import type { TestEnvironment } from '../../scripts/lib/test-env.mjs' with { 'resolution-mode': 'import' };
import { waitFor } from './waits';

export * from './waits';

const ROOT = path.resolve(__dirname, '..', '..');
export const SCREENSHOTS = path.join(ROOT, 'test-results', 'ui');
const FAILURES = path.join(SCREENSHOTS, 'failures');
/**
 * What the trace records: `actions` (default: every Playwright call with its locator, timing and
 * error, console and network), `screens` (plus a screencast) or `full` (plus DOM snapshots). On a busy
 * 2-core machine screens doubles and full triples a UI test's duration, so they are for reproducing.
 */
const TRACE = process.env.CONVEYOR_UI_TRACE ?? 'actions';
/**
 * `CONVEYOR_UI_THEME=light` runs the workbench in VS Code's light theme and names every screenshot
 * `<name>-light.png`, so each view is proven readable in both themes (dark is the default).
 */
const LIGHT = process.env.CONVEYOR_UI_THEME === 'light';
const THEME_SETTINGS: Record<string, unknown> = LIGHT ? { 'workbench.colorTheme': 'Default Light Modern' } : {};

export interface Workbench {
  page: Page;
  env: TestEnvironment;
  server: CodeServer;
  /** Where this workbench's code-server and emulator logs are. */
  logDir: string;
  close(): Promise<void>;
}

export interface WorkbenchOptions {
  /** Names the log folder (test-results/ui/<name>/); default: workbench-<n>. */
  name?: string;
  settings?: Record<string, unknown>;
  emulator?: boolean;
  /** false: start on a machine without ~/.aws (default: the test profiles). */
  awsFiles?: boolean;
  /** Install this packaged .vsix (with code-server --install-extension) instead of linking the repo. */
  vsix?: string;
}

interface Open { page: Page; context: BrowserContext; server: CodeServer; logDir: string }

let opened = 0;
let current: Open | undefined;

const slug = (text: string): string => text.replace(/[^\w.-]+/g, '-').replace(/^-|-$/g, '').slice(0, 80);

/** Copies what explains a failure next to each other and returns the file names. */
async function saveEvidence(open: Open, title: string, withTrace: boolean): Promise<string[]> {
  const dir = path.join(FAILURES, slug(title));
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  const screenshot = path.join(dir, 'screenshot.png');
  if (await open.page.screenshot({ path: screenshot }).then(() => true, () => false)) files.push(screenshot);
  if (withTrace) {
    const trace = path.join(dir, 'trace.zip');
    if (await open.context.tracing.stopChunk({ path: trace }).then(() => true, () => false)) files.push(trace);
  }
  for (const log of ['code-server.log', 'emulator.log']) {
    const file = path.join(open.logDir, log);
    if (fs.existsSync(file)) files.push(file);
  }
  // The extension host's own logs live in the code-server data folder, which close() deletes.
  const hostLogs = path.join(open.server.userData, 'logs');
  if (fs.existsSync(hostLogs)) {
    fs.cpSync(hostLogs, path.join(dir, 'code-server-logs'), { recursive: true });
    for (const f of fs.readdirSync(path.join(dir, 'code-server-logs'), { recursive: true }).map(String)) {
      if (/exthost\d*\.log$|Conveyor\.log$/.test(f)) files.push(path.join(dir, 'code-server-logs', f));
    }
  }
  return files.map((f) => path.relative(ROOT, f));
}

function appendToError(err: Error | undefined, files: string[]): void {
  if (!err || files.length === 0) return;
  const note = `\n    evidence: ${files.join('\n              ')}`;
  const original = err.message;
  err.message += note;
  if (err.stack?.includes(original)) err.stack = err.stack.replace(original, err.message);
}

// Root hooks (this module is imported by every UI test file): one trace chunk per test, kept on failure.
beforeEach(async function () {
  await current?.context.tracing.startChunk({ title: this.currentTest?.fullTitle() ?? 'test' }).catch(() => undefined);
});

afterEach(async function () {
  const open = current;
  const test = this.currentTest;
  if (!open || !test) return;
  if (test.state !== 'failed') {
    await open.context.tracing.stopChunk().catch(() => undefined);
    return;
  }
  appendToError(test.err, await saveEvidence(open, test.fullTitle(), true));
});

export async function openWorkbench(options: WorkbenchOptions = {}): Promise<Workbench> {
  const { launchBrowser, startCodeServer, workbenchUrl } = await import('../../scripts/lib/code-server.mjs');
  const { ensureAll } = await import('../../scripts/lib/host-setup.mjs');
  const { createTestEnvironment } = await import('../../scripts/lib/test-env.mjs');
  const host = ensureAll(['newest']).newest;
  if (!host) throw new Error('no newest host');
  const logDir = path.join(SCREENSHOTS, slug(options.name ?? `workbench-${++opened}`));
  fs.rmSync(logDir, { recursive: true, force: true });
  fs.mkdirSync(logDir, { recursive: true });
  const env = await createTestEnvironment({ emulator: options.emulator ?? true, logDir, awsFiles: options.awsFiles ?? true });
  const dataDir = fs.mkdtempSync(path.join(env.root, 'cs-'));
  if (options.vsix) {
    execFileSync(host.bin, ['--extensions-dir', path.join(dataDir, 'extensions'), '--install-extension', options.vsix],
      { env: { ...process.env, PATH: `${host.nodeBin}:${process.env.PATH ?? ''}` }, stdio: 'ignore' });
  }
  const server = await startCodeServer({ host, env: env.env, settings: { ...env.settings, ...THEME_SETTINGS, ...options.settings }, dataDir,
    logFile: path.join(logDir, 'code-server.log'), smokeDriver: false, ...(options.vsix ? {} : { installExtension: ROOT }) });
  const browser = await launchBrowser();
  const page = await browser.context.newPage();
  const open: Open = { page, context: browser.context, server, logDir };
  await browser.context.tracing.start({ screenshots: TRACE !== 'actions', snapshots: TRACE === 'full', title: options.name ?? 'workbench' });
  await browser.context.tracing.startChunk({ title: 'open the workbench' });
  const close = async (): Promise<void> => {
    if (current === open) current = undefined;
    await browser.close();
    await server.stop();
    await env.cleanup();
  };
  try {
    await page.goto(workbenchUrl(server, { folder: env.workspace }));
    await waitFor('the workbench', page.locator('.monaco-workbench'), { timeout: 90_000 });
    await waitFor('the activity bar', page.locator('.activitybar'));
    // The palette lists only commands known when it opens: wait until our contributions are in.
    await waitFor('the Conveyor activity bar entry', page.locator('.activitybar [aria-label^="Conveyor"]'), { timeout: 90_000 });
  } catch (err) {
    if (err instanceof Error) appendToError(err, await saveEvidence(open, `open ${options.name ?? 'workbench'}`, true));
    await close();
    throw err;
  }
  await browser.context.tracing.stopChunk();
  current = open;
  return { page, env, server, logDir, close };
}

/**
 * Opens a workbench before the tests of the enclosing `describe` and closes it after them. The
 * workbench returned stands for the one opened: read its fields inside hooks and tests (hooks declared
 * after this call run once it is open).
 */
export function useWorkbench(options: WorkbenchOptions = {}): Workbench {
  let opened: Workbench | undefined;
  const open = (): Workbench => {
    if (!opened) throw new Error(`the workbench ${options.name ?? ''} is not open`);
    return opened;
  };
  before(async () => { opened = await openWorkbench(options); });
  after(async () => { await opened?.close(); });
  return {
    get page() { return open().page; },
    get env() { return open().env; },
    get server() { return open().server; },
    get logDir() { return open().logDir; },
    close: () => open().close(),
  };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  const file = path.join(SCREENSHOTS, `${name}${LIGHT ? '-light' : ''}.png`);
  await page.screenshot({ path: file });
  return file;
}

export async function openConveyor(page: Page): Promise<void> {
  await page.locator('.activitybar [aria-label^="Conveyor"]').first().click();
  await waitFor('the Pipelines view', page.locator('.sidebar .pane-header', { hasText: 'Pipelines' }));
}

/**
 * The page inside a webview (VS Code nests it in an inner frame): the only one open, or with `newest`
 * the last one opened (a comparison opens a second panel beside the profile's).
 */
export function webviewPage(page: Page, which: 'only' | 'newest' = 'only'): FrameLocator {
  return page.frameLocator(which === 'newest' ? 'iframe.webview.ready >> nth=-1' : 'iframe.webview.ready').frameLocator('#active-frame');
}

export function statusBarItem(page: Page, id: string): Locator {
  return page.locator(`.statusbar-item[id="conveyor-dev.conveyor.${id}"], .statusbar-item[id$="${id}"]`);
}
