import type { Node } from '../syntax/tree';
import { LineIndex } from '../text/line-index';
import { documentModel } from './model';

export interface FoldingRange {
  /** Zero-based lines; the range folds the lines after startLine up to endLine. */
  startLine: number;
  endLine: number;
  kind?: 'comment';
}

const MAX_RANGES = 10_000;

/** Folding for mappings, lists, block scalars and runs of comment lines; by indentation while the YAML is broken. */
export function foldingRanges(text: string, options: { kind: 'buildspec' | 'appspec'; path?: string }): FoldingRange[] {
  const model = documentModel(text, options.kind, options.path);
  const lines = new LineIndex(text);
  const out: FoldingRange[] = [];
  const root = model.parsed.root;
  if (model.clean && root) fromTree(root, lines, text, out);
  else if (model.format === 'yaml') fromIndentation(text, out);
  if (model.format === 'yaml') comments(text, out);
  const seen = new Set<string>();
  return out.filter((r) => {
    const key = `${r.startLine}:${r.endLine}`;
    if (r.endLine <= r.startLine || seen.has(key)) return false;
    seen.add(key);
    return true;
  }).sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine).slice(0, MAX_RANGES);
}

function endLine(lines: LineIndex, text: string, end: number): number {
  // A node's end may sit just after its final newline (block scalars): fold to the last content line.
  let e = end;
  while (e > 0 && (text[e - 1] === '\n' || text[e - 1] === '\r')) e--;
  return lines.positionAt(e).line;
}

function fromTree(root: Node, lines: LineIndex, text: string, out: FoldingRange[]): void {
  const stack: Node[] = [root];
  const seen = new Set<Node>();
  while (stack.length > 0 && out.length < MAX_RANGES) {
    const node = stack.pop();
    if (!node || seen.has(node)) continue;
    seen.add(node);
    if (node.kind === 'map') {
      for (const pair of node.pairs) {
        const start = lines.positionAt(pair.key.start).line;
        const end = endLine(lines, text, pair.value.end);
        if (end > start) out.push({ startLine: start, endLine: end });
        stack.push(pair.value);
      }
    } else if (node.kind === 'seq') {
      for (const item of node.items) {
        const start = lines.positionAt(item.start).line;
        const end = endLine(lines, text, item.end);
        if (end > start) out.push({ startLine: start, endLine: end });
        stack.push(item);
      }
    }
  }
}

function fromIndentation(text: string, out: FoldingRange[]): void {
  const lines = text.split('\n');
  const open: { line: number; indent: number }[] = [];
  let last = -1;
  lines.forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '' || line.trimStart().startsWith('#')) return;
    const indent = line.length - line.trimStart().length;
    while (open.length > 0 && (open[open.length - 1]?.indent ?? 0) >= indent) {
      const o = open.pop();
      if (o && last > o.line) out.push({ startLine: o.line, endLine: last });
    }
    open.push({ line: i, indent });
    last = i;
  });
  for (const o of open) if (last > o.line) out.push({ startLine: o.line, endLine: last });
}

function comments(text: string, out: FoldingRange[]): void {
  const lines = text.split('\n');
  let start = -1;
  for (let i = 0; i <= lines.length; i++) {
    const isComment = i < lines.length && (lines[i] ?? '').trimStart().startsWith('#');
    if (isComment && start < 0) start = i;
    if (!isComment && start >= 0) {
      if (i - 1 > start) out.push({ startLine: start, endLine: i - 1, kind: 'comment' });
      start = -1;
    }
  }
}
