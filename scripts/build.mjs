// Bundles the extension (Node, CommonJS, `vscode` external) as an activation shell, one bundle per
// feature and one per AWS SDK client (see lib/chunks.mjs), every webview (browser, IIFE), the
// conveyor-lint CLI and language server, the web build, and -- with --tests -- the host test suites.
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { buildSdk, buildShellDeferred, buildVendor, featureBuild, featureEntries, shellBuild } from './lib/chunks.mjs';
import { webBuilds } from './lib/web-builds.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const args = new Set(process.argv.slice(2));
const production = args.has('--production');
const withTests = args.has('--tests');
const watch = args.has('--watch');

const common = {
  bundle: true,
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
  absWorkingDir: root,
};

const nodeTarget = { ...common, platform: 'node', target: 'node20', format: 'cjs', external: ['vscode'],
  // Workspace packages (packages/*) are bundled from their TypeScript sources.
  conditions: ['conveyor-source'],
  // The AWS SDK ships ESM+CJS; prefer the CJS "main" so one copy of each module is bundled.
  mainFields: ['main', 'module'] };

const webviewEntries = fs.readdirSync(path.join(root, 'src'))
  .map((feature) => path.join('src', feature, 'webview', 'index.ts'))
  .filter((entry) => fs.existsSync(path.join(root, entry)));

/** npm packages the feature bundles import, filled as they build. */
const vendorSpecs = new Set();

const builds = [
  { ...shellBuild(root, nodeTarget), metafile: true },
  ...featureEntries(root).map((feature) => ({ ...featureBuild(root, nodeTarget, feature, vendorSpecs), metafile: true })),
  { ...nodeTarget, entryPoints: ['packages/conveyor-lint/src/cli-main.ts'], outfile: 'dist/conveyor-lint.js', banner: { js: '#!/usr/bin/env node' } },
  // The language server the validation feature starts in its own process (and its validation worker thread).
  { ...nodeTarget, entryPoints: ['packages/conveyor-lint/src/server-main.ts'], outfile: 'dist/server/conveyor-language-server.js', metafile: true },
  ...webBuilds(common),
  ...webviewEntries.map((entry) => ({ ...common, platform: 'browser', target: 'es2022', format: 'iife',
    entryPoints: [entry], outfile: path.join('dist', 'webview', `${entry.split(path.sep)[1]}.js`) })),
];

if (withTests) {
  const hostTests = fs.readdirSync(path.join(root, 'test/host'), { recursive: true })
    .filter((f) => String(f).endsWith('.ts'))
    .map((f) => path.join('test/host', String(f)));
  builds.push({ ...nodeTarget, sourcemap: 'inline', entryPoints: hostTests, outdir: 'out/test/host',
    outbase: 'test/host', external: ['vscode', 'mocha'] });
}

/** The codicon font and its stylesheet, a local resource of the detail webviews (they load nothing remote). */
function copyCodicons() {
  const from = path.join(root, 'node_modules/@vscode/codicons/dist');
  const to = path.join(root, 'dist/webview/codicons');
  fs.mkdirSync(to, { recursive: true });
  for (const file of ['codicon.css', 'codicon.ttf']) fs.copyFileSync(path.join(from, file), path.join(to, file));
}

async function main() {
  // A release must not carry stale bundles or dev source maps from an earlier build.
  if (production) fs.rmSync(path.join(root, 'dist'), { recursive: true, force: true });
  // The host runner loads every compiled *.test.js: a suite deleted or renamed since must not run.
  if (withTests && !watch) fs.rmSync(path.join(root, 'out/test/host'), { recursive: true, force: true });
  // The SDK and npm package bundles change only with package-lock.json: watch mode builds them once.
  await buildSdk(root, nodeTarget, esbuild);
  await buildShellDeferred(root, nodeTarget, esbuild);
  const results = await Promise.all(builds.map((b) => esbuild.build(b)));
  copyCodicons();
  await buildVendor(nodeTarget, esbuild, vendorSpecs, root);
  if (watch) {
    // The markers the editor's "watch" task waits for (.vscode/tasks.json).
    const markers = { name: 'watch-markers', setup(build) {
      build.onStart(() => console.log('[build] rebuilding'));
      build.onEnd((r) => console.log(`[build] rebuilt${r.errors.length ? ` with ${r.errors.length} errors` : ''}`));
    } };
    const contexts = await Promise.all(builds.map((b) => esbuild.context({ ...b, plugins: [...(b.plugins ?? []), markers] })));
    await Promise.all(contexts.map((c) => c.watch()));
    console.log('[build] watching');
    return;
  }
  const sizes = results.flatMap((r) => Object.entries(r.metafile?.outputs ?? {}))
    .filter(([file]) => file.endsWith('.js')).map(([file, o]) => `${file.replace(/^dist\//, '')} ${(o.bytes / 1024).toFixed(0)} KiB`);
  console.log(`[build] ${sizes.join(', ')}${production ? ' (production)' : ''}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
