// Builds packages/conveyor-lint for publishing (run by its prepack): one self-contained CommonJS bundle per
// entry (the library, detection only, the CLI, the language server; dependencies bundled, so installing the
// tarball needs no registry) and the .d.ts files of the library's public API.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const pkg = path.join(root, 'packages/conveyor-lint');
const dist = path.join(pkg, 'dist');

const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning', legalComments: 'none',
  absWorkingDir: pkg, mainFields: ['main', 'module'], minify: true };
const bin = { banner: { js: '#!/usr/bin/env node' } };
const action = { ...common, entryPoints: ['src/action-main.ts'], outfile: 'dist/action.js' };

// --action: only the GitHub Action's bundle (its test builds it so).
if (process.argv.includes('--action')) {
  await esbuild.build(action);
  process.exit(0);
}

fs.rmSync(dist, { recursive: true, force: true });
await Promise.all([
  esbuild.build({ ...common, entryPoints: ['src/index.ts'], outfile: 'dist/index.js' }),
  esbuild.build({ ...common, entryPoints: ['src/detect.ts'], outfile: 'dist/detect.js' }),
  esbuild.build({ ...common, ...bin, entryPoints: ['src/cli-main.ts'], outfile: 'dist/cli.js' }),
  esbuild.build({ ...common, ...bin, entryPoints: ['src/server-main.ts'], outfile: 'dist/server.js' }),
  // The GitHub Action (action.yml at the repository root); not part of the npm package's files.
  esbuild.build(action),
]);
for (const file of ['cli.js', 'server.js']) fs.chmodSync(path.join(dist, file), 0o755);

// Declarations of the public API only (index.ts, detect.ts and what they import).
const tsc = spawnSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '--declaration', '--emitDeclarationOnly',
  '--outDir', dist, '--rootDir', path.join(pkg, 'src'), '--target', 'ES2022', '--module', 'Node16', '--moduleResolution', 'Node16',
  '--strict', '--skipLibCheck', '--resolveJsonModule', '--esModuleInterop', '--types', 'node',
  path.join(pkg, 'src/index.ts'), path.join(pkg, 'src/detect.ts')], { cwd: root, stdio: 'inherit' });
if (tsc.status !== 0) process.exit(tsc.status ?? 1);
console.log(`[build-lint-package] ${fs.readdirSync(dist).filter((f) => f.endsWith('.js')).map((f) => `${f} ${(fs.statSync(path.join(dist, f)).size / 1024).toFixed(0)} KiB`).join(', ')}`);
