import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { viewTree, type CallTree } from '../../../src/profiler/model/call-tree';
import { parseFoldedStacks } from '../../../src/profiler/model/folded-format';
import { callersOf, hotFunctions, hottestNode, nameRanks, sortedRows } from '../../../src/profiler/flame/hot-functions';
import { HotRowList } from '../../../src/profiler/flame/hot-rows';
import { formatHotAmount, hotUnitLabel } from '../../../src/profiler/webview/describe';
import { namePath, toFolded, type Stack } from './helpers';

const tree = (stacks: Stack[]): CallTree => viewTree(parseFoldedStacks(toFolded(stacks)), 'latency');
const idOf = (t: CallTree, name: string): number => t.names.indexOf(name);
const nodeAtPath = (t: CallTree, path: readonly string[]): number => {
  for (let i = 1; i < t.size; i++) if (namePath(t, i).join(';') === path.join(';')) return i;
  return -1;
};

const stacksArb = fc.array(fc.record({
  frames: fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'main'), { minLength: 1, maxLength: 7 }),
  count: fc.integer({ min: 1, max: 50 }),
}), { minLength: 1, maxLength: 40 });

/** The frames of a stack inside the scope `prefix` (the zoomed frame's path; [] = everything), or undefined. */
function inScope(s: Stack, prefix: readonly string[]): string[] | undefined {
  if (!prefix.every((f, i) => s.frames[i] === f)) return undefined;
  return s.frames.slice(Math.max(0, prefix.length - 1));
}

/** Naive bottom-up values of the caller chain `path` (function first) one level up at `caller`. */
function naiveCaller(stacks: readonly Stack[], prefix: readonly string[], path: readonly string[], caller: string): { self: number; total: number } {
  let self = 0;
  let total = 0;
  const chainAt = (frames: readonly string[], j: number): boolean =>
    path.every((f, k) => frames[j - k] === f) && frames[j - path.length] === caller && j - path.length >= 0;
  for (const s of stacks) {
    const frames = inScope(s, prefix);
    if (!frames) continue;
    if (chainAt(frames, frames.length - 1)) self += s.count;
    const outer = frames.indexOf(path[0]!);
    if (outer >= 0 && chainAt(frames, outer)) total += s.count;
  }
  return { self, total };
}

