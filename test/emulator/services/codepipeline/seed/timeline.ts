// Seeding runs the real engine over simulated history: a private clock starts weeks in the past,
// seed steps are scheduled at offsets from "now", and the clock is fast-forwarded to now.
import type { SimClock } from '../../../core/clock';

export const HISTORY_MS = 22 * 24 * 3_600_000;

export class SeedTimeline {
  constructor(private readonly clock: SimClock, readonly now: number) {}

  /** Runs `fn` at `now + offsetMs` of simulated time (offsetMs <= 0 for history). */
  at(offsetMs: number, fn: () => void): void {
    this.clock.setTimeout(fn, this.now + offsetMs - this.clock.now());
  }
}
