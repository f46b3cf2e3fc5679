import type { FlameTree } from './flame-tree';
import { rowY, type Geometry } from './geometry';
import type { Viewport } from './layout';
import { DIM, MERGED, type Palette } from './palette';

/** The part of CanvasRenderingContext2D the renderer uses (a recording fake implements it in tests). */
export type Ctx2D = Pick<CanvasRenderingContext2D, 'fillStyle' | 'strokeStyle' | 'lineWidth' | 'font' | 'textBaseline'
  | 'fillRect' | 'fillText' | 'strokeRect'>;

export interface RenderInput {
  tree: FlameTree;
  /** Left edge of each node in sample units (computeX). */
  x: Float64Array;
  viewport: Viewport;
  geometry: Geometry;
  buckets: Uint8Array;
  palette: Palette;
  focus: number;
  hover: number;
  /**
   * Frames narrower than this (CSS px) are not drawn one by one, and nothing above them is: touching ones
   * of a row join one "…" block, so their parent's width stays accounted for instead of a gap.
   */
  minWidthPx: number;
  /** Width of one character of `font` (a monospace font, so labels can be cut without measuring). */
  charWidth: number;
  font: string;
  /** Device pixels per CSS pixel: rectangles snap to device pixels (crisp, and the rasterizer's fast path). */
  dpr?: number;
}

export interface RenderResult {
  rects: number;
  labels: number;
}

const LABEL_PAD = 3;
/**
 * Frames narrower than this (CSS px) that touch the previous narrow frame of their row are drawn as one
 * neutral "…" block: hair-thin slivers say nothing, and a 1,000,000-frame profile has tens of thousands
 * of sub-pixel frames in view (one fill per run keeps a software-rendered frame inside its 16 ms).
 */
export const MERGE_PX = 2;
const ELLIPSIS = '…';

/** Cuts a label to `maxChars`, keeping the end (where method and function names are). */
export function fitLabel(name: string, maxChars: number): string | undefined {
  if (maxChars >= name.length) return name;
  if (maxChars < 4) return undefined;
  return `…${name.slice(name.length - (maxChars - 1))}`;
}

/**
 * Draws a flame graph. Visits nodes in preorder but skips whole subtrees that are off screen or
 * narrower than `minWidthPx` (their descendants can only be narrower; the frame itself joins its row's
 * "…" block), so the cost follows what is visible, not the profile size. Rectangles are batched per colour (one fillStyle per bucket) and
 * snapped to device pixels, which software rasterizers fill far faster than one path of many rects.
 */
export class FlameRenderer {
  private nodes = new Int32Array(4096);
  private rx = new Float32Array(4096);
  private rw = new Float32Array(4096);
  private ry = new Float32Array(4096);
  private order = new Int32Array(4096);
  /** 1 when an entry stands for a run of merged narrow frames (no label, no outline). */
  private merged = new Uint8Array(4096);
  /** Per depth: the entry of the row's open run of narrow frames, or -1. */
  private runAt = new Int32Array(256);
  private readonly bucketCount = new Int32Array(DIM * 2 + 1);

