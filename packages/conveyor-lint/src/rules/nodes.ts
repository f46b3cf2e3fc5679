import type { Node, Pair, ScalarNode } from '../syntax/tree';

export function pairsOf(node: Node | undefined): Pair[] {
  return node?.kind === 'map' ? node.pairs : [];
}

export function itemsOf(node: Node | undefined): Node[] {
  return node?.kind === 'seq' ? node.items : [];
}

/** The last pair with this key (the one parsers keep). */
export function pairOf(node: Node | undefined, key: string, caseInsensitive = false): Pair | undefined {
  const pairs = pairsOf(node);
  for (let i = pairs.length - 1; i >= 0; i--) if (pairs[i]?.keyText === key) return pairs[i];
  if (caseInsensitive) {
    const lower = key.toLowerCase();
    for (let i = pairs.length - 1; i >= 0; i--) if (pairs[i]?.keyText?.toLowerCase() === lower) return pairs[i];
  }
  return undefined;
}

export function valueOf(node: Node | undefined, key: string, caseInsensitive = false): Node | undefined {
  return pairOf(node, key, caseInsensitive)?.value;
}

export function stringValue(node: Node | undefined): string | undefined {
  return node?.kind === 'scalar' && typeof node.value === 'string' ? node.value : undefined;
}

export function isEmptyScalar(node: Node | undefined): node is ScalarNode {
  return node?.kind === 'scalar' && node.value === null;
}

export function keyRange(pair: Pair): { start: number; end: number } {
  return { start: pair.key.start, end: pair.key.end };
}

/** The range of a scalar's text; for block scalars, the header line only. */
export function scalarRange(node: Node, text: string): { start: number; end: number } {
  if (node.kind === 'scalar' && (node.style === 'literal' || node.style === 'folded')) {
    const nl = text.indexOf('\n', node.start);
    return { start: node.start, end: nl === -1 ? text.length : nl };
  }
  return { start: node.start, end: Math.max(node.start, node.end) };
}

/** The text of the line containing `offset`, as [lineStart, lineEndIncludingNewline). */
export function wholeLine(text: string, offset: number): { start: number; end: number } {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const nl = text.indexOf('\n', offset);
  return { start, end: nl === -1 ? text.length : nl + 1 };
}

/** Whether [start, end) lies on one line of the text. */
export function singleLine(text: string, start: number, end: number): boolean {
  const nl = text.indexOf('\n', start);
  return nl === -1 || nl >= end;
}
