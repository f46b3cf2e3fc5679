import * as assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { Function as PFunction, Line, Location, Profile as PProfile, Sample, StringTable, ValueType } from 'pprof-format';
import { analyse } from '../../../src/profiler/model/analysis';
import { decodeProfile } from '../../../src/profiler/model/decode';
import { parseCpuProfile } from '../../../src/profiler/model/cpuprofile-format';
import { parseJfrJson } from '../../../src/profiler/model/jfr-format';
import { ProfileFormatError } from '../../../src/profiler/model/profile';
import { parseSpeedscope } from '../../../src/profiler/model/speedscope-format';
import { toPprof } from './helpers';

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

/** Either a profile or a ProfileFormatError with a message; anything else fails the test. */
function decodesOrRefuses(run: () => unknown): void {
  try {
    run();
  } catch (err) {
    if (!(err instanceof ProfileFormatError) || err.message.length < 10) throw err;
  }
}

/** Hand-encoded protobuf pieces, for what no encoder writes. */
const varint = (n: number): number[] => { const out: number[] = []; do { let b = n % 128; n = Math.floor(n / 128); if (n > 0) b |= 0x80; out.push(b); } while (n > 0); return out; };
const field = (f: number, payload: number[]): number[] => [...varint(f * 8 + 2), ...varint(payload.length), ...payload];
const str = (s: string): number[] => [...new TextEncoder().encode(s)];

