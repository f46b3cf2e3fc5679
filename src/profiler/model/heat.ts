import type { CallTree } from './call-tree';
import { viewMask, type ViewId } from './counters';
import type { FrameTree } from './frame-tree';
import { walkOutermost } from './functions';
import { formatDuration } from '../../core/format';
import { formatPercent } from './format';
import type { Profile } from './profile';

/**
 * How much the profile knows about where in a function its samples were: `line` — this very line;
 * `range` — somewhere in these lines (CodeGuru's Python agent records a range per function);
 * `function` — somewhere in this function (no lines in the profile), shown on the whole function.
 */
export type HeatGranularity = 'line' | 'range' | 'function';

/** A hot line range in one file (0-based, inclusive), with the samples spent on it. */
export interface HeatMark {
  startLine: number;
  endLine: number;
  /** Samples whose stack passes through this line (inclusive time). */
  total: number;
  /** Samples that ended on this line (self time). */
  self: number;
  /** total / all samples of the view. */
  fraction: number;
  totalSeconds?: number;
  /** Name ids of the frames executing here. */
  nameIds: number[];
  /** Node ids (outermost occurrences) executing here, for the hover's callee flame graph. */
  nodes: number[];
  granularity: HeatGranularity;
}

export interface HeatInput {
  /** The top-down view (same node indices as `frames`). */
  tree: CallTree;
  frames: Pick<FrameTree, 'lineMin' | 'lineMax'>;
  /** Whether frames with this name id live in the file being annotated. */
  inFile: (nameId: number) => boolean;
  /** The 0-based definition line for a frame without line numbers (Java), if known. */
  definitionLine: (nameId: number) => number | undefined;
  /** With per-line samples (pprof, .cpuprofile, perf, JFR, speedscope): the profile and the view's id. */
  profile?: Pick<Profile, 'lines' | 'definitionLines' | 'tree' | 'sampleWeights'>;
  view?: ViewId;
}

/**
 * Heat for one file. Python frames carry the executing line range (1-based); frames without lines
 * (Java) are credited to their function's definition line. Recursion counts once per function.
 */
export function fileHeat(input: HeatInput): HeatMark[] {
  const { tree, frames } = input;
  const all = tree.total[0] ?? 0;
  const marks = new Map<string, HeatMark>();
  const inFileCache = new Map<number, boolean>();
  const inFile = (id: number): boolean => {
    let v = inFileCache.get(id);
    if (v === undefined) { v = input.inFile(id); inFileCache.set(id, v); }
    return v;
  };
  const lines = input.profile?.lines;
  const withLines = lines && input.view !== undefined ? lineMarks(input, inFile) : undefined;
  walkOutermost(tree, (i, outermost) => {
    const id = tree.nameId[i]!;
    if (!inFile(id)) return;
    let start = (frames.lineMin[i] ?? 0) - 1;
    let end = (frames.lineMax[i] ?? 0) - 1;
    let granularity: HeatGranularity = start === end ? 'line' : 'range';
    if (withLines) {
      // Lines come from the line samples; a function without any is marked as a whole.
      if (withLines.namesWithLines.has(id)) {
        if (outermost) for (const m of withLines.byName.get(id) ?? []) m.nodes.push(i);
        return;
      }
      start = -1;
    }
    if (start < 0) {
      const known = input.profile?.definitionLines?.[id] ?? 0;
      const def = known > 0 ? known - 1 : input.definitionLine(id);
      if (def === undefined) return;
      start = def;
      end = def;
      granularity = 'function';
    }
    const key = `${start}:${end}:${granularity}`;
    let mark = marks.get(key);
    if (!mark) {
      mark = { startLine: start, endLine: end, total: 0, self: 0, fraction: 0, nameIds: [], nodes: [], granularity, ...(tree.totalSeconds ? { totalSeconds: 0 } : {}) };
      marks.set(key, mark);
    }
    mark.self += tree.self[i]!;
    if (!mark.nameIds.includes(id)) mark.nameIds.push(id);
    if (outermost) {
      mark.total += tree.total[i]!;
      if (mark.totalSeconds !== undefined) mark.totalSeconds += tree.totalSeconds![i]!;
      mark.nodes.push(i);
    }
  });
  const out = [...marks.values(), ...(withLines?.marks ?? [])].filter((m) => m.total > 0);
  for (const m of out) m.fraction = all > 0 ? m.total / all : 0;
  return out.sort((a, b) => a.startLine - b.startLine || a.endLine - b.endLine);
}

