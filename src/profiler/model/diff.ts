import { callTreeFromExplicit, type CallTree } from './call-tree';
import { FrameTreeBuilder, StringTable } from './frame-tree';
import { formatDeltaPoints } from './format';

/** A differential tree: the union of two trees' paths; self/total are the target's, base* the base's. */
export interface DiffTree extends CallTree {
  readonly baseSelf: Float64Array;
  readonly baseTotal: Float64Array;
}

/**
 * Merges `base` (e.g. the previous period) and `target` (the period being looked at) path by path.
 * Widths come from the target; a frame's change is its share of the target minus its share of the
 * base (see `shareDelta`), so two periods with different sample counts compare fairly.
 */
export function diffTrees(base: CallTree, target: CallTree, maxNodes?: number): DiffTree {
  const builder = new FrameTreeBuilder(target.names[0], maxNodes, new StringTable(target.names));
  const T_SELF = builder.counterIndex('self');
  const T_TOTAL = builder.counterIndex('total');
  const B_SELF = builder.counterIndex('baseSelf');
  const B_TOTAL = builder.counterIndex('baseTotal');
  const withSeconds = target.selfSeconds !== undefined && target.totalSeconds !== undefined;
  const T_SELF_S = withSeconds ? builder.counterIndex('selfSeconds') : -1;
  const T_TOTAL_S = withSeconds ? builder.counterIndex('totalSeconds') : -1;

  const addTarget = (out: number, t: number): void => {
    builder.addCount(out, T_SELF, target.self[t]!);
    builder.addCount(out, T_TOTAL, target.total[t]!);
    if (withSeconds) {
      builder.addCount(out, T_SELF_S, target.selfSeconds[t]!);
      builder.addCount(out, T_TOTAL_S, target.totalSeconds[t]!);
    }
  };
  const addBase = (out: number, b: number): void => {
    builder.addCount(out, B_SELF, base.self[b]!);
    builder.addCount(out, B_TOTAL, base.total[b]!);
  };

  // Pairs of (base node | -1, target node | -1) that share a path; explicit stack, no recursion.
  const stackB: number[] = [0];
  const stackT: number[] = [0];
  const stackOut: number[] = [0];
  while (stackOut.length > 0) {
    const b = stackB.pop()!;
    const t = stackT.pop()!;
    const out = stackOut.pop()!;
    if (t >= 0) addTarget(out, t);
    if (b >= 0) addBase(out, b);
    const pairs = new Map<string, [number, number]>();
    if (t >= 0) for (let c = t + 1; c < target.end[t]!; c = target.end[c]!) pairs.set(target.names[target.nameId[c]!]!, [-1, c]);
    if (b >= 0) {
      for (let c = b + 1; c < base.end[b]!; c = base.end[c]!) {
        const name = base.names[base.nameId[c]!]!;
        const pair = pairs.get(name);
        if (pair) pair[0] = c;
        else pairs.set(name, [c, -1]);
      }
    }
    for (const [name, [cb, ct]] of pairs) {
      const child = builder.child(out, name);
      if (child < 0) break;
      stackB.push(cb);
      stackT.push(ct);
      stackOut.push(child);
    }
  }
  const built = builder.finish();
  const tree = callTreeFromExplicit(built, withSeconds
    ? { self: 'self', total: 'total', selfSeconds: 'selfSeconds', totalSeconds: 'totalSeconds' }
    : { self: 'self', total: 'total' });
  const col = (name: string): Float64Array => built.self[built.counters.indexOf(name)] ?? new Float64Array(built.size);
  return { ...tree, baseSelf: col('baseSelf'), baseTotal: col('baseTotal') };
}

/** Change of a node's share of all samples, target minus base, in [-1, 1]. */
export function shareDelta(tree: DiffTree, node: number): number {
  const t = tree.total[0] ?? 0;
  const b = tree.baseTotal[0] ?? 0;
  return (t > 0 ? tree.total[node]! / t : 0) - (b > 0 ? tree.baseTotal[node]! / b : 0);
}

export function isDiffTree(tree: CallTree): tree is DiffTree {
  return (tree as Partial<DiffTree>).baseTotal instanceof Float64Array;
}

/**
 * A frame whose share of the samples moved by less than this (one percentage point) between two
 * ranges has not changed in any way worth reading: sampling noise between periods is of that order.
 */
export const SIGNIFICANT_SHARE_CHANGE = 0.01;

/** The largest change of any frame's share, as an absolute value in [0, 1]. */
export function largestShareChange(tree: DiffTree): number {
  let largest = 0;
  for (let i = 0; i < tree.size; i++) largest = Math.max(largest, Math.abs(shareDelta(tree, i)));
  return largest;
}

/** The comparison's banner: "no significant change" when no frame moved by a point or more, else the legend. */
export function comparisonSummary(tree: DiffTree, baseLabel: string): { changed: boolean; text: string } {
  const largest = largestShareChange(tree);
  if (largest < SIGNIFICANT_SHARE_CHANGE) {
    return { changed: false, text: `No significant change compared with ${baseLabel}: no frame's share of the samples moved by `
      + `${SIGNIFICANT_SHARE_CHANGE * 100} percentage point or more (the largest change is ${formatDeltaPoints(largest).replace(/^[+−]/, '')}).` };
  }
  return { changed: true, text: `Compared with ${baseLabel}: red frames take a larger share now, blue a smaller one. Widths are the current profile.` };
}

/**
 * A comparison's header without the repeated part: "orders-service · Last day" vs "orders-service ·
 * Before last day" reads "orders-service · Last day vs before last day".
 */
export function comparisonTitle(target: string, base: string): string {
  const cut = target.lastIndexOf(' · ');
  const prefix = cut >= 0 ? target.slice(0, cut + 3) : '';
  if (prefix && base.startsWith(prefix) && base.length > prefix.length) {
    const rest = base.slice(prefix.length);
    return `${target} vs ${rest.charAt(0).toLowerCase()}${rest.slice(1)}`;
  }
  return `${target} vs ${base}`;
}
