// The web build (package.json `browser`): its entry, CommonJS for the web worker extension host; the
// profiler's flame graph editor, CommonJS the entry loads on the first profile; and the language server as
// a web worker. The client's Node
// transport is swapped for its browser one. Nothing here may use a Node built-in: a web worker has none,
// and esbuild's browser platform would otherwise let a `node:` import through to fail at run time.
import { builtinModules } from 'node:module';
import path from 'node:path';

const BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/** Fails the build on any import of a Node built-in, naming the file that imports it. */
export const refuseNodeBuiltins = {
  name: 'refuse-node-builtins',
  setup(build) {
    const root = build.initialOptions.absWorkingDir ?? process.cwd();
    build.onResolve({ filter: /^(node:)?[a-z_]+(\/[a-z_/]+)?$/ }, (args) => {
      if (!BUILTINS.has(args.path)) return undefined;
      const importer = path.relative(root, args.importer).replace(/\\/g, '/');
      return { errors: [{ text: `"${args.path}" is a Node built-in, imported by ${importer}: the web build runs in a browser's web worker, which has no Node.` }] };
    });
  },
};

/** esbuild options for the web build's bundles, given the shared ones (bundle, sourcemap, minify, …). */
export function webBuilds(common) {
  const web = { ...common, platform: 'browser', target: 'es2022', conditions: ['conveyor-source'], plugins: [refuseNodeBuiltins] };
  return [
    { ...web, format: 'cjs', external: ['vscode'], alias: { 'vscode-languageclient/node': 'vscode-languageclient/browser' },
      entryPoints: ['src/web-extension.ts'], outfile: 'dist/web/extension.js', metafile: true },
    { ...web, format: 'cjs', external: ['vscode'], entryPoints: ['src/profiler/editor/web-profiler.ts'], outfile: 'dist/web/profiler.js', metafile: true },
    { ...web, format: 'iife', entryPoints: ['packages/conveyor-lint/src/server-browser.ts'], outfile: 'dist/web/conveyor-language-server.js', metafile: true },
  ];
}
