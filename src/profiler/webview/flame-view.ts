import type { ViewId } from '../model/counters';
import { comparisonSummary, largestShareChange, shareDelta } from '../model/diff';
import { formatPercent } from '../model/format';
import { matchingNodes, searchTree } from '../model/search';
import { fromWire, type FlameTree } from '../flame/flame-tree';
import { hitTest, navigate, rowTop, scrollFor, type Geometry, type NavKey } from '../flame/geometry';
import { computeX, nodeViewport, type Viewport } from '../flame/layout';
import { disabledControls } from '../flame/controls';
import { legendEntries, type LegendState } from '../flame/legend';
import { assignBuckets, buildPalette, type Palette, type ThemeColors } from '../flame/palette';
import type { FlameData, HostMessage, RenderStats, WebviewMessage } from '../flame/protocol';
import { describeFrame } from './describe';
import { FlameCanvas, MIN_WIDTH_PX, ROW_HEIGHT, type AnimationStats } from './flame-canvas';
import { bindPointer } from './flame-pointer';
import { HotTable, type HotTableElements } from './hot-table';
import { bindLegendToggle, fillLegend, isUnavailable, markUnavailable, type LegendElements } from './legend-view';
import { fillBreadcrumb, fillViewPicker, hideBanner, showBanner, showTooltip } from './page-chrome';

export interface FlameElements {
  title: HTMLElement;
  subtitle: HTMLElement;
  view: HTMLSelectElement;
  search: HTMLInputElement;
  matched: HTMLElement;
  mode: HTMLButtonElement;
  mine: HTMLButtonElement;
  reset: HTMLButtonElement;
  breadcrumb: HTMLElement;
  banner: HTMLElement;
  chart: HTMLElement;
  canvas: HTMLCanvasElement;
  spacer: HTMLElement;
  details: HTMLElement;
  tooltip: HTMLElement;
  table: HTMLElement;
  hot: HotTableElements;
  legend: LegendElements & { root: HTMLElement };
}

const MODE_TITLE = 'List the functions where time is spent (bottom-up), sortable, with their callers; the zoom is kept';
const MINE_TITLE = 'Colour frames that are in your workspace';
const VIEW_TITLE = 'The counter the flame graph shows';

/**
 * The flame graph page: owns the canvas and the controls, keeps zoom/search/hover state, and talks to
 * the extension only through typed messages. Every frame name reaches the DOM via textContent.
 */
export class FlameView {
  private data: FlameData | undefined;
  private topDown: FlameTree | undefined;
  /** The flame graph, or the hot-functions table of the zoomed frame (the zoom stays as it is). */
  private mode: 'flame' | 'table' = 'flame';
  private readonly hotTable: HotTable;
  private tree: FlameTree | undefined;
  private x: Float64Array = new Float64Array(0);
  private viewport: Viewport = { x0: 0, x1: 1 };
  private zoomNode = 0;
  private focusNode = -1;
  private hoverNode = -1;
  private query = '';
  private matchedNames: Uint8Array | undefined;
  private matchedFraction = 0;
  private matchCursor = -1;
  private mine: Uint8Array | undefined;
  private mineEnabled = true;
  private sourceLabels: Record<number, string> = {};
  private buckets: Uint8Array = new Uint8Array(0);
  private palette: Palette;
  private readonly canvas: FlameCanvas;
  private searchTimer: ReturnType<typeof setTimeout> | undefined;
  /** The largest change of a frame's share in a comparison (the ends of the legend's scale). */
  private largestChange = 0;
  /** What the legend shows now, so it is rebuilt only when that changes. */
  private legendKey = '';
  /** Names that resolve to workspace files (counted once per 'sources' message, not per drawn frame). */
  private mineCount = 0;

