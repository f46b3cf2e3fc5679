import type { CallTree } from '../model/call-tree';
import { callersOf, compareValues, hotFunctions, hottestNode, nameRanks, rowValues, sortedRows, type HotFunctions, type HotValues, type SortOrder } from './hot-functions';

/** A row on screen: a function (level 0) or one of its callers (level ≥ 1, the bottom-up tree). */
export interface VisibleRow extends HotValues {
  /** Name ids from the function up to this caller. */
  readonly path: readonly number[];
  readonly level: number;
  readonly expandable: boolean;
  readonly expanded: boolean;
  /** The function's row in the table (level 0: this row's). */
  readonly tableRow: number;
}

const pathKey = (path: readonly number[]): string => path.join('/');

/**
 * The hot-functions table as the rows a person sees: sorted, filtered, with the callers of the
 * expanded rows in place. Callers are computed on first expansion only; a sort or filter keeps what
 * is expanded. Rows are plain data for a virtualised list (only the visible ones reach the DOM).
 */
export class HotRowList {
  private table: HotFunctions;
  /** Per table row: its name rank and its level-0 row, made once per scope. */
  private ranks: Int32Array;
  private topRows: VisibleRow[];
  private order: SortOrder = { key: 'self', descending: true };
  private filter: Uint8Array | undefined;
  private readonly expanded = new Set<string>();
  private readonly callers = new Map<string, VisibleRow[]>();
  private list: VisibleRow[] = [];

  constructor(private readonly tree: CallTree, scope = 0) {
    this.table = hotFunctions(tree, scope);
    this.ranks = nameRanks(this.table, tree.names);
    this.topRows = topRowsOf(tree, this.table);
    this.rebuild();
  }

  get rows(): readonly VisibleRow[] { return this.list; }
  get sort(): SortOrder { return this.order; }
  get scope(): number { return this.table.scope; }
  /** Functions in scope, before the filter. */
  get functionCount(): number { return this.table.ids.length; }
  /** All samples of the scope: what the shares are of. */
  get scopeTotal(): number { return this.tree.total[this.table.scope] ?? 0; }
  get scopeSeconds(): number | undefined { return this.tree.totalSeconds?.[this.table.scope]; }

  setScope(scope: number): void {
    if (scope === this.table.scope) return;
    this.table = hotFunctions(this.tree, scope);
    this.ranks = nameRanks(this.table, this.tree.names);
    this.topRows = topRowsOf(this.tree, this.table);
    this.expanded.clear();
    this.callers.clear();
    this.rebuild();
  }

  setSort(order: SortOrder): void {
    this.order = order;
    for (const list of this.callers.values()) list.sort((a, b) => compareValues(a, b, order, this.tree.names));
    this.rebuild();
  }

  /** `matchedNames` from the flame graph's search (1 per matching name id), or undefined for no filter. */
  setFilter(matchedNames: Uint8Array | undefined): void {
    this.filter = matchedNames;
    this.rebuild();
  }

  /** Expands or collapses the row at `index`; returns false when it has no callers to show. */
  toggle(index: number, open?: boolean): boolean {
    const row = this.list[index];
    if (!row?.expandable) return false;
    const key = pathKey(row.path);
    const want = open ?? !this.expanded.has(key);
    if (want === this.expanded.has(key)) return true;
    if (want) this.expanded.add(key);
    else this.expanded.delete(key);
    this.rebuild();
    return true;
  }

  /** The frame to open for a row: a function's hottest frame; -1 for a caller (opened by name). */
  sourceNode(index: number): number {
    const row = this.list[index];
    return row && row.level === 0 ? hottestNode(this.table, this.tree, row.tableRow) : -1;
  }

  /** The index of the row's parent (the callee it was expanded from), or -1 at the top level. */
  parentIndex(index: number): number {
    const level = this.list[index]?.level ?? 0;
    for (let i = index - 1; i >= 0; i--) if (this.list[i]!.level < level) return i;
    return -1;
  }

  private callersFor(row: VisibleRow): VisibleRow[] {
    const key = pathKey(row.path);
    let list = this.callers.get(key);
    if (!list) {
      list = callersOf(this.tree, this.table, row.path).map((c) => ({
        ...c, path: [...row.path, c.nameId], level: row.level + 1, expandable: c.hasCallers, expanded: false, tableRow: row.tableRow,
      }));
      list.sort((a, b) => compareValues(a, b, this.order, this.tree.names));
      this.callers.set(key, list);
    }
    return list;
  }

  private rebuild(): void {
    const out: VisibleRow[] = [];
    const anyExpanded = this.expanded.size > 0;
    const push = (row: VisibleRow): void => {
      const open = anyExpanded && row.expandable && this.expanded.has(pathKey(row.path));
      out.push(open ? { ...row, expanded: true } : row);
      if (open) for (const c of this.callersFor(row)) push(c);
    };
    for (const r of sortedRows(this.table, this.ranks, this.order, this.filter)) push(this.topRows[r]!);
    this.list = out;
  }
}

/** The level-0 row of every function in the table. */
function topRowsOf(tree: CallTree, table: HotFunctions): VisibleRow[] {
  const withCallers = rowsWithCallers(tree, table);
  return Array.from(table.ids, (_, r) => ({
    ...rowValues(table, r), path: [table.ids[r]!], level: 0, expandable: withCallers[r] === 1, expanded: false, tableRow: r,
  }));
}

/** Per row: 1 when any of its frames has a caller inside the scope (otherwise it has nothing to expand). */
function rowsWithCallers(tree: CallTree, table: HotFunctions): Uint8Array {
  const out = new Uint8Array(table.ids.length);
  for (let r = 0; r < table.ids.length; r++) {
    for (let k = table.nodeStart[r]!; k < table.nodeStart[r + 1]!; k++) {
      const p = tree.parent[table.nodes[k]!]!;
      if (p > 0 && p >= table.scope) { out[r] = 1; break; }
    }
  }
  return out;
}
