// Activation time of the extension in a real extension host: median of N fresh host starts.
//   node scripts/measure-activation.mjs [runs=5] [host=newest]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './lib/test-env.mjs';

const runs = Number(process.argv[2] ?? 5);
const host = process.argv[3] ?? 'newest';
const samples = [];
for (let i = 0; i < runs; i++) {
  const metrics = path.join(ROOT, 'test-results', 'host', host, 'metrics.jsonl');
  fs.rmSync(metrics, { force: true });
  spawnSync(process.execPath, [path.join(ROOT, 'scripts/test-host.mjs'), '--host', host, '--grep', 'activates and exposes'], { cwd: ROOT, stdio: 'ignore' });
  const line = fs.existsSync(metrics) ? fs.readFileSync(metrics, 'utf8').trim().split('\n')[0] : undefined;
  if (line) samples.push(JSON.parse(line).activationMs);
}
samples.sort((a, b) => a - b);
const median = samples[Math.floor(samples.length / 2)];
console.log(JSON.stringify({ host, runs: samples.length, samplesMs: samples.map((s) => Math.round(s)), medianMs: Math.round(median) }));
