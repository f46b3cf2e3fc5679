import { formatDuration } from '../../core/format';
import { formatAmount, formatCount, formatDeltaPoints, formatPercent } from '../model/format';
import type { FlameTree } from '../flame/flame-tree';

/** Lines describing one frame (tooltip and the status line), plain text: set with textContent only. */
export function describeFrame(tree: FlameTree, node: number, source: string | undefined): { title: string; lines: string[] } {
  const all = tree.total[0] ?? 0;
  const pct = (v: number): string => formatPercent(all > 0 ? v / all : 0);
  const secs = (arr: Float64Array | undefined): string => (arr ? ` · ${formatDuration(arr[node]! * 1000, { precise: true })}` : '');
  const lines = [
    `Total ${pct(tree.total[node]!)} · ${formatCount(tree.total[node]!)} samples${secs(tree.totalSeconds)}`,
    `Self ${pct(tree.self[node]!)} · ${formatCount(tree.self[node]!)} samples${secs(tree.selfSeconds)}`,
  ];
  if (tree.baseTotal) {
    const baseAll = tree.baseTotal[0] ?? 0;
    const before = baseAll > 0 ? tree.baseTotal[node]! / baseAll : 0;
    const now = all > 0 ? tree.total[node]! / all : 0;
    lines.push(`Before ${formatPercent(before)} → now ${formatPercent(now)} (${formatDeltaPoints(now - before)})`);
  }
  if (source) lines.push(source);
  return { title: tree.names[tree.nameId[node]!] ?? '', lines };
}

/**
 * A table cell's amount in the counter's own unit: time when the view knows seconds (or its unit is a
 * time), bytes for allocation counters, otherwise samples. Short, for a column: "1.25 s", "3.4 MiB", "1,234".
 */
export function formatHotAmount(value: number, seconds: number | undefined, unit: string | undefined): string {
  if (seconds !== undefined) return formatDuration(seconds * 1000, { precise: true });
  const perSecond = unit ? TIME_UNITS[unit] : undefined;
  if (perSecond !== undefined) return formatDuration((value / perSecond) * 1000, { precise: true });
  if (unit === 'bytes') return formatAmount(value, unit);
  return formatCount(value);
}

const TIME_UNITS: Readonly<Record<string, number>> = { nanoseconds: 1e9, microseconds: 1e6, milliseconds: 1e3, seconds: 1 };

/** The column heading's unit: "Self (time)", "Self (bytes)", "Self (samples)". */
export function hotUnitLabel(hasSeconds: boolean, unit: string | undefined): string {
  if (hasSeconds || (unit !== undefined && TIME_UNITS[unit] !== undefined)) return 'time';
  if (unit === 'bytes') return 'bytes';
  return unit && unit !== 'count' && unit !== 'samples' ? unit : 'samples';
}
