import type { CallTree } from '../model/call-tree';

/**
 * The bottom-up "hot functions" table of a flame graph's tree, limited to one subtree (the zoomed frame,
 * or the whole profile at the root): per function its self samples (where time was spent) and its
 * total samples, where a recursive function counts once per stack (a frame nested under a frame of the
 * same function adds self, never total again). Pure: no DOM, typed arrays, one pass over the scope.
 */
export interface HotFunctions {
  /** The subtree the table covers (0: the whole profile). */
  readonly scope: number;
  /** One row per function with samples in scope: its name id and values. */
  readonly ids: Int32Array;
  readonly self: Float64Array;
  readonly total: Float64Array;
  readonly selfSeconds?: Float64Array;
  readonly totalSeconds?: Float64Array;
  /** Per name id, its row (or -1). */
  readonly rowOf: Int32Array;
  /** Per row, its nodes in scope: nodes[nodeStart[r] .. nodeStart[r + 1]), preorder; `outer` marks the outermost ones. */
  readonly nodeStart: Int32Array;
  readonly nodes: Int32Array;
  readonly outer: Uint8Array;
}

/** One set of values of a row or of a caller under it. */
export interface HotValues {
  readonly nameId: number;
  readonly self: number;
  readonly total: number;
  readonly selfSeconds?: number;
  readonly totalSeconds?: number;
}

export interface CallerRow extends HotValues {
  /** True when at least one of its stacks continues above this caller inside the scope. */
  readonly hasCallers: boolean;
}

export type SortKey = 'name' | 'self' | 'total';

export interface SortOrder {
  readonly key: SortKey;
  readonly descending: boolean;
}

export function hotFunctions(tree: CallTree, scope = 0): HotFunctions {
  const root = scope > 0 && scope < tree.size ? scope : 0;
  const first = root === 0 ? 1 : root;
  const last = tree.end[root] ?? tree.size;
  const names = tree.names.length;
  const rowOf = new Int32Array(names).fill(-1);
  const counts: number[] = [];
  const ids: number[] = [];
  for (let i = first; i < last; i++) {
    const id = tree.nameId[i]!;
    let r = rowOf[id]!;
    if (r < 0) {
      r = ids.length;
      rowOf[id] = r;
      ids.push(id);
      counts.push(0);
    }
    counts[r]!++;
  }
  const rows = ids.length;
  const nodeStart = new Int32Array(rows + 1);
  for (let r = 0; r < rows; r++) nodeStart[r + 1] = nodeStart[r]! + counts[r]!;
  const fill = nodeStart.slice(0, rows);
  const nodes = new Int32Array(last - first);
  const outer = new Uint8Array(last - first);
  const self = new Float64Array(rows);
  const total = new Float64Array(rows);
  const seconds = tree.selfSeconds !== undefined && tree.totalSeconds !== undefined;
  const selfSeconds = seconds ? new Float64Array(rows) : undefined;
  const totalSeconds = seconds ? new Float64Array(rows) : undefined;
  // The functions on the path from the scope down to the current node, counted per name id.
  const onPath = new Int32Array(names);
  const path = new Int32Array(tree.maxDepth + 2);
  const baseDepth = tree.depth[first]!;
  let len = 0;
  for (let i = first; i < last; i++) {
    const d = tree.depth[i]! - baseDepth;
    while (len > d) onPath[tree.nameId[path[--len]!]!]!--;
    const id = tree.nameId[i]!;
    const r = rowOf[id]!;
    const k = fill[r]!++;
    nodes[k] = i;
    self[r]! += tree.self[i]!;
    if (selfSeconds) selfSeconds[r]! += tree.selfSeconds![i]!;
    if (onPath[id] === 0) {
      outer[k] = 1;
      total[r]! += tree.total[i]!;
      if (totalSeconds) totalSeconds[r]! += tree.totalSeconds![i]!;
    }
    onPath[id]!++;
    path[len++] = i;
  }
  return {
    scope: root, ids: Int32Array.from(ids), self, total, rowOf, nodeStart, nodes, outer,
    ...(selfSeconds && totalSeconds ? { selfSeconds, totalSeconds } : {}),
  };
}

export function rowValues(table: HotFunctions, row: number): HotValues {
  return {
    nameId: table.ids[row]!, self: table.self[row]!, total: table.total[row]!,
    ...(table.selfSeconds && table.totalSeconds ? { selfSeconds: table.selfSeconds[row]!, totalSeconds: table.totalSeconds[row]! } : {}),
  };
}

/** Whether a node lies inside the table's scope (the synthetic root never does). */
function inScope(tree: CallTree, table: HotFunctions, node: number): boolean {
  return node > 0 && node >= table.scope && node < tree.end[table.scope]!;
}

