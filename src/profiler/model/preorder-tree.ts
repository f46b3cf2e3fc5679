import { FrameTreeBuilder, MAX_NODES, ROOT_NAME, StringTable, denseCounts, preorderShape, type FrameTree, type SparseCounts } from './frame-tree';
import { GrowableInt32, grownFloat64, grownInt32 } from './growable';

/**
 * Builds a FrameTree from nodes that arrive in document preorder (a node before its subtree, each
 * subtree whole), as a JSON call graph does: no child lookups while reading, counts kept sparse, and
 * `finish()` only has to put siblings in name order. Siblings are assumed unique (JSON keys); a name
 * that repeats after all is merged in finish(), which is called once.
 */
export class PreorderTreeBuilder {
  readonly names = new StringTable([ROOT_NAME]);
  private readonly files = new StringTable();
  private readonly counters = new StringTable();
  private parent: Int32Array;
  private nameId: Int32Array;
  private count = 1;
  // Sparse per-node data: most frames have one counter or none, and few have sources.
  private countNode: Int32Array;
  private countCounter: Int32Array;
  private countValue: Float64Array;
  private countsLength = 0;
  private readonly sourceNode = new GrowableInt32(16);
  private readonly sourceFile = new GrowableInt32(16);
  private readonly sourceMin = new GrowableInt32(16);
  private readonly sourceMax = new GrowableInt32(16);
  private sourcesLength = 0;
  truncated = false;

  /** `expectedNodes` only sizes the first allocations (a parser can estimate it from the input size). */
  constructor(private readonly maxNodes = MAX_NODES, expectedNodes = 1024) {
    const capacity = Math.min(Math.max(16, expectedNodes), maxNodes);
    this.parent = new Int32Array(capacity);
    this.nameId = new Int32Array(capacity);
    this.parent[0] = -1;
    this.countNode = new Int32Array(capacity);
    this.countCounter = new Int32Array(capacity);
    this.countValue = new Float64Array(capacity);
  }

  get size(): number { return this.count; }

  /**
   * A new child of `parent`, which must be the newest node or one of its ancestors (preorder). -1 once
   * the node limit is reached (the profile is then marked truncated).
   */
  append(parent: number, nameId: number): number {
    const node = this.count;
    if (node >= this.maxNodes) {
      this.truncated = true;
      return -1;
    }
    if (node === this.parent.length) this.grow();
    this.parent[node] = parent;
    this.nameId[node] = nameId;
    this.count = node + 1;
    return node;
  }

  private grow(): void {
    const capacity = Math.min(this.parent.length * 2, this.maxNodes);
    this.parent = grownInt32(this.parent, capacity);
    this.nameId = grownInt32(this.nameId, capacity);
  }

  counterIndex(counter: string): number {
    return this.counters.intern(counter);
  }

  addCount(node: number, counter: number, value: number): void {
    const k = this.countsLength;
    if (k === this.countNode.length) this.growCounts();
    this.countNode[k] = node;
    this.countCounter[k] = counter;
    this.countValue[k] = value;
    this.countsLength = k + 1;
  }

  private growCounts(): void {
    const capacity = this.countNode.length * 2;
    this.countNode = grownInt32(this.countNode, capacity);
    this.countCounter = grownInt32(this.countCounter, capacity);
    this.countValue = grownFloat64(this.countValue, capacity);
  }

  /** The first file named for a node wins; line ranges widen. */
  setSource(node: number, file: string | undefined, lineMin: number, lineMax: number): void {
    const k = this.sourcesLength++;
    this.sourceNode.set(k, node);
    this.sourceFile.set(k, file !== undefined ? this.files.intern(file) : -1);
    this.sourceMin.set(k, lineMin);
    this.sourceMax.set(k, lineMax);
  }

