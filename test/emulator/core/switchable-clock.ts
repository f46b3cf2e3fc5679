import type { Clock } from './contract';

/** A Clock that forwards to another one, which can be swapped (seeding runs on a clock of its own). */
export class SwitchableClock implements Clock {
  constructor(public target: Clock) {}

  now(): number {
    return this.target.now();
  }

  setTimeout(fn: () => void, ms: number): { cancel(): void } {
    return this.target.setTimeout(fn, ms);
  }
}
