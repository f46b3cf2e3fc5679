// Splits the extension into files that load on demand, in CommonJS (what every supported VS Code's
// extension host loads):
//   dist/extension.js        the activation shell, plus every module under src/core, src/editor and
//                            src/aws, which it also serves to the feature bundles (one instance each:
//                            the secret redactor, the AWS session and its client cache are shared)
//   dist/features/<id>.js    one bundle per feature, required on first use (src/features.ts)
//   dist/sdk/<package>.js    one bundle per AWS SDK client (and the credential providers)
//   dist/sdk/core.js         what the SDK bundles share (@smithy/*, @aws-sdk/core…), one instance
//   dist/vendor/<name>.js    each other npm package a feature imports (yaml, ajv…), shared by them
// Each cross-file import becomes `require()` of the other file, so a module lives in exactly one file.
import fs from 'node:fs';
import path from 'node:path';
import { TREE_SHAKEN_SDK } from './sdk-bundles.mjs';

/** Folders whose modules the shell serves to features (`src/<folder>/**`). */
export const SHARED_FOLDERS = ['core', 'editor', 'aws'];

const REGISTRY = '__conveyorModules';

/** The feature bundles: `require('./<id>/…')` calls in src/features.ts. */
export function featureEntries(root) {
  const text = fs.readFileSync(path.join(root, 'src/features.ts'), 'utf8');
  return [...text.matchAll(/require\('\.\/(([\w-]+)\/[\w/.-]+)'\)/g)].map((m) => ({ id: m[2], entry: `src/${m[1]}.ts` }));
}

/** The SDK packages that get a bundle of their own: every AWS SDK client the extension depends on. */
export function sdkPackages(root) {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  return Object.keys(pkg.dependencies).filter((d) => d.startsWith('@aws-sdk/client-') || d === '@aws-sdk/credential-providers');
}

export const sdkFileName = (pkg) => `${pkg.split('/').pop()}.js`;

/** `jsonc-parser/lib/esm/main.js` → `jsonc-parser-lib-esm-main.js`. */
const vendorFileName = (spec) => `${spec.replace(/^@/, '').replace(/\.js$/, '').replace(/[/.]/g, '-')}.js`;

/** The npm packages (not the SDK) features may import: package.json's dependencies. */
function vendorPackages(root) {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  return new Set(Object.keys(pkg.dependencies).filter((d) => !d.startsWith('@aws-sdk/') && !d.startsWith('@smithy/')));
}

const packageOf = (spec) => (spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]);

function sharedModules(root) {
  return SHARED_FOLDERS.flatMap((folder) => fs.readdirSync(path.join(root, 'src', folder), { recursive: true })
    .map(String).filter((f) => f.endsWith('.ts')).map((f) => `src/${folder}/${f.split(path.sep).join('/')}`)).sort();
}

const external = (p) => ({ path: p, external: true });

/**
 * `@aws-sdk/client-x` → a separate file, from a bundle in `fromDir` (relative to dist/); from the shell
 * (`loader`: its bundle loader's file), loaded by that loader.
 */
function sdkPlugin(root, fromDir, loader) {
  const packages = new Set(sdkPackages(root));
  return {
    name: 'conveyor-sdk-chunks',
    setup(build) {
      build.onResolve({ filter: /^@aws-sdk\// }, (args) => {
        if (!packages.has(args.path)) return undefined;
        if (loader) return { path: `sdk/${sdkFileName(args.path)}`, namespace: 'conveyor-cached-bundle' };
        const rel = path.posix.relative(fromDir, `sdk/${sdkFileName(args.path)}`);
        return external(rel.startsWith('.') ? rel : `./${rel}`);
      });
      if (loader) build.onLoad({ filter: /.*/, namespace: 'conveyor-cached-bundle' }, (args) => cachedBundle(root, loader, args.path));
    },
  };
}

/**
 * npm packages the shell uses only after activation returned, each a bundle of its own under dist/vendor/
 * that the shell loads with the bundle loader (so with a code cache): activation neither loads nor parses
 * them. @smithy/shared-ini-file-loader (the AWS session's first read of ~/.aws, right after activation)
 * brings @smithy/core's config, client and schema modules: 45 of the shell's 143 KiB.
 */
const SHELL_DEFERRED = ['@smithy/shared-ini-file-loader'];

function shellDeferredPlugin() {
  return {
    name: 'conveyor-shell-deferred',
    setup(build) {
      for (const pkg of SHELL_DEFERRED) {
        const filter = new RegExp(`^${pkg.replace(/[/.-]/g, (c) => `\\${c}`)}$`);
        build.onResolve({ filter }, () => ({ path: `vendor/${vendorFileName(pkg)}`, namespace: 'conveyor-cached-bundle' }));
      }
    },
  };
}

