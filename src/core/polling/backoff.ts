/**
 * Exponential backoff with "equal jitter": half the exponential delay is fixed, half is random, so
 * clients that were throttled together do not retry together, yet no retry comes back immediately.
 * `attempt` counts failures in a row, starting at 1.
 */
export function jitteredBackoff(attempt: number, baseMs: number, capMs: number, random: () => number): number {
  const exponent = Math.min(Math.max(attempt, 1) - 1, 30);
  const ceiling = Math.min(capMs, baseMs * 2 ** exponent);
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.round(ceiling / 2 + r * (ceiling / 2));
}
