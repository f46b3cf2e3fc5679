// Headless Debian Chromium + a local HTTP server, for the flame graph benchmark and webview tests.
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import type { BrowserContext } from 'playwright-core';

export const ROOT = path.resolve(__dirname, '..', '..');
export const CHROMIUM = process.env.CONVEYOR_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function chromiumAvailable(): boolean {
  return fs.existsSync(CHROMIUM);
}

/** A fresh browser profile each time (launchPersistentContext on a new temp dir). */
export async function launchChromium(viewport = { width: 1400, height: 900 }): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const { chromium } = await import('playwright-core');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'conveyor-profiler-chromium-'));
  const context = await chromium.launchPersistentContext(dir, { executablePath: CHROMIUM, headless: true, viewport, args: CHROMIUM_ARGS });
  return {
    context,
    close: async () => {
      await context.close().catch(() => undefined);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface Route { type: string; body: string | Buffer }

/** Serves fixed routes on 127.0.0.1 (no network beyond loopback). */
export async function serve(routes: Record<string, Route>): Promise<{ origin: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const route = routes[(req.url ?? '/').split('?')[0]!];
    if (!route) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': route.type, 'cache-control': 'no-store' }).end(route.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Bundles a browser entry point in memory (IIFE, like scripts/build.mjs does for webviews). */
export async function bundle(entry: string, options: { minify?: boolean } = {}): Promise<string> {
  const result = await esbuild.build({
    entryPoints: [path.resolve(ROOT, entry)], bundle: true, write: false, format: 'iife', platform: 'browser', target: 'es2022',
    minify: options.minify ?? true, logLevel: 'silent', absWorkingDir: ROOT, outdir: 'bench-out', loader: { '.css': 'empty' },
  });
  const js = result.outputFiles.find((f) => f.path.endsWith('.js'));
  if (!js) throw new Error(`esbuild produced no JavaScript for ${entry}`);
  return js.text;
}

/**
 * Stands in for VS Code's `acquireVsCodeApi` outside VS Code: messages from the page land in
 * `window.__outbox`. Served as part of the script file, so the page's CSP needs no change.
 */
export const VSCODE_API_STUB = `(() => {
  const outbox = [];
  let acquired = false;
  Object.defineProperty(window, '__outbox', { value: outbox });
  window.acquireVsCodeApi = () => {
    if (acquired) throw new Error('acquireVsCodeApi may only be called once');
    acquired = true;
    return { postMessage: (m) => outbox.push(JSON.parse(JSON.stringify(m))), getState: () => undefined, setState: () => undefined };
  };
})();
`;
