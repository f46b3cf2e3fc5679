import { formatDuration } from '../../core/format';

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

/** Sample counts: integers with separators, fractions kept short. */
export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return '–';
  return Number.isInteger(n) ? n.toLocaleString('en-US') : n.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/**
 * How much a view adds up to, in its counter's unit: time as a duration (pprof `cpu`, .cpuprofile
 * `time`), bytes as bytes, anything else as samples. `seconds` is the total in seconds when known.
 */
export function formatAmount(total: number, unit: string | undefined, seconds?: number): string {
  if (seconds !== undefined && unit !== undefined && /seconds$/.test(unit)) return formatDuration(seconds * 1000, { precise: true });
  if (unit === 'bytes') {
    const steps = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
    let v = total;
    let k = 0;
    while (v >= 1024 && k < steps.length - 1) { v /= 1024; k++; }
    return `${k === 0 ? formatCount(v) : v.toFixed(v >= 100 ? 0 : 1)} ${steps[k]}`;
  }
  const secs = seconds !== undefined ? ` · ${formatDuration(seconds * 1000, { precise: true })}` : '';
  return `${formatCount(total)} samples${secs}`;
}
