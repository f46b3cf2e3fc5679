/** The agent profile format (see shared docs §3): counts are self counts, children keyed by frame name. */
export interface ProfileNode {
  counts?: Record<string, number>;
  children?: Record<string, ProfileNode>;
  file?: string;
  line?: number[];
}

export interface AgentProfile {
  start: number;
  end: number;
  agentMetadata?: Record<string, unknown>;
  callgraph: ProfileNode;
  debugInfo?: Record<string, unknown>;
}

export function isProfileNode(value: unknown): value is ProfileNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function addCounts(into: Record<string, number>, from: Record<string, number> | undefined): void {
  for (const [k, v] of Object.entries(from ?? {})) into[k] = (into[k] ?? 0) + v;
}

function subtreeCounts(node: ProfileNode): Record<string, number> {
  const total: Record<string, number> = {};
  addCounts(total, node.counts);
  for (const child of Object.values(node.children ?? {})) addCounts(total, subtreeCounts(child));
  return total;
}

/** GetProfile's maxDepth: frames below the depth are cut and their samples folded into the last kept frame. */
export function truncate(node: ProfileNode, maxDepth: number, depth = 0): ProfileNode {
  if (!node.children) return node;
  if (depth >= maxDepth) {
    const { children: _dropped, ...rest } = node;
    const counts = subtreeCounts(node);
    return Object.keys(counts).length ? { ...rest, counts } : rest;
  }
  const children: Record<string, ProfileNode> = {};
  for (const [name, child] of Object.entries(node.children)) children[name] = truncate(child, maxDepth, depth + 1);
  return { ...node, children };
}

export function countNodes(node: ProfileNode): number {
  let n = 1;
  for (const child of Object.values(node.children ?? {})) n += countNodes(child);
  return n;
}

/**
 * Total time of each frame name relative to the root, counting only `states` (all counters if empty).
 * A frame that appears several times on one stack (recursion) is counted once.
 */
export function relativeTotals(root: ProfileNode, states: readonly string[]): { totals: Map<string, number>; rootTotal: number } {
  const wanted = states.length ? new Set(states) : undefined;
  const totals = new Map<string, number>();
  const onPath = new Map<string, number>();
  const walk = (name: string | undefined, node: ProfileNode): number => {
    let sum = 0;
    for (const [k, v] of Object.entries(node.counts ?? {})) if (!wanted || wanted.has(k)) sum += v;
    if (name !== undefined) onPath.set(name, (onPath.get(name) ?? 0) + 1);
    for (const [childName, child] of Object.entries(node.children ?? {})) sum += walk(childName, child);
    if (name !== undefined) {
      const depth = onPath.get(name) ?? 1;
      if (depth === 1) {
        totals.set(name, (totals.get(name) ?? 0) + sum);
        onPath.delete(name);
      } else {
        onPath.set(name, depth - 1);
      }
    }
    return sum;
  };
  const rootTotal = walk(undefined, root);
  return { totals, rootTotal };
}
