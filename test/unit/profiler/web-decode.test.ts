// What the web build decodes with: gunzip through DecompressionStream (no node:zlib) and the JSON cursor's
// text without Buffer. Both must give exactly what the desktop's Node paths give.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { byteText } from '../../../src/profiler/model/byte-text';
import { decodeProfile } from '../../../src/profiler/model/decode';
import { decodeProfileWithAsync } from '../../../src/profiler/model/decode-bytes';
import { gunzipStream } from '../../../src/profiler/model/gunzip-stream';
import type { Profile } from '../../../src/profiler/model/profile';
import { fixture, toPprof } from './helpers';

const WORKSPACE_PROFILES = path.resolve(__dirname, '../../fixtures/workspace/profiler/profiles');

/** What a profile shows: its format, frames by name and totals. */
function shape(p: Profile): unknown {
  return { format: p.format, names: p.tree.names, size: p.tree.size, totals: [...p.counterTotals], counters: [...p.tree.counters], warnings: p.warnings };
}

describe('profiler: decoding in the web build', () => {
  it('gunzips a pprof with DecompressionStream to the same profile as node:zlib', async () => {
    const bytes = fs.readFileSync(path.join(WORKSPACE_PROFILES, 'shop-python.pb.gz'));
    const web = await decodeProfileWithAsync(gunzipStream, bytes, { fileName: 'shop-python.pb.gz' });
    assert.equal(web.format, 'pprof');
    assert.ok(web.tree.names.includes('shop.pricing:TaxTable:lookup'));
    assert.deepEqual(shape(web), shape(decodeProfile(bytes, { fileName: 'shop-python.pb.gz' })));
  });

  it('decodes a larger gzipped pprof (many stream chunks) as the desktop does', async () => {
    const stacks = Array.from({ length: 4000 }, (_, i) => ({ frames: ['main', `handler${i % 97}`, `leaf${i}`], count: 1 + (i % 5) }));
    const gz = gzipSync(toPprof(stacks));
    assert.deepEqual(shape(await decodeProfileWithAsync(gunzipStream, gz)), shape(decodeProfile(gz)));
  });

  it('says "not valid gzip" for a broken stream and stops a gzip bomb at the bound', async () => {
    const gz = gzipSync(toPprof([{ frames: ['a'], count: 1 }]));
    gz[12] = gz[12]! ^ 0xff;
    await assert.rejects(decodeProfileWithAsync(gunzipStream, gz.subarray(0, 20)), /not valid gzip/);
    const bomb = gzipSync(new Uint8Array(16 * 1024 * 1024));
    await assert.rejects(decodeProfileWithAsync(gunzipStream, bomb, { maxBytes: 1024 * 1024 }), /larger than 1 MiB once decompressed/);
  });

  it('reads plain bytes that only claim gzip, as the desktop does', async () => {
    const folded = new TextEncoder().encode('main;work 3\n');
    assert.deepEqual(shape(await decodeProfileWithAsync(gunzipStream, folded, { contentEncoding: 'gzip' })), shape(decodeProfile(folded, { contentEncoding: 'gzip' })));
  });

  it('turns byte ranges into the same text without Buffer', () => {
    const samples = [
      new TextEncoder().encode('plain ascii "quoted" 123'),
      new TextEncoder().encode('naïve — 日本語 😀 text'),
      Uint8Array.from([0x61, 0xc3, 0x28, 0xe2, 0x82, 0xff, 0x62, 0xf0, 0x9f]), // invalid UTF-8
      Uint8Array.from({ length: 256 }, (_, i) => i),
      new TextEncoder().encode('x'.repeat(20_000)),
    ];
    for (const bytes of samples) {
      const node = byteText(bytes, true);
      const web = byteText(bytes, false);
      for (const [start, end] of [[0, bytes.length], [1, Math.max(1, bytes.length - 1)], [0, 0]] as const) {
        assert.equal(web.utf8(start, end), node.utf8(start, end), `utf8 ${start}..${end}`);
        assert.equal(web.latin1(start, end), node.latin1(start, end), `latin1 ${start}..${end}`);
      }
    }
  });

  it('reads a CodeGuru profile through the async decoder with its bytes on a subarray', async () => {
    const raw = fixture('python-agent-live-run.json');
    const padded = new Uint8Array(raw.length + 8);
    padded.set(raw, 4);
    const bytes = padded.subarray(4, 4 + raw.length);
    assert.deepEqual(shape(await decodeProfileWithAsync(gunzipStream, gzipSync(bytes))), shape(decodeProfile(raw)));
  });
});
