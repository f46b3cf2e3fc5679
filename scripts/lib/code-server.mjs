// Starts a real VS Code (code-server: VS Code server + node extension host) and drives its workbench
// with Playwright + Debian Chromium. Shared by the host tests, the UI tests and `npm start`.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { CHROMIUM } from './host-setup.mjs';
import { withoutUserConfigVariables } from './test-env.mjs';

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url, proc, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (proc.exitCode !== null) throw new Error(`code-server exited early with ${proc.exitCode}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) return;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`code-server did not answer at ${url} within ${timeoutMs} ms`);
}

/**
 * Starts code-server for `host` (from host-setup ensureAll) on a free port.
 * `env` is the environment of the server and so of the extension host it starts.
 */
export async function startCodeServer({ host, workspace, env = {}, settings = {}, dataDir, logFile, smokeDriver = true, installExtension }) {
  const port = await freePort();
  const root = dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'conveyor-cs-'));
  const userData = path.join(root, 'user-data');
  const extensions = path.join(root, 'extensions');
  fs.mkdirSync(userData, { recursive: true });
  fs.mkdirSync(extensions, { recursive: true });
  if (installExtension) {
    // Installed as a person would have it: <publisher>.<name>-<version> in the extensions folder.
    const pkg = JSON.parse(fs.readFileSync(path.join(installExtension, 'package.json'), 'utf8'));
    const link = path.join(extensions, `${pkg.publisher}.${pkg.name}-${pkg.version}`);
    if (!fs.existsSync(link)) fs.symlinkSync(installExtension, link, 'dir');
  }
  const config = path.join(root, 'config.yaml');
  fs.writeFileSync(config, 'auth: none\ncert: false\n');
  const settingsDir = path.join(userData, 'User');
  fs.mkdirSync(settingsDir, { recursive: true });
  const settingsFile = path.join(settingsDir, 'settings.json');
  if (!fs.existsSync(settingsFile)) {
    fs.writeFileSync(settingsFile, JSON.stringify({
      'workbench.startupEditor': 'none', 'security.workspace.trust.enabled': false, 'telemetry.telemetryLevel': 'off',
      'extensions.autoUpdate': false, 'extensions.autoCheckUpdates': false, 'update.mode': 'none',
      'workbench.tips.enabled': false, 'git.enabled': true, 'workbench.colorTheme': 'Default Dark Modern',
      'window.commandCenter': false, 'chat.disableAIFeatures': true, 'workbench.secondarySideBar.defaultVisibility': 'hidden',
      // code-server saves edited files after a second by default; VS Code desktop, which the tests
      // (and the people) assume, does not. On a busy machine a test's edit would reach the disk.
      'files.autoSave': 'off',
      ...settings,
    }, null, 2));
  }
  const args = ['--config', config, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none',
    '--user-data-dir', userData, '--extensions-dir', extensions, '--disable-telemetry', '--disable-update-check',
    '--disable-workspace-trust', '--disable-getting-started-override'];
  // 4.100.3 and 4.103.2 know neither option (and honour test payloads without the smoke-test driver).
  if (!['4.100.3', '4.103.2'].includes(host.codeServer)) {
    args.push('--reconnection-grace-time', '5');
    if (smokeDriver) args.push('--vscode-option', 'enable-smoke-test-driver');
  }
  if (workspace) args.push(workspace);
  const out = logFile ? fs.openSync(logFile, 'a') : 'ignore';
  const proc = spawn(host.bin, args, {
    detached: true, // own process group: stop() kills the server and every helper it started
    stdio: ['ignore', out, out],
    // AWS_* from the developer's shell must not leak into the extension host under test.
    env: { ...withoutUserConfigVariables(process.env), ...env, PATH: `${host.nodeBin}:${process.env.PATH}` },
  });
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url, proc, 30_000);
  const stop = async () => {
    const pid = proc.pid; // undefined: it never started
    if (proc.exitCode !== null || pid === undefined) return;
    try { process.kill(-pid, 'SIGTERM'); } catch { /* already gone */ }
    const killer = setTimeout(() => { try { process.kill(-pid, 'SIGKILL'); } catch { /* gone */ } }, 3000);
    await new Promise((r) => { if (proc.exitCode !== null) r(); else proc.once('exit', r); });
    clearTimeout(killer);
  };
  return { url, port, proc, root, userData, extensions, stop };
}

/** Launches headless Debian Chromium with a fresh profile. */
export async function launchBrowser({ viewport = { width: 1400, height: 900 } } = {}) {
  const { chromium } = await import('playwright-core');
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'conveyor-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, viewport, args: CHROMIUM_ARGS,
  });
  const close = async () => {
    await context.close().catch(() => undefined);
    fs.rmSync(profile, { recursive: true, force: true });
  };
  return { context, close };
}

/** The workbench URL that opens `folder` with the given extension-development payload. */
export function workbenchUrl(server, { folder, extensionDevelopmentPath, extensionTestsPath, env }) {
  const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
  const payload = [['skipWelcome', 'true'], ['skipReleaseNotes', 'true']];
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  if (env) payload.push(['extensionEnvironment', JSON.stringify(env)]);
  const params = new URLSearchParams();
  if (folder) params.set('folder', folder);
  params.set('payload', JSON.stringify(payload));
  return `${server.url}/?${params.toString()}`;
}