describe('profiler: hot functions (bottom-up table)', () => {
  it('self is where stacks end, total counts each stack once per function, in any zoom scope (property)', () => {
    fc.assert(fc.property(stacksArb, fc.array(fc.constantFrom('a', 'b', 'main'), { maxLength: 2 }), (stacks, prefix) => {
      const t = tree(stacks);
      const scope = prefix.length === 0 ? 0 : nodeAtPath(t, prefix);
      fc.pre(scope >= 0);
      const table = hotFunctions(t, scope);
      for (const name of ['a', 'b', 'c', 'd', 'main']) {
        const scoped = stacks.map((s) => ({ s, frames: inScope(s, prefix) })).filter((x) => x.frames !== undefined);
        const self = scoped.filter((x) => x.frames!.at(-1) === name).reduce((a, x) => a + x.s.count, 0);
        const total = scoped.filter((x) => x.frames!.includes(name)).reduce((a, x) => a + x.s.count, 0);
        const row = idOf(t, name) >= 0 ? table.rowOf[idOf(t, name)]! : -1;
        assert.equal(row >= 0 ? table.self[row] : 0, self, `self of ${name} in ${prefix.join(';')}`);
        assert.equal(row >= 0 ? table.total[row] : 0, total, `total of ${name} in ${prefix.join(';')}`);
      }
    }), { numRuns: 200 });
  });

  it('the callers of a caller chain carry the self and total that came through them (property)', () => {
    fc.assert(fc.property(stacksArb, fc.array(fc.constantFrom('a', 'main'), { maxLength: 1 }), fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'main'), { minLength: 1, maxLength: 3 }), (stacks, prefix, path) => {
      const t = tree(stacks);
      const scope = prefix.length === 0 ? 0 : nodeAtPath(t, prefix);
      fc.pre(scope >= 0 && path.every((n) => idOf(t, n) >= 0));
      const table = hotFunctions(t, scope);
      const got = new Map(callersOf(t, table, path.map((n) => idOf(t, n))).map((c) => [t.names[c.nameId]!, c]));
      for (const caller of ['a', 'b', 'c', 'd', 'main']) {
        const want = naiveCaller(stacks, prefix, path, caller);
        const c = got.get(caller);
        const where = `${path.join('<')}<${caller} in ${prefix.join(';')}`;
        assert.equal(c?.self ?? 0, want.self, `self of ${where}`);
        assert.equal(c?.total ?? 0, want.total, `total of ${where}`);
        if (c) assert.ok(c.self > 0 || c.total > 0, where);
      }
    }), { numRuns: 300 });
  });

  it('counts a recursive function once per stack and its self where it ran', () => {
    const t = tree([{ frames: ['main', 'fib', 'fib', 'fib'], count: 10 }, { frames: ['main', 'fib', 'leaf'], count: 5 }, { frames: ['main'], count: 1 }]);
    const table = hotFunctions(t);
    const fib = table.rowOf[idOf(t, 'fib')]!;
    assert.equal(table.total[fib], 15, 'not 10 × 3 + 5');
    assert.equal(table.self[fib], 10);
    assert.equal(table.total[table.rowOf[idOf(t, 'main')]!], 16);
    // fib's callers: itself (the recursion) and main; total through main is the whole of fib.
    const callers = new Map(callersOf(t, table, [idOf(t, 'fib')]).map((c) => [t.names[c.nameId]!, c]));
    assert.deepEqual({ self: callers.get('main')?.self, total: callers.get('main')?.total }, { self: 0, total: 15 });
    assert.deepEqual({ self: callers.get('fib')?.self, total: callers.get('fib')?.total }, { self: 10, total: 0 });
    assert.equal(t.names[t.nameId[hottestNode(table, t, fib)]!], 'fib');
    assert.deepEqual(namePath(t, hottestNode(table, t, fib)), ['main', 'fib', 'fib', 'fib'], 'where fib spends its self time');
  });

  it('scopes to the zoomed frame: functions outside it are not rows, callers stop at it', () => {
    const t = tree([{ frames: ['main', 'handle', 'parse'], count: 4 }, { frames: ['main', 'idle'], count: 6 }, { frames: ['main', 'handle'], count: 2 }]);
    const table = hotFunctions(t, nodeAtPath(t, ['main', 'handle']));
    assert.deepEqual([...table.ids].map((id) => t.names[id]).sort(), ['handle', 'parse']);
    assert.equal(table.total[table.rowOf[idOf(t, 'handle')]!], 6);
    assert.deepEqual(callersOf(t, table, [idOf(t, 'handle')]), [], 'main is outside the zoom');
    assert.deepEqual(callersOf(t, table, [idOf(t, 'parse')]).map((c) => [t.names[c.nameId], c.self, c.total, c.hasCallers]), [['handle', 4, 4, false]]);
  });

  it('sorts by self, total or name (ties by name) and filters by matched names', () => {
    const t = tree([{ frames: ['main', 'b'], count: 5 }, { frames: ['main', 'a'], count: 5 }, { frames: ['main', 'c', 'a'], count: 1 }, { frames: ['main'], count: 2 }]);
    const table = hotFunctions(t);
    const names = (rows: Int32Array): string[] => [...rows].map((r) => t.names[table.ids[r]!]!);
    assert.deepEqual(names(sortedRows(table, nameRanks(table, t.names), { key: 'self', descending: true })), ['a', 'b', 'main', 'c']);
    assert.deepEqual(names(sortedRows(table, nameRanks(table, t.names), { key: 'self', descending: false })), ['c', 'main', 'b', 'a']);
    assert.deepEqual(names(sortedRows(table, nameRanks(table, t.names), { key: 'total', descending: true })), ['main', 'a', 'b', 'c']);
    assert.deepEqual(names(sortedRows(table, nameRanks(table, t.names), { key: 'name', descending: false })), ['a', 'b', 'c', 'main']);
    assert.deepEqual(names(sortedRows(table, nameRanks(table, t.names), { key: 'name', descending: true })), ['main', 'c', 'b', 'a']);
    const filter = new Uint8Array(t.names.length);
    filter[idOf(t, 'c')] = 1;
    filter[idOf(t, 'b')] = 1;
    assert.deepEqual(names(sortedRows(table, nameRanks(table, t.names), { key: 'self', descending: true }, filter)), ['b', 'c']);
  });
});

