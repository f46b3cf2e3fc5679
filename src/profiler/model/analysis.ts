import { viewTree, type CallTree } from './call-tree';
import { availableViews, resolveView, viewLabel, type ViewId } from './counters';
import type { FrameTree } from './frame-tree';
import { functionStats, type FunctionStats } from './functions';
import type { Profile } from './profile';
import type { ResolvedFrame, SourceResolver } from './resolve';

/** One view of a profile, with per-function numbers. */
export interface Analysis {
  readonly view: ViewId;
  /** The requested view had no samples; `view` is the fallback. */
  readonly fellBack: boolean;
  readonly requested: ViewId;
  readonly tree: CallTree;
  readonly stats: FunctionStats;
}

/** A view of a profile; per-function stats are computed on first use (the flame graph needs none). */
export function analyse(profile: Profile, requested: ViewId): Analysis {
  const { view, fellBack } = resolveView(requested, profile.tree.counters, profile.counterTotals, profile.defaultCounter);
  const tree = viewTree(profile, view);
  let stats: FunctionStats | undefined;
  return { view, fellBack, requested, tree, get stats() { stats ??= functionStats(tree); return stats; } };
}

export function viewChoices(profile: Profile): { id: ViewId; label: string }[] {
  return availableViews(profile.tree.counters, profile.counterTotals).map((id) => ({ id, label: viewLabel(id) }));
}

export function fallbackNote(a: Analysis): string | undefined {
  if (!a.fellBack) return undefined;
  const why = a.requested === 'cpu' && a.view === 'wall' ? ' (the Python agent records wall time only)' : '';
  return `This profile has no ${viewLabel(a.requested)} samples${why}; showing ${viewLabel(a.view)}.`;
}

/** Per name id: the host file of its first frame that has one, and the lowest executing line. */
export interface NameHints {
  readonly hostFile: (string | undefined)[];
  readonly line: Int32Array;
}

export function nameHints(tree: FrameTree): NameHints {
  const hostFile = new Array<string | undefined>(tree.names.length).fill(undefined);
  const line = new Int32Array(tree.names.length);
  for (let i = 1; i < tree.size; i++) {
    const id = tree.nameId[i]!;
    const f = tree.fileId[i]!;
    if (f >= 0 && hostFile[id] === undefined) hostFile[id] = tree.files[f];
    const l = tree.lineMin[i]!;
    if (l > 0 && (line[id] === 0 || l < line[id]!)) line[id] = l;
  }
  return { hostFile, line };
}

/** Which frames of a profile are workspace code, by name (name ids differ between trees; names do not). */
export interface Resolution {
  readonly byName: ReadonlyMap<string, ResolvedFrame>;
  /** 1 per name id of the profile's tree when that frame resolves. */
  readonly mine: Uint8Array;
}

export function resolveProfile(tree: FrameTree, resolver: SourceResolver): Resolution {
  const hints = nameHints(tree);
  const queries = tree.names.map((name, id) => ({
    name, ...(hints.hostFile[id] ? { hostFile: hints.hostFile[id] } : {}), ...(hints.line[id]! > 0 ? { line: hints.line[id]! } : {}),
  }));
  const resolved = resolver.resolveAll(queries.slice(1));
  const byName = new Map<string, ResolvedFrame>();
  const mine = new Uint8Array(tree.names.length);
  resolved.forEach((r, k) => {
    if (!r) return;
    byName.set(tree.names[k + 1]!, r);
    mine[k + 1] = 1;
  });
  return { byName, mine };
}

/** Flags per name id of `names` from resolutions of one or more profiles (for diff trees). */
export function mineFlags(names: readonly string[], resolutions: readonly Resolution[]): Uint8Array {
  const out = new Uint8Array(names.length);
  names.forEach((n, id) => { if (resolutions.some((r) => r.byName.has(n))) out[id] = 1; });
  return out;
}
