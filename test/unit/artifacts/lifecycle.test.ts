import assert from 'node:assert/strict';
import {
  formatRemaining, normaliseDuration, refreshAt, refreshLeadMs, retryDelayMs, TokenScheduler, type Clock, type Refreshed, type TrackedToken,
} from '../../../src/artifacts/login/lifecycle';

/** Simulated time: timers fire only when the test advances the clock. */
class SimClock implements Clock {
  private t = 1_700_000_000_000;
  private timers: { at: number; fn: () => void; live: boolean }[] = [];
  now(): number {
    return this.t;
  }
  setTimeout(fn: () => void, ms: number): { cancel(): void } {
    const timer = { at: this.t + ms, fn, live: true };
    this.timers.push(timer);
    return { cancel: () => { timer.live = false; } };
  }
  /** Moves time forward, firing due timers in order and letting their promises settle. */
  async advance(ms: number): Promise<void> {
    const end = this.t + ms;
    for (;;) {
      const due = this.timers.filter((x) => x.live && x.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.t = Math.max(this.t, due.at);
      due.live = false;
      due.fn();
      for (let i = 0; i < 20; i++) await Promise.resolve();
    }
    this.t = end;
  }
  pending(): number {
    return this.timers.filter((x) => x.live).length;
  }
}

const HOUR = 3_600_000;
const MIN = 60_000;

describe('token lifecycle', () => {
  it('clamps the duration setting to 900–43200 seconds', () => {
    assert.equal(normaliseDuration(60), 900);
    assert.equal(normaliseDuration(99999), 43200);
    assert.equal(normaliseDuration(3600.4), 3600);
    assert.equal(normaliseDuration('12h'), 43200);
  });

  it('refreshes a tenth of the lifetime early, between 2 and 30 minutes', () => {
    assert.equal(refreshLeadMs(0, 12 * HOUR), 30 * MIN);
    assert.equal(refreshLeadMs(0, HOUR), 6 * MIN);
    assert.equal(refreshLeadMs(0, 15 * MIN), 2 * MIN);
    assert.equal(refreshLeadMs(0, 2 * MIN), MIN, 'never more than half of a very short lifetime');
    assert.equal(refreshAt(0, 12 * HOUR), 11.5 * HOUR);
  });

  it('backs off 30 s, 1, 2, 4 … minutes up to 10', () => {
    assert.deepEqual([0, 1, 2, 3, 4, 5, 9].map(retryDelayMs), [30_000, MIN, 2 * MIN, 4 * MIN, 8 * MIN, 10 * MIN, 10 * MIN]);
  });

  it('formats the countdown', () => {
    assert.equal(formatRemaining(12 * HOUR - 1), '11h 59m');
    assert.equal(formatRemaining(4 * MIN + 5_000), '4m 05s');
    assert.equal(formatRemaining(42_000), '42s');
    assert.equal(formatRemaining(0), 'expired');
  });

  it('refreshes before expiry, again and again, with simulated time', async () => {
    const clock = new SimClock();
    const calls: number[] = [];
    const scheduler = new TokenScheduler(clock, async () => {
      calls.push(clock.now());
      return { issuedAt: clock.now(), expiresAt: clock.now() + 12 * HOUR };
    }, () => undefined);
    const start = clock.now();
    scheduler.track('a', start, start + 12 * HOUR);
    await clock.advance(11.5 * HOUR - 1);
    assert.deepEqual(calls, []);
    await clock.advance(1);
    assert.deepEqual(calls, [start + 11.5 * HOUR]);
    await clock.advance(11.5 * HOUR);
    assert.deepEqual(calls, [start + 11.5 * HOUR, start + 23 * HOUR]);
    assert.equal(scheduler.get('a')?.status, 'valid');
    assert.equal(scheduler.get('a')?.expiresAt, start + 23 * HOUR + 12 * HOUR);
    scheduler.untrack('a');
    assert.equal(clock.pending(), 0);
  });

  it('retries a failing refresh with backoff and recovers before expiry', async () => {
    const clock = new SimClock();
    let failuresLeft = 3;
    const seen: TrackedToken['status'][] = [];
    const scheduler = new TokenScheduler(clock, async (): Promise<Refreshed> => {
      if (failuresLeft-- > 0) throw new Error('ThrottlingException');
      return { issuedAt: clock.now(), expiresAt: clock.now() + HOUR };
    }, (t) => seen.push(t.status));
    const start = clock.now();
    scheduler.track('a', start, start + HOUR);
    await clock.advance(HOUR - 6 * MIN);
    assert.equal(scheduler.get('a')?.status, 'retrying');
    assert.equal(scheduler.get('a')?.lastError, 'ThrottlingException');
    await clock.advance(30_000 + MIN + 2 * MIN);
    assert.equal(scheduler.get('a')?.status, 'valid');
    assert.equal(scheduler.get('a')?.failures, 0);
    assert.deepEqual(seen.filter((s) => s === 'retrying').length, 3);
  });

  it('marks a token expired when every refresh fails, and stops trying', async () => {
    const clock = new SimClock();
    let attempts = 0;
    const scheduler = new TokenScheduler(clock, async () => { attempts++; throw new Error('AccessDenied'); }, () => undefined);
    const start = clock.now();
    scheduler.track('a', start, start + 15 * MIN);
    await clock.advance(20 * MIN);
    assert.equal(scheduler.get('a')?.status, 'expired');
    const tried = attempts;
    assert.ok(tried >= 3, `tried ${tried} times`);
    await clock.advance(10 * HOUR);
    assert.equal(attempts, tried, 'no more attempts after expiry');
    // A manual refresh still works once the cause is fixed.
    const ok = new TokenScheduler(clock, async () => ({ issuedAt: clock.now(), expiresAt: clock.now() + HOUR }), () => undefined);
    ok.track('b', start, start + MIN);
    ok.sweep();
    assert.equal(ok.get('b')?.status, 'expired');
    assert.equal((await ok.refreshNow('b'))?.status, 'valid');
  });

  it('forgets a login that is untracked while its refresh is in flight', async () => {
    const clock = new SimClock();
    let release: (v: Refreshed) => void = () => undefined;
    const scheduler = new TokenScheduler(clock, () => new Promise<Refreshed>((r) => { release = r; }), () => undefined);
    scheduler.track('a', clock.now(), clock.now() + HOUR);
    await clock.advance(HOUR - 6 * MIN);
    assert.equal(scheduler.get('a')?.status, 'refreshing');
    scheduler.untrack('a');
    release({ issuedAt: clock.now(), expiresAt: clock.now() + HOUR });
    await Promise.resolve();
    assert.equal(scheduler.get('a'), undefined);
    assert.equal(clock.pending(), 0);
  });
});