  constructor(private readonly el: FlameElements, private readonly post: (m: WebviewMessage) => void, theme: ThemeColors) {
    this.palette = buildPalette(theme);
    this.canvas = new FlameCanvas(el, () => (this.tree ? {
      tree: this.tree, x: this.x, viewport: this.viewport, buckets: this.buckets, palette: this.palette, focus: this.focusNode, hover: this.hoverNode,
    } : undefined), (report) => {
      this.updateLegend();
      if (report) this.report();
    });
    this.hotTable = new HotTable(el.hot, {
      open: (name, nameId, node) => this.post({ type: 'openSource', name, nameId, node }),
      describe: (text) => { this.el.details.textContent = text; },
      resetZoom: () => this.reset(),
      changed: () => this.report(),
    });
    this.bind();
  }

  handle(message: HostMessage): void {
    switch (message.type) {
      case 'load': this.load(message.data); break;
      case 'loading': this.showBanner(message.message, 'loading'); break;
      case 'error': this.showBanner(message.message, 'error'); break;
      case 'sources':
        this.mine = message.mine instanceof Uint8Array ? message.mine : Uint8Array.from(Object.values(message.mine ?? {}), Number);
        this.mineCount = this.mine.reduce((n, v) => n + (v ? 1 : 0), 0);
        this.sourceLabels = message.labels ?? {};
        this.recolor();
        this.requestDraw();
        break;
      case 'reveal': this.reveal(message.name); break;
      case 'search':
        this.el.search.value = message.query;
        this.setSearch(message.query);
        break;
    }
  }

  setTheme(theme: ThemeColors): void {
    this.palette = buildPalette(theme);
    this.canvas.measureFont();
    this.requestDraw();
  }

  private load(data: FlameData): void {
    let tree: FlameTree;
    try {
      tree = fromWire(data.tree);
    } catch (err) {
      this.showBanner(err instanceof Error ? err.message : String(err), 'error');
      return;
    }
    this.data = data;
    this.topDown = tree;
    this.el.title.textContent = data.title;
    this.el.subtitle.textContent = data.subtitle;
    fillViewPicker(this.el.view, data.views, data.view);
    const diff = tree.baseTotal !== undefined;
    const reasons = disabledControls({ comparison: diff, views: data.views });
    markUnavailable(this.el.mode, reasons.mode, MODE_TITLE);
    markUnavailable(this.el.mine, reasons.mine, MINE_TITLE);
    markUnavailable(this.el.view, reasons.view, VIEW_TITLE);
    this.hotTable.setTree(tree, data.unit);
    const notes = [...data.warnings];
    if (tree.baseTotal && tree.baseSelf && data.baseLabel) {
      const summary = comparisonSummary({ ...tree, baseTotal: tree.baseTotal, baseSelf: tree.baseSelf }, data.baseLabel);
      notes.unshift(summary.text);
    }
    if (!(tree.total[0]! > 0)) notes.unshift('No samples in this view. Try another view from the list.');
    if (notes.length > 0) this.showBanner(notes.join(' · '), 'info');
    else this.hideBanner();
    this.useTree(tree);
    this.query = '';
    this.matchedNames = undefined;
    if (data.search) {
      this.el.search.value = data.search;
      this.applySearch(data.search);
    } else if (this.el.search.value) {
      this.applySearch(this.el.search.value);
    }
    this.setMode(diff ? 'flame' : this.mode);
    this.resize();
    this.el.chart.scrollTop = this.el.chart.scrollHeight;
    if (data.reveal) this.reveal(data.reveal, false);
    this.drawNow();
  }

  private useTree(tree: FlameTree): void {
    this.tree = tree;
    this.x = computeX(tree);
    this.zoomNode = 0;
    this.focusNode = -1;
    this.hoverNode = -1;
    this.viewport = nodeViewport(tree, this.x, 0);
    if (this.query) this.applySearch(this.query);
    this.recolor();
    this.updateBreadcrumb();
  }

  private recolor(): void {
    const tree = this.tree;
    if (!tree) return;
    let delta: Float64Array | undefined;
    if (tree.baseTotal && tree.baseSelf) {
      const diffTree = { ...tree, baseTotal: tree.baseTotal, baseSelf: tree.baseSelf };
      delta = new Float64Array(tree.size);
      for (let i = 0; i < tree.size; i++) delta[i] = shareDelta(diffTree, i);
      this.largestChange = largestShareChange(diffTree);
    }
    this.buckets = assignBuckets(tree, { mineEnabled: this.mineEnabled, ...(this.mine ? { mine: this.mine } : {}),
      ...(this.matchedNames ? { matchedNames: this.matchedNames } : {}), ...(delta ? { delta } : {}) });
  }