/** The bundles of SHELL_DEFERRED: each package whole, as the shell bundled it before. */
export function buildShellDeferred(root, common, esbuild) {
  return Promise.all(SHELL_DEFERRED.map((pkg) => esbuild.build({
    ...common,
    stdin: { contents: `module.exports = require(${JSON.stringify(pkg)});`, resolveDir: root, sourcefile: `${pkg}.js`, loader: 'js' },
    outfile: `dist/vendor/${vendorFileName(pkg)}`,
  })));
}

/**
 * `vscode` as one module of the bundle that re-exports the host's API object: esbuild otherwise wraps
 * each `import * as vscode from 'vscode'` of an external CommonJS module in its own ESM namespace, a
 * copy of every property of the API (22 of them in the shell, all made at activation).
 */
function vscodeOncePlugin() {
  return {
    name: 'conveyor-vscode-once',
    setup(build) {
      build.onResolve({ filter: /^vscode$/ }, (args) => (args.namespace === 'conveyor-vscode'
        ? { path: 'vscode', external: true } : { path: 'vscode', namespace: 'conveyor-vscode' }));
      build.onLoad({ filter: /.*/, namespace: 'conveyor-vscode' }, () => ({ contents: 'export * from "vscode";', loader: 'js' }));
    },
  };
}

/** A module of the shell that loads `dist/<file>` with the bundle loader (the shell is dist/extension.js). */
const cachedBundle = (root, loader, file) => ({
  contents: `module.exports = require(${JSON.stringify(loader)}).bundleLoader.require(require('node:path').join(__dirname, ${JSON.stringify(file)}));`,
  resolveDir: root, loader: 'js',
});

/** The shell's entry: activate/deactivate, and a registry of every shared module, evaluated on demand. */
function shellEntry(root) {
  const registry = sharedModules(root).map((m) => `  ${JSON.stringify(m)}: () => require(${JSON.stringify(path.join(root, m))}),`).join('\n');
  return `const extension = require(${JSON.stringify(path.join(root, 'src/extension.ts'))});
exports.activate = extension.activate;
exports.deactivate = extension.deactivate;
exports.${REGISTRY} = {\n${registry}\n};\n`;
}

/**
 * The shell: feature entries and SDK clients become the bundle loader's load of `dist/features/<id>.js`
 * and `dist/sdk/<client>.js` (compiled with a V8 code cache, src/editor/code-cache-loader.ts), which
 * also loads the bundles those require.
 */
export function shellBuild(root, common) {
  const features = new Map(featureEntries(root).map((f) => [path.join(root, f.entry), f.id]));
  const loader = path.join(root, 'src/editor/code-cache-loader.ts');
  return {
    ...common,
    stdin: { contents: shellEntry(root), resolveDir: root, sourcefile: 'conveyor-shell.js', loader: 'js' },
    outfile: 'dist/extension.js',
    plugins: [vscodeOncePlugin(), sdkPlugin(root, '.', loader), shellDeferredPlugin(), {
      name: 'conveyor-feature-chunks',
      setup(build) {
        build.onResolve({ filter: /^\.\.?\// }, (args) => {
          const base = path.resolve(args.resolveDir, args.path);
          const id = features.get(base.endsWith('.ts') ? base : `${base}.ts`);
          return id ? { path: `features/${id}.js`, namespace: 'conveyor-cached-feature' } : undefined;
        });
        build.onLoad({ filter: /.*/, namespace: 'conveyor-cached-feature' }, (args) => cachedBundle(root, loader, args.path));
      },
    }],
  };
}

