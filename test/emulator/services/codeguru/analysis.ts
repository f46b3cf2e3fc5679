import { createHash } from 'node:crypto';
import type { PatternSpec } from './model';
import type { ProfileNode } from './profile-tree';

export interface Match {
  /** The call path down to the matched frame, folded-stack style (`a;b;c`). */
  frameAddress: string;
  /** Share of the aggregated counters below the matched frame, in percent. */
  percent: number;
}

function total(node: ProfileNode, counters: ReadonlySet<string>): number {
  let sum = 0;
  for (const [k, v] of Object.entries(node.counts ?? {})) if (counters.has(k)) sum += v;
  for (const child of Object.values(node.children ?? {})) sum += total(child, counters);
  return sum;
}

/** Every outermost occurrence of the pattern's target frames in the call graph. */
export function patternMatches(root: ProfileNode, pattern: PatternSpec): { index: number; match: Match }[] {
  const counters = new Set(pattern.countersToAggregate);
  const rootTotal = total(root, counters) || 1;
  const targets = pattern.targetFrames.map((frames) => frames[frames.length - 1]);
  const found: { index: number; match: Match }[] = [];
  const walk = (node: ProfileNode, path: string[]): void => {
    for (const [name, child] of Object.entries(node.children ?? {})) {
      const index = targets.indexOf(name);
      if (index >= 0) {
        found.push({ index, match: { frameAddress: [...path, name].join(';'), percent: (100 * total(child, counters)) / rootTotal } });
      } else {
        walk(child, [...path, name]);
      }
    }
  };
  walk(root, []);
  return found;
}

/** A stable UUID-shaped id, so report ids don't change between runs. */
export function stableUuid(...parts: string[]): string {
  const h = createHash('sha1').update(parts.join('|')).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
