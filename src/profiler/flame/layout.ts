import type { CallTree } from '../model/call-tree';

/**
 * Horizontal positions in sample units: each child starts where its previous sibling ends, the first
 * one where its parent starts (self time is the gap on the right). One pass over preorder.
 */
export function computeX(tree: Pick<CallTree, 'size' | 'parent' | 'total'>): Float64Array {
  const n = tree.size;
  const x = new Float64Array(n);
  const cursor = new Float64Array(n);
  for (let i = 1; i < n; i++) {
    const p = tree.parent[i]!;
    const start = cursor[p]!;
    x[i] = start;
    cursor[i] = start;
    cursor[p] = start + tree.total[i]!;
  }
  return x;
}

/** The visible window in sample units. */
export interface Viewport {
  x0: number;
  x1: number;
}

export function nodeViewport(tree: Pick<CallTree, 'total'>, x: Float64Array, node: number): Viewport {
  const start = x[node] ?? 0;
  const width = tree.total[node] ?? 0;
  return width > 0 ? { x0: start, x1: start + width } : { x0: 0, x1: tree.total[0] || 1 };
}

const easeOut = (t: number): number => 1 - (1 - t) ** 3;

/** Zoom animation: viewport between `from` and `to` at time fraction t ∈ [0, 1]. */
export function interpolateViewport(from: Viewport, to: Viewport, t: number): Viewport {
  const k = easeOut(Math.min(1, Math.max(0, t)));
  return { x0: from.x0 + (to.x0 - from.x0) * k, x1: from.x1 + (to.x1 - from.x1) * k };
}

/** Pans by `dx` pixels, clamped to the root's range. */
export function panViewport(v: Viewport, dxPx: number, widthPx: number, rootTotal: number): Viewport {
  const span = v.x1 - v.x0;
  let x0 = v.x0 - (dxPx / Math.max(1, widthPx)) * span;
  x0 = Math.min(Math.max(0, x0), Math.max(0, rootTotal - span));
  return { x0, x1: x0 + span };
}

/** Zooms by `factor` (<1 in, >1 out) around the pixel `atPx`, clamped to the root's range. */
export function zoomViewportAt(v: Viewport, factor: number, atPx: number, widthPx: number, rootTotal: number): Viewport {
  const span = v.x1 - v.x0;
  const minSpan = Math.max(rootTotal * 1e-9, Number.MIN_VALUE);
  const nextSpan = Math.min(rootTotal, Math.max(minSpan, span * factor));
  const anchor = v.x0 + (atPx / Math.max(1, widthPx)) * span;
  let x0 = anchor - (atPx / Math.max(1, widthPx)) * nextSpan;
  x0 = Math.min(Math.max(0, x0), Math.max(0, rootTotal - nextSpan));
  return { x0, x1: x0 + nextSpan };
}
