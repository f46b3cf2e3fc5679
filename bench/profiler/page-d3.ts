// Benchmark page for the peer: d3-flame-graph 5 (SVG) rendering the same tree.
import flamegraph, { type FlameGraph, type HierarchyNode } from 'd3-flame-graph';
import { select } from 'd3-selection';
import { BENCH_PROFILE, syntheticTree, toD3, type D3Node, type SyntheticOptions } from './synthetic';
import { frameDone, zoomPaths } from './page-common';

let chart: FlameGraph | undefined;
let data: D3Node | undefined;
let names: string[][] = [];
let width = 1200;

/** d3-flame-graph applies sizes and labels in transitions; wait until the last one has landed. */
async function settled(): Promise<void> {
  for (let i = 0; i < 600; i++) {
    await frameDone();
    if (document.querySelectorAll('#chart rect:not([width])').length === 0) return;
  }
  throw new Error('d3-flame-graph did not settle');
}

function find(root: HierarchyNode, path: readonly string[]): HierarchyNode {
  let node = root;
  for (const name of path) {
    const next = node.children?.find((c) => c.data.name === name);
    if (!next) throw new Error(`no frame ${name}`);
    node = next;
  }
  return node;
}

(window as unknown as { bench: unknown }).bench = {
  prepare(options: SyntheticOptions = BENCH_PROFILE, w = 1200): { nodes: number; paths: number } {
    const synthetic = syntheticTree(options);
    data = toD3(synthetic);
    names = zoomPaths(synthetic);
    width = w;
    return { nodes: synthetic.parent.length, paths: names.length };
  },
  /** Chart creation + hierarchy + partition + SVG, until sizes and labels are on screen. */
  async firstRender(): Promise<{ ms: number; rects: number; labels: number }> {
    const t0 = performance.now();
    // Same frames drawn as Conveyor: frames narrower than half a pixel are skipped, no animation.
    chart = flamegraph().width(width).cellHeight(18).transitionDuration(0).minFrameSize(0.5).sort(true).title('');
    select('#chart').datum(data).call(chart as never);
    await settled();
    const ms = performance.now() - t0;
    return { ms, rects: document.querySelectorAll('#chart rect').length, labels: document.querySelectorAll('#chart .d3-flame-graph-label[style*="block"]').length };
  },
  async zoom(i: number): Promise<{ ms: number }> {
    const path = names[i % names.length]!;
    const root = select('#chart').datum() as HierarchyNode;
    const target = find(root, path);
    const t0 = performance.now();
    chart!.zoomTo(target);
    await settled();
    return { ms: performance.now() - t0 };
  },
};
