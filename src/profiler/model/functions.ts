import { callTreeFromExplicit, type CallTree } from './call-tree';
import { FrameTreeBuilder, StringTable } from './frame-tree';

/** Per frame name (function): its inclusive and exclusive samples across every call path. */
export interface FunctionStats {
  /** Indexed by name id. Recursion is counted once: nested occurrences add no total. */
  readonly total: Float64Array;
  readonly self: Float64Array;
  readonly totalSeconds?: Float64Array;
  readonly selfSeconds?: Float64Array;
  /** All samples of the tree. */
  readonly rootTotal: number;
  readonly rootSeconds?: number;
}

/** Calls `visit(node, outermost)` in preorder; `outermost` is false when an ancestor has the same name. */
export function walkOutermost(tree: CallTree, visit: (node: number, outermost: boolean) => void): void {
  const onPath = new Int32Array(tree.names.length);
  const path = new Int32Array(tree.maxDepth + 1);
  let len = 0;
  for (let i = 1; i < tree.size; i++) {
    const d = tree.depth[i]! - 1;
    while (len > d) onPath[tree.nameId[path[--len]!]!]!--;
    const id = tree.nameId[i]!;
    visit(i, onPath[id] === 0);
    onPath[id]!++;
    path[len++] = i;
  }
}

export function functionStats(tree: CallTree): FunctionStats {
  const names = tree.names.length;
  const total = new Float64Array(names);
  const self = new Float64Array(names);
  const secondsOn = tree.selfSeconds !== undefined && tree.totalSeconds !== undefined;
  const totalSeconds = secondsOn ? new Float64Array(names) : undefined;
  const selfSeconds = secondsOn ? new Float64Array(names) : undefined;
  walkOutermost(tree, (i, outermost) => {
    const id = tree.nameId[i]!;
    self[id]! += tree.self[i]!;
    if (selfSeconds) selfSeconds[id]! += tree.selfSeconds![i]!;
    if (outermost) {
      total[id]! += tree.total[i]!;
      if (totalSeconds) totalSeconds[id]! += tree.totalSeconds![i]!;
    }
  });
  return {
    total, self, rootTotal: tree.total[0] ?? 0,
    ...(totalSeconds && selfSeconds ? { totalSeconds, selfSeconds, rootSeconds: tree.totalSeconds![0] ?? 0 } : {}),
  };
}

export interface CalleeOptions {
  /** Levels below the function itself. */
  maxDepth?: number;
  /** Callees below this share of the function's total are left out. */
  minFraction?: number;
  maxNodes?: number;
}

/**
 * The merged subtree under every outermost occurrence of `nodes` (node ids, e.g. all frames of one
 * function, or the frames executing one line): root = the function, children = its callees.
 */
export function calleeTree(tree: CallTree, nodes: readonly number[], options: CalleeOptions = {}): CallTree {
  const maxDepth = options.maxDepth ?? 6;
  const minFraction = options.minFraction ?? 0.005;
  const first = nodes[0];
  const rootName = first !== undefined ? tree.names[tree.nameId[first]!]! : tree.names[0]!;
  const builder = new FrameTreeBuilder(rootName, options.maxNodes ?? 20_000, new StringTable(tree.names));
  const SELF = builder.counterIndex('self');
  const TOTAL = builder.counterIndex('total');
  const roots = outermostOnly(tree, nodes);
  let sum = 0;
  for (const r of roots) sum += tree.total[r]!;
  const threshold = sum * minFraction;
  const stackIn: number[] = [];
  const stackOut: number[] = [];
  for (const r of roots) {
    builder.addCount(0, SELF, tree.self[r]!);
    builder.addCount(0, TOTAL, tree.total[r]!);
    for (let c = r + 1; c < tree.end[r]!; c = tree.end[c]!) { stackIn.push(c); stackOut.push(0); }
    while (stackIn.length > 0) {
      const node = stackIn.pop()!;
      const parentOut = stackOut.pop()!;
      if (tree.total[node]! < threshold || tree.total[node]! <= 0) continue;
      const out = builder.childById(parentOut, tree.nameId[node]!);
      if (out < 0) continue;
      builder.addCount(out, SELF, tree.self[node]!);
      builder.addCount(out, TOTAL, tree.total[node]!);
      if (tree.depth[node]! - tree.depth[r]! >= maxDepth) continue;
      for (let c = node + 1; c < tree.end[node]!; c = tree.end[c]!) { stackIn.push(c); stackOut.push(out); }
    }
  }
  return callTreeFromExplicit(builder.finish(), { self: 'self', total: 'total' });
}

/** Drops nodes that lie inside another given node's subtree (their samples are already included). */
export function outermostOnly(tree: Pick<CallTree, 'end'>, nodes: readonly number[]): number[] {
  const sorted = [...new Set(nodes)].sort((a, b) => a - b);
  const out: number[] = [];
  let coveredUntil = -1;
  for (const n of sorted) {
    if (n < coveredUntil) continue;
    out.push(n);
    coveredUntil = tree.end[n]!;
  }
  return out;
}

/** Every node with this name id. */
export function nodesNamed(tree: Pick<CallTree, 'size' | 'nameId'>, nameId: number): number[] {
  const out: number[] = [];
  for (let i = 1; i < tree.size; i++) if (tree.nameId[i] === nameId) out.push(i);
  return out;
}
