import * as assert from 'node:assert/strict';
import { customRangeFlow } from '../../../src/profiler/tree/custom-range';

const HOUR = 3_600_000;
const END = Date.UTC(2026, 11, 1, 12);
const TIMES = Array.from({ length: 24 * 9 }, (_, i) => new Date(END - (i + 1) * HOUR));

describe('custom time range flow (profiler)', () => {
  it('from → to: two steps over the hourly profiles, ending after the last hour picked', () => {
    const flow = customRangeFlow('orders-api', TIMES);
    const first = flow.show();
    assert.deepEqual([first.number, first.total, first.view.title], [1, 2, 'Custom range for orders-api: from']);
    const from = TIMES[5]!;
    assert.equal(flow.submit({ ids: [from.toISOString()] }).status, 'next');
    const second = flow.show();
    assert.deepEqual([second.number, second.total], [2, 2]);
    assert.ok(second.view.kind === 'pick');
    const offered = second.view.items.map((i) => Date.parse(i.id));
    assert.ok(offered.every((t) => t >= from.getTime() && t + HOUR - from.getTime() <= 7 * 24 * HOUR), 'only hours within a week of the start');
    const result = flow.submit({ ids: [TIMES[2]!.toISOString()] });
    assert.equal(result.status, 'done');
    if (result.status !== 'done') return;
    assert.deepEqual([result.result.start.getTime(), result.result.end.getTime(), result.result.kind], [from.getTime(), TIMES[2]!.getTime() + HOUR, 'custom']);
  });

  it('or a typed range, validated as typed', () => {
    const flow = customRangeFlow('orders-api', TIMES);
    flow.submit({ ids: ['type'] });
    assert.deepEqual([flow.current, flow.show().number, flow.show().total], ['typed', 2, 2]);
    assert.match(flow.validate('2026-12-01T10:00Z/2026-11-01T10:00Z') ?? '', /end must be after/);
    assert.match(flow.validate('2026-11-01T10:00Z/2026-12-01T10:00Z') ?? '', /one week/);
    const result = flow.submit({ text: '2026-11-30T09:00Z/2026-11-30T17:00Z' });
    assert.equal(result.status === 'done' && result.result.end.toISOString(), '2026-11-30T17:00:00.000Z');
  });

  it('goes back from the second step to the first', () => {
    const flow = customRangeFlow('orders-api', TIMES);
    flow.submit({ ids: ['type'] });
    assert.equal(flow.back(), true);
    assert.equal(flow.current, 'from');
    assert.deepEqual(flow.submit({ ids: [] }), { status: 'invalid', message: 'Choose the first hour, or type a range.' });
  });
});
