// The bottom-up "hot functions" table of the flame graph page: a virtualised treegrid (only the rows in
// view are in the DOM), sortable by its column headers, expanding a function into its callers.
// Frame names only ever go in via textContent.
import type { FlameTree } from '../flame/flame-tree';
import type { SortKey } from '../flame/hot-functions';
import { HotRowList, type VisibleRow } from '../flame/hot-rows';
import type { HotTableStats } from '../flame/protocol';
import { formatPercent } from '../model/format';
import { formatHotAmount, hotUnitLabel } from './describe';

export interface HotTableElements {
  caption: HTMLElement;
  grid: HTMLElement;
  headers: Record<SortKey, HTMLElement>;
  body: HTMLElement;
  spacer: HTMLElement;
}

export interface HotTableHost {
  /** Open the function's source (the same request as Ctrl+click on a frame). */
  open(name: string, nameId: number, node: number): void;
  /** The focused row, described for the status line. */
  describe(text: string): void;
  resetZoom(): void;
  changed(): void;
}

const ROW_HEIGHT = 22;
const OVERSCAN = 6;
const LABELS: Record<SortKey, string> = { name: 'Function', self: 'Self', total: 'Total' };

export class HotTable {
  private list: HotRowList | undefined;
  private tree: FlameTree | undefined;
  private unit: string | undefined;
  private filter: Uint8Array | undefined;
  private active = 0;
  private renderPending = false;
  private lastBuildMs = 0;

  constructor(private readonly el: HotTableElements, private readonly host: HotTableHost) {
    this.bind();
  }

  /** A new profile or counter view: the table is built again on first use (setScope). */
  setTree(tree: FlameTree, unit: string | undefined): void {
    this.tree = tree;
    this.unit = unit;
    this.list = undefined;
    this.active = 0;
    const kind = hotUnitLabel(tree.totalSeconds !== undefined, unit);
    for (const key of ['self', 'total'] as const) this.button(key).textContent = `${LABELS[key]} (${kind})`;
  }

  /** Shows the functions inside `scope` (the flame graph's zoomed frame). Builds the table on first use. */
  setScope(scope: number): void {
    const tree = this.tree;
    if (!tree) return;
    const started = performance.now();
    if (!this.list) {
      this.list = new HotRowList(tree, scope);
      this.list.setFilter(this.filter);
    } else if (this.list.scope !== scope) {
      this.list.setScope(scope);
    } else {
      return;
    }
    this.lastBuildMs = performance.now() - started;
    this.active = 0;
    this.el.body.scrollTop = 0;
    this.refresh();
  }

  /** The flame graph's search: only matching functions are listed (callers stay as they are). */
  setFilter(matchedNames: Uint8Array | undefined): void {
    this.filter = matchedNames;
    if (!this.list) return;
    this.list.setFilter(matchedNames);
    this.active = 0;
    this.refresh();
  }

  sortBy(key: SortKey): void {
    const list = this.list;
    if (!list) return;
    const current = list.sort;
    const descending = current.key === key ? !current.descending : key !== 'name';
    const started = performance.now();
    list.setSort({ key, descending });
    this.lastBuildMs = performance.now() - started;
    this.active = 0;
    this.el.body.scrollTop = 0;
    this.refresh();
  }

  focus(): void {
    this.el.grid.focus({ preventScroll: true });
  }

  /** Draws the rows in view again (after the page was hidden or resized). */
  requestRender(): void {
    if (this.renderPending) return;
    this.renderPending = true;
    requestAnimationFrame(() => {
      this.renderPending = false;
      this.render();
    });
  }

  stats(): HotTableStats | undefined {
    const list = this.list;
    const tree = this.tree;
    if (!list || !tree) return undefined;
    const at = (i: number): string | null => {
      const row = list.rows[i];
      return row ? tree.names[row.nameId] ?? '' : null;
    };
    return {
      rows: list.rows.length, functions: list.functionCount, sort: `${list.sort.key} ${list.sort.descending ? 'descending' : 'ascending'}`,
      first: at(0), active: at(this.active), expanded: list.rows.filter((r) => r.expanded).length,
      scope: list.scope > 0 ? tree.names[tree.nameId[list.scope]!] ?? '' : null, buildMs: this.lastBuildMs,
    };
  }

