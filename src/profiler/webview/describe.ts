import { formatDuration } from '../../core/format';
import { formatCount, formatDeltaPoints, formatPercent } from '../model/format';
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
