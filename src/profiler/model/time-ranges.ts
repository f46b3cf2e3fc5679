export type RangeKind = 'hour' | 'day' | 'week' | 'custom' | 'report';

/** A profile time window; GetProfile gets startTime + endTime (CodeGuru allows up to one week). */
export interface TimeRange {
  readonly kind: RangeKind;
  readonly label: string;
  readonly start: Date;
  readonly end: Date;
}

const HOUR = 3_600_000;
export const RANGE_MS: Record<'hour' | 'day' | 'week', number> = { hour: HOUR, day: 24 * HOUR, week: 7 * 24 * HOUR };
const LABELS: Record<'hour' | 'day' | 'week', string> = { hour: 'Last hour', day: 'Last day', week: 'Last week' };

/**
 * The end of the newest data: the latest hourly profile's start + 1 h (ListProfileTimes with
 * period PT1H), never after `now`; `now` when there are no profiles.
 */
export function dataEnd(profileStarts: readonly Date[], now: Date): Date {
  let latest = -Infinity;
  for (const d of profileStarts) if (d.getTime() > latest) latest = d.getTime();
  if (!Number.isFinite(latest)) return now;
  return new Date(Math.min(latest + HOUR, now.getTime()));
}

/** "Last hour / day / week", each ending where the data ends (not at an empty "now"). */
export function standardRanges(end: Date): TimeRange[] {
  return (['hour', 'day', 'week'] as const).map((kind) => ({
    kind, label: LABELS[kind], start: new Date(end.getTime() - RANGE_MS[kind]), end,
  }));
}

/** The window of the same length right before `range` (for "compare with previous period"). */
export function previousRange(range: TimeRange): TimeRange {
  const len = range.end.getTime() - range.start.getTime();
  return { kind: range.kind, label: `Before ${range.label.toLowerCase()}`, start: new Date(range.start.getTime() - len), end: range.start };
}

export function countIn(profileStarts: readonly Date[], range: Pick<TimeRange, 'start' | 'end'>): number {
  const s = range.start.getTime();
  const e = range.end.getTime();
  return profileStarts.filter((d) => d.getTime() >= s && d.getTime() < e).length;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** "2024-03-23 22:00 – 23:00 UTC" or "2024-03-16 22:00 – 2024-03-23 22:00 UTC". */
export function describeRange(range: Pick<TimeRange, 'start' | 'end'>): string {
  const day = (d: Date): string => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const time = (d: Date): string => `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  const sameDay = day(range.start) === day(range.end);
  return `${day(range.start)} ${time(range.start)} – ${sameDay ? '' : `${day(range.end)} `}${time(range.end)} UTC`;
}

/** Validates a custom window: start before end and at most a week long (GetProfile's limit). */
export function customRange(start: Date, end: Date): TimeRange | string {
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) return 'Enter dates like 2024-03-23T14:00Z.';
  if (end.getTime() <= start.getTime()) return 'The end must be after the start.';
  if (end.getTime() - start.getTime() > RANGE_MS.week) return 'CodeGuru Profiler returns at most one week at a time.';
  return { kind: 'custom', label: 'Custom range', start, end };
}
