import { GrowableFloat64, GrowableInt32 } from './growable';
import { PairTable } from './pair-table';

/**
 * A call tree with one self count per counter, stored as flat arrays in preorder (depth-first, children
 * sorted by name). Node 0 is the synthetic root. A node's subtree is the index range [i, end[i]), so
 * totals, layout and search are single loops, never recursion.
 */
export interface FrameTree {
  readonly size: number;
  /** Interned frame names; index 0 is the root's label. */
  readonly names: readonly string[];
  readonly nameId: Int32Array;
  /** -1 for the root. */
  readonly parent: Int32Array;
  /** Exclusive end of each node's subtree in preorder. */
  readonly end: Int32Array;
  readonly depth: Int32Array;
  readonly maxDepth: number;
  readonly counters: readonly string[];
  /** self[c][node]: the samples that ended at this node, for counter c. */
  readonly self: readonly Float64Array[];
  /**
   * The same counts as (node, counter, value) triples, when the tree was built that way (then `self`
   * is only made on first use): a view sums a few hundred thousand triples instead of a dense column
   * per counter, which for a large profile is mostly the cost of touching fresh memory.
   */
  readonly sparseSelf?: SparseCounts;
  /** Source files named by the profile (Python agent: the path on the profiled host). */
  readonly files: readonly string[];
  /** Index into `files`, or -1. */
  readonly fileId: Int32Array;
  /** 1-based executing line range of the frame; 0 when unknown. */
  readonly lineMin: Int32Array;
  readonly lineMax: Int32Array;
}

/** Self counts as triples in no particular order; a (node, counter) pair may occur more than once (its values add). */
export interface SparseCounts {
  readonly length: number;
  readonly node: Int32Array;
  readonly counter: Int32Array;
  readonly value: Float64Array;
}

/** Dense self columns (one per counter) from triples. */
export function denseCounts(sparse: SparseCounts, counters: number, size: number): Float64Array[] {
  const self = Array.from({ length: counters }, () => new Float64Array(size));
  for (let k = 0; k < sparse.length; k++) self[sparse.counter[k]!]![sparse.node[k]!]! += sparse.value[k]!;
  return self;
}

/** More nodes than this are dropped (and the profile marked truncated) to bound memory. */
export const MAX_NODES = 4_000_000;

export const ROOT_NAME = 'all';

/** Interns strings to dense ids (a Map, so names like `__proto__` are ordinary keys). */
export class StringTable {
  readonly values: string[] = [];
  private readonly index = new Map<string, number>();
  constructor(initial: readonly string[] = []) { for (const v of initial) this.intern(v); }
  intern(value: string): number {
    let id = this.index.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(value);
      this.index.set(value, id);
    }
    return id;
  }
  get(value: string): number | undefined { return this.index.get(value); }
}

/** Exclusive subtree ends and depths from a preorder parent array (one reverse and one forward pass). */
export function preorderShape(parent: Int32Array): { end: Int32Array; depth: Int32Array; maxDepth: number } {
  const n = parent.length;
  const size = new Int32Array(n).fill(1);
  for (let i = n - 1; i > 0; i--) {
    const p = parent[i]!;
    if (p >= 0) size[p]! += size[i]!;
  }
  const end = new Int32Array(n);
  const depth = new Int32Array(n);
  let maxDepth = 0;
  for (let i = 0; i < n; i++) {
    end[i] = i + size[i]!;
    const p = parent[i]!;
    const d = p >= 0 ? depth[p]! + 1 : 0;
    depth[i] = d;
    if (d > maxDepth) maxDepth = d;
  }
  return { end, depth, maxDepth };
}

/**
 * Builds a FrameTree from stacks inserted in any order (folded files, merged or inverted trees):
 * children are looked up by (parent, name), and `finish()` lays the tree out in sorted preorder.
 */
export class FrameTreeBuilder {
  readonly names: StringTable;
  private readonly files = new StringTable();
  private readonly counterIds = new StringTable();
  private readonly parent: GrowableInt32;
  private readonly nameId: GrowableInt32;
  private readonly firstChild: GrowableInt32;
  private readonly nextSibling: GrowableInt32;
  private readonly fileId = new GrowableInt32(1024, -1);
  private readonly lineMin = new GrowableInt32();
  private readonly lineMax = new GrowableInt32();
  private readonly counts: GrowableFloat64[] = [];
  private readonly childIndex: PairTable;
  private readonly expected: number;
  private count = 1;
  truncated = false;

  /** `expectedNodes` only sizes the first allocations (a parser can estimate it from the input size). */
  constructor(rootName = ROOT_NAME, private readonly maxNodes = MAX_NODES, names?: StringTable, expectedNodes = 1024) {
    this.expected = Math.min(Math.max(16, expectedNodes), maxNodes);
    this.parent = new GrowableInt32(this.expected);
    this.nameId = new GrowableInt32(this.expected);
    this.firstChild = new GrowableInt32(this.expected, -1);
    this.nextSibling = new GrowableInt32(this.expected, -1);
    this.childIndex = new PairTable(this.expected);
    this.names = names ?? new StringTable();
    this.parent.push(-1);
    this.nameId.push(this.names.intern(rootName));
  }

  get size(): number { return this.count; }

