import * as assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { codeCacheFileName, codeCacheKey, decodeCodeCache, encodeCodeCache } from '../../../src/core/code-cache';
import { createLogger } from '../../../src/core/log';
import { bundleLoader } from '../../../src/editor/code-cache-loader';
import { compileInFreshIsolate } from '../core/fresh-isolate';

describe('The bundle loader and its V8 code cache', () => {
  let work: string;
  let root: string;
  let cacheDir: string;
  let logged: string[];

  /** A bundle of its own text (never compiled before in this process), under root. */
  const bundle = (file: string, body: string): string => {
    const full = path.join(root, file);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, `${body}\nexports.nonce = ${JSON.stringify(randomUUID())};\nexports.twice = function (n) { return n * 2; };\n`);
    return full;
  };
  const cacheUse = (file: string): string | undefined => bundleLoader.loads.filter((l) => l.file === file).at(-1)?.cache;
  const keyOf = (file: string): string => {
    const stat = fs.statSync(path.join(root, file));
    return codeCacheKey({ file, size: stat.size, mtimeMs: stat.mtimeMs, v8: process.versions.v8 });
  };
  /** What the next host's V8 makes of the cache file written for `file`. */
  const nextHost = async (file: string): Promise<string> => {
    const decoded = decodeCodeCache(fs.readFileSync(path.join(cacheDir, codeCacheFileName(file))), keyOf(file));
    if (!('data' in decoded)) return decoded.unusable;
    return compileInFreshIsolate(path.join(root, file), fs.readFileSync(path.join(root, file), 'utf8'), decoded.data);
  };

  beforeEach(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'conveyor-code-cache-'));
    root = path.join(work, 'dist');
    cacheDir = path.join(work, 'storage', 'code-cache');
    logged = [];
    bundleLoader.configure({ root, cacheDir, log: createLogger((level, message) => logged.push(`${level}: ${message}`)) });
  });
  afterEach(() => {
    bundleLoader.dispose();
    for (const file of Object.keys(require.cache)) if (file.startsWith(work)) delete require.cache[file];
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('loads a bundle and the bundles it requires like require() does, then writes caches the next host accepts', async () => {
    const shared = bundle('sdk/core.js', 'exports.value = 42;');
    const client = bundle('sdk/client.js', "exports.core = require('./core.js'); exports.path = require('node:path').basename(__filename);");
    const feature = bundle('features/one.js', "exports.client = require('../sdk/client.js'); exports.core = require('../sdk/core.js');");
    const exports = bundleLoader.require(feature) as { client: { core: { value: number }; path: string }; core: unknown; twice(n: number): number };
    assert.equal(exports.client.core.value, 42);
    assert.equal(exports.client.path, 'client.js');
    assert.equal(exports.core, exports.client.core, 'one module instance per file');
    assert.equal(exports.twice(21), 42);
    for (const file of [shared, client, feature]) assert.equal(require.cache[file]?.loaded, true, `${file} is not in require.cache`);
    assert.deepEqual(bundleLoader.loads.slice(-3).map((l) => [l.file, l.cache, l.nested]),
      [['sdk/core.js', 'none', true], ['sdk/client.js', 'none', true], ['features/one.js', 'none', false]]);
    assert.equal(bundleLoader.require(feature), exports, 'a second require is the same module');
    await bundleLoader.flush();
    for (const file of ['sdk/core.js', 'sdk/client.js', 'features/one.js']) assert.equal(await nextHost(file), 'accepted', file);
    assert.deepEqual(fs.readdirSync(cacheDir).filter((f) => f.endsWith('.tmp')), [], 'no temporary file is left');
  });

  it('a cache V8 refuses, a garbled or stale one: the bundle loads without it, and it is written again', async () => {
    const cases = [
      { file: 'features/refused.js', cache: (file: string) => encodeCodeCache(keyOf(file), Buffer.alloc(2048, 7)), use: 'rejected' },
      { file: 'features/garbled.js', cache: () => Buffer.from('CONVEYOR-V8C1\u0000\u0000\u0000garbage'), use: 'corrupt' },
      { file: 'features/stale.js', cache: (file: string) => encodeCodeCache(codeCacheKey({ file, size: 1, mtimeMs: 0, v8: process.versions.v8 }), Buffer.alloc(64)), use: 'stale' },
    ];
    fs.mkdirSync(cacheDir, { recursive: true });
    for (const { file, cache, use } of cases) {
      const full = bundle(file, 'exports.ok = true;');
      fs.writeFileSync(path.join(cacheDir, codeCacheFileName(file)), cache(file));
      assert.equal((bundleLoader.require(full) as { ok: boolean }).ok, true, file);
      assert.equal(cacheUse(file), use, file);
    }
    await bundleLoader.flush();
    for (const { file } of cases) assert.equal(await nextHost(file), 'accepted', file);
  });

  it('an unwritable cache folder: bundles load, and it is said once, at debug level', async () => {
    fs.mkdirSync(work, { recursive: true });
    fs.writeFileSync(path.join(work, 'storage'), 'a file where the folder should be');
    for (const name of ['a', 'b']) assert.equal((bundleLoader.require(bundle(`features/${name}.js`, 'exports.ok = true;')) as { ok: boolean }).ok, true);
    await bundleLoader.flush();
    assert.equal(logged.length, 1, logged.join('\n'));
    assert.match(logged[0] ?? '', /^debug: Bundles load without a code cache: .*could not be written/);
  });

  it('a bundle that throws is not left half-loaded in require.cache', () => {
    const full = bundle('features/broken.js', "throw new Error('broken at load');");
    assert.throws(() => bundleLoader.require(full), /broken at load/);
    assert.equal(require.cache[full], undefined);
  });
});