  private refresh(): void {
    const list = this.list;
    const tree = this.tree;
    if (!list || !tree) return;
    this.el.spacer.style.height = `${list.rows.length * ROW_HEIGHT}px`;
    this.el.grid.setAttribute('aria-rowcount', String(list.rows.length + 1));
    for (const key of ['name', 'self', 'total'] as const) {
      const sorted = list.sort.key === key;
      this.el.headers[key].setAttribute('aria-sort', sorted ? (list.sort.descending ? 'descending' : 'ascending') : 'none');
      this.el.headers[key].classList.toggle('sorted', sorted);
    }
    const shown = list.rows.filter((r) => r.level === 0).length;
    const count = shown === list.functionCount ? `${list.functionCount} functions` : `${shown} of ${list.functionCount} functions match the search`;
    const where = list.scope > 0
      ? `within ${tree.names[tree.nameId[list.scope]!] ?? ''} (the zoomed frame; shares are of its samples; Escape shows the whole profile)`
      : 'in the whole profile';
    this.el.caption.textContent = `${count} ${where}`;
    this.render();
    this.describeActive();
    this.host.changed();
  }

  private render(): void {
    const list = this.list;
    if (!list) return;
    const body = this.el.body;
    const first = Math.max(0, Math.floor(body.scrollTop / ROW_HEIGHT) - OVERSCAN);
    const last = Math.min(list.rows.length, Math.ceil((body.scrollTop + body.clientHeight) / ROW_HEIGHT) + OVERSCAN);
    const rows: HTMLElement[] = [];
    for (let i = first; i < last; i++) rows.push(this.rowElement(list.rows[i]!, i));
    this.el.spacer.replaceChildren(...rows);
    this.el.grid.setAttribute('aria-activedescendant', list.rows.length > 0 ? `hot-row-${this.active}` : '');
  }

  private rowElement(row: VisibleRow, index: number): HTMLElement {
    const tree = this.tree!;
    const all = this.list!.scopeTotal;
    const el = document.createElement('div');
    el.className = `hot-row${index === this.active ? ' active' : ''}${row.level > 0 ? ' caller' : ''}`;
    el.id = `hot-row-${index}`;
    el.setAttribute('role', 'row');
    el.setAttribute('aria-rowindex', String(index + 2));
    el.setAttribute('aria-level', String(row.level + 1));
    el.setAttribute('aria-selected', String(index === this.active));
    if (row.expandable) el.setAttribute('aria-expanded', String(row.expanded));
    el.dataset.index = String(index);
    el.style.top = `${index * ROW_HEIGHT}px`;
    const name = document.createElement('div');
    name.setAttribute('role', 'gridcell');
    name.className = 'c-name';
    name.style.paddingLeft = `${4 + row.level * 16}px`;
    const twistie = document.createElement('span');
    twistie.className = `twistie${row.expandable ? (row.expanded ? ' open' : '') : ' leaf'}`;
    twistie.setAttribute('aria-hidden', 'true');
    const fn = document.createElement('span');
    fn.className = 'fn';
    fn.textContent = tree.names[row.nameId] ?? '';
    name.title = fn.textContent;
    name.append(twistie, fn);
    el.append(name, this.amountCell(row.self, row.selfSeconds, all), this.amountCell(row.total, row.totalSeconds, all));
    return el;
  }

  private amountCell(value: number, seconds: number | undefined, all: number): HTMLElement {
    const cell = document.createElement('div');
    cell.setAttribute('role', 'gridcell');
    cell.className = 'c-num';
    const share = all > 0 ? value / all : 0;
    const bar = document.createElement('span');
    bar.className = 'share-bar';
    bar.setAttribute('aria-hidden', 'true');
    bar.style.width = `${Math.min(100, share * 100).toFixed(1)}%`;
    const amount = document.createElement('span');
    amount.className = 'amount';
    amount.textContent = formatHotAmount(value, seconds, this.unit);
    const pct = document.createElement('span');
    pct.className = 'pct';
    pct.textContent = formatPercent(share);
    cell.append(bar, amount, pct);
    return cell;
  }

