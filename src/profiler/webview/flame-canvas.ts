import type { FlameTree } from '../flame/flame-tree';
import { contentHeight, type Geometry } from '../flame/geometry';
import { interpolateViewport, type Viewport } from '../flame/layout';
import type { Palette } from '../flame/palette';
import { FlameRenderer } from '../flame/render';

export const ROW_HEIGHT = 18;
export const MIN_WIDTH_PX = 0.5;
const ZOOM_MS = 180;

/** What one frame draws: the view's state at that moment. */
export interface FlameScene {
  tree: FlameTree;
  x: Float64Array;
  viewport: Viewport;
  buckets: Uint8Array;
  palette: Palette;
  focus: number;
  hover: number;
}

/** Draw times of the frames of the last zoom animation (benchmarks and diagnostics). */
export interface AnimationStats { frames: number; meanMs: number; maxMs: number; frameMs: number[] }

interface Animation { from: Viewport; to: Viewport; start: number; frameMs: number[]; step: (viewport: Viewport) => void }

/**
 * The flame graph's drawing surface: the canvas sized to the chart at the screen's pixel ratio, the
 * font the labels are measured in, one draw per animation frame, and the zoom animation with the
 * draw time of each of its frames.
 */
export class FlameCanvas {
  private readonly ctx: CanvasRenderingContext2D;
  private readonly renderer = new FlameRenderer();
  private width = 0;
  private height = 0;
  private dpr = 1;
  private charWidth = 7.2;
  private font = '12px monospace';
  private animation: Animation | undefined;
  private drawPending = false;
  /** The draw time of the last frame, the rectangles and labels it drew, and the last animation's frames. */
  lastFrameMs = 0;
  lastResult = { rects: 0, labels: 0 };
  lastAnimation: AnimationStats | undefined;

  /**
   * `scene()`: what to draw now (nothing before a profile is loaded); `drawn(report)`: after each
   * draw, `report` false for the frames of an animation until its last.
   */
  constructor(private readonly el: { chart: HTMLElement; canvas: HTMLCanvasElement; spacer: HTMLElement },
    private readonly scene: () => FlameScene | undefined, private readonly drawn: (report: boolean) => void) {
    const ctx = el.canvas.getContext('2d', { alpha: false });
    if (!ctx) throw new Error('This webview cannot draw on a canvas.');
    this.ctx = ctx;
    this.measureFont();
  }

  get widthPx(): number {
    return this.width;
  }

  geometry(maxDepth: number): Geometry {
    return { width: this.width, height: this.height, rowHeight: ROW_HEIGHT, scrollTop: this.el.chart.scrollTop, rootAtTop: false, maxDepth };
  }

  resize(maxDepth: number): void {
    const { chart, canvas, spacer } = this.el;
    this.dpr = Math.max(1, window.devicePixelRatio || 1);
    this.width = Math.max(1, chart.clientWidth);
    this.height = Math.max(1, chart.clientHeight);
    canvas.width = Math.round(this.width * this.dpr);
    canvas.height = Math.round(this.height * this.dpr);
    canvas.style.width = `${this.width}px`;
    canvas.style.height = `${this.height}px`;
    spacer.style.height = `${Math.max(0, contentHeight({ rowHeight: ROW_HEIGHT, maxDepth }) - this.height)}px`;
    this.requestDraw();
  }

  /** The editor's font (the theme may change it), and the width of one of its characters for label fitting. */
  measureFont(): void {
    const family = getComputedStyle(document.documentElement).getPropertyValue('--vscode-editor-font-family').trim() || 'monospace';
    this.font = `12px ${family}`;
    this.ctx.font = this.font;
    const sample = 'abcdefghijklmnopqrstuvwxyz0123456789';
    this.charWidth = Math.max(4, this.ctx.measureText(sample).width / sample.length);
  }

  requestDraw(): void {
    if (this.drawPending) return;
    this.drawPending = true;
    requestAnimationFrame((now) => {
      this.drawPending = false;
      this.frame(now);
    });
  }

  /** Moves from `from` to `to` over the zoom's duration; `step` receives each frame's viewport (the last is `to`). */
  animate(from: Viewport, to: Viewport, step: (viewport: Viewport) => void): void {
    this.animation = { from, to, start: performance.now(), frameMs: [], step };
    this.requestDraw();
  }

  stopAnimation(): void {
    this.animation = undefined;
  }

  drawNow(report = true): void {
    const scene = this.scene();
    if (!scene) return;
    const started = performance.now();
    this.ctx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
    this.lastResult = this.renderer.render(this.ctx, {
      ...scene, geometry: this.geometry(scene.tree.maxDepth), minWidthPx: MIN_WIDTH_PX, charWidth: this.charWidth, font: this.font, dpr: this.dpr,
    });
    this.lastFrameMs = performance.now() - started;
    this.drawn(report);
  }

  private frame(now: number): void {
    const a = this.animation;
    if (!a) {
      this.drawNow();
      return;
    }
    const t = (now - a.start) / ZOOM_MS;
    a.step(t >= 1 ? a.to : interpolateViewport(a.from, a.to, t));
    this.drawNow(false);
    a.frameMs.push(this.lastFrameMs);
    if (t < 1) {
      this.requestDraw();
      return;
    }
    this.animation = undefined;
    const total = a.frameMs.reduce((x, y) => x + y, 0);
    this.lastAnimation = { frames: a.frameMs.length, meanMs: total / a.frameMs.length, maxMs: Math.max(...a.frameMs), frameMs: a.frameMs };
    this.drawn(true);
  }
}
