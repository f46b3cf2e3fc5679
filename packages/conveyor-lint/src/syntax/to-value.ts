import { LIMITS } from './limits';
import type { MapNode, Node } from './tree';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export class AliasExpansionError extends Error {
  constructor(readonly alias: Node) {
    super('alias expansion limit exceeded');
  }
}

/**
 * The plain value of a tree, as AWS's parsers would see it: aliases resolved, YAML 1.1 merge keys (`<<`)
 * applied. Aliases share the anchored value instead of copying it; to keep consumers (ajv) bounded, the
 * total size the value would have if copied is limited, and an AliasExpansionError names the alias that
 * crossed the limit (a "billion laughs" document).
 */
export function toValue(root: Node): JsonValue {
  const sizes = new Map<Node, number>();
  let expanded = 0;
  const values = new Map<Node, JsonValue>();

  const sizeOf = (node: Node, depth: number): number => {
    const known = sizes.get(node);
    if (known !== undefined) return known;
    let size = 1;
    if (node.kind === 'alias') size = node.target && depth < LIMITS.maxDepth * 2 ? sizeOf(node.target, depth + 1) : 1;
    else if (node.kind === 'map') for (const p of node.pairs) size += sizeOf(p.value, depth + 1);
    else if (node.kind === 'seq') for (const i of node.items) size += sizeOf(i, depth + 1);
    size = Math.min(size, Number.MAX_SAFE_INTEGER);
    sizes.set(node, size);
    return size;
  };

  const convert = (node: Node, depth: number): JsonValue => {
    if (node.kind === 'alias') {
      const size = node.target ? sizeOf(node.target, 0) : 1;
      expanded += size;
      if (expanded > LIMITS.maxExpandedValues || depth > LIMITS.maxDepth * 2) throw new AliasExpansionError(node);
      return node.target ? convert(node.target, depth + 1) : null;
    }
    const cached = values.get(node);
    if (cached !== undefined) return cached;
    let value: JsonValue;
    if (node.kind === 'scalar') {
      value = typeof node.value === 'number' && !Number.isFinite(node.value) ? String(node.value) : node.value;
    } else if (node.kind === 'seq') {
      value = node.items.map((item) => convert(item, depth + 1));
    } else {
      value = convertMap(node, depth);
    }
    if (node.kind !== 'scalar') values.set(node, value);
    return value;
  };

  const convertMap = (node: MapNode, depth: number): JsonValue => {
    const out: { [key: string]: JsonValue } = {};
    const merged: { [key: string]: JsonValue }[] = [];
    for (const pair of node.pairs) {
      if (pair.keyText === '<<' && pair.key.kind === 'scalar' && pair.key.style === 'plain') {
        const source = convert(pair.value, depth + 1);
        for (const item of Array.isArray(source) ? source : [source]) {
          if (item !== null && typeof item === 'object' && !Array.isArray(item)) merged.push(item);
        }
        continue;
      }
      const key = pair.keyText ?? JSON.stringify(convert(pair.key, depth + 1));
      if (!Object.prototype.hasOwnProperty.call(out, key)) defineKey(out, key, convert(pair.value, depth + 1));
    }
    for (const source of merged) {
      for (const [key, value] of Object.entries(source)) if (!Object.prototype.hasOwnProperty.call(out, key)) defineKey(out, key, value);
    }
    return out;
  };

  return convert(root, 0);
}

/** Like `out[key] = value`, but safe for `__proto__`, the one key whose assignment is a setter. */
function defineKey(out: { [key: string]: JsonValue }, key: string, value: JsonValue): void {
  if (key === '__proto__') Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  else out[key] = value;
}