/** One feature bundle: shared modules come from the shell's registry, npm packages from dist/vendor. */
export function featureBuild(root, common, feature, vendorSpecs) {
  const shared = SHARED_FOLDERS.map((f) => path.join(root, 'src', f) + path.sep);
  const vendor = vendorPackages(root);
  return {
    ...common,
    entryPoints: [feature.entry],
    outfile: `dist/features/${feature.id}.js`,
    plugins: [vscodeOncePlugin(), sdkPlugin(root, 'features'), {
      name: 'conveyor-vendor-chunks',
      setup(build) {
        build.onResolve({ filter: /^[@a-z]/ }, (args) => {
          if (!vendor.has(packageOf(args.path)) || args.importer.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
          vendorSpecs.add(args.path);
          return external(`../vendor/${vendorFileName(args.path)}`);
        });
      },
    }, {
      name: 'conveyor-shared-modules',
      setup(build) {
        build.onResolve({ filter: /^\.\.?\// }, (args) => {
          if (args.namespace === 'conveyor-shared') return undefined;
          const base = path.resolve(args.resolveDir, args.path);
          const file = base.endsWith('.ts') ? base : `${base}.ts`;
          if (!shared.some((dir) => file.startsWith(dir)) || !fs.existsSync(file)) return undefined;
          return { path: path.relative(root, file).split(path.sep).join('/'), namespace: 'conveyor-shared' };
        });
        build.onResolve({ filter: /^conveyor-chunk:/ }, (args) => external(args.path.slice('conveyor-chunk:'.length)));
        build.onLoad({ filter: /.*/, namespace: 'conveyor-shared' }, (args) => ({
          contents: `module.exports = require('conveyor-chunk:../extension.js').${REGISTRY}[${JSON.stringify(args.path)}]();`,
          loader: 'js',
        }));
      },
    }],
  };
}

/** One bundle per npm package specifier the features import (each package's own dependencies inlined). */
export function buildVendor(common, esbuild, vendorSpecs, root) {
  return Promise.all([...vendorSpecs].map((spec) => esbuild.build({
    ...common,
    stdin: { contents: `module.exports = require(${JSON.stringify(spec)});`, resolveDir: root, sourcefile: `${spec}.js`, loader: 'js' },
    outfile: `dist/vendor/${vendorFileName(spec)}`,
  })));
}

/** Whether a resolved file is a top-level package of node_modules other than `own` (node_modules may be a link). */
function topLevelPackage(root, file, own) {
  const rel = path.relative(fs.realpathSync(path.join(root, 'node_modules')), file);
  if (rel.startsWith('..') || rel.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
  const parts = rel.split(path.sep);
  const name = parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  return name === own ? undefined : name;
}

/**
 * A client's default credential chain, which no client of ours calls: src/aws/clients.ts gives every
 * client its credentials. It throws if that ever changes. An SDK client that pins its own copy of the
 * chain (client-codeguruprofiler, last published as 3.523.0) would otherwise bundle and evaluate the
 * chain's providers and an STS client of its own when it loads: 167 KiB instead of 88.
 */
const NO_DEFAULT_CREDENTIALS = `exports.defaultProvider = () => () => Promise.reject(new Error(
  'Conveyor gives every AWS SDK client its credentials; this client was created without them.'));`;

/**
 * The SDK bundles, then the core they share: any import an SDK package makes of another top-level
 * package is served by dist/sdk/core.js (nested, version-pinned copies stay in the package's bundle),
 * except for the packages of TREE_SHAKEN_SDK.
 */
export async function buildSdk(root, common, esbuild) {
  const shared = new Set();
  await Promise.all(sdkPackages(root).map((pkg) => {
    const treeShaken = TREE_SHAKEN_SDK[pkg];
    return esbuild.build({
      ...common,
      ...(treeShaken ? { mainFields: ['module', 'main'] } : {}),
      stdin: {
        contents: treeShaken ? `export { ${treeShaken.join(', ')} } from ${JSON.stringify(pkg)};` : `module.exports = require(${JSON.stringify(pkg)});`,
        resolveDir: root, sourcefile: `${pkg}.js`, loader: 'js',
      },
      outfile: `dist/sdk/${sdkFileName(pkg)}`,
      plugins: [{
        name: 'conveyor-sdk-core',
        setup(build) {
          build.onResolve({ filter: /^@aws-sdk\/credential-provider-node$/ }, (args) =>
            (pkg.startsWith('@aws-sdk/client-') ? { path: args.path, namespace: 'conveyor-no-default-credentials' } : undefined));
          build.onLoad({ filter: /.*/, namespace: 'conveyor-no-default-credentials' }, () => ({ contents: NO_DEFAULT_CREDENTIALS, loader: 'js' }));
          if (treeShaken) return;
          build.onResolve({ filter: /^[@a-z]/ }, async (args) => {
            if (args.pluginData === 'resolving' || args.path.startsWith('node:') || args.path.startsWith('conveyor-chunk:')) return undefined;
            const resolved = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, pluginData: 'resolving' });
            if (resolved.errors.length || resolved.external || !topLevelPackage(root, resolved.path, pkg)) return undefined;
            shared.add(args.path);
            return { path: args.path, namespace: 'conveyor-sdk-core' };
          });
          build.onResolve({ filter: /^conveyor-chunk:/ }, (args) => external(args.path.slice('conveyor-chunk:'.length)));
          build.onLoad({ filter: /.*/, namespace: 'conveyor-sdk-core' }, (args) => ({
            contents: `module.exports = require('conveyor-chunk:./core.js').modules[${JSON.stringify(args.path)}]();`, loader: 'js',
          }));
        },
      }],
    });
  }));
  const registry = [...shared].sort().map((s) => `  ${JSON.stringify(s)}: () => require(${JSON.stringify(s)}),`).join('\n');
  await esbuild.build({
    ...common,
    stdin: { contents: `exports.modules = {\n${registry}\n};\n`, resolveDir: root, sourcefile: 'sdk-core.js', loader: 'js' },
    outfile: 'dist/sdk/core.js',
  });
  return shared.size;
}
