import * as assert from 'node:assert/strict';
import { codeCacheFileName, codeCacheKey, decodeCodeCache, encodeCodeCache, type CodeCacheSubject } from '../../../src/core/code-cache';

const subject: CodeCacheSubject = { file: 'features/validation.js', size: 6_144, mtimeMs: 1_765_000_000_123.4, v8: '12.4.254.21-node.33' };
const data = Buffer.from(Array.from({ length: 300 }, (_, i) => (i * 7) % 256));

describe('V8 code cache files', () => {
  it('names one cache file per bundle, inside the cache folder', () => {
    assert.equal(codeCacheFileName('features/validation.js'), 'features--validation.js.v8cache');
    assert.equal(codeCacheFileName('sdk\\client-codepipeline.js'), 'sdk--client-codepipeline.js.v8cache');
    assert.equal(codeCacheFileName('vendor/a b@1.js'), 'vendor--a_b_1.js.v8cache');
    assert.ok(!codeCacheFileName('../../x.js').includes('/'));
  });

  it('keys a cache by the bundle, its size and modification time, and the V8 version', () => {
    const key = codeCacheKey(subject);
    assert.equal(codeCacheKey({ ...subject }), key);
    for (const changed of [{ file: 'features/pipelines.js' }, { size: 6_145 }, { mtimeMs: subject.mtimeMs + 1_000 }, { v8: '13.6.233.10-node.24' }]) {
      assert.notEqual(codeCacheKey({ ...subject, ...changed }), key, JSON.stringify(changed));
    }
  });

  it('reads back what it wrote, for the same key only', () => {
    const key = codeCacheKey(subject);
    const bytes = encodeCodeCache(key, data);
    const decoded = decodeCodeCache(bytes, key);
    assert.ok('data' in decoded);
    assert.deepEqual(decoded.data, data);
    assert.deepEqual(decodeCodeCache(bytes, codeCacheKey({ ...subject, size: 1 })), { unusable: 'stale' });
  });

  it('refuses a garbled, cut or foreign file instead of handing it to V8', () => {
    const key = codeCacheKey(subject);
    const bytes = encodeCodeCache(key, data);
    const flipped = Buffer.from(bytes);
    flipped[flipped.length - 10] = (flipped[flipped.length - 10] ?? 0) ^ 0xff;
    assert.deepEqual(decodeCodeCache(flipped, key), { unusable: 'corrupt' });
    for (const length of [0, 5, 20, bytes.length - 300, bytes.length - 1]) {
      assert.deepEqual(decodeCodeCache(bytes.subarray(0, length), key), { unusable: 'corrupt' }, `cut at ${length}`);
    }
    assert.deepEqual(decodeCodeCache(Buffer.from('not a cache file at all, just text'), key), { unusable: 'corrupt' });
    const hugeKeyLength = Buffer.from(bytes);
    hugeKeyLength.writeUInt32LE(0xffffffff, 'CONVEYOR-V8C1'.length);
    assert.deepEqual(decodeCodeCache(hugeKeyLength, key), { unusable: 'corrupt' });
  });
});
