// Host tier: runs the mocha suites in test/host inside a real VS Code extension host, on the oldest
// VS Code we claim (engines.vscode) and on the newest. Offline this is code-server driven by headless
// Chromium; CONVEYOR_TEST_HOST=electron uses @vscode/test-electron instead (needs network).
//   node scripts/test-host.mjs [--host oldest|newest] [--grep pattern]
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import util from 'node:util';
import { launchBrowser, startCodeServer, workbenchUrl } from './lib/code-server.mjs';
import { ensureAll } from './lib/host-setup.mjs';
import { createTestEnvironment, isolateFromUserConfig, ROOT } from './lib/test-env.mjs';

isolateFromUserConfig();

const argv = process.argv.slice(2);
const opt = (name) => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : undefined; };
const hostNames = opt('--host') ? [opt('--host')] : ['oldest', 'newest'];
const grep = opt('--grep') ?? process.env.CONVEYOR_HOST_GREP;
const RUN_TIMEOUT_MS = Number(process.env.CONVEYOR_HOST_TIMEOUT_MS ?? 15 * 60_000);
const resultsDir = path.join(ROOT, 'test-results', 'host');

function build() {
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs'), '--tests'], { stdio: 'inherit', cwd: ROOT });
}

async function runElectron() {
  const { runTests } = await import('@vscode/test-electron');
  const env = await createTestEnvironment({ logDir: resultsDir });
  try {
    const settingsDir = path.join(env.root, 'electron-user', 'User');
    fs.mkdirSync(settingsDir, { recursive: true });
    fs.writeFileSync(path.join(settingsDir, 'settings.json'), JSON.stringify(env.settings));
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const oldest = pkg.engines.vscode.replace(/^\^/, '');
    let failed = 0;
    for (const version of [oldest, 'stable']) {
      const results = path.join(resultsDir, `electron-${version}.json`);
      try {
        await runTests({ version, extensionDevelopmentPath: ROOT, extensionTestsPath: path.join(ROOT, 'out/test/host/index.js'),
          launchArgs: [env.workspace, '--user-data-dir', path.join(env.root, 'electron-user'), '--disable-extensions'],
          extensionTestsEnv: { ...env.env, CONVEYOR_TEST_RESULTS: results, ...(grep ? { CONVEYOR_HOST_GREP: grep } : {}) } });
      } catch { failed++; }
      report(`electron ${version}`, results);
    }
    return failed;
  } finally {
    await env.cleanup();
  }
}

function report(label, resultsFile) {
  if (!fs.existsSync(resultsFile)) {
    console.log(`[host:${label}] no results were written`);
    return { passed: 0, failed: 1, pending: 0 };
  }
  const s = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
  console.log(`[host:${label}]\n${s.lines.join('\n')}`);
  for (const f of s.failures) console.log(`\n  FAILED ${f.title}\n${f.error.split('\n').slice(0, 12).map((l) => `    ${l}`).join('\n')}`);
  return s;
}

function printEvidence(files) {
  if (files.length) console.log(`\n  evidence: ${files.map((f) => path.relative(ROOT, f)).join('\n            ')}`);
}

/**
 * Keeps what explains a failed run: the code-server logs (the extension host's log and the Conveyor
 * output channel among them) copied out of the data folder that is deleted afterwards, next to the
 * workbench console log (mocha's own output) and the emulator log the runner already writes there.
 */
function saveHostLogs(server, logDir) {
  const from = path.join(server.userData, 'logs');
  const to = path.join(logDir, 'code-server-logs');
  fs.rmSync(to, { recursive: true, force: true });
  if (fs.existsSync(from)) fs.cpSync(from, to, { recursive: true });
  const logs = fs.existsSync(to) ? fs.readdirSync(to, { recursive: true }).map(String).filter((f) => /exthost\d*\.log$|Conveyor\.log$/.test(f)) : [];
  return [...logs.map((f) => path.join(to, f)), ...['workbench-console.log', 'emulator.log', 'code-server.log', 'final.png']
    .map((f) => path.join(logDir, f)).filter((f) => fs.existsSync(f))];
}

async function runOnCodeServer(name, host) {
  const logDir = path.join(resultsDir, name);
  fs.rmSync(logDir, { recursive: true, force: true }); // logs of an earlier run would be taken for this one's
  fs.mkdirSync(logDir, { recursive: true });
  const env = await createTestEnvironment({ logDir });
  const resultsFile = path.join(logDir, 'results.json');
  fs.rmSync(resultsFile, { force: true });
  const hostEnv = { ...env.env, CONVEYOR_TEST_RESULTS: resultsFile, CONVEYOR_METRICS: path.join(logDir, 'metrics.jsonl'),
    ...(grep ? { CONVEYOR_HOST_GREP: grep } : {}) };
  const server = await startCodeServer({ host, env: hostEnv, settings: env.settings, dataDir: path.join(env.root, 'code-server'),
    logFile: path.join(logDir, 'code-server.log') });
  const browser = await launchBrowser();
  const started = Date.now();
  try {
    const page = await browser.context.newPage();
    const consoleLog = fs.createWriteStream(path.join(logDir, 'workbench-console.log'));
    page.on('console', (m) => consoleLog.write(`[${m.type()}] ${m.text()}\n`));
    let finish;
    const exited = new Promise((resolve) => { finish = resolve; });
    await page.exposeFunction('codeAutomationLog', (_type, args) => consoleLog.write(`${util.format(...args)}\n`));
    await page.exposeFunction('codeAutomationExit', (code) => finish(code));
    await page.goto(workbenchUrl(server, {
      folder: env.workspace, extensionDevelopmentPath: ROOT,
      extensionTestsPath: path.join(ROOT, 'out/test/host/index.js'), env: hostEnv,
    }));
    const timeout = new Promise((resolve) => setTimeout(() => resolve('timeout'), RUN_TIMEOUT_MS));
    const code = await Promise.race([exited, timeout]);
    if (code === 'timeout') console.log(`[host:${name}] timed out after ${RUN_TIMEOUT_MS} ms`);
    await page.screenshot({ path: path.join(logDir, 'final.png') }).catch(() => undefined);
    const summary = report(`${name} (VS Code ${host.vscode})`, resultsFile);
    const failed = summary.failed + (code === 0 ? 0 : summary.failed === 0 ? 1 : 0);
    if (failed > 0) printEvidence(saveHostLogs(server, logDir));
    console.log(`[host:${name}] ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return { ...summary, failed };
  } finally {
    await browser.close();
    await server.stop();
    await env.cleanup();
  }
}

async function main() {
  build();
  if (process.env.CONVEYOR_TEST_HOST === 'electron') {
    const failed = await runElectron();
    process.exit(failed ? 1 : 0);
  }
  const hosts = ensureAll(hostNames);
  let passed = 0; let failed = 0; let skipped = 0;
  for (const name of hostNames) {
    const s = await runOnCodeServer(name, hosts[name]);
    passed += s.passed; failed += s.failed; skipped += s.pending;
  }
  console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
  process.exit(failed ? 1 : 0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
