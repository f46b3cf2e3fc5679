import type { AggregationPeriod } from './params';
import { PERIOD_MS } from './params';

/** How far back aggregated profiles of each period are kept in the demo (real retention is longer). */
const KEPT: Record<AggregationPeriod, number> = { PT5M: 24 * 60 * 60_000, PT1H: 7 * 24 * 60 * 60_000, P1D: 7 * 24 * 60 * 60_000 };

/** Start of the newest complete aggregation period, aligned to UTC. */
export function latestProfileTime(now: number, period: AggregationPeriod): number {
  const size = PERIOD_MS[period];
  return Math.floor(now / size) * size - size;
}

/** Starts of the aggregated profiles of `period` that exist in [from, to], oldest first. */
export function profileTimes(now: number, dataFrom: number, period: AggregationPeriod, from: number, to: number): number[] {
  const size = PERIOD_MS[period];
  const earliest = Math.max(dataFrom, now - KEPT[period]);
  const times: number[] = [];
  for (let t = latestProfileTime(now, period); t + size > earliest; t -= size) {
    if (t >= from && t <= to) times.push(t);
  }
  return times.reverse();
}