  // ---- geometry and drawing ----

  private geometry(): Geometry {
    return this.canvas.geometry(this.tree?.maxDepth ?? 0);
  }

  resize(): void {
    this.canvas.resize(this.tree?.maxDepth ?? 0);
  }

  requestDraw(): void {
    this.canvas.requestDraw();
  }

  private drawNow(report = true): void {
    this.canvas.drawNow(report);
  }

  private updateLegend(): void {
    const tree = this.tree;
    const mineCount = this.mineCount;
    const comparison = tree?.baseTotal !== undefined;
    const state: LegendState = {
      comparison: comparison ? { largestChange: this.largestChange } : undefined,
      mineShown: !comparison && this.mineEnabled && mineCount > 0,
      mineMissing: !comparison && this.mineEnabled && this.mine !== undefined && mineCount === 0,
      searchActive: this.matchedNames !== undefined,
      zoomed: this.zoomNode > 0,
    };
    const key = `${JSON.stringify(state)}|${this.palette.fills.join()}`;
    if (key === this.legendKey) return;
    this.legendKey = key;
    fillLegend(this.el.legend, legendEntries(state, this.palette), (text) => { this.el.details.textContent = text; });
  }

  private report(): void {
    const tree = this.tree;
    // Only these elements ever receive profile text; VS Code adds its own scripts elsewhere in the page.
    const dynamic = ['#title', '#subtitle', '#view', '#matched', '#breadcrumb', '#banner', '#chart', '#table', '#details', '#tooltip'];
    const count = (tag: string): number => document.querySelectorAll(dynamic.map((d) => `${d} ${tag}`).join(', ')).length;
    const table = this.hotTable.stats();
    const mine = this.mineCount;
    const stats: RenderStats & { animation?: AnimationStats } = {
      rects: this.canvas.lastResult.rects, labels: this.canvas.lastResult.labels, ms: this.canvas.lastFrameMs, nodes: tree?.size ?? 0,
      zoomedTo: tree && this.zoomNode > 0 ? tree.names[tree.nameId[this.zoomNode]!] ?? null : null,
      mode: this.mode, ...(table ? { table } : {}), search: this.query, matched: this.matchedFraction, diff: tree?.baseTotal !== undefined, mine,
      injected: { img: count('img'), script: count('script'), svg: count('svg'), iframe: count('iframe') },
      ...(this.canvas.lastAnimation ? { animation: this.canvas.lastAnimation } : {}),
    };
    this.post({ type: 'rendered', stats });
  }

  // ---- zoom, search, navigation ----

  zoomTo(node: number, animate = true): void {
    const tree = this.tree;
    if (!tree || node < 0 || node >= tree.size || !(tree.total[node]! > 0)) return;
    this.zoomNode = node;
    this.focusNode = node;
    const to = nodeViewport(tree, this.x, node);
    const g = this.geometry();
    const depth = tree.depth[node]!;
    const top = rowTop(g, depth);
    const visible = top >= g.scrollTop && top + ROW_HEIGHT <= g.scrollTop + g.height;
    if (!visible) this.el.chart.scrollTop = scrollFor(g, depth);
    this.updateBreadcrumb();
    this.updateDetails();
    if (this.mode === 'table') {
      this.hotTable.setScope(node);
      this.viewport = to;
      return;
    }
    const reduced = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
    if (!animate || reduced) {
      this.canvas.stopAnimation();
      this.viewport = to;
      this.drawNow();
      return;
    }
    this.canvas.animate(this.viewport, to, (viewport) => { this.viewport = viewport; });
  }

  reset(): void {
    this.zoomTo(0);
  }

  private reveal(name: string, animate = true): void {
    const tree = this.tree;
    if (!tree) return;
    let best = -1;
    for (let i = 1; i < tree.size; i++) if (tree.names[tree.nameId[i]!] === name && (best < 0 || tree.total[i]! > tree.total[best]!)) best = i;
    if (best >= 0) this.zoomTo(best, animate);
  }