/** Marks per executing line from a profile's line samples, for the names in the file and the view's counters. */
function lineMarks(input: HeatInput, inFile: (id: number) => boolean): { marks: HeatMark[]; namesWithLines: Set<number>; byName: Map<number, HeatMark[]> } {
  const profile = input.profile!;
  const rows = profile.lines!;
  const mask = viewMask(input.view!, profile.tree.counters);
  // Seconds when every counter of the view is a time (as the flame graph shows them).
  const weights = profile.tree.counters.map((c) => profile.sampleWeights.get(c) ?? 0);
  const seconds = mask.some((on) => on) && mask.every((on, c) => !on || weights[c]! > 0);
  const byLine = new Map<number, HeatMark>();
  const namesWithLines = new Set<number>();
  const byName = new Map<number, HeatMark[]>();
  for (let k = 0; k < rows.length; k++) {
    if (!mask[rows.counter[k]!]) continue;
    const id = rows.nameId[k]!;
    if (!inFile(id)) continue;
    namesWithLines.add(id);
    const line = rows.line[k]! - 1;
    let mark = byLine.get(line);
    if (!mark) {
      mark = { startLine: line, endLine: line, total: 0, self: 0, fraction: 0, nameIds: [], nodes: [], granularity: 'line', ...(seconds ? { totalSeconds: 0 } : {}) };
      byLine.set(line, mark);
    }
    mark.total += rows.total[k]!;
    if (mark.totalSeconds !== undefined) mark.totalSeconds += rows.total[k]! / weights[rows.counter[k]!]!;
    mark.self += rows.self[k]!;
    if (!mark.nameIds.includes(id)) {
      mark.nameIds.push(id);
      const list = byName.get(id);
      if (list) list.push(mark); else byName.set(id, [mark]);
    }
  }
  return { marks: [...byLine.values()], namesWithLines, byName };
}

/** One edit, in the terms of a VS Code content change (0-based positions, text inserted). */
export interface LineEdit {
  startLine: number;
  startCharacter: number;
  endLine: number;
  endCharacter: number;
  /** Newlines in the inserted text. */
  insertedLines: number;
}

export function lineEdit(range: { start: { line: number; character: number }; end: { line: number; character: number } }, text: string): LineEdit {
  let insertedLines = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) insertedLines++;
  return { startLine: range.start.line, startCharacter: range.start.character, endLine: range.end.line, endCharacter: range.end.character, insertedLines };
}

/**
 * Moves line ranges through an edit so decorations follow the code: ranges below the edit shift,
 * edits inside a single line keep them, a newline typed inside a range grows it, and a multi-line
 * replacement that touches a range drops it (its lines no longer hold what was profiled).
 */
export function shiftMarks<T extends { startLine: number; endLine: number }>(marks: readonly T[], edit: LineEdit): T[] {
  const { startLine: sl, startCharacter: sc, endLine: el, endCharacter: ec, insertedLines: k } = edit;
  const delta = k - (el - sl);
  const out: T[] = [];
  for (const m of marks) {
    const a = m.startLine;
    const b = m.endLine;
    if (el < a || (el === a && ec === 0 && (sl < a || sc === 0))) {
      out.push(delta === 0 ? m : { ...m, startLine: a + delta, endLine: b + delta });
    } else if (sl > b) {
      out.push(m);
    } else if (sl === el && k === 0) {
      out.push(m);
    } else if (sl === el) {
      out.push(sl === b ? m : { ...m, endLine: b + k });
    }
    // else: a multi-line edit overlaps the range; the mark is stale and dropped.
  }
  return out;
}

/** 1..10 on a square-root scale, so 1% is visible and 100% saturates: level = ⌈10·√fraction⌉. */
export function heatLevel(fraction: number): number {
  if (!(fraction > 0)) return 0;
  return Math.min(10, Math.max(1, Math.ceil(Math.sqrt(fraction) * 10 - 1e-9)));
}

/**
 * "12.3% CPU" on a line the profile names; a share of a whole range or function says so, so no single
 * line appears to carry it.
 */
export function heatLabel(m: HeatMark, view: string): string {
  const secs = m.totalSeconds !== undefined ? ` · ${formatDuration(m.totalSeconds * 1000, { precise: true })}` : '';
  const scope = m.granularity === 'function' ? ' · whole function (the profile has no line numbers)'
    : m.granularity === 'range' ? ` · lines ${m.startLine + 1}–${m.endLine + 1} together` : '';
  return `${formatPercent(m.fraction)} ${view}${secs}${scope}`;
}
