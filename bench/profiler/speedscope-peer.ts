// speedscope (npm `speedscope`, its own built web app) as the flame graph peer, in the same Chromium:
// time from the profile's bytes arriving to the first complete frame, and frame intervals while zooming.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { ROOT, type Route } from './browser';

const APP = path.join(ROOT, 'node_modules', 'speedscope', 'dist', 'release');

/** speedscope's built files, served under /speedscope/. */
export function speedscopeRoutes(): Record<string, Route> {
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.json': 'application/json',
    '.woff2': 'font/woff2', '.png': 'image/png', '.ico': 'image/x-icon', '.txt': 'text/plain' };
  const routes: Record<string, Route> = {};
  for (const f of fs.readdirSync(APP)) routes[`/speedscope/${f}`] = { type: types[path.extname(f)] ?? 'application/octet-stream', body: fs.readFileSync(path.join(APP, f)) };
  return routes;
}

/** Records when speedscope issues WebGL draw calls (its flame chart is drawn with WebGL). */
const DRAW_HOOK = `(() => {
  const draws = [];
  Object.defineProperty(window, '__draws', { value: draws });
  const wrap = (proto) => {
    for (const m of ['drawArrays', 'drawElements', 'drawArraysInstanced', 'drawElementsInstanced']) {
      const orig = proto && proto[m];
      if (typeof orig !== 'function') continue;
      proto[m] = function (...args) { if (draws.length < 100000) draws.push(performance.now()); return orig.apply(this, args); };
    }
  };
  wrap(window.WebGLRenderingContext && WebGLRenderingContext.prototype);
  wrap(window.WebGL2RenderingContext && WebGL2RenderingContext.prototype);
})();`;

/**
 * Opens `profileUrl` in speedscope (its #profileURL= parameter) and waits for the first frame drawn
 * after the bytes arrived; then zooms with Ctrl+wheel, one event per frame.
 */
export async function speedscopeRun(context: BrowserContext, origin: string, profileUrl: string, zoomFrames: number): Promise<{ firstMs: number; frames: number[] }> {
  const page = await context.newPage();
  try {
    await page.addInitScript(DRAW_HOOK);
    await page.goto(`${origin}/speedscope/index.html#profileURL=${encodeURIComponent(origin + profileUrl)}`);
    const url = origin + profileUrl;
    const firstMs = await page.evaluate(async (u) => {
      const draws = (window as unknown as { __draws: number[] }).__draws;
      const deadline = performance.now() + 600_000;
      for (;;) {
        const entry = performance.getEntriesByName(u)[0] as PerformanceResourceTiming | undefined;
        const first = entry ? draws.find((t) => t > entry.responseEnd) : undefined;
        if (entry && first !== undefined) {
          // The frame that drew it is complete after its animation frame callback and one task.
          await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
          return performance.now() - entry.responseEnd;
        }
        if (performance.now() > deadline) throw new Error('speedscope drew nothing');
        await new Promise((r) => setTimeout(r, 5));
      }
    }, url);
    const frames = await page.evaluate(async (n) => {
      const canvas = Array.from(document.querySelectorAll('canvas')).sort((a, b) => b.clientWidth * b.clientHeight - a.clientWidth * a.clientHeight)[0]!;
      const box = canvas.getBoundingClientRect();
      const target = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2) ?? canvas;
      const out: number[] = [];
      let last = await new Promise<number>((r) => requestAnimationFrame(r));
      for (let k = 0; k < n; k++) {
        target.dispatchEvent(new WheelEvent('wheel', { clientX: box.left + box.width / 2, clientY: box.top + box.height / 2, deltaY: -12, ctrlKey: true, bubbles: true, cancelable: true }));
        const now = await new Promise<number>((r) => requestAnimationFrame(r));
        out.push(now - last);
        last = now;
      }
      return out;
    }, zoomFrames);
    return { firstMs, frames };
  } finally {
    await page.close();
  }
}
