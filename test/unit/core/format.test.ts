import * as assert from 'node:assert/strict';
import { formatAgo, formatDuration, formatTimestamp } from '../../../src/core/format';

const NOW = Date.UTC(2026, 11, 1, 12, 0, 0);
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe('time and duration formatting (one format for every feature)', () => {
  it('says how long ago, rounded down, in words', () => {
    assert.equal(formatAgo(NOW - 10_000, NOW), 'just now');
    assert.equal(formatAgo(NOW - 59_999, NOW), 'just now');
    assert.equal(formatAgo(NOW - MIN, NOW), '1 minute ago');
    assert.equal(formatAgo(NOW - 5 * MIN, NOW), '5 minutes ago');
    assert.equal(formatAgo(NOW - 3 * HOUR, NOW), '3 hours ago');
    assert.equal(formatAgo(NOW - 30 * HOUR, NOW), 'yesterday');
    assert.equal(formatAgo(NOW - 4 * DAY, NOW), '4 days ago');
    assert.equal(formatAgo(NOW - 90 * DAY, NOW), 'on 2026-09-02');
  });

  it('reads the same for the same moment whatever the caller passes (Pipelines: epoch ms, Profiler: Date)', () => {
    // The review found "2 h ago" in Pipelines and "1 h ago" in Profiler for one moment 90 minutes back.
    assert.equal(formatAgo(NOW - 90 * MIN, NOW), '1 hour ago');
    assert.equal(formatAgo(new Date(NOW - 90 * MIN), new Date(NOW)), '1 hour ago');
    assert.equal(formatAgo(NOW - 119 * MIN, NOW), '1 hour ago');
  });

  it('treats a time in the future (clock skew) as just now', () => {
    assert.equal(formatAgo(NOW + 5 * MIN, NOW), 'just now');
  });

  it('writes durations with short units', () => {
    assert.deepEqual([850, 42_000, 185_000, 3_600_000, 3_720_000].map((ms) => formatDuration(ms)),
      ['850 ms', '42 sec', '3 min 5 sec', '1 hr', '1 hr 2 min']);
    assert.equal(formatDuration(59_600), '1 min', 'rounding to a whole minute drops the seconds');
  });

  it('keeps two decimals below ten seconds for measured (precise) durations', () => {
    assert.equal(formatDuration(1234, { precise: true }), '1.23 sec');
    assert.equal(formatDuration(1234), '1 sec');
    assert.equal(formatDuration(42_400, { precise: true }), '42 sec');
    assert.equal(formatDuration(0.4, { precise: true }), '0 ms');
    assert.equal(formatDuration(250, { precise: true }), '250 ms');
  });

  it('never writes "14 min 60 sec": rounding carries into the next unit', () => {
    assert.equal(formatDuration(899_990), '15 min');
    assert.equal(formatDuration(59_970), '1 min');
    assert.equal(formatDuration(7_199_900), '2 hr');
    assert.equal(formatDuration(3_599_600), '1 hr');
  });

  it('refuses nonsense', () => {
    assert.equal(formatDuration(-1), '–');
    assert.equal(formatDuration(Number.NaN), '–');
    assert.equal(formatDuration(Number.POSITIVE_INFINITY), '–');
  });

  it('writes absolute times in UTC', () => {
    assert.equal(formatTimestamp(NOW), '2026-12-01 12:00:00 UTC');
    assert.equal(formatTimestamp(new Date(NOW)), '2026-12-01 12:00:00 UTC');
  });
});
