import type { CallTree } from '../model/call-tree';
import type { Viewport } from './layout';

/** Where rows go on the canvas. Flame graphs grow up from a root at the bottom; bottom-up views hang down. */
export interface Geometry {
  /** Canvas size in CSS pixels. */
  width: number;
  height: number;
  rowHeight: number;
  /** Scroll offset of the visible part within the full graph height. */
  scrollTop: number;
  rootAtTop: boolean;
  maxDepth: number;
}

export function contentHeight(g: Pick<Geometry, 'rowHeight' | 'maxDepth'>): number {
  return (g.maxDepth + 1) * g.rowHeight;
}

/** A flame graph shorter than the canvas still grows from the canvas's bottom edge. */
function bottomEdge(g: Geometry): number {
  return Math.max(contentHeight(g), g.height);
}

/** Top of the row for `depth` within the whole graph (before scrolling). */
export function rowTop(g: Geometry, depth: number): number {
  return g.rootAtTop ? depth * g.rowHeight : bottomEdge(g) - (depth + 1) * g.rowHeight;
}

/** Top of the row for `depth`, in canvas pixels. */
export function rowY(g: Geometry, depth: number): number {
  return rowTop(g, depth) - g.scrollTop;
}

/** The depth of the row under canvas pixel y (may be out of range). */
export function depthAt(g: Geometry, y: number): number {
  const contentY = y + g.scrollTop;
  return g.rootAtTop ? Math.floor(contentY / g.rowHeight) : Math.floor((bottomEdge(g) - contentY) / g.rowHeight);
}

/** The scroll offset that shows `depth` (and what grows from it) in view. */
export function scrollFor(g: Geometry, depth: number): number {
  const max = Math.max(0, contentHeight(g) - g.height);
  const y = g.rootAtTop ? rowTop(g, depth) - g.rowHeight : rowTop(g, depth) - g.height + 2 * g.rowHeight;
  return Math.min(max, Math.max(0, y));
}

/**
 * The node drawn at canvas pixel (px, py), or -1: walks down from the root choosing, on each level,
 * the child whose span contains the point (children are in x order in preorder).
 */
export function hitTest(tree: Pick<CallTree, 'end' | 'total' | 'size'>, x: Float64Array, viewport: Viewport, g: Geometry, minWidthPx: number, px: number, py: number): number {
  if (px < 0 || px >= g.width || py < 0 || py >= g.height || tree.size === 0) return -1;
  const depth = depthAt(g, py);
  if (depth < 0 || depth > g.maxDepth) return -1;
  const scale = g.width / (viewport.x1 - viewport.x0);
  const s = viewport.x0 + px / scale;
  let node = 0;
  if (!(tree.total[0]! > 0)) return -1;
  for (let d = 1; d <= depth; d++) {
    let next = -1;
    for (let c = node + 1; c < tree.end[node]!; c = tree.end[c]!) {
      const start = x[c]!;
      if (s >= start && s < start + tree.total[c]!) { next = c; break; }
      if (start > s) break;
    }
    if (next < 0) return -1;
    node = next;
  }
  return tree.total[node]! * scale >= minWidthPx ? node : -1;
}

export type NavKey = 'parent' | 'child' | 'previous' | 'next';

/** Keyboard movement between frames: to the caller, the widest callee, or a sibling with samples. */
export function navigate(tree: Pick<CallTree, 'parent' | 'end' | 'total'>, node: number, key: NavKey): number {
  if (node < 0) return 0;
  switch (key) {
    case 'parent': return node > 0 ? tree.parent[node]! : node;
    case 'child': {
      let best = -1;
      for (let c = node + 1; c < tree.end[node]!; c = tree.end[c]!) if (tree.total[c]! > 0 && (best < 0 || tree.total[c]! > tree.total[best]!)) best = c;
      return best < 0 ? node : best;
    }
    case 'next': {
      const p = tree.parent[node]!;
      if (p < 0) return node;
      for (let c = tree.end[node]!; c < tree.end[p]!; c = tree.end[c]!) if (tree.total[c]! > 0) return c;
      return node;
    }
    case 'previous': {
      const p = tree.parent[node]!;
      if (p < 0) return node;
      let prev = node;
      for (let c = p + 1; c < node; c = tree.end[c]!) if (tree.total[c]! > 0) prev = c;
      return prev;
    }
  }
}
