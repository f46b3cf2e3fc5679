// JSON (SwiftPM's registries.json): a position-keeping parser finds the nodes, edits splice the original text.
// Addresses are key paths; values are JSON literals (compact, as JSON.stringify writes them).
import { parseJsonTree, type JsonNode as Node } from './json-tree';
import type { ContainerRemoval, CreatedContainer, FormatEditor, WriteResult } from './edit';
import { outsideBom } from './bom';
import { ConfigEditError } from './edit';
import { detectEol, indentOf, lineEndAt, lineStartAt, splice } from './text';

function load(text: string): Node {
  let root: Node;
  try {
    root = parseJsonTree(text);
  } catch (err) {
    throw new ConfigEditError(`The JSON is not valid (${err instanceof Error ? err.message : String(err)}); fix it first`);
  }
  if (root.type !== 'object') throw new ConfigEditError('The JSON document is not an object');
  return root;
}

function property(obj: Node, key: string): Node | undefined {
  return obj.children?.find((p) => p.type === 'property' && p.children?.[0]?.value === key);
}

function walk(root: Node, path: readonly string[]): { props: Node[]; obj: Node } {
  let obj = root;
  const props: Node[] = [];
  for (const key of path) {
    const p = property(obj, key);
    if (!p) break;
    props.push(p);
    if (props.length === path.length) break;
    const value = p.children?.[1];
    if (value?.type !== 'object') throw new ConfigEditError(`${path.slice(0, props.length).join('.')} is not an object`);
    obj = value;
  }
  return { props, obj };
}

function valueNode(p: Node): Node {
  const v = p.children?.[1];
  if (!v) throw new ConfigEditError('A JSON property without a value');
  return v;
}

function lineIndentAt(text: string, offset: number): string | undefined {
  const before = text.slice(lineStartAt(text, offset), offset);
  return before.trim() === '' ? before : undefined;
}

function normalise(node: Node, text: string): string {
  try {
    return JSON.stringify(JSON.parse(text.slice(node.offset, node.offset + node.length)));
  } catch {
    return text.slice(node.offset, node.offset + node.length);
  }
}

function checkLiteral(value: string): string {
  try {
    JSON.parse(value);
  } catch {
    throw new ConfigEditError(`${value} is not a JSON literal`);
  }
  if (/[\r\n]/.test(value)) throw new ConfigEditError('JSON values written by Conveyor are single-line');
  return value;
}

function render(keys: readonly string[], value: string, indent: string, unit: string, eol: string): string {
  const [key, ...rest] = keys;
  if (key === undefined) return value;
  if (rest.length === 0) return `${JSON.stringify(key)}: ${value}`;
  return `${JSON.stringify(key)}: {${eol}${indent}${unit}${render(rest, value, indent + unit, unit, eol)}${eol}${indent}}`;
}

/** The indentation step of the file, from the first nested property that starts its own line. */
function documentUnit(text: string, root: Node): string {
  const queue: Node[] = [root];
  while (queue.length > 0) {
    const obj = queue.shift() as Node;
    const outer = indentOf(text.slice(lineStartAt(text, obj.offset), lineEndAt(text, obj.offset)));
    for (const p of obj.children ?? []) {
      const inner = lineIndentAt(text, p.offset);
      if (inner !== undefined && inner.length > outer.length && inner.startsWith(outer)) return inner.slice(outer.length);
      const v = p.children?.[1];
      if (v?.type === 'object') queue.push(v);
    }
  }
  return '  ';
}

function innerOf(obj: Node): [number, number] {
  return [obj.offset + 1, obj.offset + obj.length - 1];
}

/** Removes a property and the separator that goes with it. */
function removeProperty(text: string, obj: Node, p: Node, shape: string | undefined): string {
  const props = obj.children ?? [];
  const i = props.indexOf(p);
  if (props.length === 1) {
    const [s, e] = innerOf(obj);
    return splice(text, s, e, shape ?? '');
  }
  const prev = props[i - 1];
  if (prev && i === props.length - 1) return splice(text, prev.offset + prev.length, p.offset + p.length, '');
  const next = props[i + 1];
  return next ? splice(text, p.offset, next.offset, '') : text;
}

const treeEditor: FormatEditor = {
  read(text, address) {
    const { props } = walk(load(text), address);
    const p = props.length === address.length ? props[props.length - 1] : undefined;
    if (!p) return undefined;
    const v = valueNode(p);
    return { value: normalise(v, text), raw: text.slice(v.offset, v.offset + v.length) };
  },

  write(text, address, value): WriteResult {
    if (address.length === 0) throw new ConfigEditError('Invalid JSON address');
    const literal = checkLiteral(value);
    const root = load(text);
    const { props, obj } = walk(root, address);
    if (props.length === address.length) {
      const v = valueNode(props[props.length - 1] as Node);
      return { text: splice(text, v.offset, v.offset + v.length, literal), created: [] };
    }
    const eol = detectEol(text);
    const remaining = address.slice(props.length);
    const created: CreatedContainer[] = remaining.slice(0, -1).map((_, i) => ({ address: address.slice(0, props.length + i + 1) }));
    const children = obj.children ?? [];
    const last = children[children.length - 1];
    const objIndent = indentOf(text.slice(lineStartAt(text, obj.offset), lineEndAt(text, obj.offset)));
    if (last) {
      const lastIndent = lineIndentAt(text, last.offset);
      const unit = lastIndent !== undefined && lastIndent.length > objIndent.length ? lastIndent.slice(objIndent.length) : '  ';
      const at = last.offset + last.length;
      const insert = lastIndent !== undefined
        ? `,${eol}${lastIndent}${render(remaining, literal, lastIndent, unit, eol)}`
        : `, ${render(remaining, literal, '', '', ' ')}`;
      return { text: splice(text, at, at, insert), created };
    }
    const [s, e] = innerOf(obj);
    const shape = text.slice(s, e);
    if (shape.trim() !== '') throw new ConfigEditError('A JSON object holding only comments is not edited automatically');
    const unit = documentUnit(text, root);
    const body = `${eol}${objIndent}${unit}${render(remaining, literal, objIndent + unit, unit, eol)}${eol}${objIndent}`;
    const first = created[0];
    if (first) first.shape = shape;
    return { text: splice(text, s, e, body), created, ...(first ? {} : { shape }) };
  },

  restore(text, address, raw) {
    const { props } = walk(load(text), address);
    const p = props.length === address.length ? props[props.length - 1] : undefined;
    if (!p) return text;
    const v = valueNode(p);
    return splice(text, v.offset, v.offset + v.length, raw);
  },

  remove(text, address, shape) {
    const { props, obj } = walk(load(text), address);
    const p = props.length === address.length ? props[props.length - 1] : undefined;
    return p ? removeProperty(text, obj, p, shape) : text;
  },

  removeIfEmpty(text, container): ContainerRemoval {
    const { props, obj } = walk(load(text), container.address);
    const p = props.length === container.address.length ? props[props.length - 1] : undefined;
    if (!p) return 'absent';
    const v = valueNode(p);
    if (v.type !== 'object' || (v.children?.length ?? 0) > 0) return 'in-use';
    const [s, e] = innerOf(v);
    if (text.slice(s, e).trim() !== '') return 'in-use';
    return { text: removeProperty(text, obj, p, container.shape) };
  },
};

/** JSON parsers may ignore a leading byte order mark (RFC 8259, 8.1); the editor does, so such a file is edited, not refused. */
export const jsonEditor = outsideBom(treeEditor);
