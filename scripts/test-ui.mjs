// UI tier: Playwright drives the real workbench (code-server, newest VS Code) in headless Debian
// Chromium; screenshots land in test-results/ui/, a failed test's evidence in test-results/ui/failures/.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ensureAll } from './lib/host-setup.mjs';
import { isolateFromUserConfig, ROOT } from './lib/test-env.mjs';

isolateFromUserConfig();

execFileSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs')], { stdio: 'inherit', cwd: ROOT });
ensureAll(['newest']);
// A failure's evidence lands in test-results/ui/failures/<test>/: none left over from an earlier run.
fs.rmSync(path.join(ROOT, 'test-results', 'ui', 'failures'), { recursive: true, force: true });
const roots = process.argv.slice(2).length ? process.argv.slice(2) : ['test/ui'];
const res = spawnSync(process.execPath, ['--conditions=conveyor-source', '--import', 'tsx', path.join(ROOT, 'scripts/lib/mocha-run.mjs'), 'ui', '180000', ...roots],
  { cwd: ROOT, stdio: 'inherit' });
process.exit(res.status ?? 1);
