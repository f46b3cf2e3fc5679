// Deterministic synthetic CodeGuru profiles for the benchmark (runs in Node and in the browser pages).
import { prng } from '../../test/emulator/services/codeguru/prng';

export interface SyntheticOptions {
  seed: number;
  nodes: number;
  maxDepth: number;
  samples: number;
}

export const BENCH_PROFILE: SyntheticOptions = { seed: 20240323, nodes: 200_000, maxDepth: 200, samples: 1_000_000 };
/** The large profile the zoom animation must also keep under 16 ms (p95) and 33 ms (max). */
export const LARGE_PROFILE: SyntheticOptions = { seed: 20240324, nodes: 1_000_000, maxDepth: 200, samples: 5_000_000 };

const STATES = ['RUNNABLE', 'RUNNABLE', 'RUNNABLE', 'RUNNABLE', 'RUNNABLE', 'RUNNABLE', 'WAITING', 'TIMED_WAITING', 'BLOCKED', 'NATIVE', 'NATIVE', 'IDLE'];

/** Java-like frame names: 24 packages × 60 classes × 20 methods. */
function vocabulary(): string[] {
  const pkgs = ['orders', 'payments', 'inventory', 'shipping', 'customers', 'pricing', 'catalog', 'search', 'auth', 'billing', 'reports', 'audit',
    'cache', 'events', 'gateway', 'util', 'db', 'http', 'json', 'metrics', 'queue', 'scheduler', 'storage', 'web'];
  const roles = ['Service', 'Repository', 'Controller', 'Mapper', 'Validator', 'Client', 'Cache', 'Publisher', 'Handler', 'Factory'];
  const nouns = ['Order', 'Item', 'Account', 'Session', 'Token', 'Request'];
  const methods = ['handle', 'process', 'apply', 'load', 'save', 'find', 'validate', 'map', 'publish', 'compute', 'read', 'write', 'parse',
    'encode', 'decode', 'lookup', 'refresh', 'run', 'call', 'lambda$process$0'];
  const out: string[] = [];
  for (const p of pkgs) for (const n of nouns) for (const r of roles) for (const m of methods) out.push(`com.example.${p}.${n}${r}.${m}`);
  return out;
}

export interface SyntheticTree {
  names: string[];
  /** Per node: parent index (-1 for the root), name index, depth, and its self counts by state. */
  parent: Int32Array;
  name: Int32Array;
  depth: Int32Array;
  counts: Map<number, Record<string, number>>;
}

/** ~`nodes` frames, depth ≤ maxDepth, `samples` self counts spread over thread states (deterministic). */
export function syntheticTree(o: SyntheticOptions): SyntheticTree {
  const rnd = prng(o.seed);
  const names = vocabulary();
  const parent = new Int32Array(o.nodes).fill(-1);
  const name = new Int32Array(o.nodes);
  const depth = new Int32Array(o.nodes);
  const childKeys = new Set<number>();
  const isLeaf = new Uint8Array(o.nodes).fill(1);
  for (let n = 1; n < o.nodes; n++) {
    let p: number;
    const r = rnd();
    // Mostly extend the newest stack (deep chains), sometimes branch near it, sometimes anywhere.
    if (r < 0.6) p = n - 1;
    else if (r < 0.9) p = Math.max(0, n - 1 - Math.floor(rnd() * 400));
    else p = Math.floor(rnd() * n);
    while (depth[p]! >= o.maxDepth - 1) p = parent[p]!;
    let id = Math.floor(rnd() * names.length);
    while (childKeys.has(p * names.length + id)) id = (id + 1) % names.length;
    childKeys.add(p * names.length + id);
    parent[n] = p;
    name[n] = id;
    depth[n] = depth[p]! + 1;
    isLeaf[p] = 0;
  }
  const selfCounts = new Float64Array(o.nodes);
  for (let s = 0; s < o.samples; s++) {
    let node = 1 + Math.floor(rnd() * (o.nodes - 1));
    // Most samples end in leaves; walk to a leaf-ish descendant cheaply by retrying.
    if (!isLeaf[node] && rnd() < 0.8) node = 1 + Math.floor(rnd() * (o.nodes - 1));
    selfCounts[node]!++;
  }
  const counts = new Map<number, Record<string, number>>();
  for (let n = 1; n < o.nodes; n++) {
    const c = selfCounts[n]!;
    if (c === 0) continue;
    const state = STATES[(name[n]! * 7 + n) % STATES.length]!;
    const rec: Record<string, number> = {};
    if (c > 3 && n % 3 === 0) {
      const other = STATES[(n * 13) % STATES.length]!;
      const part = Math.floor(c / 3);
      rec[state] = c - part;
      rec[other] = (rec[other] ?? 0) + part;
    } else {
      rec[state] = c;
    }
    counts.set(n, rec);
  }
  return { names, parent, name, depth, counts };
}

interface CgNode { counts?: Record<string, number>; children?: Record<string, CgNode> }

/** The CodeGuru agent-format document (what GetProfile returns with Accept: application/json). */
export function toCodeGuruDocument(t: SyntheticTree): { start: number; end: number; agentMetadata: unknown; callgraph: CgNode } {
  const objs = new Array<CgNode>(t.parent.length);
  objs[0] = {};
  for (let n = 1; n < t.parent.length; n++) {
    const o: CgNode = {};
    const c = t.counts.get(n);
    if (c) o.counts = c;
    objs[n] = o;
    const p = objs[t.parent[n]!]!;
    (p.children ??= {})[t.names[t.name[n]!]!] = o;
  }
  const weights: Record<string, number> = {};
  for (const s of new Set(STATES)) weights[s] = 100;
  return { start: 1711234800000, end: 1711238400000, agentMetadata: { sampleWeights: weights, agentInfo: { type: 'synthetic', version: '1' } }, callgraph: objs[0] };
}

/** d3-flame-graph's input ({ name, value = total, children[] }) for the CPU view of the same tree. */
export function toD3(t: SyntheticTree, states = ['RUNNABLE', 'BLOCKED', 'NATIVE']): D3Node {
  const n = t.parent.length;
  const total = new Float64Array(n);
  for (const [node, rec] of t.counts) for (const s of states) total[node]! += rec[s] ?? 0;
  for (let i = n - 1; i > 0; i--) total[t.parent[i]!]! += total[i]!;
  const nodes = new Array<D3Node>(n);
  nodes[0] = { name: 'all', value: total[0]!, children: [] };
  for (let i = 1; i < n; i++) {
    const d: D3Node = { name: t.names[t.name[i]!]!, value: total[i]!, children: [] };
    nodes[i] = d;
    nodes[t.parent[i]!]!.children.push(d);
  }
  return nodes[0];
}

export interface D3Node { name: string; value: number; children: D3Node[] }
