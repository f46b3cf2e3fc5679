import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { viewTree } from '../../../src/profiler/model/call-tree';
import { decodeProfile } from '../../../src/profiler/model/decode';
import { formatCount, formatDeltaPoints, formatPercent } from '../../../src/profiler/model/format';
import { fileHeat, lineEdit, shiftMarks } from '../../../src/profiler/model/heat';
import { lineMap, mapRanges } from '../../../src/profiler/model/line-map';
import { locateRecommendations, recommendationLine, type RecommendationLike } from '../../../src/profiler/model/recommendations';
import { SourceResolver } from '../../../src/profiler/model/resolve';
import { countIn, customRange, dataEnd, describeRange, previousRange, standardRanges } from '../../../src/profiler/model/time-ranges';
import { WORKSPACE } from './helpers';

const shop = decodeProfile(fs.readFileSync(path.join(WORKSPACE, 'profiles', 'shop-python.json')));
const wall = viewTree(shop, 'wall');
const resolver = new SourceResolver([
  { path: `${WORKSPACE}/shop/orders/service.py`, rel: 'shop/orders/service.py' },
  { path: `${WORKSPACE}/shop/pricing.py`, rel: 'shop/pricing.py' },
]);
const fileOf = wall.names.map((name, id) => {
  const node = [...wall.nameId].indexOf(id);
  const fileId = node >= 0 ? shop.tree.fileId[node]! : -1;
  return resolver.resolve({ name, ...(fileId >= 0 ? { hostFile: shop.tree.files[fileId]! } : {}) })?.file.rel;
});

describe('profiler: heat per file', () => {
  it('credits executing line ranges with inclusive samples', () => {
    const marks = fileHeat({ tree: wall, frames: shop.tree, inFile: (id) => fileOf[id] === 'shop/pricing.py', definitionLine: () => undefined });
    const byRange = Object.fromEntries(marks.map((m) => [`${m.startLine}-${m.endLine}`, m]));
    assert.deepEqual(Object.keys(byRange).sort(), ['15-17', '5-5', '5-6']);
    assert.equal(byRange['15-17']!.total, 30);
    assert.equal(byRange['5-6']!.total, 50);
    assert.equal(byRange['5-6']!.self, 8);
    assert.equal(byRange['5-5']!.total, 12);
    assert.equal(byRange['15-17']!.fraction, 0.3);
    assert.ok(Math.abs(byRange['15-17']!.totalSeconds! - 30 / 0.02777777777777778) < 1e-9);
  });

  it('credits frames without lines to their definition line, recursion once', () => {
    const t = viewTree(decodeProfile(Buffer.from('Foo.a;Foo.b;Foo.a 4\nFoo.a 1\n')), 'latency');
    const marks = fileHeat({ tree: t, frames: { lineMin: new Int32Array(t.size), lineMax: new Int32Array(t.size) }, inFile: () => true,
      definitionLine: (id) => (t.names[id] === 'Foo.a' ? 3 : 9) });
    assert.deepEqual(marks.map((m) => [m.startLine, m.total]), [[3, 5], [9, 4]]);
  });
});

describe('profiler: decorations follow edits', () => {
  const marks = [{ startLine: 5, endLine: 5 }, { startLine: 10, endLine: 12 }];
  const edit = (sl: number, sc: number, el: number, ec: number, text: string) => lineEdit({ start: { line: sl, character: sc }, end: { line: el, character: ec } }, text);

  it('shifts marks below an inserted or deleted line', () => {
    assert.deepEqual(shiftMarks(marks, edit(0, 0, 0, 0, 'import os\n')), [{ startLine: 6, endLine: 6 }, { startLine: 11, endLine: 13 }]);
    assert.deepEqual(shiftMarks(marks, edit(2, 0, 3, 0, '')), [{ startLine: 4, endLine: 4 }, { startLine: 9, endLine: 11 }]);
    assert.deepEqual(shiftMarks(marks, edit(5, 0, 5, 0, '\n\n')), [{ startLine: 7, endLine: 7 }, { startLine: 12, endLine: 14 }]);
  });
  it('keeps marks for edits within a line and after them', () => {
    assert.deepEqual(shiftMarks(marks, edit(5, 4, 5, 9, 'other')), marks);
    assert.deepEqual(shiftMarks(marks, edit(20, 0, 25, 0, '')), marks);
    assert.deepEqual(shiftMarks(marks, edit(5, 30, 5, 30, '\n    x = 1')), [marks[0], { startLine: 11, endLine: 13 }], 'Enter at the end of a hot line');
  });
  it('grows a range when a line is added inside it and drops stale ones', () => {
    assert.deepEqual(shiftMarks(marks, edit(11, 3, 11, 3, '\n')), [marks[0], { startLine: 10, endLine: 13 }]);
    assert.deepEqual(shiftMarks(marks, edit(4, 0, 6, 0, '')), [{ startLine: 8, endLine: 10 }], 'deleting the hot line drops its mark');
    assert.deepEqual(shiftMarks(marks, edit(9, 2, 11, 0, 'x')), [marks[0]]);
  });
  it('joining a hot line onto the previous one moves the mark up', () => {
    assert.deepEqual(shiftMarks(marks, edit(4, 12, 5, 0, '')), [{ startLine: 4, endLine: 4 }, { startLine: 9, endLine: 11 }]);
  });
  it('matches a replay of the same edit on real text (property: shifted marks still hold the same content)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 19 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 }), (at, removed, added) => {
      const lines = Array.from({ length: 20 }, (_, i) => `line ${i}`);
      const hot = [{ startLine: 8, endLine: 8 }];
      const end = Math.min(at + removed, 20);
      const next = [...lines.slice(0, at), ...Array.from({ length: added }, () => 'new'), ...lines.slice(end)];
      const shifted = shiftMarks(hot, edit(at, 0, end, 0, 'new\n'.repeat(added)));
      if (shifted.length === 1) assert.equal(next[shifted[0]!.startLine], 'line 8');
      else assert.ok(at <= 8 && end > 8, 'only dropped when the hot line itself was removed');
    }));
  });
});

