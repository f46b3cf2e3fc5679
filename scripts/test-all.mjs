// `npm test`: type-check, then every test tier. Prints each tier's duration and one closing line
// "N passed, N failed, N skipped" summed over all tiers.
//   CONVEYOR_TIERS=unit,host  limits the tiers (default: all).
import { spawn } from 'node:child_process';
import { ensureSystemPackages } from './lib/host-setup.mjs';
import { ROOT } from './lib/test-env.mjs';
import { changedUserConfig, snapshotUserConfig } from './lib/user-config-guard.mjs';

const TIERS = [
  { name: 'typecheck', cmd: ['node_modules/typescript/bin/tsc', '-p', '.', '--noEmit'] },
  { name: 'unit', cmd: ['scripts/test-unit.mjs'] },
  { name: 'host', cmd: ['scripts/test-host.mjs'] },
  { name: 'ui', cmd: ['scripts/test-ui.mjs'] },
  { name: 'realclients', cmd: ['scripts/test-unit.mjs', 'test/realclients'] },
  { name: 'scaffold-e2e', cmd: ['scripts/test-unit.mjs', 'test/scaffold-e2e'] },
];

const wanted = process.env.CONVEYOR_TIERS?.split(',').map((s) => s.trim());

function runTier(tier) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, tier.cmd, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let last;
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      for (const line of String(chunk).split('\n')) {
        const m = /^(\d+) passed, (\d+) failed(?:, (\d+) skipped)?$/.exec(line.trim());
        if (m) last = { passed: +m[1], failed: +m[2], skipped: +(m[3] ?? 0) };
      }
    });
    child.on('exit', (code) => resolve({ name: tier.name, code, seconds: (Date.now() - started) / 1000, counts: last }));
  });
}

async function main() {
  ensureSystemPackages();
  const results = [];
  const userConfig = snapshotUserConfig();
  for (const tier of TIERS) {
    if (wanted && !wanted.includes(tier.name)) continue;
    console.log(`\n=== ${tier.name} ===`);
    const result = await runTier(tier);
    const touched = changedUserConfig(userConfig);
    if (touched.length) {
      console.error(`${tier.name} changed the real user's configuration: ${touched.join(', ')}`);
      result.code = result.code || 1;
      result.counts = { ...(result.counts ?? { passed: 0, skipped: 0 }), failed: (result.counts?.failed ?? 0) + 1 };
      results.push(result);
      break; // later tiers would run against the damaged configuration
    }
    results.push(result);
  }
  console.log('\n=== summary ===');
  let passed = 0; let failed = 0; let skipped = 0;
  for (const r of results) {
    const c = r.counts;
    console.log(`${r.name.padEnd(13)} ${r.code === 0 ? 'ok    ' : 'FAILED'} ${r.seconds.toFixed(1).padStart(7)} s${c ? `  ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped` : ''}`);
    if (c) { passed += c.passed; failed += c.failed; skipped += c.skipped; }
    if (r.code !== 0 && (!c || c.failed === 0)) failed += 1; // a tier that crashed counts as a failure
  }
  console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
  process.exit(failed > 0 || results.some((r) => r.code !== 0) ? 1 : 0);
}

main().catch((err) => { console.error(err); process.exit(1); });