  /** The child of `parent` called `name`, created if needed; -1 once the node limit is reached. */
  child(parent: number, name: string): number {
    return this.childById(parent, this.names.intern(name));
  }

  childById(parent: number, id: number): number {
    if (this.count >= this.maxNodes) {
      const existing = this.childIndex.get(parent, id);
      if (existing < 0) this.truncated = true;
      return existing;
    }
    const existing = this.childIndex.getOrSet(parent, id, this.count);
    return existing >= 0 ? existing : this.link(parent, id);
  }

  /** Creates node `count` as the newest child of `parent`. */
  private link(parent: number, id: number): number {
    const node = this.count++;
    this.parent.push(parent);
    this.nameId.push(id);
    this.nextSibling.set(node, this.firstChild.get(parent));
    this.firstChild.set(parent, node);
    return node;
  }

  counterName(index: number): string {
    return this.counterIds.values[index] ?? '';
  }

  counterIndex(counter: string): number {
    const c = this.counterIds.intern(counter);
    while (this.counts.length <= c) this.counts.push(new GrowableFloat64(this.expected));
    return c;
  }

  addCount(node: number, counter: number, value: number): void {
    this.counts[counter]!.add(node, value);
  }

  setSource(node: number, file: string | undefined, lineMin: number, lineMax: number): void {
    if (file !== undefined && this.fileId.get(node) < 0) this.fileId.set(node, this.files.intern(file));
    if (lineMin > 0) {
      const oldMin = this.lineMin.get(node);
      this.lineMin.set(node, oldMin > 0 ? Math.min(oldMin, lineMin) : lineMin);
      this.lineMax.set(node, Math.max(this.lineMax.get(node), lineMax));
    }
  }

  finish(): FrameTree {
    const n = this.count;
    const names = this.names.values;
    const nameOf = this.nameId.view(n);
    const first = this.firstChild.view(n);
    const next = this.nextSibling.view(n);
    // Preorder with children sorted by name; the explicit stack keeps deep trees off the call stack.
    // Most frames have one child, so names are compared only where siblings exist (no global ranking).
    const order = new Int32Array(n);
    const stack = new Int32Array(n);
    let sp = 0;
    stack[sp++] = 0;
    let k = 0;
    const kids: number[] = [];
    const byName = (a: number, b: number): number => compareNames(names[nameOf[a]!]!, names[nameOf[b]!]!);
    while (sp > 0) {
      const node = stack[--sp]!;
      order[k++] = node;
      const only = first[node]!;
      if (only < 0) continue;
      if (next[only]! < 0) {
        stack[sp++] = only;
        continue;
      }
      kids.length = 0;
      let sorted = true;
      let prev: string | undefined;
      for (let c = only; c >= 0; c = next[c]!) {
        // Children are linked newest first: sorted means descending names along the list.
        const name = names[nameOf[c]!]!;
        if (prev !== undefined && name > prev) sorted = false;
        prev = name;
        kids.push(c);
      }
      if (sorted) kids.reverse();
      else kids.sort(byName);
      for (let i = kids.length - 1; i >= 0; i--) stack[sp++] = kids[i]!;
    }
    const newIndex = new Int32Array(n);
    for (let i = 0; i < n; i++) newIndex[order[i]!] = i;
    const oldParent = this.parent.view(n);
    const oldFile = this.fileId.view(n);
    const oldMin = this.lineMin.view(n);
    const oldMax = this.lineMax.view(n);
    const parent = new Int32Array(n);
    const nameId = new Int32Array(n);
    const fileId = new Int32Array(n);
    const lineMin = new Int32Array(n);
    const lineMax = new Int32Array(n);
    const counts = this.counts.map((c) => c.view(n));
    const self = counts.map(() => new Float64Array(n));
    for (let i = 0; i < n; i++) {
      const old = order[i]!;
      const p = oldParent[old]!;
      parent[i] = p >= 0 ? newIndex[p]! : -1;
      nameId[i] = nameOf[old]!;
      fileId[i] = old < oldFile.length ? oldFile[old]! : -1;
      lineMin[i] = old < oldMin.length ? oldMin[old]! : 0;
      lineMax[i] = old < oldMax.length ? oldMax[old]! : 0;
    }
    for (let c = 0; c < counts.length; c++) {
      const from = counts[c]!;
      const to = self[c]!;
      for (let i = 0; i < n; i++) to[i] = from[order[i]!]!;
    }
    const shape = preorderShape(parent);
    return { size: n, names, nameId, parent, ...shape, counters: this.counterIds.values, self,
      files: this.files.values, fileId, lineMin, lineMax };
  }
}

/** Code-unit order: the same everywhere (Node, browser), unlike localeCompare. */
export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sum of every counter's self counts, per counter. */
export function counterTotals(tree: FrameTree): number[] {
  const sparse = tree.sparseSelf;
  if (sparse) {
    const totals = tree.counters.map(() => 0);
    for (let k = 0; k < sparse.length; k++) totals[sparse.counter[k]!]! += sparse.value[k]!;
    return totals;
  }
  return tree.self.map((arr) => {
    let sum = 0;
    for (let i = 0; i < arr.length; i++) sum += arr[i]!;
    return sum;
  });
}
