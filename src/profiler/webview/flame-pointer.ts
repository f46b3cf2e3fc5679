import { panViewport, zoomViewportAt, type Viewport } from '../flame/layout';

/** What the mouse acts on: the view's frames, viewport and actions. */
export interface PointerTarget {
  /** The frame under a point of the canvas (-1: none), and the width the whole profile has (0: nothing loaded). */
  nodeAt(px: number, py: number): number;
  total(): number;
  widthPx(): number;
  viewport(): Viewport;
  setViewport(viewport: Viewport): void;
  hover(node: number, clientX: number, clientY: number): void;
  leave(): void;
  zoomTo(node: number): void;
  openSource(node: number): void;
  hideTooltip(): void;
  requestDraw(): void;
}

/**
 * The flame graph's mouse: hover shows a frame's tooltip, click zooms (Ctrl/Cmd+click or double-click
 * opens the source), dragging pans both ways (a drag never also clicks), Ctrl/Cmd+wheel zooms at the
 * pointer and a horizontal or Shift+wheel pans.
 */
export function bindPointer(canvas: HTMLCanvasElement, chart: HTMLElement, target: PointerTarget): void {
  let drag: { x: number; y: number; viewport: Viewport; scrollTop: number; moved: boolean } | undefined;
  let suppressClick = false;
  const point = (e: MouseEvent): { px: number; py: number } => {
    const r = canvas.getBoundingClientRect();
    return { px: e.clientX - r.left, py: e.clientY - r.top };
  };
  const nodeAt = (e: MouseEvent): number => {
    const { px, py } = point(e);
    return target.nodeAt(px, py);
  };

  canvas.addEventListener('mousemove', (e) => {
    if (drag && (e.buttons & 1)) {
      const dx = e.clientX - drag.x;
      const dy = e.clientY - drag.y;
      if (!drag.moved && Math.abs(dx) + Math.abs(dy) < 4) return;
      drag.moved = true;
      target.hideTooltip();
      target.setViewport(panViewport(drag.viewport, dx, target.widthPx(), target.total() || 1));
      chart.scrollTop = drag.scrollTop - dy;
      target.requestDraw();
      return;
    }
    const node = nodeAt(e);
    canvas.style.cursor = node >= 0 ? 'pointer' : 'default';
    target.hover(node, e.clientX, e.clientY);
  });
  canvas.addEventListener('mouseleave', () => target.leave());
  canvas.addEventListener('mousedown', (e) => {
    if (e.button !== 0) return;
    drag = { x: e.clientX, y: e.clientY, viewport: target.viewport(), scrollTop: chart.scrollTop, moved: false };
  });
  window.addEventListener('mouseup', () => {
    suppressClick = drag?.moved ?? false;
    drag = undefined;
  });
  canvas.addEventListener('click', (e) => {
    if (suppressClick) {
      suppressClick = false;
      return;
    }
    const node = nodeAt(e);
    if (node < 0) return;
    chart.focus({ preventScroll: true });
    if (e.ctrlKey || e.metaKey) target.openSource(node);
    else target.zoomTo(node);
  });
  canvas.addEventListener('dblclick', (e) => {
    const node = nodeAt(e);
    if (node >= 0) target.openSource(node);
  });
  canvas.addEventListener('wheel', (e) => {
    const total = target.total();
    if (!(total > 0)) return;
    if (e.ctrlKey || e.metaKey) {
      e.preventDefault();
      target.setViewport(zoomViewportAt(target.viewport(), Math.exp(e.deltaY * 0.002), point(e).px, target.widthPx(), total));
      target.requestDraw();
    } else if (e.shiftKey || Math.abs(e.deltaX) > Math.abs(e.deltaY)) {
      e.preventDefault();
      target.setViewport(panViewport(target.viewport(), -(e.shiftKey ? e.deltaY : e.deltaX), target.widthPx(), total));
      target.requestDraw();
    }
  }, { passive: false });
}