  finish(): FrameTree {
    const n = this.count;
    const docParent = this.parent.subarray(0, n);
    const nameOf = this.nameId.subarray(0, n);
    // Sibling order changes neither a node's depth nor its subtree's size.
    const doc = preorderShape(docParent);
    const sortedIndex = siblingsByName(doc.end, nameOf, this.names.values);
    if (sortedIndex === undefined) return this.merged().finish();
    const newIndex = sortedIndex === IDENTITY ? undefined : sortedIndex;
    const at = (old: number): number => (newIndex ? newIndex[old]! : old);
    let parent: Int32Array;
    let nameId: Int32Array;
    let end: Int32Array;
    let depth: Int32Array;
    if (!newIndex) {
      parent = docParent.slice();
      nameId = nameOf.slice();
      ({ end, depth } = doc);
    } else {
      parent = new Int32Array(n);
      nameId = new Int32Array(n);
      end = new Int32Array(n);
      depth = new Int32Array(n);
      parent[0] = -1;
      for (let old = 0; old < n; old++) {
        const i = newIndex[old]!;
        nameId[i] = nameOf[old]!;
        end[i] = i + doc.end[old]! - old;
        depth[i] = doc.depth[old]!;
        if (old > 0) parent[i] = newIndex[docParent[old]!]!;
      }
    }
    const countNode = this.countNode.subarray(0, this.countsLength);
    if (newIndex) for (let k = 0; k < countNode.length; k++) countNode[k] = newIndex[countNode[k]!]!;
    const sparseSelf: SparseCounts = { length: this.countsLength, node: countNode,
      counter: this.countCounter.subarray(0, this.countsLength), value: this.countValue.subarray(0, this.countsLength) };
    const counters = this.counters.values;
    let self: Float64Array[] | undefined;
    const fileId = new Int32Array(n).fill(-1);
    const lineMin = new Int32Array(n);
    const lineMax = new Int32Array(n);
    for (let k = 0; k < this.sourcesLength; k++) {
      const node = at(this.sourceNode.get(k));
      const file = this.sourceFile.get(k);
      if (file >= 0 && fileId[node]! < 0) fileId[node] = file;
      const min = this.sourceMin.get(k);
      if (min > 0) {
        lineMin[node] = lineMin[node]! > 0 ? Math.min(lineMin[node]!, min) : min;
        lineMax[node] = Math.max(lineMax[node]!, this.sourceMax.get(k));
      }
    }
    return { size: n, names: this.names.values, nameId, parent, end, depth, maxDepth: doc.maxDepth, counters, sparseSelf,
      get self() { return (self ??= denseCounts(sparseSelf, counters.length, n)); },
      files: this.files.values, fileId, lineMin, lineMax };
  }

  /** The same tree rebuilt with sibling lookups, merging siblings that share a name (duplicate JSON keys). */
  private merged(): FrameTreeBuilder {
    const n = this.count;
    const out = new FrameTreeBuilder(ROOT_NAME, this.maxNodes, this.names, n);
    const mapped = new Int32Array(n);
    for (let old = 1; old < n; old++) {
      const p = mapped[this.parent[old]!]!;
      mapped[old] = p >= 0 ? out.childById(p, this.nameId[old]!) : -1;
    }
    const counters = this.counters.values.map((c) => out.counterIndex(c));
    for (let k = 0; k < this.countsLength; k++) {
      const node = mapped[this.countNode[k]!]!;
      if (node >= 0) out.addCount(node, counters[this.countCounter[k]!]!, this.countValue[k]!);
    }
    for (let k = 0; k < this.sourcesLength; k++) {
      const node = mapped[this.sourceNode.get(k)]!;
      const file = this.sourceFile.get(k);
      if (node >= 0) out.setSource(node, file >= 0 ? this.files.values[file] : undefined, this.sourceMin.get(k), this.sourceMax.get(k));
    }
    out.truncated = out.truncated || this.truncated;
    return out;
  }
}

const IDENTITY = new Int32Array(0);

/**
 * Each node's index in the preorder that lists every node's children by name; IDENTITY when the
 * document order already does, undefined when two siblings share a name. In document preorder the
 * children of i are i+1, then each next one starts where the previous one's subtree ends.
 */
function siblingsByName(end: Int32Array, nameId: Int32Array, names: readonly string[]): Int32Array | undefined {
  const n = end.length;
  const before = (a: number, b: number): boolean => names[nameId[a]!]! < names[nameId[b]!]!;
  let sorted = true;
  for (let i = 0; i < n && sorted; i++) {
    const stop = end[i]!;
    for (let prev = i + 1, c = end[prev]!; prev < stop && c < stop; prev = c, c = end[c]!) {
      if (nameId[prev] === nameId[c]) return undefined;
      if (before(c, prev)) { sorted = false; break; }
    }
  }
  if (sorted) return IDENTITY;
  const index = new Int32Array(n);
  const stack = new Int32Array(n);
  const kids = new Int32Array(n);
  let sp = 0;
  let k = 0;
  stack[sp++] = 0;
  while (sp > 0) {
    const node = stack[--sp]!;
    index[node] = k++;
    const stop = end[node]!;
    const first = node + 1;
    if (first >= stop) continue;
    if (end[first]! >= stop) {
      stack[sp++] = first;
      continue;
    }
    let count = 0;
    for (let c = first; c < stop; c = end[c]!) kids[count++] = c;
    if (count <= 16) {
      // Insertion sort: most sibling groups are small, and sort() with a comparator costs more there.
      for (let i = 1; i < count; i++) {
        const c = kids[i]!;
        let j = i;
        while (j > 0 && before(c, kids[j - 1]!)) { kids[j] = kids[j - 1]!; j--; }
        kids[j] = c;
      }
    } else {
      kids.subarray(0, count).sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
    }
    for (let j = 1; j < count; j++) if (nameId[kids[j]!] === nameId[kids[j - 1]!]) return undefined;
    for (let j = count - 1; j >= 0; j--) stack[sp++] = kids[j]!;
  }
  return index;
}
