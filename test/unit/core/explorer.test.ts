// The generic explorer's pure parts: change pruning and freshness in words.
import * as assert from 'node:assert/strict';
import { describeFreshness, pruneDescendants } from '../../../src/core/explorer';

describe('generic explorer', () => {
  it('drops a changed id whose ancestor also changed', () => {
    const parents: Record<string, string> = { c: 'b', b: 'a', y: 'x' };
    const parentOf = (id: string): string | undefined => parents[id];
    assert.deepEqual(pruneDescendants(['c', 'a', 'y', 'c'], parentOf), ['a', 'y']);
    assert.deepEqual(pruneDescendants(['c', 'y'], parentOf), ['c', 'y']);
  });

  it('says how fresh the view is: the oldest root speaks, a failed root with data makes it stale', () => {
    const now = 1_000_000;
    assert.deepEqual(describeFreshness([], now, true), { stale: false });
    assert.deepEqual(describeFreshness([{ target: 'a', loaded: false }], now, true), { stale: false });
    assert.equal(describeFreshness([{ target: 'a', loaded: true, updatedAt: now - 59_999 }], now, true).description, 'updated 59 s ago');
    assert.equal(describeFreshness([
      { target: 'a', loaded: true, updatedAt: now - 5_000 },
      { target: 'b', loaded: true, updatedAt: now - 2 * 3_600_000 },
    ], now, true).description, 'updated 2 hours ago');
    const failedEmpty = describeFreshness([{ target: 'a', loaded: false, error: { message: 'denied', category: 'accessDenied' } }], now, true);
    assert.deepEqual(failedEmpty, { stale: false }, 'an error with nothing shown is the error row, not stale data');
    const stale = describeFreshness([{ target: 'a', loaded: true, updatedAt: now - 90_000, error: { message: 'Throttled.', category: 'throttled' } }], now, false);
    assert.deepEqual(stale, {
      stale: true, description: 'stale · updated 1 minute ago · auto-refresh off',
      message: 'Refresh failed; showing the last data loaded. Throttled.',
    });
  });
});
