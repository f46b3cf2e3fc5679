/** A cancellable timer. */
export interface TimerHandle {
  cancel(): void;
}

/** Time as the scheduler sees it; tests and the benchmark drive a {@link ManualClock} instead of the wall clock. */
export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): TimerHandle;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => {
    const t = setTimeout(fn, Math.max(0, ms));
    // A poll timer alone must not keep a CLI or test process alive.
    t.unref?.();
    return { cancel: () => clearTimeout(t) };
  },
};

interface ManualTimer {
  at: number;
  seq: number;
  fn: () => void;
  cancelled: boolean;
}

/** Lets `await` chains that were resolved synchronously run before time moves on. */
export async function flushMicrotasks(rounds = 5): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

/** A clock that only moves when told to; timers fire in time order, ties in creation order. */
export class ManualClock implements Clock {
  private current: number;
  private seq = 0;
  private timers: ManualTimer[] = [];

  constructor(start = 0) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  setTimeout(fn: () => void, ms: number): TimerHandle {
    const timer: ManualTimer = { at: this.current + Math.max(0, ms), seq: this.seq++, fn, cancelled: false };
    this.timers.push(timer);
    return { cancel: () => { timer.cancelled = true; } };
  }

  /** Timers still waiting to fire. */
  get pending(): number {
    return this.timers.filter((t) => !t.cancelled).length;
  }

  /** The time the next live timer fires, if any. */
  nextTimerAt(): number | undefined {
    let next: number | undefined;
    for (const t of this.timers) if (!t.cancelled && (next === undefined || t.at < next)) next = t.at;
    return next;
  }

  /**
   * Moves time forward by `ms`, firing every timer that falls due on the way. After each timer,
   * `settle` runs so that work it started (promises, I/O) can finish and arm new timers first.
   */
  async advance(ms: number, settle: () => Promise<void> = () => flushMicrotasks()): Promise<void> {
    const end = this.current + ms;
    await settle();
    for (;;) {
      const due = this.takeNext(end);
      if (!due) break;
      this.current = Math.max(this.current, due.at);
      due.fn();
      await settle();
    }
    this.current = end;
  }

  private takeNext(limit: number): ManualTimer | undefined {
    this.timers = this.timers.filter((t) => !t.cancelled);
    let best: ManualTimer | undefined;
    for (const t of this.timers) {
      if (t.at > limit) continue;
      if (!best || t.at < best.at || (t.at === best.at && t.seq < best.seq)) best = t;
    }
    if (best) this.timers = this.timers.filter((t) => t !== best);
    return best;
  }
}
