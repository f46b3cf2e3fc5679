// Simulated time: advance() fires due timers in order, speed scales real time, transfer keeps handles.
import assert from 'node:assert/strict';
import { createClock } from '../../emulator/core/clock';

describe('emulator core: simulated clock', () => {
  it('is frozen at speed 0 and moves only with advance()', () => {
    const clock = createClock({ start: 1_000_000, speed: 0 });
    assert.equal(clock.now(), 1_000_000);
    clock.advance(2_500);
    assert.equal(clock.now(), 1_002_500);
  });

  it('fires due timers in due order, with now() at each due time, including timers they schedule', () => {
    const clock = createClock({ start: 0, speed: 0 });
    const seen: string[] = [];
    clock.setTimeout(() => seen.push(`b@${clock.now()}`), 200);
    clock.setTimeout(() => {
      seen.push(`a@${clock.now()}`);
      clock.setTimeout(() => seen.push(`a2@${clock.now()}`), 50);
    }, 100);
    clock.setTimeout(() => seen.push(`late@${clock.now()}`), 1_000);
    clock.advance(300);
    assert.deepEqual(seen, ['a@100', 'a2@150', 'b@200']);
    assert.equal(clock.now(), 300);
    assert.equal(clock.pending(), 1);
  });

  it('keeps insertion order for timers due at the same time, and skips cancelled ones', () => {
    const clock = createClock({ start: 0, speed: 0 });
    const seen: number[] = [];
    for (let i = 0; i < 5; i++) clock.setTimeout(() => seen.push(i), 10);
    const t = clock.setTimeout(() => seen.push(99), 10);
    t.cancel();
    clock.advance(10);
    assert.deepEqual(seen, [0, 1, 2, 3, 4]);
  });

  it('runs timers in real time at the configured speed', async () => {
    const clock = createClock({ speed: 1000 });
    const fired = await new Promise<boolean>((resolve) => {
      clock.setTimeout(() => resolve(true), 60_000);
    });
    assert.ok(fired);
  });

  it('transfers pending timers to another clock; cancelling through the old handle still works', () => {
    const from = createClock({ start: 0, speed: 0 });
    const to = createClock({ start: 500, speed: 0 });
    const seen: string[] = [];
    from.setTimeout(() => seen.push('kept'), 800);
    const dropped = from.setTimeout(() => seen.push('dropped'), 900);
    from.transferTo(to);
    dropped.cancel();
    assert.equal(from.pending(), 0);
    to.advance(299);
    assert.deepEqual(seen, []);
    to.advance(1);
    assert.deepEqual(seen, ['kept']);
    to.advance(1_000);
    assert.deepEqual(seen, ['kept']);
  });

  it('rejects a negative advance', () => {
    assert.throws(() => createClock({ speed: 0 }).advance(-1), RangeError);
  });
});
