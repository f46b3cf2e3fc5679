// Simulated time. It runs at `speed` simulated ms per real ms (0 = frozen, only advance() moves it)
// and can be fast-forwarded, firing every timer that falls due on the way, in order.
import type { Clock } from './contract';
import { MinHeap } from './min-heap';

interface Timer {
  due: number;
  seq: number;
  fn: () => void;
  cancelled: boolean;
}

export interface SimClock extends Clock {
  /** Moves simulated time forward by `ms`, running due timers in order (timers they schedule too). */
  advance(ms: number): void;
  readonly speed: number;
  setSpeed(speed: number): void;
  /** How many timers are waiting. */
  pending(): number;
  /** Drops every waiting timer (used by reset and close). */
  cancelAll(): void;
  /** Moves every waiting timer to `other` (same due times); handles already given out keep working. */
  transferTo(other: Clock): void;
}

export function createClock(options: { start?: number; speed?: number } = {}): SimClock {
  const heap = new MinHeap<Timer>((a, b) => a.due - b.due || a.seq - b.seq);
  let seq = 0;
  let speed = Math.max(0, options.speed ?? 1);
  // simulated now = anchorSim + (realNow - anchorReal) * speed
  let anchorSim = options.start ?? Date.now();
  let anchorReal = Date.now();
  let realTimer: NodeJS.Timeout | undefined;
  let advancing = false;

  const now = (): number => anchorSim + (Date.now() - anchorReal) * speed;
  const setNow = (t: number): void => {
    anchorSim = t;
    anchorReal = Date.now();
  };

  function runDue(limit: number): void {
    for (;;) {
      const top = heap.peek();
      if (!top || top.due > limit) return;
      heap.pop();
      if (top.cancelled) continue;
      if (top.due > now()) setNow(top.due);
      top.fn();
    }
  }

  function armRealTimer(): void {
    if (realTimer) clearTimeout(realTimer);
    realTimer = undefined;
    if (speed === 0 || advancing) return;
    while (heap.peek()?.cancelled) heap.pop();
    const top = heap.peek();
    if (!top) return;
    const wait = Math.max(0, (top.due - now()) / speed);
    realTimer = setTimeout(() => {
      realTimer = undefined;
      runDue(now());
      armRealTimer();
    }, Math.min(wait, 2 ** 31 - 1));
    realTimer.unref();
  }

  return {
    now,
    setTimeout(fn, ms) {
      const timer: Timer = { due: now() + Math.max(0, ms), seq: seq++, fn, cancelled: false };
      heap.push(timer);
      if (heap.peek() === timer) armRealTimer();
      return { cancel: () => { timer.cancelled = true; } };
    },
    advance(ms) {
      if (!(ms >= 0)) throw new RangeError(`advance(ms) needs ms >= 0, got ${ms}`);
      const target = now() + ms;
      advancing = true;
      try {
        runDue(target);
      } finally {
        advancing = false;
      }
      if (target > now()) setNow(target);
      armRealTimer();
    },
    get speed() {
      return speed;
    },
    setSpeed(next) {
      setNow(now());
      speed = Math.max(0, next);
      armRealTimer();
    },
    pending() {
      let n = 0;
      for (const t of heap.items()) if (!t.cancelled) n++;
      return n;
    },
    cancelAll() {
      for (const t of heap.items()) t.cancelled = true;
      heap.clear();
      armRealTimer();
    },
    transferTo(other) {
      const waiting = heap.items().filter((t) => !t.cancelled).sort((a, b) => a.due - b.due || a.seq - b.seq);
      heap.clear();
      armRealTimer();
      for (const t of waiting) {
        other.setTimeout(() => {
          if (!t.cancelled) t.fn();
        }, t.due - other.now());
      }
    },
  };
}
