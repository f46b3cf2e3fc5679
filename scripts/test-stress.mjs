// `npm run test:stress`: the tiers that drive real editors and real clients (host, UI, real clients),
// N times in a row, while one busy-looping process per core keeps the machine as loaded as a CI
// machine shared with other work. A tier that waits on time instead of state fails here first.
//   node scripts/test-stress.mjs [--runs 3] [--tiers host,ui,realclients] [--load <processes>]
// Prints each run's tiers and duration and a closing table; exits 1 if any run failed. The table is
// also written to test-results/stress.json.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './lib/test-env.mjs';

const argv = process.argv.slice(2);
const opt = (name, fallback) => { const i = argv.indexOf(name); return i >= 0 && argv[i + 1] ? argv[i + 1] : fallback; };
const runs = Number(opt('--runs', '3'));
const tiers = opt('--tiers', 'host,ui,realclients');
const loaders = Number(opt('--load', String(os.availableParallelism())));
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(loaders) || loaders < 0) {
  console.error('usage: node scripts/test-stress.mjs [--runs N] [--tiers host,ui,realclients] [--load processes]');
  process.exit(2);
}

// Each loader spins in slices and leaves as soon as this script is gone, even if it was killed.
const SPIN = `const parent = ${process.pid}; for (;;) { const end = Date.now() + 250; while (Date.now() < end); if (process.ppid !== parent) process.exit(0); }`;
const load = [];

function startLoad() {
  for (let i = 0; i < loaders; i++) load.push(spawn(process.execPath, ['-e', SPIN], { stdio: 'ignore' }));
  console.log(`[stress] ${loaders} busy-looping process(es) started: ${load.map((p) => p.pid).join(', ')}`);
}

function stopLoad() {
  for (const p of load.splice(0)) if (p.exitCode === null) p.kill('SIGKILL');
}

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => { stopLoad(); process.exit(130); });
process.on('exit', stopLoad);

/** Runs `npm test`'s runner for the chosen tiers; resolves with its exit code and the tier lines of its summary. */
function runTiers() {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'scripts/test-all.mjs')], {
      cwd: ROOT, env: { ...process.env, CONVEYOR_TIERS: tiers }, stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk) => { process.stdout.write(chunk); out += chunk; });
    child.on('exit', (code) => {
      const summary = out.slice(out.lastIndexOf('=== summary ===') + 1).split('\n').filter((l) => /^\w[\w-]* +(ok|FAILED) /.test(l));
      resolve({ code, tiers: summary.map((l) => l.trim().replace(/ +/g, ' ')) });
    });
  });
}

const results = [];
startLoad();
for (let run = 1; run <= runs; run++) {
  console.log(`\n[stress] run ${run}/${runs}: ${tiers} (load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')})`);
  const started = Date.now();
  const { code, tiers: lines } = await runTiers();
  const minutes = (Date.now() - started) / 60_000;
  results.push({ run, ok: code === 0, minutes: Number(minutes.toFixed(1)), loadAverage: Number(os.loadavg()[0].toFixed(1)), tiers: lines });
}
stopLoad();

console.log(`\n[stress] ${runs} run(s) of ${tiers} with ${loaders} busy process(es) on ${os.availableParallelism()} core(s):`);
for (const r of results) console.log(`  run ${r.run}: ${r.ok ? 'green' : 'FAILED'}  ${r.minutes} min  (load ${r.loadAverage})  ${r.tiers.join(' | ')}`);
fs.mkdirSync(path.join(ROOT, 'test-results'), { recursive: true });
fs.writeFileSync(path.join(ROOT, 'test-results', 'stress.json'), `${JSON.stringify({ tiers, loaders, cores: os.availableParallelism(), results }, null, 2)}\n`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
