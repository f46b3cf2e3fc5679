import * as assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { Profile as PProfile } from 'pprof-format';
import { analyse } from '../../../src/profiler/model/analysis';
import { viewTree } from '../../../src/profiler/model/call-tree';
import { decodeProfile } from '../../../src/profiler/model/decode';
import { detectFormat } from '../../../src/profiler/model/decode-bytes';
import { callersOf, hotFunctions } from '../../../src/profiler/flame/hot-functions';
import { diffTrees } from '../../../src/profiler/model/diff';
import { fileHeat } from '../../../src/profiler/model/heat';
import { formatAmount } from '../../../src/profiler/model/format';
import { searchTree } from '../../../src/profiler/model/search';
import { nodeAt, toFolded, toPprof, type Stack } from './helpers';

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

function toSpeedscope(stacks: readonly Stack[]): string {
  const names = [...new Set(stacks.flatMap((s) => s.frames))];
  return JSON.stringify({ $schema: 'https://www.speedscope.app/file-format-schema.json', shared: { frames: names.map((name) => ({ name })) },
    profiles: [{ type: 'sampled', name: 'p', unit: 'none', startValue: 0, endValue: 1, samples: stacks.map((s) => s.frames.map((f) => names.indexOf(f))), weights: stacks.map((s) => s.count) }] });
}

function toPerf(stacks: readonly Stack[]): string {
  return stacks.map((s) => `app 42/42 [000] 1.${s.count}: ${s.count} cpu-clock:pppH:\n${[...s.frames].reverse().map((f, i) => `\t    ${(0x1000 + i).toString(16)} ${f}+0x1${i} (/usr/bin/app)`).join('\n')}\n`).join('\n');
}

const STACKS: Stack[] = [
  { frames: ['main', 'serve', 'handle', 'parse'], count: 5 },
  { frames: ['main', 'serve', 'handle'], count: 2 },
  { frames: ['main', 'gc'], count: 3 },
];

