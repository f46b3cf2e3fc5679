import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { viewTree } from '../../../src/profiler/model/call-tree';
import { fromCodeGuruDocument } from '../../../src/profiler/model/codeguru-format';
import { decodeProfile } from '../../../src/profiler/model/decode';
import { callersOf, hotFunctions, nameRanks, sortedRows } from '../../../src/profiler/flame/hot-functions';
import { diffTrees } from '../../../src/profiler/model/diff';
import { parseFoldedStacks } from '../../../src/profiler/model/folded-format';
import { calleeTree, functionStats, nodesNamed } from '../../../src/profiler/model/functions';
import { ProfileFormatError } from '../../../src/profiler/model/profile';
import { searchTree } from '../../../src/profiler/model/search';
import { nodeAt, parseCodeGuruJson } from './helpers';

function deepJson(depth: number, name = 'f'): string {
  return `{"callgraph":${'{"children":{"'.concat(name, '":').repeat(depth)}{"counts":{"RUNNABLE":1}}${'}}'.repeat(depth)}}`;
}

describe('profiler: hostile profiles', () => {
  it('handles 100,000 levels of nesting without recursion', () => {
    const p = parseCodeGuruJson(deepJson(100_000));
    assert.equal(p.tree.maxDepth, 100_000);
    const t = viewTree(p, 'cpu');
    assert.equal(t.total[0], 1);
    assert.equal(t.total[50_000], 1);
    const table = hotFunctions(t);
    assert.deepEqual([table.self[0], table.total[0]], [1, 1], 'the hot-functions table counts the recursion once');
    assert.deepEqual(callersOf(t, table, [t.nameId[1]!]).map((c) => [c.self, c.total]), [[1, 0]]);
    assert.equal(functionStats(t).total[t.nameId[1]!], 1, 'recursion of the same name counts once');
    assert.equal(searchTree(t, 'f').fraction, 1);
    assert.equal(diffTrees(t, t).size, t.size);
    assert.equal(calleeTree(t, nodesNamed(t, t.nameId[1]!)).maxDepth, 6);
  });

  it('handles a 200,000-way fan-out', () => {
    const children: Record<string, unknown> = {};
    for (let i = 0; i < 200_000; i++) children[`f${i}`] = { counts: { WALL_TIME: 1 } };
    const p = fromCodeGuruDocument({ callgraph: { children } });
    assert.equal(p.tree.size, 200_001);
    assert.equal(viewTree(p, 'wall').total[0], 200_000);
    const wall = viewTree(p, 'wall');
    const table = hotFunctions(wall);
    assert.equal(table.ids.length, 200_000);
    assert.equal(sortedRows(table, nameRanks(table, wall.names), { key: 'self', descending: true }).length, 200_000);
  });

  it('keeps __proto__, constructor and friends as ordinary frame and counter names', () => {
    const json = '{"callgraph":{"children":{"__proto__":{"counts":{"__proto__":2,"RUNNABLE":1},"children":{"constructor":{"counts":{"RUNNABLE":3}},"toString":{},"hasOwnProperty":{"counts":{"constructor":1}}}}}}}';
    const p = parseCodeGuruJson(json);
    assert.deepEqual([...p.tree.counters].sort(), ['RUNNABLE', '__proto__', 'constructor']);
    const t = viewTree(p, 'latency');
    assert.equal(t.total[nodeAt(t, ['__proto__'])], 7);
    assert.equal(t.total[nodeAt(t, ['__proto__', 'constructor'])], 3);
    assert.ok(nodeAt(t, ['__proto__', 'toString']) > 0);
    assert.equal(({} as Record<string, unknown>).RUNNABLE, undefined, 'Object.prototype is untouched');
    const folded = viewTree(parseFoldedStacks('__proto__;constructor 2\nconstructor;__proto__ 1\n'), 'latency');
    assert.equal(folded.total[nodeAt(folded, ['__proto__', 'constructor'])], 2);
  });

  it('ignores absurd counts instead of overflowing', () => {
    const p = parseCodeGuruJson('{"callgraph":{"children":{"a":{"counts":{"X":1e308}},"b":{"counts":{"X":1e308}},"c":{"counts":{"X":2}}}}}');
    assert.equal(viewTree(p, 'latency').total[0], 2);
    assert.ok(p.warnings.length > 0);
  });

  it('caps the node count and marks the profile truncated', () => {
    const p = parseCodeGuruJson(deepJson(1000), 100);
    assert.equal(p.tree.size, 100);
    assert.equal(p.truncated, true);
    const f = parseFoldedStacks(Array.from({ length: 200 }, (_, i) => `main;f${i} 1`).join('\n'), 50);
    assert.equal(f.truncated, true);
    assert.equal(viewTree(f, 'latency').total[0], 200, 'samples of dropped frames stay with their callers');
  });

  it('never fails on arbitrary JSON with anything but a ProfileFormatError (property)', () => {
    const node = fc.letrec((tie) => ({
      node: fc.record({
        counts: fc.oneof(fc.dictionary(fc.string(), fc.oneof(fc.double(), fc.integer(), fc.string(), fc.constant(null))), fc.anything()),
        children: fc.oneof({ depthSize: 'small' }, fc.dictionary(fc.string(), tie('node')), fc.anything()),
        file: fc.anything(),
        line: fc.oneof(fc.array(fc.integer()), fc.anything()),
      }, { requiredKeys: [] }),
    }));
    fc.assert(fc.property(fc.oneof(fc.anything(), fc.record({ callgraph: node.node, agentMetadata: fc.anything(), start: fc.anything() })), (doc) => {
      try {
        const p = fromCodeGuruDocument(doc);
        for (const total of p.counterTotals) assert.ok(Number.isFinite(total) && total >= 0);
        viewTree(p, 'latency');
      } catch (err) {
        assert.ok(err instanceof ProfileFormatError, String(err));
      }
    }), { numRuns: 300 });
  });

  it('never fails on arbitrary text or bytes with anything but a ProfileFormatError (property)', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b).toString('latin1'))), (text) => {
      try {
        const p = decodeProfile(Buffer.from(text, 'utf8'));
        assert.ok(p.tree.size >= 1);
      } catch (err) {
        assert.ok(err instanceof ProfileFormatError, String(err));
      }
    }), { numRuns: 300 });
  });

  it('parses a 100,000-frame folded line', () => {
    const line = Array.from({ length: 100_000 }, (_, i) => `f${i % 7}`).join(';');
    const t = viewTree(parseFoldedStacks(`${line} 5\n`), 'latency');
    assert.equal(t.maxDepth, 100_000);
    assert.equal(t.total[0], 5);
  });
});