  private describeActive(): void {
    const row = this.list?.rows[this.active];
    const tree = this.tree;
    if (!row || !tree) {
      this.host.describe('');
      return;
    }
    const all = this.list!.scopeTotal;
    const name = tree.names[row.nameId] ?? '';
    const via = row.level > 0 ? ` — caller ${row.level} level${row.level > 1 ? 's' : ''} up of ${tree.names[row.path[0]!] ?? ''}` : '';
    this.host.describe(`${name}${via} — Self ${formatPercent(all > 0 ? row.self / all : 0)} · Total ${formatPercent(all > 0 ? row.total / all : 0)} · Enter opens the source`);
  }

  private setActive(index: number): void {
    const list = this.list;
    if (!list || list.rows.length === 0) return;
    this.active = Math.max(0, Math.min(list.rows.length - 1, index));
    const body = this.el.body;
    const top = this.active * ROW_HEIGHT;
    if (top < body.scrollTop) body.scrollTop = top;
    else if (top + ROW_HEIGHT > body.scrollTop + body.clientHeight) body.scrollTop = top + ROW_HEIGHT - body.clientHeight;
    this.render();
    this.describeActive();
    this.host.changed();
  }

  private toggle(index: number, open?: boolean): void {
    const list = this.list;
    if (!list?.toggle(index, open)) return;
    this.active = index;
    this.refresh();
  }

  private openRow(index: number): void {
    const list = this.list;
    const row = list?.rows[index];
    if (!list || !row || !this.tree) return;
    this.host.open(this.tree.names[row.nameId] ?? '', row.nameId, list.sourceNode(index));
  }

  private button(key: SortKey): HTMLButtonElement {
    const b = this.el.headers[key].querySelector('button');
    if (!b) throw new Error(`The ${key} column has no button.`);
    return b;
  }

  private bind(): void {
    for (const key of ['name', 'self', 'total'] as const) this.button(key).addEventListener('click', () => this.sortBy(key));
    this.el.body.addEventListener('scroll', () => this.requestRender());
    this.el.spacer.addEventListener('click', (e) => {
      const target = e.target instanceof Element ? e.target : null;
      const rowEl = target?.closest<HTMLElement>('.hot-row');
      if (!rowEl) return;
      const index = Number(rowEl.dataset.index);
      this.focus();
      if (target?.closest('.twistie')) {
        this.toggle(index);
        return;
      }
      this.setActive(index);
      this.openRow(index);
    });
    this.el.grid.addEventListener('keydown', (e) => this.onKey(e));
    new ResizeObserver(() => this.requestRender()).observe(this.el.body);
  }

  private onKey(e: KeyboardEvent): void {
    const list = this.list;
    if (!list || e.target !== this.el.grid) return;
    const page = Math.max(1, Math.floor(this.el.body.clientHeight / ROW_HEIGHT) - 1);
    const row = list.rows[this.active];
    const moves: Record<string, () => void> = {
      ArrowDown: () => this.setActive(this.active + 1),
      ArrowUp: () => this.setActive(this.active - 1),
      PageDown: () => this.setActive(this.active + page),
      PageUp: () => this.setActive(this.active - page),
      Home: () => this.setActive(0),
      End: () => this.setActive(list.rows.length - 1),
      ArrowRight: () => {
        if (row?.expandable && !row.expanded) this.toggle(this.active, true);
        else if (row?.expanded) this.setActive(this.active + 1);
      },
      ArrowLeft: () => {
        if (row?.expanded) this.toggle(this.active, false);
        else if (list.parentIndex(this.active) >= 0) this.setActive(list.parentIndex(this.active));
      },
      Enter: () => this.openRow(this.active),
      ' ': () => this.toggle(this.active),
      Escape: () => this.host.resetZoom(),
    };
    const move = moves[e.key];
    if (!move) return;
    e.preventDefault();
    move();
  }
}