describe('profiler: formats', () => {
  it('detects each format by content, whatever the file is called', () => {
    assert.equal(detectFormat(toPprof(STACKS)), 'pprof');
    assert.equal(detectFormat(bytes(toSpeedscope(STACKS)), 'x.json'), 'speedscope');
    assert.equal(detectFormat(bytes('{"nodes":[{"id":1,"callFrame":{"functionName":"(root)"}}],"samples":[]}'), 'x.json'), 'cpuprofile');
    assert.equal(detectFormat(bytes(toPerf(STACKS)), 'out.txt'), 'perf');
    assert.equal(detectFormat(bytes(toFolded(STACKS)), 'out.txt'), 'folded');
    assert.equal(detectFormat(bytes('{"callgraph":{}}'), 'x.json'), 'codeguru');
    assert.equal(detectFormat(Uint8Array.from([0x46, 0x4c, 0x52, 0, 0, 2]), 'x.bin'), 'jfr');
    assert.equal(decodeProfile(gzipSync(toPprof(STACKS)), { fileName: 'cpu.pb.gz' }).format, 'pprof');
  });

  it('turns the same stacks into the same tree in every format', () => {
    const expected = viewTree(decodeProfile(bytes(toFolded(STACKS))), 'latency');
    for (const [name, data] of [['pprof', toPprof(STACKS)], ['speedscope', bytes(toSpeedscope(STACKS))]] as const) {
      const p = decodeProfile(data);
      const t = analyse(p, 'cpu').tree;
      assert.equal(t.total[0], 10, name);
      for (const path of [['main'], ['main', 'serve', 'handle'], ['main', 'serve', 'handle', 'parse'], ['main', 'gc']]) {
        assert.equal(t.total[nodeAt(t, path)], expected.total[nodeAt(expected, path)], `${name} ${path.join(';')}`);
      }
    }
    const perf = analyse(decodeProfile(bytes(toPerf(STACKS))), 'cpu').tree;
    assert.equal(perf.total[nodeAt(perf, ['app', 'main', 'serve', 'handle', 'parse'])], 5, 'perf: the command is the root frame, periods weigh');
  });

  it('feeds search, the hot-functions table and diff like any other profile', () => {
    const t = analyse(decodeProfile(toPprof(STACKS)), 'cpu').tree;
    assert.equal(searchTree(t, 'handle').fraction, 0.7);
    const callers = callersOf(t, hotFunctions(t), [t.names.indexOf('parse')]);
    assert.equal(callers.find((c) => t.names[c.nameId] === 'handle')?.total, 5);
    const d = diffTrees(t, analyse(decodeProfile(toPprof([...STACKS, { frames: ['main', 'gc'], count: 10 }])), 'cpu').tree);
    assert.ok(d.size >= t.size);
  });

  it('says how much a view adds up to in its counter\'s unit', () => {
    assert.equal(formatAmount(5e7, 'nanoseconds', 0.05), '50 ms');
    assert.equal(formatAmount(4396, 'bytes'), '4.3 KiB');
    assert.equal(formatAmount(512, 'bytes'), '512 B');
    assert.equal(formatAmount(10, 'count'), '10 samples');
    assert.equal(formatAmount(100, undefined, 2), '100 samples · 2 sec'); // the one duration format (core/format.ts)
  });

  it('counts a recursive line once per sample in the line samples, self only at the leaf', () => {
    const p = decodeProfile(toPprof([{ frames: ['main', 'f', 'g', 'f'], count: 3 }]));
    const rows = p.lines!;
    const row = (name: string): { self: number; total: number } => {
      let self = 0;
      let total = 0;
      for (let k = 0; k < rows.length; k++) if (p.tree.names[rows.nameId[k]!] === name) { self += rows.self[k]!; total += rows.total[k]!; }
      return { self, total };
    };
    assert.deepEqual(row('f'), { self: 3, total: 3 }, 'f is on the stack twice at one line: counted once');
    assert.deepEqual(row('main'), { self: 0, total: 3 });
  });

  it('reads speedscope evented profiles, with each thread its own top frame', () => {
    const doc = { shared: { frames: [{ name: 'a', file: 'a.py', line: 3 }, { name: 'b', file: 'b.py', line: 9 }] }, profiles: [
      { type: 'evented', name: 'main', unit: 'milliseconds', startValue: 0, endValue: 10, events: [
        { type: 'O', frame: 0, at: 0 }, { type: 'O', frame: 1, at: 2 }, { type: 'C', frame: 1, at: 7 }, { type: 'C', frame: 0, at: 10 }] },
      { type: 'sampled', name: 'worker', unit: 'milliseconds', startValue: 0, endValue: 4, samples: [[0, 1]], weights: [4] }] };
    const p = decodeProfile(bytes(JSON.stringify(doc)), { fileName: 'x.speedscope.json' });
    const t = analyse(p, 'cpu').tree;
    assert.equal(t.total[nodeAt(t, ['main', 'a'])], 10e6, 'nanoseconds');
    assert.equal(t.total[nodeAt(t, ['main', 'a', 'b'])], 5e6);
    assert.equal(t.total[nodeAt(t, ['worker', 'a', 'b'])], 4e6);
    assert.equal(t.totalSeconds![0], 0.014);
    assert.ok(p.lines && p.lines.length > 0, 'frame lines become line samples');
  });

  it('reads perf script with kernel frames, unknown symbols, srcline and several events', () => {
    const text = [
      '# ========', '# captured on: today', '',
      '            java  4242/4250  [001] 123.456:     250000 cpu-clock:pppH: ',
      '\tffffffff8100 native_write_msr+0x4 ([kernel.kallsyms])',
      '\t    7f00aa [unknown] (/tmp/perf-4242.map)',
      '\t    55d4c3 main+0x12 (/usr/bin/app)',
      '  app.c:12', '',
      'java 4242 123.5: 1000 cycles:u:', '\t55d4c3 main+0x12 (/usr/bin/app)', '',
    ].join('\n');
    const p = decodeProfile(bytes(text), { fileName: 'perf.txt' });
    assert.deepEqual([...p.tree.counters], ['cpu-clock', 'cycles']);
    const t = viewTree(p, 'counter:cpu-clock');
    assert.equal(t.total[nodeAt(t, ['java', 'main', '[unknown] (perf-4242.map)', 'native_write_msr'])], 250000);
    const main = nodeAt(t, ['java', 'main']);
    assert.equal(p.tree.files[p.tree.fileId[main]!], 'app.c');
    assert.equal(p.tree.lineMin[main], 12);
  });

  it('reads a .cpuprofile: time deltas as time, position ticks as lines, (root) dropped', () => {
    const doc = { startTime: 0, endTime: 3000, nodes: [
      { id: 1, callFrame: { functionName: '(root)', url: '', lineNumber: -1 }, children: [2] },
      { id: 2, callFrame: { functionName: 'main', url: 'file:///w/app.js', lineNumber: 0 }, children: [3, 4] },
      { id: 3, callFrame: { functionName: 'hot', url: 'file:///w/app.js', lineNumber: 9 }, positionTicks: [{ line: 11, ticks: 2 }] },
      { id: 4, callFrame: { functionName: '', url: 'file:///w/app.js', lineNumber: 20 } }],
    samples: [3, 3, 4, 2], timeDeltas: [0, 1000, 1000, 500] };
    const p = decodeProfile(bytes(JSON.stringify(doc)), { fileName: 'x.cpuprofile' });
    const t = analyse(p, 'cpu').tree;
    assert.equal(t.names[t.nameId[1]!], 'main');
    assert.equal(t.total[nodeAt(t, ['main', 'hot'])], 2000, 'µs to the next sample');
    assert.equal(t.total[0], 3000, 'the last sample lasts until endTime');
    assert.ok(nodeAt(t, ['main', '(anonymous app.js:21)']) > 0);
    assert.equal(p.tree.files[p.tree.fileId[nodeAt(t, ['main'])]!], '/w/app.js');
    assert.equal(p.definitionLines![t.nameId[nodeAt(t, ['main', 'hot'])]!], 10);
    const hot = t.nameId[nodeAt(t, ['main', 'hot'])]!;
    const marks = fileHeat({ tree: t, frames: p.tree, profile: p, view: analyse(p, 'cpu').view, inFile: () => true, definitionLine: () => undefined });
    assert.deepEqual(marks.filter((m) => m.nameIds.includes(hot)).map((m) => [m.startLine, m.granularity]), [[10, 'line']]);
    assert.ok(marks.some((m) => m.granularity === 'function' && m.startLine === 0), 'main has no ticks of its own: marked as a function at its definition');
  });

  it('matches a plain aggregation of pprof-format\'s decoder on random profiles (property)', () => {
    const frame = fc.constantFrom('a', 'b', 'c', 'd', 'e', '__proto__', 'ä');
    fc.assert(fc.property(fc.array(fc.record({ frames: fc.array(frame, { minLength: 1, maxLength: 8 }), count: fc.integer({ min: 0, max: 1000 }) }), { minLength: 1, maxLength: 30 }), (stacks) => {
      const encoded = toPprof(stacks);
      const theirs = PProfile.decode(encoded);
      const byLeafPath = new Map<string, number>();
      for (const s of theirs.sample) {
        const path = [...s.locationId].reverse().map((id) => theirs.stringTable.strings[Number(theirs.function[Number(theirs.location[Number(id) - 1]!.line[0]!.functionId) - 1]!.name)]).join(';');
        byLeafPath.set(path, (byLeafPath.get(path) ?? 0) + Number(s.value[0]));
      }
      const total = [...byLeafPath.values()].reduce((a, b) => a + b, 0);
      if (total === 0) return;
      const t = analyse(decodeProfile(encoded), 'cpu').tree;
      assert.equal(t.total[0], total);
      for (const [path, v] of byLeafPath) {
        const below = [...byLeafPath].filter(([p]) => p.startsWith(`${path};`)).reduce((a, [, x]) => a + x, 0);
        if (v + below === 0) continue; // stacks without samples make no frames
        assert.equal(t.total[nodeAt(t, path.split(';'))], v + below, path);
      }
    }), { numRuns: 150 });
  });
});
