// Unit tier: mocha on plain Node (no `vscode`), TypeScript loaded by tsx. Includes the emulator's own
// tests, which talk HTTP to a real local server.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ensureSystemPackages } from './lib/host-setup.mjs';
import { ROOT } from './lib/test-env.mjs';

// Some unit suites call real peers (Debian's awscli, twine) that the setup installs.
ensureSystemPackages();

const roots = process.argv.slice(2).length ? process.argv.slice(2) : ['test/unit'];
const res = spawnSync(process.execPath, ['--conditions=conveyor-source', '--import', 'tsx', path.join(ROOT, 'scripts/lib/mocha-run.mjs'), 'unit', '60000', ...roots],
  { cwd: ROOT, stdio: 'inherit' });
process.exit(res.status ?? 1);
