import { pathTo, type CallTree } from './call-tree';
import { outermostOnly } from './functions';
import { formatPercent } from './format';

/** The parts of a CodeGuru `Recommendation` this needs (structurally compatible with the SDK type, whose members may be undefined). */
export interface RecommendationLike {
  allMatchesCount?: number | undefined;
  allMatchesSum?: number | undefined;
  pattern?: {
    id?: string | undefined;
    name?: string | undefined;
    description?: string | undefined;
    resolutionSteps?: string | undefined;
    targetFrames?: string[][] | undefined;
    thresholdPercent?: number | undefined;
  } | undefined;
  topMatches?: { targetFramesIndex?: number | undefined; frameAddress?: string | undefined; thresholdBreachValue?: number | undefined }[] | undefined;
}

export interface LocatedRecommendation {
  /** The workspace function (name id) whose calls lead to the matched frames. */
  nameId: number;
  /** Samples of the matched frames reached from that function. */
  samples: number;
  fraction: number;
  recommendation: RecommendationLike;
  message: string;
}

/** A frame address may be a whole stack, root first, joined with ';'; its last frame is the match. */
function addressFrames(address: string): string[] {
  return address.split(';').filter((f) => f.length > 0);
}

function targetNames(rec: RecommendationLike): string[] {
  const names = new Set<string>();
  for (const m of rec.topMatches ?? []) {
    const last = m.frameAddress ? addressFrames(m.frameAddress).pop() : undefined;
    if (last) names.add(last);
  }
  for (const frames of rec.pattern?.targetFrames ?? []) for (const f of frames) if (f) names.add(f);
  return [...names];
}

/** The node at a root-first path of frame names, or -1. */
function nodeAtPath(tree: CallTree, frames: readonly string[]): number {
  let node = 0;
  for (const name of frames) {
    let next = -1;
    for (let c = node + 1; c < tree.end[node]!; c = tree.end[c]!) if (tree.names[tree.nameId[c]!] === name) { next = c; break; }
    if (next < 0) return -1;
    node = next;
  }
  return node;
}

function matches(frame: string, target: string): boolean {
  return frame === target || frame.endsWith(`.${target}`) || frame.endsWith(`:${target}`);
}

export function recommendationMessage(rec: RecommendationLike, fraction: number): string {
  const p = rec.pattern ?? {};
  const parts = [`${p.name ?? 'CodeGuru Profiler recommendation'}: ${p.description ?? ''}`.trim()];
  parts.push(`${formatPercent(fraction)} of the profile's samples reach the matched frames through this function`
    + (p.thresholdPercent !== undefined ? ` (CodeGuru flags above ${p.thresholdPercent}%).` : '.'));
  if (p.resolutionSteps) parts.push(p.resolutionSteps.replace(/\s+/g, ' ').trim().slice(0, 600));
  return parts.join(' ');
}

/**
 * Places recommendations on workspace code: finds the frames a recommendation matched (topMatches'
 * frameAddress, the pattern's targetFrames) and walks up each one's callers to the nearest frame
 * that is the person's own code (`isMine`). The functions reached by the most samples win.
 */
export function locateRecommendations(recs: readonly RecommendationLike[], tree: CallTree, isMine: (nameId: number) => boolean, perRecommendation = 3): LocatedRecommendation[] {
  const all = tree.total[0] ?? 0;
  const out: LocatedRecommendation[] = [];
  for (const rec of recs) {
    const targets = targetNames(rec);
    if (targets.length === 0) continue;
    const matchedName = new Uint8Array(tree.names.length);
    for (let id = 1; id < tree.names.length; id++) if (targets.some((t) => matches(tree.names[id]!, t))) matchedName[id] = 1;
    const hits: number[] = [];
    for (let i = 1; i < tree.size; i++) if (matchedName[tree.nameId[i]!]) hits.push(i);
    for (const m of rec.topMatches ?? []) {
      const frames = m.frameAddress ? addressFrames(m.frameAddress) : [];
      const at = frames.length > 1 ? nodeAtPath(tree, frames) : -1;
      if (at > 0) hits.push(at);
    }
    const credit = new Map<number, number>();
    for (const node of outermostOnly(tree, hits)) {
      const path = pathTo(tree, node);
      for (let k = path.length - 1; k >= 1; k--) {
        const id = tree.nameId[path[k]!]!;
        if (isMine(id)) {
          credit.set(id, (credit.get(id) ?? 0) + tree.total[node]!);
          break;
        }
      }
    }
    const ranked = [...credit].sort((a, b) => b[1] - a[1]).slice(0, perRecommendation);
    for (const [nameId, samples] of ranked) {
      const fraction = all > 0 ? samples / all : 0;
      out.push({ nameId, samples, fraction, recommendation: rec, message: recommendationMessage(rec, fraction) });
    }
  }
  return out;
}
