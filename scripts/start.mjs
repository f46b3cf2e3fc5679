// `npm start`: builds the extension, starts the local AWS emulator with the demo account, and opens
// the extension in a real VS Code on a sample workspace -- desktop `code` when it is installed,
// otherwise code-server at a printed localhost URL. Ctrl+C stops everything.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { startCodeServer } from './lib/code-server.mjs';
import { ensureAll } from './lib/host-setup.mjs';
import { createTestEnvironment, isolateFromUserConfig, ROOT } from './lib/test-env.mjs';

// The demo account must never log the user's real npm, pip, … configuration in to the emulator.
isolateFromUserConfig();

const say = (msg) => console.log(`[conveyor] ${msg}`);

function hasDesktopCode() {
  if (process.env.CONVEYOR_START_HOST === 'code-server') return false;
  const res = spawnSync('code', ['--version'], { encoding: 'utf8' });
  return res.status === 0 && !/code-server/i.test(res.stdout);
}

async function main() {
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs')], { stdio: 'inherit', cwd: ROOT });
  say('starting the local AWS emulator with the demo account…');
  const env = await createTestEnvironment({ emulator: true, seed: 'demo' });
  if (!env.emulatorUrl) throw new Error('the emulator (test/emulator/main.ts) is missing');
  say(`emulator: ${env.emulatorUrl}  (profile "conveyor-demo" — a LOCAL DEMO account, not AWS)`);
  const stops = [() => env.cleanup()];
  const shutdown = async () => {
    say('stopping…');
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
    process.exit(0);
  };
  // Ctrl+C reaches this process; closing the terminal sends SIGHUP. The emulator and code-server run
  // in their own process groups, so they are stopped here explicitly.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => void shutdown());

  if (hasDesktopCode()) {
    const userData = path.join(env.root, 'code-user');
    fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
    fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify(env.settings, null, 2));
    say('opening desktop VS Code with Conveyor under development…');
    const code = spawn('code', ['--wait', '--new-window', `--user-data-dir=${userData}`, `--extensionDevelopmentPath=${ROOT}`, env.workspace],
      { stdio: 'inherit', env: { ...process.env, ...env.env } });
    code.on('exit', () => void shutdown());
    return;
  }
  const host = ensureAll(['newest']).newest;
  const server = await startCodeServer({ host, workspace: env.workspace, env: env.env, settings: env.settings,
    smokeDriver: false, installExtension: ROOT, logFile: path.join(env.root, 'code-server.log') });
  stops.push(() => server.stop());
  say(`VS Code (code-server ${host.codeServer}) is ready: open ${server.url}/?folder=${encodeURIComponent(env.workspace)}`);
  say('Conveyor is in the activity bar; the status bar shows the LOCAL demo account. Ctrl+C to stop.');
}

main().catch((err) => { console.error(err); process.exit(1); });
