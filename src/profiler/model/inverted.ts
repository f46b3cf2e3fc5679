import { callTreeFromExplicit, type CallTree } from './call-tree';
import { FrameTreeBuilder, StringTable } from './frame-tree';

export interface InvertOptions {
  /** Callers worth less than this share of all samples are not expanded (they would be < 0.1 px). */
  minFraction?: number;
  maxNodes?: number;
}

export interface InvertedTree extends CallTree {
  /** True when the node limit stopped the expansion somewhere. */
  readonly truncated: boolean;
}

interface Work {
  out: number;
  ids: number[];
  weights: number[];
  seconds: number[] | undefined;
}

/**
 * The bottom-up ("inverted") tree: each stack reversed, so the first level lists the functions where
 * time was spent (self time) and their children are the callers. Built level by level from a frontier
 * of (ancestor, weight) pairs, never by copying whole stacks; callers below `minFraction` are pruned.
 */
export function invertTree(tree: CallTree, options: InvertOptions = {}): InvertedTree {
  const minFraction = options.minFraction ?? 1e-4;
  const rootTotal = tree.total[0] ?? 0;
  const threshold = rootTotal * minFraction;
  const builder = new FrameTreeBuilder(tree.names[0], options.maxNodes, new StringTable(tree.names));
  const SELF = builder.counterIndex('self');
  const TOTAL = builder.counterIndex('total');
  const withSeconds = tree.selfSeconds !== undefined;
  const SELF_S = withSeconds ? builder.counterIndex('selfSeconds') : -1;
  const TOTAL_S = withSeconds ? builder.counterIndex('totalSeconds') : -1;

  builder.addCount(0, TOTAL, rootTotal);
  if (withSeconds) builder.addCount(0, TOTAL_S, tree.totalSeconds?.[0] ?? 0);
  const first: Work = { out: 0, ids: [], weights: [], seconds: withSeconds ? [] : undefined };
  for (let i = 1; i < tree.size; i++) {
    const s = tree.self[i]!;
    if (s > 0) {
      first.ids.push(i);
      first.weights.push(s);
      first.seconds?.push(tree.selfSeconds![i]!);
    }
  }
  const selfAtRoot = tree.self[0] ?? 0;
  if (selfAtRoot > 0) builder.addCount(0, SELF, selfAtRoot);

  const stack: Work[] = [];
  expand(first, true);
  while (stack.length > 0) expand(stack.pop()!, false);

  function expand(work: Work, isRoot: boolean): void {
    // Group the frontier by the name of the next frame (the callee's own name on the first level,
    // the caller's after that); stacks that reach the root end here (self of this inverted node).
    const groups = new Map<number, Work>();
    let endedWeight = 0;
    let endedSeconds = 0;
    for (let k = 0; k < work.ids.length; k++) {
      const node = isRoot ? work.ids[k]! : tree.parent[work.ids[k]!]!;
      if (node <= 0) {
        endedWeight += work.weights[k]!;
        endedSeconds += work.seconds?.[k] ?? 0;
        continue;
      }
      const name = tree.nameId[node]!;
      let g = groups.get(name);
      if (!g) {
        g = { out: -1, ids: [], weights: [], seconds: work.seconds ? [] : undefined };
        groups.set(name, g);
      }
      g.ids.push(node);
      g.weights.push(work.weights[k]!);
      g.seconds?.push(work.seconds![k]!);
    }
    if (!isRoot) {
      builder.addCount(work.out, SELF, endedWeight);
      if (withSeconds) builder.addCount(work.out, SELF_S, endedSeconds);
    }
    for (const [name, g] of groups) {
      let sum = 0;
      for (const w of g.weights) sum += w;
      if (sum < threshold || sum <= 0) continue;
      const out = builder.childById(work.out, name);
      if (out < 0) break;
      g.out = out;
      builder.addCount(out, TOTAL, sum);
      if (withSeconds) {
        let secs = 0;
        for (const v of g.seconds!) secs += v;
        builder.addCount(out, TOTAL_S, secs);
      }
      stack.push(g);
    }
  }

  const built = builder.finish();
  return {
    ...callTreeFromExplicit(built, withSeconds
      ? { self: 'self', total: 'total', selfSeconds: 'selfSeconds', totalSeconds: 'totalSeconds' }
      : { self: 'self', total: 'total' }),
    truncated: builder.truncated,
  };
}
