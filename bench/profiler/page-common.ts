import type { SyntheticTree } from './synthetic';

/** Resolves when what was just drawn has been painted: the next frame, then a task after it. */
export function frameDone(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/**
 * Deterministic zoom targets: at each of several depths, the widest frame of the CPU view (what a
 * person zooms into), as name paths from the root, so both renderers zoom to the same frame.
 */
export function zoomPaths(t: SyntheticTree, depths = [1, 2, 4, 8, 12, 16, 24, 32, 48, 64, 96, 128], states = ['RUNNABLE', 'BLOCKED', 'NATIVE']): string[][] {
  const n = t.parent.length;
  const total = new Float64Array(n);
  for (const [node, rec] of t.counts) for (const s of states) total[node]! += rec[s] ?? 0;
  for (let i = n - 1; i > 0; i--) total[t.parent[i]!]! += total[i]!;
  const out: string[][] = [];
  for (const d of depths) {
    let best = -1;
    for (let i = 1; i < n; i++) if (t.depth[i] === d && (best < 0 || total[i]! > total[best]!)) best = i;
    if (best < 0 || total[best]! <= 0) continue;
    const path: string[] = [];
    for (let k = best; k > 0; k = t.parent[k]!) path.push(t.names[t.name[k]!]!);
    out.push(path.reverse());
  }
  return out;
}

/**
 * Dispatches one Ctrl+wheel zoom-in at the middle of `target` per animation frame and returns the
 * intervals between frames (ms): what a person sees while zooming, whatever the renderer.
 */
export async function wheelZoomFrames(target: Element, frames: number): Promise<number[]> {
  const box = target.getBoundingClientRect();
  const at = { clientX: box.left + box.width / 2, clientY: box.top + Math.min(box.height / 2, 200) };
  const out: number[] = [];
  let last = await new Promise<number>((r) => requestAnimationFrame(r));
  for (let k = 0; k < frames; k++) {
    target.dispatchEvent(new WheelEvent('wheel', { ...at, deltaY: -12, ctrlKey: true, bubbles: true, cancelable: true }));
    const now = await new Promise<number>((r) => requestAnimationFrame(r));
    out.push(now - last);
    last = now;
  }
  return out;
}