describe('profiler: heat computed on the file as profiled, placed on unsaved edits', () => {
  const profiled = Array.from({ length: 20 }, (_, i) => `line ${i}`);
  it('moves ranges along a line diff and drops those whose first or last line is gone', () => {
    const edited = ['# new first line', ...profiled.slice(0, 9), ...profiled.slice(10)].join('\n');
    const ranges = [{ startLine: 2, endLine: 4 }, { startLine: 9, endLine: 9 }, { startLine: 12, endLine: 12 }];
    assert.deepEqual(mapRanges(ranges, profiled.join('\n'), edited), [{ startLine: 3, endLine: 5 }, { startLine: 12, endLine: 12 }]);
    assert.deepEqual(mapRanges(ranges, profiled.join('\r\n'), profiled.join('\n')), ranges, 'line endings are not edits');
  });
  it('keeps every range holding the same lines (property: random edits in several places)', () => {
    const edits = fc.array(fc.record({ at: fc.integer({ min: 0, max: 19 }), removed: fc.integer({ min: 0, max: 3 }), added: fc.integer({ min: 0, max: 3 }) }), { maxLength: 4 });
    fc.assert(fc.property(edits, (list) => {
      let lines = [...profiled];
      for (const e of list) lines = [...lines.slice(0, e.at), ...Array.from({ length: e.added }, () => 'new'), ...lines.slice(e.at + e.removed)];
      const map = lineMap(profiled.join('\n'), lines.join('\n'))!;
      for (let i = 0; i < profiled.length; i++) {
        const to = map(i);
        if (to !== undefined) assert.equal(lines[to], profiled[i]);
        else assert.ok(!lines.includes(profiled[i]!), `line ${i} is still in the text but was not found`);
      }
    }), { numRuns: 300 });
  });
});

