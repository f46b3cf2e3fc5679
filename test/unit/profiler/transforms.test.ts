import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { viewTree, type CallTree } from '../../../src/profiler/model/call-tree';
import { diffTrees, isDiffTree, shareDelta } from '../../../src/profiler/model/diff';
import { parseFoldedStacks } from '../../../src/profiler/model/folded-format';
import { calleeTree, functionStats, nodesNamed } from '../../../src/profiler/model/functions';
import { compileQuery, matchingNodes, searchTree } from '../../../src/profiler/model/search';
import { namePath, naiveTotal, nodeAt, toFolded, type Stack } from './helpers';

const tree = (stacks: Stack[]): CallTree => viewTree(parseFoldedStacks(toFolded(stacks)), 'latency');

const stacksArb = fc.array(fc.record({
  frames: fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'main'), { minLength: 1, maxLength: 7 }),
  count: fc.integer({ min: 1, max: 50 }),
}), { minLength: 1, maxLength: 40 });

describe('profiler: totals', () => {
  it('every node total equals the samples of stacks through its path (property)', () => {
    fc.assert(fc.property(stacksArb, (stacks) => {
      const t = tree(stacks);
      assert.equal(t.total[0], stacks.reduce((a, s) => a + s.count, 0));
      for (let i = 1; i < t.size; i++) assert.equal(t.total[i], naiveTotal(stacks, namePath(t, i)));
    }), { numRuns: 150 });
  });
});

describe('profiler: differential tree', () => {
  it('unions paths, keeps both sides and normalises shares', () => {
    const base = tree([{ frames: ['main', 'a'], count: 50 }, { frames: ['main', 'gone'], count: 50 }]);
    const target = tree([{ frames: ['main', 'a'], count: 300 }, { frames: ['main', 'new'], count: 100 }]);
    const d = diffTrees(base, target);
    assert.ok(isDiffTree(d));
    const a = nodeAt(d, ['main', 'a']);
    const gone = nodeAt(d, ['main', 'gone']);
    const added = nodeAt(d, ['main', 'new']);
    assert.equal(d.total[a], 300);
    assert.equal(d.baseTotal[a], 50);
    assert.equal(d.total[gone], 0);
    assert.equal(d.baseTotal[gone], 50);
    assert.equal(d.baseTotal[added], 0);
    assert.ok(Math.abs(shareDelta(d, a) - (0.75 - 0.5)) < 1e-12);
    assert.ok(Math.abs(shareDelta(d, gone) + 0.5) < 1e-12);
    assert.equal(shareDelta(d, 0), 0);
  });

  it('diffing a tree with itself changes nothing (property)', () => {
    fc.assert(fc.property(stacksArb, (stacks) => {
      const t = tree(stacks);
      const d = diffTrees(t, t);
      assert.equal(d.size, t.size);
      for (let i = 0; i < d.size; i++) {
        assert.equal(d.total[i], d.baseTotal[i]);
        assert.equal(shareDelta(d, i), 0);
      }
    }), { numRuns: 60 });
  });
});

describe('profiler: search', () => {
  const t = tree([{ frames: ['main', 'parse', 'parseJson'], count: 30 }, { frames: ['main', 'parse'], count: 10 }, { frames: ['main', 'render'], count: 60 }]);

  it('counts each sample once even when matches nest', () => {
    const r = searchTree(t, 'parse');
    assert.equal(r.matchedTotal, 40);
    assert.equal(r.fraction, 0.4);
    assert.equal(r.nodes, 2);
  });

  it('supports /regex/ with flags and falls back to a literal for invalid ones', () => {
    assert.equal(searchTree(t, '/^render$/').matchedTotal, 60);
    assert.equal(searchTree(t, '/^RENDER$/').matchedTotal, 0);
    assert.equal(searchTree(t, '/^RENDER$/i').matchedTotal, 60);
    assert.equal(searchTree(t, '/[/').matchedTotal, 0);
    assert.ok(compileQuery('/[/')!('a/[/b'));
    assert.equal(searchTree(t, '  ').fraction, 0);
  });

  it('is case-insensitive for plain text and ranks matches widest first', () => {
    const r = searchTree(t, 'PARSE');
    assert.equal(r.fraction, 0.4);
    const nodes = matchingNodes(t, r.matchedNames);
    assert.deepEqual(nodes.map((n) => t.total[n]), [40, 30]);
  });

  it('matched fraction equals the naive share of stacks containing a match (property)', () => {
    fc.assert(fc.property(stacksArb, fc.constantFrom('a', 'b', 'main', 'zz'), (stacks, q) => {
      const all = stacks.reduce((s, x) => s + x.count, 0);
      const expected = stacks.filter((s) => s.frames.some((f) => f.includes(q))).reduce((s, x) => s + x.count, 0);
      assert.ok(Math.abs(searchTree(tree(stacks), q).fraction - expected / all) < 1e-12);
    }), { numRuns: 100 });
  });
});

describe('profiler: per-function statistics', () => {
  it('counts recursion once in totals and sums self everywhere', () => {
    const t = tree([{ frames: ['main', 'f', 'g', 'f', 'h'], count: 4 }, { frames: ['main', 'f'], count: 1 }, { frames: ['main', 'g', 'f'], count: 2 }]);
    const s = functionStats(t);
    const f = t.names.indexOf('f');
    assert.equal(s.total[f], 7);
    assert.equal(s.self[f], 3);
    assert.equal(s.total[t.names.indexOf('g')], 6);
    assert.equal(s.rootTotal, 7);
  });

  it('builds the merged callee tree of a function', () => {
    const t = tree([{ frames: ['main', 'x', 'f', 'a'], count: 3 }, { frames: ['main', 'y', 'f', 'a'], count: 2 }, { frames: ['main', 'y', 'f', 'b'], count: 5 }, { frames: ['main', 'y', 'f'], count: 1 }]);
    const callees = calleeTree(t, nodesNamed(t, t.names.indexOf('f')));
    assert.equal(callees.names[callees.nameId[0]!], 'f');
    assert.equal(callees.total[0], 11);
    assert.equal(callees.self[0], 1);
    assert.equal(callees.total[nodeAt(callees, ['a'])], 5);
    assert.equal(callees.total[nodeAt(callees, ['b'])], 5);
  });

  it('limits callee depth', () => {
    const t = tree([{ frames: ['f', '1', '2', '3', '4', '5'], count: 1 }]);
    const callees = calleeTree(t, nodesNamed(t, t.names.indexOf('f')), { maxDepth: 2 });
    assert.equal(callees.maxDepth, 2);
  });
});