describe('profiler: hostile files in every format', function () {
  this.timeout(120_000);

  it('refuses every truncation of a pprof with a clear message, never a crash', () => {
    const whole = toPprof([{ frames: ['main', 'work'], count: 3 }, { frames: ['main', 'idle'], count: 1 }]);
    for (let n = 0; n < whole.length; n++) decodesOrRefuses(() => decodeProfile(whole.subarray(0, n), { fileName: 'cpu.pb' }));
    assert.throws(() => decodeProfile(whole.subarray(0, whole.length - 3), { fileName: 'cpu.pb' }), /pprof profile is damaged: .* at byte \d+/);
  });

  it('says "not valid gzip" for a broken gzip stream and refuses a gzip bomb', () => {
    const gz = gzipSync(toPprof([{ frames: ['a'], count: 1 }]));
    gz[12] = gz[12]! ^ 0xff;
    assert.throws(() => decodeProfile(gz.subarray(0, 20)), /not valid gzip/);
    assert.throws(() => decodeProfile(gzipSync(Buffer.alloc(4 * 1024 * 1024)), { maxBytes: 1024 * 1024 }), /larger than 1 MiB once decompressed/);
  });

  it('decodes only the strings it uses from a huge string table', () => {
    const st = new StringTable();
    for (let i = 0; i < 300_000; i++) st.dedup(`s${i}`);
    const p = new PProfile({ sampleType: [new ValueType({ type: st.dedup('samples'), unit: st.dedup('count') })],
      sample: [new Sample({ locationId: [1], value: [1] })], location: [new Location({ id: 1, line: [new Line({ functionId: 1 })] })],
      function: [new PFunction({ id: 1, name: st.dedup('hot') })], stringTable: st });
    const profile = decodeProfile(p.encode());
    assert.deepEqual([...profile.tree.names], ['all', 'hot']);
  });

  it('keeps dangling and duplicate pprof ids as warnings and named frames', () => {
    const st = new StringTable();
    const p = new PProfile({ sampleType: [new ValueType({ type: st.dedup('samples'), unit: st.dedup('count') })],
      sample: [new Sample({ locationId: [9, 1], value: [2] }), new Sample({ locationId: [2], value: [1] })],
      location: [new Location({ id: 1, line: [new Line({ functionId: 1 })] }), new Location({ id: 1, line: [new Line({ functionId: 1 })] }),
        new Location({ id: 2, line: [new Line({ functionId: 77 })] })],
      function: [new PFunction({ id: 1, name: st.dedup('main') })], stringTable: st });
    const profile = decodeProfile(p.encode());
    assert.ok(profile.tree.names.includes('[unknown location 9]'));
    assert.ok(profile.tree.names.includes('[unknown function 77]'));
    assert.ok(profile.warnings.some((w) => /share an id/.test(w)));
    assert.equal(analyse(profile, 'cpu').tree.total[0], 3);
  });

  it('refuses string indices and a value count that do not fit, and unknown wire types', () => {
    const sampleType = field(1, [8, 1, 16, 2]);
    const strings = [...field(6, []), ...field(6, str('samples')), ...field(6, str('count'))];
    const fn = field(5, [8, 1, 16, ...varint(200)]); // name index 200: past the table
    const loc = field(4, [8, 1, ...field(4, [8, 1, 16, 5])]);
    const sample = field(2, [...field(1, [1]), ...field(2, [4, 5])]); // two values for one type
    const p = decodeProfile(Uint8Array.from([...sampleType, ...strings, ...fn, ...loc, ...sample]), { fileName: 'x.pb' });
    assert.ok(p.warnings.some((w) => /past the string table/.test(w)));
    assert.ok(p.warnings.some((w) => /2 values for 1 sample types/.test(w)));
    assert.throws(() => decodeProfile(Uint8Array.from([...sampleType, 0x0b, 1, 2]), { fileName: 'x.pb' }), /unknown wire type 3/);
  });

  it('handles deep stacks in every format without recursion', () => {
    const depth = 100_000;
    const deep = Array.from({ length: depth }, (_, i) => `f${i % 7}`);
    assert.equal(analyse(decodeProfile(toPprof([{ frames: deep, count: 1 }])), 'cpu').tree.maxDepth, depth);
    const ss = parseSpeedscope({ shared: { frames: [{ name: 'f' }] }, profiles: [{ type: 'evented', unit: 'none', events: [
      ...Array.from({ length: depth }, (_, i) => ({ type: 'O', frame: 0, at: i })), ...Array.from({ length: depth }, (_, i) => ({ type: 'C', frame: 0, at: depth + i }))] }] });
    assert.equal(ss.tree.maxDepth, depth);
    const nodes = Array.from({ length: depth }, (_, i) => ({ id: i + 1, callFrame: { functionName: `g${i % 5}`, url: '' }, children: i + 1 < depth ? [i + 2] : [] }));
    assert.equal(parseCpuProfile({ nodes, samples: [depth], timeDeltas: [1] }).tree.maxDepth, depth);
    const perf = `app 1 1.0: 1 cpu-clock:\n${Array.from({ length: depth }, (_, i) => `\t${i.toString(16)} h${i % 3}+0x1 (/bin/app)`).join('\n')}\n`;
    assert.equal(decodeProfile(bytes(perf), { fileName: 'perf.txt' }).tree.maxDepth, depth + 1);
  });

  it('survives cycles in a .cpuprofile node tree', () => {
    const p = parseCpuProfile({ nodes: [
      { id: 1, callFrame: { functionName: 'a' }, children: [2] }, { id: 2, callFrame: { functionName: 'b' }, children: [1, 2] }], samples: [1, 2], timeDeltas: [1, 1] });
    assert.ok(p.warnings.some((w) => /cycle|several nodes|itself/.test(w)));
  });

  it('never fails on arbitrary bytes or JSON with anything but a ProfileFormatError (property)', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 400 }), fc.constantFrom('x.pb', 'x.cpuprofile', 'x.json', 'perf.txt', 'x.folded', undefined), (data, fileName) => {
      decodesOrRefuses(() => decodeProfile(data, fileName ? { fileName } : {}));
    }), { numRuns: 2000 });
    const valid = toPprof([{ frames: ['main', 'a', 'b'], count: 4 }]);
    fc.assert(fc.property(fc.integer({ min: 0, max: valid.length - 1 }), fc.integer({ min: 0, max: 255 }), (at, b) => {
      const mutated = Uint8Array.from(valid);
      mutated[at] = b;
      decodesOrRefuses(() => decodeProfile(mutated, { fileName: 'x.pb' }));
    }), { numRuns: 2000 });
    const anyShape = fc.oneof(fc.anything(), fc.record({ nodes: fc.array(fc.anything()), samples: fc.anything(), timeDeltas: fc.anything() }),
      fc.record({ shared: fc.record({ frames: fc.array(fc.anything()) }), profiles: fc.array(fc.record({ type: fc.constantFrom('sampled', 'evented', 'x'), unit: fc.anything(), samples: fc.anything(), weights: fc.anything(), events: fc.anything() })) }),
      fc.record({ recording: fc.record({ events: fc.array(fc.record({ type: fc.constantFrom('jdk.ExecutionSample', 'jdk.ObjectAllocationSample'), values: fc.anything() })) }) }));
    fc.assert(fc.property(anyShape, (doc) => {
      decodesOrRefuses(() => parseCpuProfile(doc));
      decodesOrRefuses(() => parseSpeedscope(doc));
      decodesOrRefuses(() => parseJfrJson(doc));
    }), { numRuns: 1000 });
    fc.assert(fc.property(fc.array(fc.oneof(fc.string(), fc.constantFrom('\tdeadbeef foo+0x1 (/x)', 'app 1 1.0: 5 cycles:', '  f.c:12', '', '\t[unknown]')), { maxLength: 40 }), (lines) => {
      decodesOrRefuses(() => decodeProfile(bytes(lines.join('\n')), { fileName: 'perf.txt' }));
    }), { numRuns: 1000 });
  });
});
