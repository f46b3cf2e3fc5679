// The one way Conveyor writes times and durations, in every view, document and message: relative times
// and units come from Intl, so the wording is the platform's, and every feature rounds the same way.

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto', style: 'long' });
const units = {
  millisecond: new Intl.NumberFormat('en', { style: 'unit', unit: 'millisecond', unitDisplay: 'short', maximumFractionDigits: 0 }),
  second: new Intl.NumberFormat('en', { style: 'unit', unit: 'second', unitDisplay: 'short', maximumFractionDigits: 0 }),
  secondPrecise: new Intl.NumberFormat('en', { style: 'unit', unit: 'second', unitDisplay: 'short', maximumFractionDigits: 2 }),
  minute: new Intl.NumberFormat('en', { style: 'unit', unit: 'minute', unitDisplay: 'short', maximumFractionDigits: 0 }),
  hour: new Intl.NumberFormat('en', { style: 'unit', unit: 'hour', unitDisplay: 'short', maximumFractionDigits: 0 }),
};

function millis(t: number | Date): number {
  return typeof t === 'number' ? t : t.getTime();
}

/**
 * "just now", "5 minutes ago", "3 hours ago", "yesterday", "4 days ago", then "on 2024-05-17". Always
 * rounded down, so a moment 90 minutes ago is "1 hour ago" everywhere; a time in the future (clock
 * skew) is "just now".
 */
export function formatAgo(then: number | Date, now: number | Date): string {
  const ago = millis(now) - millis(then);
  if (ago < MINUTE) return 'just now';
  if (ago < HOUR) return relative.format(-Math.floor(ago / MINUTE), 'minute');
  if (ago < DAY) return relative.format(-Math.floor(ago / HOUR), 'hour');
  if (ago < 30 * DAY) return relative.format(-Math.floor(ago / DAY), 'day');
  return `on ${new Date(millis(then)).toISOString().slice(0, 10)}`;
}

/**
 * "850 ms", "42 sec", "3 min 5 sec", "1 hr 2 min". `precise` keeps up to two decimals below ten
 * seconds ("1.23 sec"), for measured quantities such as profiled time; elapsed wall time rounds to
 * whole seconds. Negative or non-finite input reads "–".
 */
export function formatDuration(ms: number, options: { precise?: boolean } = {}): string {
  if (!Number.isFinite(ms) || ms < 0) return '–';
  if (ms < SECOND) return units.millisecond.format(Math.round(ms));
  if (options.precise && ms < 10 * SECOND) return units.secondPrecise.format(ms / SECOND);
  const totalSeconds = Math.round(ms / SECOND);
  if (totalSeconds < 60) return units.second.format(totalSeconds);
  if (totalSeconds < 3600) {
    const minutes = Math.floor(totalSeconds / 60);
    const seconds = totalSeconds % 60;
    return seconds ? `${units.minute.format(minutes)} ${units.second.format(seconds)}` : units.minute.format(minutes);
  }
  const totalMinutes = Math.round(ms / MINUTE);
  const hours = Math.floor(totalMinutes / 60);
  const minutes = totalMinutes % 60;
  return minutes ? `${units.hour.format(hours)} ${units.minute.format(minutes)}` : units.hour.format(hours);
}

/** An absolute time for tooltips and documents: "2024-05-17 10:15:30 UTC". */
export function formatTimestamp(t: number | Date): string {
  return `${new Date(millis(t)).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}
