// `npm run bench`: runs every bench/*.bench.ts side by side with its peer and writes
// bench-results.json (name, workload, ours, peer, unit, ratio) and bench-results.md.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './lib/test-env.mjs';

const only = process.argv.slice(2);
const files = fs.readdirSync(path.join(ROOT, 'bench')).filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o))).sort();
const results = [];
for (const file of files) {
  console.log(`=== ${file} ===`);
  const out = path.join(ROOT, 'bench', `.${file}.json`);
  const res = spawnSync(process.execPath, ['--conditions=conveyor-source', '--import', 'tsx', path.join(ROOT, 'scripts/lib/bench-one.mjs'), path.join(ROOT, 'bench', file), out],
    { cwd: ROOT, stdio: 'inherit' });
  if (res.status !== 0 || !fs.existsSync(out)) { console.error(`${file} failed`); process.exitCode = 1; continue; }
  results.push(...JSON.parse(fs.readFileSync(out, 'utf8')));
  fs.rmSync(out);
}
const fmt = (n) => (Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 1 ? n.toFixed(2) : n.toPrecision(3));
const table = ['| benchmark | workload | ours | peer | unit | peer/ours |', '|---|---|---:|---:|---|---:|',
  ...results.map((r) => `| ${r.name} | ${r.workload} | ${fmt(r.ours)} | ${fmt(r.peer)} | ${r.unit} | ${fmt(r.ratio)}× |`)].join('\n');
fs.writeFileSync(path.join(ROOT, 'bench-results.json'), JSON.stringify(results, null, 2));
fs.writeFileSync(path.join(ROOT, 'bench-results.md'), `${table}\n`);
console.log(`\n${table}`);
