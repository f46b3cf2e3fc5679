// The flame graph page in the workbench: its webview frames, and pointing at a frame by what its tooltip
// says (the profiler's UI tests on the desktop and in the web worker extension host).
import * as assert from 'node:assert/strict';
import type { Frame, FrameLocator, Page } from 'playwright-core';
import { waitFor, webviewPage } from './harness';
import { expandRow, openViews, paneRow } from './states-view';

/** The flame graph page inside its webview (VS Code nests the page in an inner frame). */
export function flamePage(page: Page): FrameLocator {
  return webviewPage(page);
}

/**
 * Opens a profiling group's time range from the Profiler view, the only pane open, its rows by their exact
 * label (Deployments has an `orders-api` too), and waits for the flame graph's title.
 */
export async function openProfileFromView(page: Page, group: string, range: string): Promise<FrameLocator> {
  await openViews(page, 'Profiler');
  await expandRow(page, paneRow(page, 'Profiler', group), `the ${group} profiling group`);
  await paneRow(page, 'Profiler', range).click();
  const flame = webviewPage(page, 'newest');
  await waitFor(`the flame graph of ${group}`, flame.locator('#title', { hasText: group }), { timeout: 60_000 });
  return flame;
}

/** The same page as a Frame, to wait on its own state. */
export async function flameFrame(page: Page): Promise<Frame> {
  const outer = await (await page.locator('iframe.webview.ready').elementHandle())?.contentFrame();
  const inner = await (await outer?.locator('#active-frame').elementHandle())?.contentFrame();
  assert.ok(inner, 'the flame graph webview is on the page');
  return inner;
}

/** Moves the pointer and waits until the chart has handled that move (so the tooltip describes it). */
export async function movePointer(page: Page, frame: Frame, x: number, y: number): Promise<void> {
  const moves = await frame.evaluate(() => {
    const w = window as Window & { pointerMoves?: number };
    if (w.pointerMoves === undefined) {
      w.pointerMoves = 0;
      // Registered after the chart's own listener, so it runs once the tooltip is updated.
      document.querySelector('#canvas')?.addEventListener('mousemove', () => { w.pointerMoves = (w.pointerMoves ?? 0) + 1; });
    }
    return w.pointerMoves;
  });
  await page.mouse.move(x, y);
  await frame.waitForFunction((before) => ((window as Window & { pointerMoves?: number }).pointerMoves ?? 0) > before, moves);
}

/**
 * Moves the pointer up the middle of the chart, a row at a time, until the tooltip names `frame`.
 * A scan that ran while a zoom animation moved the frames is repeated.
 */
export async function pointAtFrame(page: Page, flame: FrameLocator, frame: RegExp): Promise<{ x: number; y: number }> {
  const inner = await flameFrame(page);
  const tooltip = flame.locator('#tooltip');
  const seen: string[] = [];
  for (let scan = 0; scan < 3; scan++) {
    const box = await flame.locator('#canvas').boundingBox();
    assert.ok(box, 'the chart is on screen');
    const x = box.x + box.width / 2;
    for (let y = box.y + box.height - 9; y > box.y; y -= 18) {
      await movePointer(page, inner, x, y);
      const text = (await tooltip.isVisible()) ? await tooltip.innerText() : '';
      seen.push(text.split('\n')[0] ?? '');
      if (frame.test(text)) return { x, y };
    }
  }
  throw new Error(`no frame matching ${frame} under the pointer; saw: ${seen.join(' | ')}`);
}
