// Seeding replays history through the real engine: a private clock starts in the past, seed steps run
// at offsets from "now", the clock is fast-forwarded to now, and the work still running (a deployment
// waiting for rerouting, a canary) moves to the emulator's live clock.
import { createClock, type SimClock } from '../../../core/clock';
import type { SwitchableClock } from '../../../core/switchable-clock';

export type At = (offsetMs: number, fn: () => void) => void;

export function replay(worldClock: SwitchableClock, liveClock: SimClock, historyMs: number, schedule: (at: At, now: number) => void): void {
  const now = liveClock.now();
  const seedClock = createClock({ start: now - historyMs, speed: 0 });
  const previous = worldClock.target;
  worldClock.target = seedClock;
  try {
    schedule((offsetMs, fn) => {
      seedClock.setTimeout(fn, now + offsetMs - seedClock.now());
    }, now);
    seedClock.advance(Math.max(0, liveClock.now() - seedClock.now()));
    seedClock.transferTo(liveClock);
  } finally {
    worldClock.target = previous;
  }
}