  render(ctx: Ctx2D, input: RenderInput): RenderResult {
    const { tree, x, viewport, geometry: g, buckets, palette } = input;
    ctx.fillStyle = palette.background;
    ctx.fillRect(0, 0, g.width, g.height);
    const span = viewport.x1 - viewport.x0;
    if (!(span > 0) || !(tree.total[0]! > 0) || g.width <= 0) return { rects: 0, labels: 0 };
    const scale = g.width / span;
    const rowH = g.rowHeight;
    const x0 = viewport.x0;
    const eps = span * 1e-9;

    let count = 0;
    let i = 0;
    const n = tree.size;
    if (this.runAt.length <= tree.maxDepth) this.runAt = new Int32Array(tree.maxDepth + 1);
    const runAt = this.runAt;
    runAt.fill(-1);
    while (i < n) {
      const w = tree.total[i]! * scale;
      const left = (x[i]! - x0) * scale;
      if (left >= g.width || left + w <= 0) {
        i = tree.end[i]!;
        continue;
      }
      // Too narrow to draw alone: it widens (or starts) its row's "…" block; nothing above it is drawn.
      const tooNarrow = w < input.minWidthPx;
      const y = rowY(g, tree.depth[i]!);
      if (y >= g.height) {
        // Off the bottom: with the root on top, everything deeper is further down.
        if (g.rootAtTop) { i = tree.end[i]!; continue; }
      } else if (y + rowH <= 0) {
        if (!g.rootAtTop) { i = tree.end[i]!; continue; }
      } else {
        const l = Math.max(0, left);
        const r = Math.min(g.width, left + w);
        const d = tree.depth[i]!;
        if (w < MERGE_PX) {
          const run = runAt[d]!;
          if (run >= 0 && this.rx[run]! + this.rw[run]! >= l - 0.5) {
            this.rw[run] = Math.max(this.rx[run]! + this.rw[run]!, r) - this.rx[run]!;
            this.merged[run] = 1;
            i = tooNarrow ? tree.end[i]! : i + 1;
            continue;
          }
        }
        if (count === this.nodes.length) this.grow();
        runAt[d] = w < MERGE_PX ? count : -1;
        this.merged[count] = tooNarrow ? 1 : 0;
        this.nodes[count] = i;
        this.rx[count] = l;
        this.rw[count] = r - l;
        this.ry[count] = y;
        count++;
      }
      i = tooNarrow ? tree.end[i]! : i + 1;
    }

    // Counting sort by colour bucket; frames wider than the view (zoomed-out callers) are faded.
    const bucketOf = (k: number): number => {
      if (this.merged[k] === 1) return MERGED;
      const node = this.nodes[k]!;
      const b = buckets[node] ?? 0;
      const outside = x[node]! < x0 - eps || x[node]! + tree.total[node]! > viewport.x1 + eps;
      return outside && b < DIM ? b + DIM : b;
    };
    const counts = this.bucketCount;
    counts.fill(0);
    for (let k = 0; k < count; k++) counts[bucketOf(k) + 1]!++;
    for (let b = 1; b < counts.length; b++) counts[b]! += counts[b - 1]!;
    const starts = Int32Array.from(counts);
    for (let k = 0; k < count; k++) this.order[counts[bucketOf(k)]!++] = k;

    const dpr = input.dpr ?? 1;
    const px = 1 / dpr;
    for (let b = 0; b < DIM * 2; b++) {
      const from = starts[b]!;
      const to = starts[b + 1]!;
      if (from === to) continue;
      ctx.fillStyle = palette.fills[b] ?? palette.foreground;
      for (let o = from; o < to; o++) {
        const k = this.order[o]!;
        const w = this.rw[k]!;
        const x0 = Math.round(this.rx[k]! * dpr) / dpr;
        let x1 = Math.round((this.rx[k]! + (w > 3 ? w - 1 : w)) * dpr) / dpr;
        if (x1 - x0 < px) x1 = x0 + px;
        ctx.fillRect(x0, this.ry[k]!, x1 - x0, rowH - 1);
      }
    }
    if (palette.outline) {
      ctx.strokeStyle = palette.outline;
      ctx.lineWidth = 1;
      for (let k = 0; k < count; k++) if (this.rw[k]! > 3 && this.merged[k] === 0) ctx.strokeRect(this.rx[k]! + 0.5, this.ry[k]! + 0.5, this.rw[k]! - 2, rowH - 2);
    }

    let labels = 0;
    const minLabel = input.charWidth * 4 + 2 * LABEL_PAD;
    ctx.font = input.font;
    ctx.textBaseline = 'middle';
    for (let b = 0; b < DIM * 2; b++) {
      const from = starts[b]!;
      const to = starts[b + 1]!;
      let styled = false;
      for (let o = from; o < to; o++) {
        const k = this.order[o]!;
        const w = this.rw[k]!;
        const merged = this.merged[k] === 1;
        if (w < (merged ? input.charWidth + 2 * LABEL_PAD : minLabel)) continue;
        const text = merged ? ELLIPSIS : fitLabel(tree.names[tree.nameId[this.nodes[k]!]!]!, Math.floor((w - 2 * LABEL_PAD) / input.charWidth));
        if (text === undefined) continue;
        if (!styled) { ctx.fillStyle = palette.text[b] ?? palette.foreground; styled = true; }
        ctx.fillText(text, this.rx[k]! + LABEL_PAD, this.ry[k]! + (rowH - 1) / 2);
        labels++;
      }
    }

    for (const [node, width] of [[input.hover, 1], [input.focus, 2]] as const) {
      if (node < 0 || node >= n) continue;
      const w = tree.total[node]! * scale;
      const left = (x[node]! - x0) * scale;
      const y = rowY(g, tree.depth[node]!);
      if (w < input.minWidthPx || left >= g.width || left + w <= 0 || y >= g.height || y + rowH <= 0) continue;
      const l = Math.max(0, left);
      ctx.strokeStyle = palette.focus;
      ctx.lineWidth = width;
      ctx.strokeRect(l + width / 2, y + width / 2, Math.max(1, Math.min(g.width, left + w) - l - width), rowH - 1 - width);
    }
    return { rects: count, labels };
  }

  private grow(): void {
    const cap = this.nodes.length * 2;
    const grow32 = (a: Float32Array): Float32Array<ArrayBuffer> => { const b = new Float32Array(cap); b.set(a); return b; };
    const nodes = new Int32Array(cap);
    nodes.set(this.nodes);
    this.nodes = nodes;
    this.rx = grow32(this.rx);
    this.rw = grow32(this.rw);
    this.ry = grow32(this.ry);
    this.order = new Int32Array(cap);
    const merged = new Uint8Array(cap);
    merged.set(this.merged);
    this.merged = merged;
  }
}
