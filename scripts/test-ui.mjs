// UI tier: Playwright drives the real workbench (code-server, newest VS Code) in headless Debian
// Chromium; screenshots land in test-results/ui/.
import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { ensureAll } from './lib/host-setup.mjs';
import { isolateFromUserConfig, ROOT } from './lib/test-env.mjs';

isolateFromUserConfig();

execFileSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs')], { stdio: 'inherit', cwd: ROOT });
ensureAll(['newest']);
const roots = process.argv.slice(2).length ? process.argv.slice(2) : ['test/ui'];
const res = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts/lib/mocha-run.mjs'), 'ui', '180000', ...roots],
  { cwd: ROOT, stdio: 'inherit' });
process.exit(res.status ?? 1);
