/** "18.2%", "4.1%", "0.04%", "<0.01%". */
export function formatPercent(fraction: number): string {
  if (!Number.isFinite(fraction) || fraction <= 0) return '0%';
  const pct = fraction * 100;
  if (pct >= 1) return `${pct.toFixed(1)}%`;
  if (pct >= 0.01) return `${pct.toFixed(2)}%`;
  return '<0.01%';
}

/** Signed percentage points: "+3.1 pp". */
export function formatDeltaPoints(delta: number): string {
  const pp = delta * 100;
  if (!Number.isFinite(pp) || Math.abs(pp) < 0.005) return '±0 pp';
  return `${pp > 0 ? '+' : '−'}${Math.abs(pp) >= 10 ? Math.abs(pp).toFixed(1) : Math.abs(pp).toFixed(2)} pp`;
}

/** "1.23 s", "450 ms", "2 min 5 s", "1 h 2 min". */
export function formatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '–';
  if (seconds < 1) return `${Math.round(seconds * 1000)} ms`;
  if (seconds < 59.95) return `${seconds.toFixed(seconds < 10 ? 2 : 1)} s`;
  const whole = Math.round(seconds);
  if (whole < 3600) return `${Math.floor(whole / 60)} min ${whole % 60} s`;
  const minutes = Math.round(seconds / 60);
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** Sample counts: integers with separators, fractions kept short. */
export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return '–';
  return Number.isInteger(n) ? n.toLocaleString('en-US') : n.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/** "just now", "5 min ago", "3 h ago", "2 days ago". */
export function formatAgo(then: Date, now: Date): string {
  const s = Math.max(0, (now.getTime() - then.getTime()) / 1000);
  if (s < 60) return 'just now';
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86_400) return `${Math.floor(s / 3600)} h ago`;
  const days = Math.floor(s / 86_400);
  return days === 1 ? '1 day ago' : `${days} days ago`;
}

/**
 * How much a view adds up to, in its counter's unit: time as a duration (pprof `cpu`, .cpuprofile
 * `time`), bytes as bytes, anything else as samples. `seconds` is the total in seconds when known.
 */
export function formatAmount(total: number, unit: string | undefined, seconds?: number): string {
  if (seconds !== undefined && unit !== undefined && /seconds$/.test(unit)) return formatSeconds(seconds);
  if (unit === 'bytes') {
    const steps = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
    let v = total;
    let k = 0;
    while (v >= 1024 && k < steps.length - 1) { v /= 1024; k++; }
    return `${k === 0 ? formatCount(v) : v.toFixed(v >= 100 ? 0 : 1)} ${steps[k]}`;
  }
  const secs = seconds !== undefined ? ` · ${formatSeconds(seconds)}` : '';
  return `${formatCount(total)} samples${secs}`;
}
