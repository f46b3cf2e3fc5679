import * as assert from 'node:assert/strict';
import { ManualClock, flushMicrotasks } from '../../../../src/core/polling/clock';
import { taskKey, type TaskSpec, type Tier } from '../../../../src/core/polling/tasks';
import { PollScheduler, type ErrorClass } from '../../../../src/core/polling/scheduler';
import { DEFAULT_REFRESH_SETTINGS, type RefreshSettings } from '../../../../src/core/polling/settings';

function spec(kind: string, subject: string, tier: Tier, target = 't1'): TaskSpec {
  return { key: taskKey(kind, target, subject), kind, target, tier };
}

interface Harness {
  clock: ManualClock;
  scheduler: PollScheduler;
  runs: { key: string; at: number }[];
  /** Resolves pending runs (by default runs resolve immediately). */
  inFlight: { key: string; resolve: (changed: boolean) => void; reject: (e: unknown) => void }[];
  settings: RefreshSettings;
}

function harness(opts: {
  settings?: Partial<RefreshSettings>;
  manual?: boolean;
  changed?: (key: string, n: number) => boolean;
  fail?: (key: string, n: number) => ErrorClass | undefined;
  random?: () => number;
  specOfKey?: (key: string) => TaskSpec | undefined;
} = {}): Harness {
  const clock = new ManualClock(1_000_000);
  const settings = { ...DEFAULT_REFRESH_SETTINGS, ...opts.settings };
  const runs: Harness['runs'] = [];
  const inFlight: Harness['inFlight'] = [];
  const counts = new Map<string, number>();
  const scheduler = new PollScheduler({
    clock,
    random: opts.random ?? (() => 0.5),
    settings: () => settings,
    classify: (e) => (e as { cls: ErrorClass }).cls,
    ...(opts.specOfKey ? { specOfKey: opts.specOfKey } : {}),
    run: (task) => {
      runs.push({ key: task.key, at: clock.now() });
      const n = (counts.get(task.key) ?? 0) + 1;
      counts.set(task.key, n);
      if (opts.manual) return new Promise((resolve, reject) => inFlight.push({ key: task.key, resolve, reject }));
      const cls = opts.fail?.(task.key, n);
      if (cls) return Promise.reject(Object.assign(new Error(`${task.key} fails (${cls})`), { cls }));
      return Promise.resolve(opts.changed?.(task.key, n) ?? false);
    },
  });
  return { clock, scheduler, runs, inFlight, settings };
}

const runsOf = (h: Harness, key: string): number[] => h.runs.filter((r) => r.key === key).map((r) => r.at - 1_000_000);

