// YAML (.yarnrc.yml): the `yaml` package's Document API locates nodes and their source ranges, and
// every change is a splice of the original text, so comments, quoting and layout stay as they were
// (re-serialising the Document would normalise them). Only block mappings are edited; anything else
// on the path (flow collections, sequences, aliases, several documents) is refused, never rewritten.
// Addresses are key paths, e.g. ['npmScopes', 'my-scope', 'npmAuthToken']; values are YAML literals.
import { isMap, isScalar, parseDocument, type Document, type Pair, type ParsedNode, type YAMLMap } from 'yaml';
import type { ContainerRemoval, CreatedContainer, FormatEditor, WriteResult } from './edit';
import { outsideBom } from './bom';
import { ConfigEditError } from './edit';
import { indentOf, insertLines, lineEndAt, lineStartAt, nextLineStart, removeLines, splice } from './text';

type ParsedPair = Pair<ParsedNode, ParsedNode | null>;

function load(text: string): Document.Parsed {
  if (/^\.\.\.[ \t]*$/m.test(text)) throw new ConfigEditError('YAML files with a document end marker (...) are not edited automatically');
  const doc = parseDocument(text);
  if (doc.errors.length > 0) throw new ConfigEditError(`The YAML is not valid (${doc.errors[0]?.message.split('\n')[0] ?? 'parse error'}); fix it first`);
  return doc;
}

function rootMap(doc: Document.Parsed): YAMLMap.Parsed | null {
  const c = doc.contents;
  if (c === null) return null;
  if (isScalar(c) && c.value === null) return null;
  if (!isMap(c)) throw new ConfigEditError('The YAML document is not a mapping');
  if (c.flow) throw new ConfigEditError('The YAML document is a flow mapping ({...}); not edited automatically');
  return c;
}

function pairIn(map: YAMLMap.Parsed, key: string): ParsedPair | undefined {
  return (map.items as ParsedPair[]).find((p) => isScalar(p.key) && String(p.key.value) === key);
}

function isNullish(node: ParsedNode | null): boolean {
  return node === null || (isScalar(node) && node.value === null);
}

interface Walk {
  /** Pairs found along the path, outermost first. */
  pairs: ParsedPair[];
  /** The deepest block map reached (null: the document is empty). */
  map: YAMLMap.Parsed | null;
}

function walk(doc: Document.Parsed, path: readonly string[]): Walk {
  let map = rootMap(doc);
  const pairs: ParsedPair[] = [];
  for (const key of path) {
    if (!map) break;
    const pair = pairIn(map, key);
    if (!pair) break;
    pairs.push(pair);
    if (pairs.length === path.length) break;
    const value = pair.value;
    if (isNullish(value)) {
      map = null;
      break;
    }
    if (!isMap(value)) throw new ConfigEditError(`${pairs.map((p) => String((p.key as { value?: unknown }).value)).join('.')} is not a mapping`);
    if (value.flow) throw new ConfigEditError(`${path.slice(0, pairs.length).join('.')} is a flow mapping ({...}); not edited automatically`);
    map = value;
  }
  return { pairs, map };
}

const keyEnd = (pair: ParsedPair): number => (pair.key).range[1];
const keyStart = (pair: ParsedPair): number => (pair.key).range[0];

/** Where the value's source ends (just past the `:` when there is no value). */
function valueEndOf(text: string, pair: ParsedPair): number {
  if (!pair.value) return keyEnd(pair);
  let end = pair.value.range[1];
  // Block scalars' ranges run past their final newline; the line break belongs to the layout.
  while (end > pair.value.range[0] && /\s/.test(text[end - 1] ?? '')) end--;
  return Math.max(end, keyEnd(pair));
}

/** The offset of the last character of the pair's value (or key when it has none). */
function pairLastOffset(text: string, pair: ParsedPair): number {
  const end = pair.value && !isNullish(pair.value) ? pair.value.range[1] : keyEnd(pair);
  let e = end;
  while (e > keyEnd(pair) && /\s/.test(text[e - 1] ?? '')) e--;
  return Math.max(e - 1, keyStart(pair));
}

/**
 * Comment lines indented deeper than the mapping's keys still belong to its last entry; new keys go
 * after them (blank lines are skipped only when such a comment follows).
 */
function afterTrailingComments(text: string, from: number, keyIndent: number): number {
  let at = from;
  let probe = from;
  while (probe < text.length) {
    const line = text.slice(probe, lineEndAt(text, probe));
    const next = nextLineStart(text, probe);
    if (line.trim() === '') {
      probe = next;
      continue;
    }
    if (!line.trim().startsWith('#') || indentOf(line).length <= keyIndent) break;
    at = next;
    probe = next;
  }
  return at;
}

function renderKey(key: string): string {
  return /^[A-Za-z_][A-Za-z0-9_-]*$/.test(key) ? key : JSON.stringify(key);
}

function checkPath(address: readonly string[]): void {
  if (address.length === 0 || address.some((k) => k === '' || /[\r\n]/.test(k))) throw new ConfigEditError(`Invalid YAML address ${address.join('.')}`);
}

function checkLiteral(value: string): string {
  if (/[\r\n]/.test(value) || value.trim() === '' || value.trim() !== value) throw new ConfigEditError('YAML values written by Conveyor are single-line literals');
  return value;
}

/** Puts back a parent's original `key: ~` when the last child inserted under it is gone. */
function restoreParentShape(text: string, path: readonly string[], shape: string | undefined): string {
  if (shape === undefined || path.length === 0) return text;
  const { pairs } = walk(load(text), path);
  const parent = pairs.length === path.length ? pairs[pairs.length - 1] : undefined;
  if (!parent || !isNullish(parent.value)) return text;
  const from = keyEnd(parent);
  return splice(text, from, lineEndAt(text, from), shape);
}

