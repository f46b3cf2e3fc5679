// Benchmark page for Conveyor's flame graph: the real FlameView on the real page skeleton.
import { analyse } from '../../src/profiler/model/analysis';
import { viewTree } from '../../src/profiler/model/call-tree';
import { parsePprof } from '../../src/profiler/model/pprof-profile';
import { parseSpeedscope } from '../../src/profiler/model/speedscope-format';
import { fromCodeGuruDocument } from '../../src/profiler/model/codeguru-format';
import { fromWire, toWire, type FlameTree } from '../../src/profiler/flame/flame-tree';
import type { FlameData, RenderStats, WebviewMessage } from '../../src/profiler/flame/protocol';
import { flameElements } from '../../src/profiler/webview/elements';
import type { AnimationStats } from '../../src/profiler/webview/flame-canvas';
import { FlameView } from '../../src/profiler/webview/flame-view';
import { readTheme } from '../../src/profiler/webview/theme';
import { BENCH_PROFILE, syntheticTree, toCodeGuruDocument, type SyntheticOptions } from './synthetic';
import { frameDone, wheelZoomFrames, zoomPaths } from './page-common';

const byId = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const messages: WebviewMessage[] = [];
let view: FlameView | undefined;
let data: FlameData | undefined;
let names: string[][] = [];
let index: FlameTree | undefined;

/** The node at a root-first name path (same preorder as the view's tree). */
function nodeAt(path: readonly string[]): number {
  const t = index!;
  let node = 0;
  for (const name of path) {
    let next = -1;
    for (let c = node + 1; c < t.end[node]!; c = t.end[c]!) if (t.names[t.nameId[c]!] === name) { next = c; break; }
    if (next < 0) throw new Error(`no frame ${name}`);
    node = next;
  }
  return node;
}

function lastStats(): RenderStats & { animation?: AnimationStats } {
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i]!;
    if (m.type === 'rendered') return m.stats;
  }
  throw new Error('nothing rendered');
}

(window as unknown as { bench: unknown }).bench = {
  prepare(options: SyntheticOptions = BENCH_PROFILE): { nodes: number; paths: number } {
    const synthetic = syntheticTree(options);
    const profile = fromCodeGuruDocument(toCodeGuruDocument(synthetic));
    const tree = viewTree(profile, 'cpu');
    data = { title: 'synthetic', subtitle: 'CPU', view: 'cpu', views: [{ id: 'cpu', label: 'CPU' }], warnings: [], tree: toWire(tree) };
    names = zoomPaths(synthetic);
    index = fromWire(data.tree);
    view = new FlameView(flameElements(document), (m) => messages.push(m), readTheme(document));
    return { nodes: tree.size, paths: names.length };
  },
  /** postMessage delivery (structured clone) + decode + layout + colours + draw, until the frame is on screen. */
  async firstRender(): Promise<{ ms: number; rects: number; labels: number }> {
    const t0 = performance.now();
    const message = structuredClone({ type: 'load', data });
    view!.handle(message as never);
    await frameDone();
    const ms = performance.now() - t0;
    const s = lastStats();
    return { ms, rects: s.rects, labels: s.labels };
  },
  /**
   * From file bytes to the first complete frame, the whole pipeline in this page: parse (speedscope
   * JSON or pprof), aggregate the default view, the webview message (structured clone), layout, draw.
   */
  async fromBytes(url: string): Promise<{ ms: number; rects: number; nodes: number }> {
    const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
    const t0 = performance.now();
    const profile = url.endsWith('.pb') ? parsePprof(bytes) : parseSpeedscope(JSON.parse(new TextDecoder().decode(bytes)));
    const a = analyse(profile, 'cpu');
    data = { title: 'bytes', subtitle: '', view: a.view, views: [{ id: a.view, label: a.view }], warnings: [], tree: toWire(a.tree) };
    index = fromWire(data.tree);
    view!.handle(structuredClone({ type: 'load', data }) as never);
    await frameDone();
    const ms = performance.now() - t0;
    return { ms, rects: lastStats().rects, nodes: a.tree.size };
  },
  /** Frame intervals while zooming with Ctrl+wheel, one wheel event per frame (same method as for speedscope). */
  async wheelZoom(frames: number): Promise<number[]> {
    return wheelZoomFrames(byId('canvas'), frames);
  },
  /** One zoom straight to a frame (no animation), until it is on screen. */
  async zoom(i: number): Promise<{ ms: number; drawMs: number; zoomedTo: string | null }> {
    const path = names[i % names.length]!;
    const node = nodeAt(path);
    const t0 = performance.now();
    view!.zoomTo(node, false);
    await frameDone();
    const ms = performance.now() - t0;
    const s = lastStats();
    return { ms, drawMs: s.ms, zoomedTo: s.zoomedTo };
  },
  /**
   * The hot-functions table of the whole profile: open it (build + first rows on screen), then sort by
   * each column (sort + rows on screen), back to the flame graph. Each step is synchronous up to the frame.
   */
  async table(): Promise<{ openMs: number; sortMs: number[]; rows: number; functions: number; inDom: number }> {
    view!.zoomTo(0, false);
    await frameDone();
    const click = async (selector: string): Promise<number> => {
      const t0 = performance.now();
      document.querySelector<HTMLElement>(selector)!.click();
      await frameDone();
      return performance.now() - t0;
    };
    const openMs = await click('#mode');
    const sortMs: number[] = [];
    for (const key of ['total', 'name', 'self', 'self']) sortMs.push(await click(`#col-${key} button`));
    const t = lastStats().table!;
    const inDom = document.querySelectorAll('#grid-spacer .hot-row').length;
    await click('#mode');
    return { openMs, sortMs, rows: t.rows, functions: t.functions, inDom };
  },
  /** An animated zoom: every frame's draw time (the part that must fit in a 16 ms frame). */
  async zoomAnimated(i: number): Promise<AnimationStats> {
    const node = nodeAt(names[i % names.length]!);
    view!.zoomTo(0, false);
    await frameDone();
    const start = messages.length;
    view!.zoomTo(node, true);
    for (let k = 0; k < 100; k++) {
      await new Promise((r) => setTimeout(r, 30));
      const m = messages.slice(start).reverse().find((x) => x.type === 'rendered' && (x.stats as { animation?: unknown }).animation);
      if (m && m.type === 'rendered') {
        return (m.stats as { animation?: AnimationStats }).animation!;
      }
    }
    throw new Error('the zoom animation did not finish');
  },
};