describe('PollScheduler (simulated clock)', () => {
  it('runs new tasks at once, then at their tier interval', async () => {
    const h = harness();
    const idle = spec('latest', 'idle-pipe', 'idle');
    const watched = spec('latest', 'watched-pipe', 'watched');
    h.scheduler.setTasks([idle, watched]);
    await h.clock.advance(10 * 60_000);
    assert.deepEqual(runsOf(h, idle.key), [0, 300_000, 600_000]);
    assert.deepEqual(runsOf(h, watched.key), Array.from({ length: 11 }, (_, i) => i * 60_000));
  });

  it('backs a running pipeline off from 5 s to 30 s while nothing changes, and snaps back on a change', async () => {
    let changeAt = -1;
    const h = harness({ changed: (_k, n) => n === changeAt });
    const active = spec('state', 'busy', 'active');
    h.scheduler.setTasks([active]);
    await h.clock.advance(120_000);
    const times = runsOf(h, active.key);
    const gaps = times.slice(1).map((t, i) => t - (times[i] ?? 0));
    assert.deepEqual(gaps.slice(0, 5), [5_000, 7_500, 11_250, 16_875, 25_313]);
    assert.ok(gaps.slice(5).every((g) => g === 30_000), `capped at 30 s: ${gaps.join(',')}`);
    // Now make the next run report a change: the interval returns to 5 s.
    changeAt = times.length + 1;
    await h.clock.advance(60_000);
    const after = runsOf(h, active.key).slice(times.length);
    assert.equal(after[1]! - after[0]!, 5_000);
  });

  it('never has more than maxConcurrency requests in flight', async () => {
    const h = harness({ manual: true, settings: { maxConcurrency: 4 } });
    h.scheduler.setTasks(Array.from({ length: 10 }, (_, i) => spec('latest', `p${i}`, 'idle')));
    await flushMicrotasks();
    assert.equal(h.scheduler.inFlight, 4);
    assert.equal(h.runs.length, 4);
    h.inFlight.shift()?.resolve(false);
    await flushMicrotasks();
    assert.equal(h.scheduler.inFlight, 4);
    assert.equal(h.runs.length, 5);
    while (h.inFlight.length) {
      h.inFlight.shift()?.resolve(false);
      await flushMicrotasks();
      assert.ok(h.scheduler.inFlight <= 4);
    }
    assert.equal(h.runs.length, 10);
  });

  it('pauses every task of a throttled account with jittered exponential backoff', async () => {
    const jitter = [0, 1, 0.5, 0.25];
    let r = 0;
    const h = harness({
      fail: (key, n) => (key.includes('p0') && n <= 3 ? 'throttled' : undefined),
      random: () => jitter[r++ % jitter.length] ?? 0,
    });
    const a = spec('latest', 'p0', 'active');
    const b = spec('latest', 'p1', 'active');
    const other = spec('latest', 'p2', 'active', 't2');
    h.scheduler.setTasks([a]);
    await h.clock.advance(0);
    h.scheduler.setTasks([a, b, other]);
    // p0 failed once (throttled): t1 cools down for backoff(1) = 2.5 s + jitter(0) → 2.5 s.
    assert.equal(h.scheduler.dueAt(b.key), 1_000_000 + 2_500);
    await h.clock.advance(60_000);
    const p0 = runsOf(h, a.key);
    // Throttled 3 times: 2.5 s (r=0), then 5 s·(0.5+0.5·1)=10 s → wait 10 s, then 20 s·0.75 = 15 s.
    assert.deepEqual(p0.slice(0, 4), [0, 2_500, 12_500, 27_500]);
    // The other account was never held back.
    assert.equal(runsOf(h, other.key)[0], 0);
    // p1 (same account) did not run during the cool-downs.
    for (const t of runsOf(h, b.key)) assert.ok(!(t > 0 && t < 2_500) && !(t > 2_500 && t < 12_500) && !(t > 12_500 && t < 27_500), `p1 ran at ${t}`);
  });

  it('a task that stays throttled backs off further although other tasks of the account succeed', async () => {
    const h = harness({ fail: (key) => (key.includes('slow') ? 'throttled' : undefined) });
    const throttled = spec('recent', 'slow', 'watched');
    const busy = spec('running', 'fast', 'active');
    h.scheduler.setTasks([busy, throttled]);
    await h.clock.advance(10 * 60_000);
    const runs = runsOf(h, throttled.key);
    const gaps = runs.slice(1).map((t, i) => t - (runs[i] ?? 0));
    assert.ok(gaps.every((g, i) => i === 0 || g >= (gaps[i - 1] ?? 0)), `gaps grow: ${gaps.join(', ')}`);
    assert.ok(runs.length <= 9, `${runs.length} throttled calls in 10 minutes`);
    assert.ok(runsOf(h, busy.key).length >= runs.length - 1, 'the other task runs whenever the account is not cooling down');
  });

  it('retries transient errors with backoff and keeps fatal ones at least at the tier interval', async () => {
    const h = harness({ fail: (key, n) => (key.includes('flaky') && n <= 2 ? 'transient' : key.includes('denied') ? 'fatal' : undefined) });
    const flaky = spec('latest', 'flaky', 'idle');
    const denied = spec('latest', 'denied', 'active');
    h.scheduler.setTasks([flaky, denied]);
    await h.clock.advance(400_000);
    const f = runsOf(h, flaky.key);
    assert.deepEqual(f.slice(0, 3), [0, 3_750, 3_750 + 7_500]);
    const d = runsOf(h, denied.key);
    // fatal: max(5 s, backoff from 60 s) → 45 s, 90 s, 180 s (capped at 300 s)…
    assert.deepEqual(d.slice(0, 4), [0, 45_000, 135_000, 315_000]);
  });

  it('stops polling when no task is wanted and resumes overdue tasks at once', async () => {
    const h = harness();
    const t = spec('latest', 'p', 'idle');
    h.scheduler.setTasks([t]);
    await h.clock.advance(1_000);
    h.scheduler.setTasks([]);
    await h.clock.advance(30 * 60_000);
    assert.equal(h.runs.length, 1);
    assert.equal(h.clock.pending, 0, 'no timer is armed while nothing is wanted');
    h.scheduler.setTasks([t]);
    await h.clock.advance(0);
    assert.equal(h.runs.length, 2, 'overdue after the pause: runs immediately');
  });

  it('remembers when a re-added task last ran', async () => {
    const h = harness();
    const t = spec('latest', 'p', 'idle');
    h.scheduler.setTasks([t]);
    await h.clock.advance(60_000);
    h.scheduler.setTasks([]);
    await h.clock.advance(60_000);
    h.scheduler.setTasks([t]);
    await h.clock.advance(0);
    assert.equal(h.runs.length, 1, 'not yet due: it ran 2 minutes ago and idles at 5');
    await h.clock.advance(180_000);
    assert.deepEqual(runsOf(h, t.key), [0, 300_000]);
  });

  it('runs a kicked task now, and markFresh postpones one', async () => {
    const h = harness();
    const t = spec('latest', 'p', 'idle');
    h.scheduler.setTasks([t]);
    await h.clock.advance(10_000);
    h.scheduler.kick((s) => s.key === t.key);
    await h.clock.advance(0);
    assert.deepEqual(runsOf(h, t.key), [0, 10_000]);
    await h.clock.advance(200_000);
    h.scheduler.markFresh(t.key);
    await h.clock.advance(299_000);
    assert.deepEqual(runsOf(h, t.key), [0, 10_000]);
    await h.clock.advance(1_000);
    assert.deepEqual(runsOf(h, t.key), [0, 10_000, 510_000]);
  });

  it('a kick reaches a task that is not scheduled now, through specOfKey', async () => {
    const t = spec('latest', 'p', 'idle');
    const h = harness({ specOfKey: (key) => (key === t.key ? t : undefined) });
    h.scheduler.setTasks([t]);
    await h.clock.advance(10_000);
    h.scheduler.setTasks([]);
    h.scheduler.kick((s) => s.kind === 'latest');
    h.scheduler.setTasks([t]);
    await h.clock.advance(0);
    assert.deepEqual(runsOf(h, t.key), [0, 10_000], 'the kicked task forgot its last run');
    const other = spec('latest', 'q', 'idle');
    const h2 = harness();
    h2.scheduler.setTasks([other]);
    await h2.clock.advance(10_000);
    h2.scheduler.setTasks([]);
    h2.scheduler.kick(() => true);
    h2.scheduler.setTasks([other]);
    await h2.clock.advance(0);
    assert.deepEqual(runsOf(h2, other.key), [0], 'without specOfKey the remembered timing stays');
  });

  it('shortens the wait when a pipeline starts running', async () => {
    const h = harness();
    const idle = spec('latest', 'p', 'idle');
    h.scheduler.setTasks([idle]);
    await h.clock.advance(1_000);
    h.scheduler.setTasks([{ ...idle, tier: 'active' }]);
    await h.clock.advance(10_000);
    assert.deepEqual(runsOf(h, idle.key), [0, 5_000, 10_000]);
  });

  it('does not run anything after dispose', async () => {
    const h = harness();
    h.scheduler.setTasks([spec('latest', 'p', 'active')]);
    await h.clock.advance(0);
    h.scheduler.dispose();
    await h.clock.advance(600_000);
    assert.equal(h.runs.length, 1);
  });
});
