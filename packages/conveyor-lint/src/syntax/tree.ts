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
