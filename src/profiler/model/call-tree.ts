import { viewMask, type ViewId } from './counters';
import type { FrameTree } from './frame-tree';
import type { Profile } from './profile';

/**
 * A single-weight tree: what a flame graph draws. Same preorder layout as FrameTree (and for a
 * top-down view the very same node indices, so file/line of node i is the FrameTree's node i).
 */
export interface CallTree {
  readonly size: number;
  readonly names: readonly string[];
  readonly nameId: Int32Array;
  readonly parent: Int32Array;
  readonly end: Int32Array;
  readonly depth: Int32Array;
  readonly maxDepth: number;
  readonly self: Float64Array;
  readonly total: Float64Array;
  /** Present when every counter in the view has a sample weight (counts / weight = seconds). */
  readonly selfSeconds?: Float64Array;
  readonly totalSeconds?: Float64Array;
}

/** total[i] = self[i] + the totals of i's children, in one reverse pass over preorder. */
export function totalsFrom(parent: Int32Array, self: Float64Array): Float64Array {
  const total = Float64Array.from(self);
  for (let i = total.length - 1; i > 0; i--) {
    const p = parent[i]!;
    if (p >= 0) total[p]! += total[i]!;
  }
  return total;
}

/** The flame graph of one view (CPU, latency, a thread state…) of a profile. */
export function viewTree(profile: Profile, view: ViewId): CallTree {
  const tree = profile.tree;
  const mask = viewMask(view, tree.counters);
  const n = tree.size;
  const self = new Float64Array(n);
  const included = tree.counters.map((_, c) => c).filter((c) => mask[c]);
  const weightOf = tree.counters.map((counter) => profile.sampleWeights.get(counter) ?? 0);
  const withSeconds = included.length > 0 && included.every((c) => weightOf[c]! > 0);
  const selfSeconds = withSeconds ? new Float64Array(n) : undefined;
  const sparse = tree.sparseSelf;
  if (sparse) {
    for (let k = 0; k < sparse.length; k++) {
      const c = sparse.counter[k]!;
      if (!mask[c]) continue;
      const v = sparse.value[k]!;
      const node = sparse.node[k]!;
      self[node]! += v;
      if (selfSeconds) selfSeconds[node]! += v / weightOf[c]!;
    }
  } else {
    for (const c of included) {
      const counts = tree.self[c]!;
      const w = weightOf[c]!;
      for (let i = 0; i < n; i++) {
        const v = counts[i]!;
        if (v === 0) continue;
        self[i]! += v;
        if (selfSeconds) selfSeconds[i]! += v / w;
      }
    }
  }
  const base = structure(tree);
  const total = totalsFrom(tree.parent, self);
  return selfSeconds
    ? { ...base, self, total, selfSeconds, totalSeconds: totalsFrom(tree.parent, selfSeconds) }
    : { ...base, self, total };
}

/** The structural arrays, shared (not copied) between a FrameTree and its views. */
export function structure(tree: FrameTree | CallTree): Pick<CallTree, 'size' | 'names' | 'nameId' | 'parent' | 'end' | 'depth' | 'maxDepth'> {
  return { size: tree.size, names: tree.names, nameId: tree.nameId, parent: tree.parent, end: tree.end, depth: tree.depth, maxDepth: tree.maxDepth };
}


/** Node ids from the root down to `node` (inclusive). */
export function pathTo(tree: Pick<CallTree, 'parent'>, node: number): number[] {
  const path: number[] = [];
  for (let i = node; i >= 0; i = tree.parent[i]!) path.push(i);
  return path.reverse();
}

/**
 * Converts a FrameTree whose counters hold explicit values (self, total, and optionally seconds) into a
 * CallTree; used by trees built with pruning, where totals are not the sum of the kept children.
 */
export function callTreeFromExplicit(tree: FrameTree, counters: { self: string; total: string; selfSeconds?: string; totalSeconds?: string }): CallTree {
  const pick = (name: string | undefined): Float64Array | undefined => {
    if (name === undefined) return undefined;
    const c = tree.counters.indexOf(name);
    return c >= 0 ? tree.self[c] : new Float64Array(tree.size);
  };
  const self = pick(counters.self) ?? new Float64Array(tree.size);
  const total = pick(counters.total) ?? new Float64Array(tree.size);
  const selfSeconds = pick(counters.selfSeconds);
  const totalSeconds = pick(counters.totalSeconds);
  return { ...structure(tree), self, total, ...(selfSeconds && totalSeconds ? { selfSeconds, totalSeconds } : {}) };
}