describe('profiler: recommendations at the affected function', () => {
  const rec: RecommendationLike = {
    pattern: { id: 'p', name: 'Expensive JSON decoding', description: 'JSON decoding is slow.', resolutionSteps: 'Use orjson.', targetFrames: [['json.decoder:JSONDecoder:decode']], thresholdPercent: 10 },
    topMatches: [{ frameAddress: 'json.decoder:JSONDecoder:decode' }],
  };
  it('walks up from the matched frame to the nearest workspace function', () => {
    const located = locateRecommendations([rec], wall, (id) => fileOf[id] !== undefined);
    assert.equal(located.length, 1);
    assert.equal(wall.names[located[0]!.nameId], 'shop.orders.service:OrderService:_validate');
    assert.equal(located[0]!.samples, 20);
    assert.match(located[0]!.message, /Expensive JSON decoding: JSON decoding is slow\. 20\.0% .*above 10%.*Use orjson\./);
  });
  it('follows a frame address given as a whole stack', () => {
    const address = 'threading:Thread:_bootstrap;threading:Thread:run;shop.orders.service:process_batch;shop.orders.service:OrderService:place_order;shop.pricing:compute_total;shop.pricing:TaxTable:lookup';
    const located = locateRecommendations([{ pattern: { name: 'Slow tax lookups' }, topMatches: [{ frameAddress: address }] }], wall, (id) => fileOf[id] === 'shop/orders/service.py');
    assert.deepEqual(located.map((l) => [wall.names[l.nameId], l.samples]), [['shop.orders.service:OrderService:place_order', 30]]);
  });

  it('leaves out functions whose share is under CodeGuru\'s threshold for the pattern', () => {
    const strict: RecommendationLike = { ...rec, pattern: { ...rec.pattern, thresholdPercent: 20.5 } };
    assert.deepEqual(locateRecommendations([strict], wall, (id) => fileOf[id] !== undefined), []);
    const exact: RecommendationLike = { ...rec, pattern: { ...rec.pattern, thresholdPercent: 20 } };
    assert.equal(locateRecommendations([exact], wall, (id) => fileOf[id] !== undefined).length, 1, 'at the threshold is flagged');
  });

  it('anchors a finding at the function\'s definition in its own file, never a guessed file or line 1', () => {
    const text = 'package com.example.orders;\n\npublic class OrderService {\n  public void placeOrder() {\n    validate();\n  }\n}\n';
    const own = new SourceResolver([{ path: '/w/src/com/example/orders/OrderService.java', rel: 'src/com/example/orders/OrderService.java' }]);
    const resolved = own.resolve({ name: 'com.example.orders.OrderService.placeOrder' })!;
    assert.equal(recommendationLine(text, resolved), 3);
    assert.equal(recommendationLine(text, own.resolve({ name: 'com.example.orders.OrderService.cancel' })!), undefined, 'not defined: no line 1');
    const other = new SourceResolver([{ path: '/w/shop/OrderService.java', rel: 'shop/OrderService.java' }]);
    const guessed = other.resolve({ name: 'com.example.orders.OrderService.placeOrder' })!;
    assert.equal(guessed.guessed, true);
    assert.equal(recommendationLine(text, guessed), undefined, 'another project\'s file of the same name');
  });

  it('matches a short target against a qualified frame and skips recommendations with nothing to place', () => {
    const short: RecommendationLike = { pattern: { name: 'n', targetFrames: [['TaxTable:lookup']] } };
    const located = locateRecommendations([short, { pattern: { name: 'empty' } }], wall, (id) => wall.names[id] === 'shop.pricing:compute_total');
    assert.deepEqual(located.map((l) => wall.names[l.nameId]), ['shop.pricing:compute_total']);
  });
});

describe('profiler: time ranges', () => {
  const now = new Date('2024-03-24T12:34:00Z');
  it('ends the standard ranges where the data ends', () => {
    const end = dataEnd([new Date('2024-03-23T08:00:00Z'), new Date('2024-03-23T09:00:00Z')], now);
    assert.equal(end.toISOString(), '2024-03-23T10:00:00.000Z');
    const [hour, day, week] = standardRanges(end);
    assert.equal(hour!.start.toISOString(), '2024-03-23T09:00:00.000Z');
    assert.equal(day!.start.toISOString(), '2024-03-22T10:00:00.000Z');
    assert.equal(week!.start.toISOString(), '2024-03-16T10:00:00.000Z');
    assert.equal(dataEnd([], now).getTime(), now.getTime());
    assert.equal(dataEnd([new Date('2024-03-24T12:00:00Z')], now).getTime(), now.getTime(), 'never in the future');
  });
  it('derives the previous period, counts profiles and describes ranges', () => {
    const [hour] = standardRanges(new Date('2024-03-23T10:00:00Z'));
    const prev = previousRange(hour!);
    assert.equal(prev.end.toISOString(), hour!.start.toISOString());
    assert.equal(prev.start.toISOString(), '2024-03-23T08:00:00.000Z');
    assert.equal(countIn([new Date('2024-03-23T09:00:00Z'), new Date('2024-03-23T10:00:00Z')], hour!), 1);
    assert.equal(describeRange(hour!), '2024-03-23 09:00 – 10:00 UTC');
    assert.equal(describeRange(prev), '2024-03-23 08:00 – 09:00 UTC');
  });
  it('validates custom ranges against GetProfile limits', () => {
    assert.equal(typeof customRange(new Date('2024-03-01'), new Date('2024-03-02')), 'object');
    assert.match(customRange(new Date('2024-03-02'), new Date('2024-03-01')) as string, /after/);
    assert.match(customRange(new Date('2024-03-01'), new Date('2024-03-09')) as string, /one week/);
    assert.match(customRange(new Date('nope'), new Date('2024-03-09')) as string, /dates like/);
  });
});

describe('profiler: number formatting', () => {
  it('formats percentages, deltas, seconds and counts', () => {
    assert.equal(formatPercent(0.182), '18.2%');
    assert.equal(formatPercent(0.041), '4.1%');
    assert.equal(formatPercent(0.0005), '0.05%');
    assert.equal(formatPercent(0.00001), '<0.01%');
    assert.equal(formatPercent(0), '0%');
    assert.equal(formatDeltaPoints(0.031), '+3.10 pp');
    assert.equal(formatDeltaPoints(-0.2), '−20.0 pp');
    assert.equal(formatDeltaPoints(0), '±0 pp');
    assert.equal(formatCount(1234567), '1,234,567');
  });
});
