// Runs mocha programmatically (tsx is preloaded by the caller) and prints the plain
// "N passed, N failed, N skipped" line that CI recognises, so a run with no tests is visible.
import fs from 'node:fs';
import path from 'node:path';
import Mocha from 'mocha';

const [label, timeout, ...roots] = process.argv.slice(2);
const files = roots.flatMap((root) => {
  if (!fs.existsSync(root)) return [];
  if (fs.statSync(root).isFile()) return [root];
  return fs.readdirSync(root, { recursive: true }).map(String).filter((f) => f.endsWith('.test.ts')).map((f) => path.join(root, f));
}).sort();
const mocha = new Mocha({ ui: 'bdd', timeout: Number(timeout), reporter: 'spec', color: process.stdout.isTTY });
if (process.env.CONVEYOR_GREP) mocha.grep(process.env.CONVEYOR_GREP);
for (const f of files) mocha.addFile(path.resolve(f));
await mocha.loadFilesAsync();
const runner = mocha.run((failures) => {
  const { passes = 0, pending = 0, duration = 0 } = runner.stats ?? {};
  console.log(`[${label}] ${files.length} files in ${(duration / 1000).toFixed(1)} s`);
  console.log(`${passes} passed, ${failures} failed, ${pending} skipped`);
  process.exitCode = failures > 0 || files.length === 0 ? 1 : 0;
});
