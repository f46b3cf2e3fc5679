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
  if (seconds < 60) return `${seconds.toFixed(seconds < 10 ? 2 : 1)} s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;
  return `${Math.floor(seconds / 3600)} h ${Math.round((seconds % 3600) / 60)} min`;
}

/** Sample counts: integers with separators, fractions kept short. */
export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return '–';
  return Number.isInteger(n) ? n.toLocaleString('en-US') : n.toLocaleString('en-US', { maximumFractionDigits: 2 });
}
