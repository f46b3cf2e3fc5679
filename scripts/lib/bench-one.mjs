// Runs one benchmark module in its own process (so one's memory/JIT state can't skew another's).
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';

const [file, out] = process.argv.slice(2);
const mod = await import(pathToFileURL(file).href);
const run = mod.run ?? mod.default?.run;
if (typeof run !== 'function') throw new Error(`${file} exports no run()`);
fs.writeFileSync(out, JSON.stringify(await run(), null, 2));
// The results are written: a handle a benchmark left open (seen: esbuild's service after the activation
// bench's builds) must not keep `npm run bench` from printing its table.
process.exit(0);