  private setSearch(query: string): void {
    this.applySearch(query);
    this.hotTable.setFilter(this.matchedNames);
    this.recolor();
    this.drawNow();
  }

  private applySearch(query: string): void {
    const tree = this.tree;
    this.query = query.trim();
    this.matchCursor = -1;
    if (!tree || this.query.length === 0) {
      this.matchedNames = undefined;
      this.matchedFraction = 0;
      this.el.matched.textContent = '';
      return;
    }
    const result = searchTree(tree, this.query);
    this.matchedNames = result.matchedNames;
    this.matchedFraction = result.fraction;
    this.el.matched.textContent = result.nodes === 0 ? 'no match' : `${formatPercent(this.matchedFraction)} matched`;
  }

  private nextMatch(backwards: boolean): void {
    const tree = this.tree;
    if (!tree || !this.matchedNames) return;
    const nodes = matchingNodes(tree, this.matchedNames, 500);
    if (nodes.length === 0) return;
    this.matchCursor = (this.matchCursor + (backwards ? -1 : 1) + nodes.length) % nodes.length;
    this.zoomTo(nodes[this.matchCursor]!);
  }

  /** Flame graph ⇄ hot-functions table. The zoom is not touched: the table lists the zoomed frame's functions. */
  private setMode(mode: 'flame' | 'table'): void {
    if (mode === 'table' && (!this.topDown || this.topDown.baseTotal)) return;
    this.mode = mode;
    this.el.mode.setAttribute('aria-pressed', String(mode === 'table'));
    this.el.chart.hidden = mode === 'table';
    this.el.table.hidden = mode !== 'table';
    this.el.legend.root.hidden = mode === 'table';
    this.el.tooltip.hidden = true;
    if (mode === 'table') {
      this.hotTable.setFilter(this.matchedNames);
      this.hotTable.setScope(this.zoomNode);
      this.hotTable.requestRender();
      this.hotTable.focus();
      this.report();
    } else {
      this.updateDetails();
      this.resize();
      this.drawNow();
    }
  }

  private openSource(node: number): void {
    const tree = this.tree;
    if (!tree || node <= 0) return;
    const nameId = tree.nameId[node]!;
    this.post({ type: 'openSource', name: tree.names[nameId] ?? '', nameId, node });
  }

  private updateBreadcrumb(): void {
    fillBreadcrumb(this.el.breadcrumb, this.tree, this.zoomNode, (node) => this.zoomTo(node));
  }

  private updateDetails(): void {
    const tree = this.tree;
    const node = this.focusNode;
    if (!tree || node < 0) {
      this.el.details.textContent = '';
      return;
    }
    const d = describeFrame(tree, node, this.sourceLabels[tree.nameId[node]!]);
    this.el.details.textContent = `${d.title} — ${d.lines.join(' · ')}`;
  }

  private showTooltip(node: number, clientX: number, clientY: number): void {
    const tree = this.tree;
    if (!tree || node < 0) {
      this.el.tooltip.hidden = true;
      return;
    }
    const d = describeFrame(tree, node, this.sourceLabels[tree.nameId[node]!]);
    const hint = node === this.zoomNode ? 'Ctrl+click or double-click opens the source' : 'Click to zoom · Ctrl+click or double-click opens the source';
    showTooltip(this.el.tooltip, d.title, d.lines, hint, clientX, clientY);
  }

  private showBanner(text: string, kind: 'info' | 'error' | 'loading'): void {
    showBanner(this.el.banner, text, kind);
  }

  private hideBanner(): void {
    hideBanner(this.el.banner);
  }

  // ---- input ----