describe('profiler: streaming CodeGuru parser', () => {
  const canonical = (p: ReturnType<typeof fromCodeGuruDocument>) => ({
    names: [...p.tree.nameId].map((i) => p.tree.names[i]), parent: [...p.tree.parent], counters: [...p.tree.counters].sort(),
    counts: p.tree.counters.map((c, k) => [c, [...p.tree.self[k]!]]).sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    files: [...p.tree.fileId].map((f) => (f >= 0 ? p.tree.files[f] : null)), lines: [...p.tree.lineMin].map((l, i) => [l, p.tree.lineMax[i]]),
    weights: [...p.sampleWeights].sort(), start: p.startMs, end: p.endMs, truncated: p.truncated,
  });

  it('builds exactly the tree the object-based reader builds (property)', () => {
    // Names of every length around the four-byte scanning step, with quotes, backslashes and UTF-8 anywhere.
    const name = fc.oneof(fc.constantFrom('a', 'b', '__proto__', 'constructor', 'é', '"q"', '\\', 'x\ny', '日本'), fc.string({ maxLength: 6 }),
      fc.string({ maxLength: 13, unit: fc.constantFrom('a', 'b', '.', '"', '\\', 'é', '\u0001', '😀') }));
    const node = fc.letrec((tie) => ({
      node: fc.record({
        counts: fc.dictionary(fc.constantFrom('RUNNABLE', 'WALL_TIME', 'IDLE', 'X"Y'), fc.oneof(fc.nat(1000), fc.double({ min: 0, max: 1e6, noNaN: true }), fc.constant(-1), fc.string())),
        children: fc.dictionary(name, tie('node'), { maxKeys: 4 }),
        file: fc.oneof(fc.string(), fc.integer()),
        line: fc.oneof(fc.array(fc.integer({ min: -2, max: 50 }), { maxLength: 3 }), fc.constant('x')),
        extra: fc.jsonValue(),
      }, { requiredKeys: [] }),
    }));
    fc.assert(fc.property(node.node, fc.option(fc.record({ sampleWeights: fc.dictionary(fc.constantFrom('RUNNABLE', 'WALL_TIME'), fc.double({ min: 0.001, max: 100, noNaN: true })) })), fc.constantFrom(undefined, 1, '\t', ' \r\n '), (callgraph, agentMetadata, indent) => {
      const doc = { start: 5, ...(agentMetadata ? { agentMetadata } : {}), callgraph, end: 9, other: [1, { a: 'b' }] };
      const json = JSON.stringify(doc, null, indent);
      const streamed = decodeProfile(Buffer.from(json));
      const read = fromCodeGuruDocument(JSON.parse(json));
      assert.deepEqual(canonical(streamed), canonical(read));
      // Views sum the stream parser's sparse counts, the object reader's dense columns: the same numbers.
      for (const view of ['latency', 'counter:RUNNABLE'] as const) {
        const [a, b] = [viewTree(streamed, view), viewTree(read, view)];
        for (const key of ['self', 'total', 'selfSeconds', 'totalSeconds'] as const) {
          assert.equal(a[key] === undefined, b[key] === undefined, key);
          a[key]?.forEach((v, i) => assert.ok(Math.abs(v - b[key]![i]!) <= 1e-9 * Math.max(1, Math.abs(v)), `${view} ${key}[${i}]`));
        }
      }
    }), { numRuns: Number(process.env.PROFILER_FC_RUNS ?? 300) });
  });

  it('reports syntax errors with a position instead of guessing', () => {
    assert.throws(() => decodeProfile(Buffer.from('{"callgraph": {"children": {"a": {}}')), /not valid JSON: .* at byte/);
    assert.throws(() => decodeProfile(Buffer.from('{"callgraph": {}} trailing')), /after the profile/);
    assert.throws(() => decodeProfile(Buffer.from('{"callgraph": {"counts": {"X": 1e}}}')), /invalid number|unexpected/);
    assert.throws(() => decodeProfile(Buffer.from('{"callgraph": {"children": {"a\u0001": {}}}}')), /control character/);
  });

  it('merges duplicate frame names instead of dropping one', () => {
    const p = decodeProfile(Buffer.from('{"callgraph":{"children":{"a":{"counts":{"X":1}},"a":{"counts":{"X":2}}}}}'));
    assert.equal(viewTree(p, 'latency').total[nodeAt(viewTree(p, 'latency'), ['a'])], 3);
  });

  it('merges repeated keys that are not adjacent, with their subtrees, sources and counters', () => {
    const p = decodeProfile(Buffer.from(JSON.stringify({ callgraph: { children: {} } }).replace('"children":{}',
      '"children":{"b":{"counts":{"X":1}},"a":{"file":"a.py","children":{"x":{"counts":{"X":1}}}},"c":{},' +
      '"a":{"line":[7,9],"children":{"x":{"counts":{"X":2,"Y":5}},"y":{"counts":{"X":4}}}}}')));
    const t = viewTree(p, 'latency');
    assert.equal(t.size, 6, 'all, a, a/x, a/y, b, c');
    assert.equal(t.total[nodeAt(t, ['a', 'x'])], 3 + 5);
    assert.equal(t.total[nodeAt(t, ['a', 'y'])], 4);
    const a = nodeAt(t, ['a']);
    assert.equal(p.tree.files[p.tree.fileId[a]!], 'a.py');
    assert.deepEqual([p.tree.lineMin[a], p.tree.lineMax[a]], [7, 9]);
    assert.deepEqual([1, 2, 3, 4, 5].map((i) => t.names[t.nameId[i]!]), ['a', 'x', 'y', 'b', 'c'], 'preorder, siblings sorted by name');
  });

  it('finds the end of names with escapes at every offset, also the second time a name is seen', () => {
    const names = Array.from({ length: 9 }, (_, k) => `${'abcdefgh'.slice(0, k)}"q\\${'x'.repeat(k)}`);
    const node = (): Record<string, unknown> => Object.fromEntries(names.map((n, i) => [n, { counts: { RUNNABLE: i + 1 } }]));
    const json = JSON.stringify({ callgraph: { children: { one: { children: node() }, two: { children: node() } } } });
    const p = decodeProfile(Buffer.from(json));
    assert.deepEqual(canonical(p), canonical(fromCodeGuruDocument(JSON.parse(json))));
    const t = viewTree(p, 'cpu');
    names.forEach((n, i) => assert.equal(t.self[nodeAt(t, ['two', n])], i + 1, n));
  });

  it('reads escaped member names as the members JSON.parse sees, and validates members it skips', () => {
    const json = '{"callgraph":{"chi\\u006cdren":{"a":{"c\\u006funts":{"X":2},"fil\\u0065":"a.py"}}}}';
    const p = decodeProfile(Buffer.from(json));
    const t = viewTree(p, 'latency');
    assert.equal(t.total[nodeAt(t, ['a'])], 2);
    assert.equal(p.tree.files[p.tree.fileId[nodeAt(t, ['a'])]!], 'a.py');
    assert.throws(() => decodeProfile(Buffer.from('{"callgraph":{"x\u0001y":1}}')), /control character/);
    assert.throws(() => decodeProfile(Buffer.from('{"callgraph":{"counts":{"X\u0001":0}}}')), /control character/);
  });

  it('puts large sibling groups in name order and merges a repeated name among them', () => {
    const keys = Array.from({ length: 5_000 }, (_, i) => `f${String(i).padStart(4, '0')}`).reverse();
    const members = keys.map((k, i) => `"${k}":{"counts":{"RUNNABLE":${i + 1}}}`);
    const p = decodeProfile(Buffer.from(`{"callgraph":{"children":{${members.join(',')}}}}`));
    const t = viewTree(p, 'cpu');
    assert.deepEqual(Array.from({ length: 5_000 }, (_, i) => t.names[t.nameId[i + 1]!]), [...keys].reverse());
    const repeated = decodeProfile(Buffer.from(`{"callgraph":{"children":{${members.join(',')},"f2500":{"counts":{"RUNNABLE":1000000}}}}}`));
    const r = viewTree(repeated, 'cpu');
    assert.equal(r.size, 5_001);
    assert.equal(r.self[nodeAt(r, ['f2500'])], 2_500 + 1_000_000);
  });

  it('skips 100,000 levels of nesting in unknown members without recursion', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const p = decodeProfile(Buffer.from(`{"debugInfo":${deep},"callgraph":{"children":{"a":{"counts":{"X":1},"junk":${deep}}}}}`));
    assert.equal(p.counterTotals[0], 1);
  });
});