describe('profiler: hot functions rows (expand, sort, filter, zoom)', () => {
  const t = tree([{ frames: ['main', 'serve', 'parse'], count: 6 }, { frames: ['main', 'load', 'parse'], count: 3 }, { frames: ['main', 'serve'], count: 1 }]);
  const label = (list: HotRowList): string[] => list.rows.map((r) => `${'  '.repeat(r.level)}${t.names[r.nameId]} ${r.self}/${r.total}${r.expandable ? (r.expanded ? ' -' : ' +') : ''}`);

  it('lists functions by self time and expands a row into its callers, then theirs', () => {
    const list = new HotRowList(t);
    assert.deepEqual(label(list), ['parse 9/9 +', 'serve 1/7 +', 'load 0/3 +', 'main 0/10']);
    assert.equal(list.toggle(0), true);
    assert.deepEqual(label(list), ['parse 9/9 -', '  serve 6/6 +', '  load 3/3 +', 'serve 1/7 +', 'load 0/3 +', 'main 0/10']);
    list.toggle(1);
    assert.deepEqual(label(list).slice(0, 4), ['parse 9/9 -', '  serve 6/6 -', '    main 6/6', '  load 3/3 +']);
    assert.equal(list.parentIndex(2), 1);
    assert.equal(list.parentIndex(1), 0);
    assert.equal(list.parentIndex(0), -1);
    assert.equal(list.toggle(2), false, 'main has no callers');
    assert.equal(list.rows[6]?.nameId, idOf(t, 'main'));
    assert.equal(list.toggle(6), false, 'main at the top level has no callers either');
    assert.ok(list.sourceNode(0) > 0 && t.names[t.nameId[list.sourceNode(0)]!] === 'parse');
    assert.equal(list.sourceNode(1), -1, 'a caller opens by name');
  });

  it('keeps expansions across a sort and a filter; a new zoom scope starts collapsed', () => {
    const list = new HotRowList(t);
    list.toggle(0);
    list.setSort({ key: 'total', descending: true });
    assert.deepEqual(label(list), ['main 0/10', 'parse 9/9 -', '  serve 6/6 +', '  load 3/3 +', 'serve 1/7 +', 'load 0/3 +']);
    list.setSort({ key: 'total', descending: false });
    assert.deepEqual(label(list).slice(0, 4), ['load 0/3 +', 'serve 1/7 +', 'parse 9/9 -', '  load 3/3 +']);
    const filter = new Uint8Array(t.names.length);
    filter[idOf(t, 'parse')] = 1;
    list.setFilter(filter);
    assert.deepEqual(label(list), ['parse 9/9 -', '  load 3/3 +', '  serve 6/6 +']);
    list.setFilter(undefined);
    list.setScope(nodeAtPath(t, ['main', 'serve']));
    assert.equal(list.scopeTotal, 7);
    assert.deepEqual(label(list), ['parse 6/6 +', 'serve 1/7']);
    assert.equal(list.functionCount, 2);
  });
});

describe('profiler: hot functions amounts in the counter\'s unit', () => {
  it('shows time, bytes or samples, and names the unit in the column heading', () => {
    assert.equal(formatHotAmount(3, 0.25, undefined), '250 ms');
    assert.equal(formatHotAmount(2.5e9, undefined, 'nanoseconds'), '2.5 sec');
    assert.equal(formatHotAmount(4396, undefined, 'bytes'), '4.3 KiB');
    assert.equal(formatHotAmount(1234, undefined, 'count'), '1,234');
    assert.deepEqual([hotUnitLabel(true, undefined), hotUnitLabel(false, 'nanoseconds'), hotUnitLabel(false, 'bytes'), hotUnitLabel(false, 'count'), hotUnitLabel(false, undefined)],
      ['time', 'time', 'bytes', 'samples', 'samples']);
  });
});