  private bind(): void {
    const { chart, canvas, search } = this.el;
    chart.addEventListener('scroll', () => this.requestDraw());
    bindPointer(canvas, chart, {
      nodeAt: (px, py) => (this.tree ? hitTest(this.tree, this.x, this.viewport, this.geometry(), MIN_WIDTH_PX, px, py) : -1),
      total: () => this.tree?.total[0] ?? 0,
      widthPx: () => this.canvas.widthPx,
      viewport: () => this.viewport,
      setViewport: (viewport) => { this.viewport = viewport; },
      hover: (node, clientX, clientY) => {
        if (node !== this.hoverNode) {
          this.hoverNode = node;
          this.requestDraw();
        }
        this.showTooltip(node, clientX, clientY);
      },
      leave: () => {
        this.hoverNode = -1;
        this.el.tooltip.hidden = true;
        this.requestDraw();
      },
      zoomTo: (node) => this.zoomTo(node),
      openSource: (node) => this.openSource(node),
      hideTooltip: () => { this.el.tooltip.hidden = true; },
      requestDraw: () => this.requestDraw(),
    });

    chart.addEventListener('keydown', (e) => this.onChartKey(e));
    document.addEventListener('keydown', (e) => {
      if (e.key === '/' && document.activeElement !== search) {
        e.preventDefault();
        search.focus();
        search.select();
      }
    });
    search.addEventListener('input', () => {
      if (this.searchTimer) clearTimeout(this.searchTimer);
      this.searchTimer = setTimeout(() => this.setSearch(search.value), 120);
    });
    search.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') {
        e.preventDefault();
        if (this.searchTimer) clearTimeout(this.searchTimer);
        if (search.value.trim() !== this.query) this.setSearch(search.value);
        if (this.mode === 'table') this.hotTable.focus();
        else this.nextMatch(e.shiftKey);
      } else if (e.key === 'Escape') {
        e.preventDefault();
        search.value = '';
        this.setSearch('');
        chart.focus();
      }
    });
    this.el.view.addEventListener('change', () => this.post({ type: 'changeView', view: this.el.view.value as ViewId }));
    this.el.mode.addEventListener('click', () => {
      if (!isUnavailable(this.el.mode)) this.setMode(this.mode === 'table' ? 'flame' : 'table');
    });
    this.el.mine.addEventListener('click', () => {
      if (isUnavailable(this.el.mine)) return;
      this.mineEnabled = !this.mineEnabled;
      this.el.mine.setAttribute('aria-pressed', String(this.mineEnabled));
      this.recolor();
      this.drawNow();
    });
    this.el.reset.addEventListener('click', () => this.reset());
    bindLegendToggle(this.el.legend);
    new ResizeObserver(() => this.resize()).observe(chart);
  }

  private onChartKey(e: KeyboardEvent): void {
    const tree = this.tree;
    if (!tree) return;
    const keys: Record<string, NavKey> = { ArrowUp: 'child', ArrowDown: 'parent', ArrowLeft: 'previous', ArrowRight: 'next' };
    const nav = keys[e.key];
    if (nav) {
      e.preventDefault();
      const from = this.focusNode >= 0 ? this.focusNode : this.zoomNode;
      this.focusNode = navigate(tree, from, nav);
      this.ensureVisible(this.focusNode);
      this.updateDetails();
      this.requestDraw();
      return;
    }
    if (e.key === 'Enter') {
      e.preventDefault();
      const node = this.focusNode >= 0 ? this.focusNode : this.zoomNode;
      if (e.ctrlKey || e.metaKey) this.openSource(node);
      else this.zoomTo(node);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      this.reset();
    }
  }

  /** Keyboard focus may move onto a frame outside the zoomed window: widen to its parent's range. */
  private ensureVisible(node: number): void {
    const tree = this.tree;
    if (!tree || node < 0) return;
    const start = this.x[node]!;
    const end = start + tree.total[node]!;
    if (start < this.viewport.x0 || end > this.viewport.x1) {
      this.zoomNode = tree.parent[node]! >= 0 ? tree.parent[node]! : 0;
      this.viewport = nodeViewport(tree, this.x, this.zoomNode);
      this.updateBreadcrumb();
    }
    const g = this.geometry();
    const depth = tree.depth[node]!;
    const top = rowTop(g, depth);
    if (top < g.scrollTop || top + ROW_HEIGHT > g.scrollTop + g.height) this.el.chart.scrollTop = scrollFor(g, depth);
  }
}
