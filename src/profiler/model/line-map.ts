import { diffArrays } from 'diff';

/** Beyond this many changed lines the texts are not compared (the marks are dropped instead). */
const MAX_CHANGED_LINES = 4000;

const linesOf = (text: string): string[] => text.split(/\r\n|\r|\n/);

/**
 * Where each line of `from` is in `to`, by a line diff (Myers): undefined for a line that was removed
 * or replaced. Undefined as a whole when the texts differ in more than MAX_CHANGED_LINES lines.
 */
export function lineMap(from: string, to: string): ((line: number) => number | undefined) | undefined {
  if (from === to) return (line) => line;
  const changes = diffArrays(linesOf(from), linesOf(to), { maxEditLength: MAX_CHANGED_LINES });
  if (!changes) return undefined;
  const map = new Map<number, number>();
  let a = 0;
  let b = 0;
  for (const c of changes) {
    if (c.removed) a += c.count;
    else if (c.added) b += c.count;
    else for (let k = 0; k < c.count; k++) map.set(a++, b++);
  }
  return (line) => map.get(line);
}

/**
 * Moves line ranges computed against `from` (the file as profiled, on disk) onto `to` (the edited
 * document): a range whose first and last lines are still there follows them; one whose first or
 * last line was removed or rewritten is dropped, as an edit that replaces those lines drops it.
 */
export function mapRanges<T extends { startLine: number; endLine: number }>(ranges: readonly T[], from: string, to: string): T[] {
  const map = lineMap(from, to);
  if (!map) return [];
  const out: T[] = [];
  for (const r of ranges) {
    const start = map(r.startLine);
    const end = map(r.endLine);
    if (start === undefined || end === undefined || end < start) continue;
    out.push(start === r.startLine && end === r.endLine ? r : { ...r, startLine: start, endLine: end });
  }
  return out;
}
