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
