import type { CallTree } from '../model/call-tree';
import { preorderShape } from '../model/frame-tree';
import type { WireTree } from './protocol';

/** What the renderer needs: a CallTree plus the optional diff columns. */
export interface FlameTree extends CallTree {
  readonly baseSelf?: Float64Array;
  readonly baseTotal?: Float64Array;
}

/** Typed arrays may arrive as typed arrays, ArrayBuffers or plain arrays, depending on the transport. */
export function asFloat64(v: unknown): Float64Array {
  if (v instanceof Float64Array) return v;
  if (v instanceof ArrayBuffer) return new Float64Array(v);
  if (ArrayBuffer.isView(v)) return Float64Array.from(v as unknown as ArrayLike<number>);
  if (Array.isArray(v)) return Float64Array.from(v, (x) => (typeof x === 'number' ? x : 0));
  if (typeof v === 'object' && v !== null) return Float64Array.from(Object.values(v), (x) => (typeof x === 'number' ? x : 0));
  return new Float64Array(0);
}

export function asInt32(v: unknown): Int32Array {
  if (v instanceof Int32Array) return v;
  if (v instanceof ArrayBuffer) return new Int32Array(v);
  if (ArrayBuffer.isView(v)) return Int32Array.from(v as unknown as ArrayLike<number>);
  if (Array.isArray(v)) return Int32Array.from(v, (x) => (typeof x === 'number' ? x : 0));
  if (typeof v === 'object' && v !== null) return Int32Array.from(Object.values(v), (x) => (typeof x === 'number' ? x : 0));
  return new Int32Array(0);
}

export function toWire(tree: FlameTree): WireTree {
  return {
    names: [...tree.names], nameId: tree.nameId, parent: tree.parent, self: tree.self, total: tree.total,
    ...(tree.selfSeconds && tree.totalSeconds ? { selfSeconds: tree.selfSeconds, totalSeconds: tree.totalSeconds } : {}),
    ...(tree.baseSelf && tree.baseTotal ? { baseSelf: tree.baseSelf, baseTotal: tree.baseTotal } : {}),
  };
}

/**
 * Rebuilds a tree from the wire, checking it: parents must precede children (preorder), ids must be
 * in range and arrays the same length; anything else is refused rather than drawn wrongly.
 */
export function fromWire(wire: WireTree): FlameTree {
  const names = Array.isArray(wire.names) ? wire.names.map((n) => (typeof n === 'string' ? n : String(n))) : [];
  const parent = asInt32(wire.parent);
  const nameId = asInt32(wire.nameId);
  const self = asFloat64(wire.self);
  const total = asFloat64(wire.total);
  const n = parent.length;
  if (n === 0 || nameId.length !== n || self.length !== n || total.length !== n) throw new Error('The flame graph data is incomplete.');
  if (parent[0] !== -1) throw new Error('The flame graph data has no root.');
  for (let i = 1; i < n; i++) {
    const p = parent[i]!;
    if (p < 0 || p >= i) throw new Error('The flame graph data is not in preorder.');
    const id = nameId[i]!;
    if (id < 0 || id >= names.length) throw new Error('The flame graph data names a frame that does not exist.');
  }
  const shape = preorderShape(parent);
  const opt = (v: unknown): Float64Array | undefined => {
    if (v === undefined || v === null) return undefined;
    const a = asFloat64(v);
    return a.length === n ? a : undefined;
  };
  const selfSeconds = opt(wire.selfSeconds);
  const totalSeconds = opt(wire.totalSeconds);
  const baseSelf = opt(wire.baseSelf);
  const baseTotal = opt(wire.baseTotal);
  return {
    size: n, names, nameId, parent, ...shape, self, total,
    ...(selfSeconds && totalSeconds ? { selfSeconds, totalSeconds } : {}),
    ...(baseSelf && baseTotal ? { baseSelf, baseTotal } : {}),
  };
}
