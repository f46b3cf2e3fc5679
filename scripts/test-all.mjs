// `npm test`: type-check, then every test tier. Prints each tier's duration and one closing line
// "N passed, N failed, N skipped" summed over all tiers.
//   CONVEYOR_TIERS=unit,host  limits the tiers (default: all).
// The scaffold end-to-end tier (compilers and cdk synth, no editor, no emulator, about a third of the
// whole run) starts with the first editor tier and runs alongside the others; its output is printed
// when it ends. CONVEYOR_SERIAL_TIERS=1 runs every tier one after the other.
import { spawn } from 'node:child_process';
import { ensureSystemPackages } from './lib/host-setup.mjs';
import { ROOT } from './lib/test-env.mjs';
import { changedUserConfig, snapshotUserConfig } from './lib/user-config-guard.mjs';

const TIERS = [
  { name: 'typecheck', cmd: ['node_modules/typescript/bin/tsc', '-p', '.', '--noEmit'] },
  { name: 'lint', cmd: ['node_modules/eslint/bin/eslint.js', '--max-warnings', '0', '.'] },
  // Unused files, exports and dependencies (knip.jsonc); silent and exit 0 when there are none.
  { name: 'knip', cmd: ['node_modules/knip/bin/knip.js', '--no-progress'] },
  { name: 'unit', cmd: ['scripts/test-unit.mjs'] },
  { name: 'host', cmd: ['scripts/test-host.mjs'] },
  { name: 'ui', cmd: ['scripts/test-ui.mjs'] },
  { name: 'realclients', cmd: ['scripts/test-unit.mjs', 'test/realclients'] },
  { name: 'scaffold-e2e', cmd: ['scripts/test-unit.mjs', 'test/scaffold-e2e'], alongside: 'host' },
];

const wanted = process.env.CONVEYOR_TIERS?.split(',').map((s) => s.trim());

/** Runs a tier; its output goes to this process's stdout as it comes, or (`buffered`) all at once when it ends. */
function runTier(tier, { buffered = false } = {}) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, tier.cmd, { cwd: ROOT, stdio: ['ignore', 'pipe', buffered ? 'pipe' : 'inherit'] });
    let last;
    let output = '';
    child.stdout.on('data', (chunk) => {
      if (buffered) output += chunk;
      else process.stdout.write(chunk);
      for (const line of String(chunk).split('\n')) {
        const m = /^(\d+) passed, (\d+) failed(?:, (\d+) skipped)?$/.exec(line.trim());
        if (m) last = { passed: +m[1], failed: +m[2], skipped: +(m[3] ?? 0) };
      }
    });
    child.stderr?.on('data', (chunk) => { output += chunk; });
    child.on('exit', (code) => {
      if (buffered) process.stdout.write(`\n=== ${tier.name} (ran alongside) ===\n${output}`);
      resolve({ name: tier.name, code, seconds: (Date.now() - started) / 1000, counts: last });
    });
  });
}

async function main() {
  ensureSystemPackages();
  const results = [];
  const userConfig = snapshotUserConfig();
  const selected = TIERS.filter((t) => !wanted || wanted.includes(t.name));
  const serial = process.env.CONVEYOR_SERIAL_TIERS === '1';
  const background = [];
  let damaged = false;
  /** Fails `result` if a tier changed the real user's configuration; true when the run must stop. */
  const guard = (result, who) => {
    const touched = changedUserConfig(userConfig);
    if (!touched.length) return false;
    console.error(`${who} changed the real user's configuration: ${touched.join(', ')}`);
    result.code = result.code || 1;
    result.counts = { ...(result.counts ?? { passed: 0, skipped: 0 }), failed: (result.counts?.failed ?? 0) + 1 };
    return true;
  };
  for (const tier of selected) {
    if (tier.alongside && !serial && selected.some((t) => t.name === tier.alongside)) continue;
    for (const side of selected.filter((t) => t.alongside === tier.name && !serial)) {
      console.log(`\n=== ${side.name} starts alongside ${tier.name} ===`);
      background.push(runTier(side, { buffered: true }));
    }
    console.log(`\n=== ${tier.name} ===`);
    const result = await runTier(tier);
    results.push(result);
    // Later tiers would run against the damaged configuration.
    damaged = guard(result, background.length ? `${tier.name} (or a tier running alongside)` : tier.name);
    if (damaged) break;
  }
  for (const result of await Promise.all(background)) {
    results.push(result);
    if (!damaged) damaged = guard(result, result.name);
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