/**
 * The callers one level above `path` (name ids: the function, then its caller, its caller's caller…):
 * the bottom-up tree's children of that path. Self is the function's self time through each caller,
 * total its total time (outermost frames only, as in the table).
 */
export function callersOf(tree: CallTree, table: HotFunctions, path: readonly number[]): CallerRow[] {
  const row = path.length > 0 ? table.rowOf[path[0]!] ?? -1 : -1;
  if (row < 0) return [];
  const groups = new Map<number, { self: number; total: number; selfSeconds: number; totalSeconds: number; hasCallers: boolean }>();
  const seconds = tree.selfSeconds !== undefined && tree.totalSeconds !== undefined;
  for (let k = table.nodeStart[row]!; k < table.nodeStart[row + 1]!; k++) {
    const node = table.nodes[k]!;
    let at = node;
    let matches = true;
    for (let level = 1; level < path.length; level++) {
      at = tree.parent[at]!;
      if (!inScope(tree, table, at) || tree.nameId[at] !== path[level]) { matches = false; break; }
    }
    if (!matches) continue;
    const caller = tree.parent[at]!;
    if (!inScope(tree, table, caller)) continue;
    const id = tree.nameId[caller]!;
    let g = groups.get(id);
    if (!g) {
      g = { self: 0, total: 0, selfSeconds: 0, totalSeconds: 0, hasCallers: false };
      groups.set(id, g);
    }
    g.self += tree.self[node]!;
    if (seconds) g.selfSeconds += tree.selfSeconds[node]!;
    if (table.outer[k]) {
      g.total += tree.total[node]!;
      if (seconds) g.totalSeconds += tree.totalSeconds[node]!;
    }
    if (inScope(tree, table, tree.parent[caller]!)) g.hasCallers = true;
  }
  // A caller that only leads to nested frames of a recursion carries nothing: no row for it.
  return [...groups].filter(([, g]) => g.self > 0 || g.total > 0).map(([nameId, g]) => ({
    nameId, self: g.self, total: g.total, hasCallers: g.hasCallers,
    ...(seconds ? { selfSeconds: g.selfSeconds, totalSeconds: g.totalSeconds } : {}),
  }));
}

/** The row's node where it spends the most (self, then total): where "open the source" lands. */
export function hottestNode(table: HotFunctions, tree: CallTree, row: number): number {
  let best = -1;
  for (let k = table.nodeStart[row]!; k < table.nodeStart[row + 1]!; k++) {
    const n = table.nodes[k]!;
    if (best < 0 || tree.self[n]! > tree.self[best]! || (tree.self[n] === tree.self[best] && tree.total[n]! > tree.total[best]!)) best = n;
  }
  return best;
}

/** Compares two rows' values: by the key, ties by name, so the order is stable across sorts. */
export function compareValues(a: HotValues, b: HotValues, order: SortOrder, names: readonly string[]): number {
  const byName = (): number => {
    const x = names[a.nameId] ?? '';
    const y = names[b.nameId] ?? '';
    return x < y ? -1 : x > y ? 1 : 0;
  };
  if (order.key === 'name') return order.descending ? -byName() : byName();
  const d = order.key === 'self' ? a.self - b.self : a.total - b.total;
  if (d !== 0) return order.descending ? -d : d;
  return byName();
}

/** Per row, its position among the rows sorted by name: ties and name sorts compare numbers, not strings. */
export function nameRanks(table: HotFunctions, names: readonly string[]): Int32Array {
  const byName = Int32Array.from(table.ids.keys());
  const nameOf = (r: number): string => names[table.ids[r]!] ?? '';
  byName.sort((a, b) => {
    const x = nameOf(a);
    const y = nameOf(b);
    return x < y ? -1 : x > y ? 1 : a - b;
  });
  const rank = new Int32Array(byName.length);
  for (let i = 0; i < byName.length; i++) rank[byName[i]!] = i;
  return rank;
}

/**
 * The table's rows in display order: those whose name id is marked in `filter` (the flame graph's
 * search, when there is one), sorted by the key, ties by name (`rank` from nameRanks).
 */
export function sortedRows(table: HotFunctions, rank: Int32Array, order: SortOrder, filter?: Uint8Array): Int32Array {
  const kept: number[] = [];
  for (let r = 0; r < table.ids.length; r++) if (!filter || filter[table.ids[r]!]) kept.push(r);
  const rows = Int32Array.from(kept);
  const sign = order.descending ? -1 : 1;
  if (order.key === 'name') return rows.sort((a, b) => sign * (rank[a]! - rank[b]!));
  const values = order.key === 'self' ? table.self : table.total;
  return rows.sort((a, b) => (values[a]! - values[b]!) * sign || rank[a]! - rank[b]!);
}
