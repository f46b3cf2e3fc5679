// Minimal typings for the parts of d3-flame-graph 5 the benchmark page uses (the package ships none).
declare module 'd3-flame-graph' {
  export interface HierarchyNode {
    data: { name: string };
    children?: HierarchyNode[];
  }
  export interface FlameGraph {
    (selection: unknown): void;
    width(w: number): FlameGraph;
    cellHeight(h: number): FlameGraph;
    transitionDuration(ms: number): FlameGraph;
    minFrameSize(px: number): FlameGraph;
    sort(on: boolean): FlameGraph;
    title(t: string): FlameGraph;
    zoomTo(node: HierarchyNode): void;
    resetZoom(): void;
    search(term: string): void;
  }
  export default function flamegraph(): FlameGraph;
}
