// Minimal typings for d3-hierarchy 3 as the benchmark's Node peer uses it (no @types package installed).
declare module 'd3-hierarchy' {
  export interface HierarchyNode<T> {
    data: T;
    value?: number;
    sum(value: (d: T) => number): HierarchyNode<T>;
  }
  export function hierarchy<T>(data: T, children?: (d: T) => T[] | undefined): HierarchyNode<T>;
}
