// The web build (package.json `browser`) as scripts/build.mjs makes it, in memory: nothing in it may need
// Node (a web worker has no require of built-ins, no Buffer, no process), and the build itself refuses an
// import of a Node built-in, naming the file that has it.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as esbuild from 'esbuild';

const ROOT = path.resolve(__dirname, '../../..');
const common: esbuild.BuildOptions = { bundle: true, minify: false, sourcemap: false, logLevel: 'silent', legalComments: 'none', absWorkingDir: ROOT, write: false };

async function webBuildOptions(): Promise<esbuild.BuildOptions[]> {
  const { webBuilds } = await import('../../../scripts/lib/web-builds.mjs');
  return webBuilds(common);
}

describe('tooling: the web build has no Node in it', function () {
  this.timeout(120_000);

  it('makes the three web bundles', async () => {
    assert.deepEqual((await webBuildOptions()).map((o) => o.outfile), ['dist/web/extension.js', 'dist/web/profiler.js', 'dist/web/conveyor-language-server.js']);
  });

  it('bundles the web entry, the web profiler and the web worker language server without Node built-ins', async () => {
    for (const options of await webBuildOptions()) {
      const result = await esbuild.build({ ...options, write: false, metafile: true });
      const [output] = result.outputFiles ?? [];
      assert.ok(output, `${String(options.outfile)} is built`);
      const inputs = Object.keys(result.metafile.inputs);
      assert.deepEqual(inputs.filter((i) => /^(node:|<)/.test(i)), [], `${String(options.outfile)} bundles no built-in`);
      const requires = [...new Set([...output.text.matchAll(/(?<![\w.$'"`])require\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]))];
      assert.deepEqual(requires.filter((r) => r !== 'vscode'), [], `${String(options.outfile)} requires only vscode at run time`);
      // Node's globals, used bare (our code reaches Buffer only through globalThis, when there is one).
      assert.doesNotMatch(output.text, /(?<![\w.$])Buffer\.(from|alloc|allocUnsafe|byteLength|concat|isBuffer)\(/, `${String(options.outfile)} uses no bare Buffer`);
      const processLines = output.text.split('\n').filter((line) => /(?<![\w.$"'])process\.(platform|env|cwd|versions)\b/.test(line));
      assert.deepEqual(processLines.filter((line) => !line.includes('typeof process')), [], `${String(options.outfile)} uses process only where it checks that there is one`);
      const bundles = (file: string): boolean => inputs.includes(file);
      if (String(options.outfile).endsWith('/extension.js')) {
        // The profiler loads on the first profile: the entry knows only its ids.
        assert.ok(bundles('src/profiler/editor/ids.ts') && !bundles('src/profiler/editor/web-profiler.ts') && !bundles('src/profiler/model/pprof-profile.ts'),
          'the web entry leaves the profiler to its own bundle');
      }
      if (String(options.outfile).endsWith('/profiler.js')) {
        for (const file of ['src/profiler/editor/web-profiler.ts', 'src/profiler/model/gunzip-stream.ts', 'src/profiler/model/pprof-profile.ts']) {
          assert.ok(bundles(file), `the web profiler bundles ${file}`);
        }
        for (const file of ['src/profiler/model/decode.ts', 'src/profiler/editor/node-sources.ts', 'src/profiler/service/codeguru.ts']) {
          assert.ok(!bundles(file), `the web profiler leaves out the desktop's ${file}`);
        }
      }
    }
  });

  it('fails the build, naming the importer, when a Node built-in sneaks in', async () => {
    const [extension] = await webBuildOptions();
    const { entryPoints: _entry, ...options } = extension!;
    for (const specifier of ['node:zlib', 'fs', 'node:fs/promises']) {
      await assert.rejects(
        esbuild.build({ ...options, outfile: 'out/web-build-test.js',
          stdin: { contents: `import * as m from '${specifier}'; export const x = m;`, resolveDir: path.join(ROOT, 'src'), sourcefile: 'sneaky.ts', loader: 'ts' } }),
        (err: Error) => err.message.includes(`"${specifier}" is a Node built-in, imported by src/sneaky.ts`),
        specifier,
      );
    }
  });
});
