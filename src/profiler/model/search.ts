import type { CallTree } from './call-tree';

export type NameMatcher = (name: string) => boolean;

/**
 * A search box query: `/regex/flags` is a regular expression (add `i` to ignore case), anything else
 * a case-insensitive substring. An invalid regular expression is searched for literally. Empty → undefined.
 */
export function compileQuery(query: string): NameMatcher | undefined {
  const q = query.trim();
  if (q.length === 0) return undefined;
  const re = /^\/(.+)\/([imsu]*)$/.exec(q);
  if (re) {
    try {
      const regex = new RegExp(re[1]!, re[2]);
      return (name) => regex.test(name);
    } catch {
      // fall through to a literal search
    }
  }
  const needle = q.toLowerCase();
  return (name) => name.toLowerCase().includes(needle);
}

export interface SearchResult {
  /** 1 for each name id that matches. */
  readonly matchedNames: Uint8Array;
  /** Samples whose stack contains a matching frame (each sample counted once). */
  readonly matchedTotal: number;
  /** matchedTotal / all samples, 0..1. */
  readonly fraction: number;
  /** Number of nodes that match (nested ones included). */
  readonly nodes: number;
}

export function searchTree(tree: Pick<CallTree, 'size' | 'names' | 'nameId' | 'end' | 'total'>, query: string | NameMatcher): SearchResult {
  const matcher = typeof query === 'string' ? compileQuery(query) : query;
  const matchedNames = new Uint8Array(tree.names.length);
  if (!matcher) return { matchedNames, matchedTotal: 0, fraction: 0, nodes: 0 };
  for (let id = 1; id < tree.names.length; id++) if (matcher(tree.names[id]!)) matchedNames[id] = 1;
  let nodes = 0;
  for (let i = 1; i < tree.size; i++) nodes += matchedNames[tree.nameId[i]!]!;
  // Outermost matches only: once a node matches, its subtree is already counted (skip to its end).
  let matchedTotal = 0;
  let i = 1;
  while (i < tree.size) {
    if (matchedNames[tree.nameId[i]!]) {
      matchedTotal += tree.total[i]!;
      i = tree.end[i]!;
    } else {
      i++;
    }
  }
  const all = tree.total[0] ?? 0;
  return { matchedNames, matchedTotal, fraction: all > 0 ? matchedTotal / all : 0, nodes };
}

/** Matching nodes, widest first (what Enter in the search box steps through). */
export function matchingNodes(tree: Pick<CallTree, 'size' | 'nameId' | 'total'>, matchedNames: Uint8Array, limit = 1000): number[] {
  const out: number[] = [];
  for (let i = 1; i < tree.size; i++) if (matchedNames[tree.nameId[i]!] && tree.total[i]! > 0) out.push(i);
  out.sort((a, b) => tree.total[b]! - tree.total[a]! || a - b);
  return out.slice(0, limit);
}