function pairIsAlone(text: string, pair: ParsedPair): boolean {
  const start = keyStart(pair);
  return text.slice(lineStartAt(text, start), start).trim() === '';
}

const blockEditor: FormatEditor = {
  read(text, address) {
    checkPath(address);
    const { pairs } = walk(load(text), address);
    if (pairs.length !== address.length) return undefined;
    const pair = pairs[pairs.length - 1];
    if (!pair) return undefined;
    if (pair.value && !isScalar(pair.value)) throw new ConfigEditError(`${address.join('.')} holds a collection, not a value`);
    const valueEnd = valueEndOf(text, pair);
    const literal = pair.value && !isNullish(pair.value) ? text.slice(pair.value.range[0], pair.value.range[1]).trim() : '';
    return { value: literal, raw: text.slice(keyEnd(pair), valueEnd) };
  },

  write(text, address, value): WriteResult {
    checkPath(address);
    const literal = checkLiteral(value);
    const doc = load(text);
    const { pairs, map } = walk(doc, address);
    if (pairs.length === address.length) {
      const pair = pairs[pairs.length - 1] as ParsedPair;
      if (pair.value && !isScalar(pair.value)) throw new ConfigEditError(`${address.join('.')} holds a collection, not a value`);
      return { text: splice(text, keyEnd(pair), valueEndOf(text, pair), `: ${literal}`), created: [] };
    }
    const depth = pairs.length;
    const parent = pairs[depth - 1];
    let at: number;
    let indent: string;
    let working = text;
    let shape: string | undefined;
    if (map && map.items.length > 0) {
      const first = map.items[0] as ParsedPair;
      const last = map.items[map.items.length - 1] as ParsedPair;
      if (!pairIsAlone(text, first)) throw new ConfigEditError(`${address.slice(0, depth).join('.') || 'The document'} is not laid out as a block mapping`);
      indent = text.slice(lineStartAt(text, keyStart(first)), keyStart(first));
      at = afterTrailingComments(text, nextLineStart(text, pairLastOffset(text, last)), indent.length);
    } else if (parent) {
      // `key:` with no value (or `~`/`null`): children go on the lines below, two spaces deeper.
      if (!pairIsAlone(text, parent)) throw new ConfigEditError(`${address.slice(0, depth).join('.')} is not laid out as a block mapping`);
      indent = `${indentOf(text.slice(lineStartAt(text, keyStart(parent)), keyStart(parent)))}  `;
      const v = parent.value;
      if (v && v.range[1] > v.range[0]) {
        // An explicit null (`~`, `null`): take it out so the children become the value; keep the line for logout.
        const from = keyEnd(parent);
        shape = text.slice(from, lineEndAt(text, from));
        working = splice(text, v.range[0], v.range[1], '');
      }
      at = nextLineStart(working, keyEnd(parent));
    } else {
      indent = '';
      at = text.length;
    }
    const remaining = address.slice(depth);
    const added = remaining.map((key, i) => {
      const pad = indent + '  '.repeat(i);
      return i === remaining.length - 1 ? `${pad}${renderKey(key)}: ${literal}` : `${pad}${renderKey(key)}:`;
    });
    const created: CreatedContainer[] = remaining.slice(0, -1).map((_, i) => ({ address: address.slice(0, depth + i + 1) }));
    const first = created[0];
    if (first && shape !== undefined) first.shape = shape;
    return { text: insertLines(working, at, added), created, ...(created.length === 0 && shape !== undefined ? { shape } : {}) };
  },

  restore(text, address, raw) {
    checkPath(address);
    const { pairs } = walk(load(text), address);
    const pair = pairs.length === address.length ? pairs[pairs.length - 1] : undefined;
    if (!pair) return text;
    return splice(text, keyEnd(pair), valueEndOf(text, pair), raw);
  },

  remove(text, address, shape) {
    checkPath(address);
    const { pairs } = walk(load(text), address);
    const pair = pairs.length === address.length ? pairs[pairs.length - 1] : undefined;
    if (!pair) return text;
    const removed = removeLines(text, lineStartAt(text, keyStart(pair)), pairLastOffset(text, pair));
    return restoreParentShape(removed, address.slice(0, -1), shape);
  },

  removeIfEmpty(text, container): ContainerRemoval {
    const path = container.address;
    const { pairs } = walk(load(text), path);
    const pair = pairs.length === path.length ? pairs[pairs.length - 1] : undefined;
    if (!pair) return 'absent';
    if (!isNullish(pair.value)) return 'in-use';
    const lineEnd = lineEndAt(text, keyEnd(pair));
    if (text.slice(keyEnd(pair), lineEnd).trim() !== ':') return 'in-use';
    // A comment someone added inside the (now empty) mapping keeps it.
    const next = text.slice(nextLineStart(text, lineEnd), lineEndAt(text, nextLineStart(text, lineEnd)));
    const ownIndent = indentOf(text.slice(lineStartAt(text, keyStart(pair)), keyStart(pair))).length;
    if (next.trim().startsWith('#') && indentOf(next).length > ownIndent) return 'in-use';
    const removed = removeLines(text, lineStartAt(text, keyStart(pair)), lineEnd);
    return { text: restoreParentShape(removed, path.slice(0, -1), container.shape) };
  },
};

/** A YAML stream may start with a byte order mark (YAML 1.2, 5.2) and parsers skip it; so does the editor. */
export const yamlEditor = outsideBom(blockEditor);
