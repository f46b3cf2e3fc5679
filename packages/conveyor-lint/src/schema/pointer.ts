import type { Node, Pair } from '../syntax/tree';

export interface Located {
  node: Node;
  /** The pair whose value `node` is, if any (its key is where "missing" and "empty" problems point). */
  pair?: Pair;
  /** Whether the whole pointer could be followed (false: stopped at an alias or a missing key). */
  exact: boolean;
}

export function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function toPointer(segments: readonly (string | number)[]): string {
  return segments.map((s) => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/**
 * The node a JSON pointer designates. Keys match exactly, or ignoring case when `caseInsensitive` (ECS and
 * Lambda appspecs, whose keys CodeDeploy reads case-insensitively).
 */
export function locate(root: Node, pointer: string, caseInsensitive = false, find: PairFinder = findPair): Located {
  let node: Node = root;
  let pair: Pair | undefined;
  for (const segment of parsePointer(pointer)) {
    if (node.kind === 'map') {
      const next = find(node.pairs, segment, caseInsensitive);
      if (!next) return { node, ...(pair ? { pair } : {}), exact: false };
      pair = next;
      node = next.value;
    } else if (node.kind === 'seq') {
      const index = Number(segment);
      const item = Number.isInteger(index) ? node.items[index] : undefined;
      if (!item) return { node, ...(pair ? { pair } : {}), exact: false };
      node = item;
      pair = undefined;
    } else {
      return { node, ...(pair ? { pair } : {}), exact: false };
    }
  }
  return { node, ...(pair ? { pair } : {}), exact: true };
}

/** Looks a key up among a mapping's pairs (the last one with the key wins). */
export type PairFinder = (pairs: readonly Pair[], key: string, caseInsensitive: boolean) => Pair | undefined;

export function findPair(pairs: readonly Pair[], key: string, caseInsensitive: boolean): Pair | undefined {
  // The last occurrence wins, as in most parsers (duplicates are reported separately).
  for (let i = pairs.length - 1; i >= 0; i--) {
    const p = pairs[i];
    if (p && p.keyText === key) return p;
  }
  if (!caseInsensitive) return undefined;
  const lower = key.toLowerCase();
  for (let i = pairs.length - 1; i >= 0; i--) {
    const p = pairs[i];
    if (p && p.keyText?.toLowerCase() === lower) return p;
  }
  return undefined;
}
