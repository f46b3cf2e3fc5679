/**
 * One syntax tree for YAML and JSON documents, with string offsets, so that rules, schema-error mapping and
 * editor features work the same on both. Offsets are half-open [start, end).
 */
export type ScalarStyle = 'plain' | 'single' | 'double' | 'literal' | 'folded' | 'json';

interface NodeBase {
  start: number;
  end: number;
  /** A YAML tag such as `!Ref`, with the offset of the tag itself. */
  tag?: { name: string; start: number; end: number };
  anchor?: string;
}

export interface MapNode extends NodeBase {
  kind: 'map';
  pairs: Pair[];
  flow: boolean;
}

export interface SeqNode extends NodeBase {
  kind: 'seq';
  items: Node[];
  flow: boolean;
}

export interface ScalarNode extends NodeBase {
  kind: 'scalar';
  value: string | number | boolean | null;
  style: ScalarStyle;
}

export interface AliasNode extends NodeBase {
  kind: 'alias';
  name: string;
  target: Node | undefined;
}

export type Node = MapNode | SeqNode | ScalarNode | AliasNode;

export interface Pair {
  key: Node;
  /** The key as JSON would name it; undefined for collection keys. */
  keyText: string | undefined;
  /** An empty value (`key:`) is a null scalar of zero length right after the colon. */
  value: Node;
}

/** A problem found while parsing, before any schema or rule runs. */
export interface SyntaxProblem {
  start: number;
  end: number;
  message: string;
  rule: string;
  severity: 'error' | 'warning';
}

export interface ParsedDocument {
  /** Undefined when the document is empty (or only comments). */
  root: Node | undefined;
  problems: SyntaxProblem[];
  /** For JSON: true. For YAML: which parser produced the tree (the fast one, or the `yaml` library). */
  format: 'yaml' | 'json';
  parser: 'fast' | 'yaml' | 'jsonc';
}

export function keyTextOf(node: Node): string | undefined {
  if (node.kind !== 'scalar') return undefined;
  return node.value === null ? '' : String(node.value);
}

export function isMap(node: Node | undefined): node is MapNode {
  return node?.kind === 'map';
}

export function isSeq(node: Node | undefined): node is SeqNode {
  return node?.kind === 'seq';
}

export function isScalar(node: Node | undefined): node is ScalarNode {
  return node?.kind === 'scalar';
}

export function isNull(node: Node | undefined): boolean {
  return node === undefined || (node.kind === 'scalar' && node.value === null);
}

/** The first pair with this key (exact match). */
export function getPair(map: MapNode, key: string): Pair | undefined {
  for (const pair of map.pairs) if (pair.keyText === key) return pair;
  return undefined;
}

export function get(node: Node | undefined, key: string): Node | undefined {
  return node?.kind === 'map' ? getPair(node, key)?.value : undefined;
}

/** Strings and numbers as text (YAML turns `0.2` into a number); undefined for anything else. */
export function scalarText(node: Node | undefined): string | undefined {
  if (node?.kind !== 'scalar' || node.value === null || typeof node.value === 'boolean') return undefined;
  return String(node.value);
}

/** Follows aliases (at most a few hops, anchors cannot form cycles through aliases alone). */
export function resolve(node: Node | undefined): Node | undefined {
  let n = node;
  for (let i = 0; i < 8 && n?.kind === 'alias'; i++) n = n.target;
  return n?.kind === 'alias' ? undefined : n;
}
