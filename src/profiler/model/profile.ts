import { counterTotals, type FrameTree } from './frame-tree';
import type { LineSamples } from './line-samples';

export type ProfileFormat = 'codeguru' | 'folded' | 'pprof' | 'cpuprofile' | 'speedscope' | 'perf' | 'jfr';

/** What each format is called in messages and pickers. */
export const FORMAT_LABELS: Record<ProfileFormat, string> = {
  codeguru: 'CodeGuru profile', folded: 'collapsed stacks', pprof: 'pprof', cpuprofile: 'Chrome CPU profile',
  speedscope: 'speedscope JSON', perf: 'perf script output', jfr: 'Java Flight Recording',
};

/** A parsed profile: the multi-counter tree plus what the agent said about it. */
export interface Profile {
  readonly format: ProfileFormat;
  readonly tree: FrameTree;
  /** Samples per second, per counter (agentMetadata.sampleWeights); counts / weight = seconds. */
  readonly sampleWeights: ReadonlyMap<string, number>;
  /** Sum of self counts per counter, aligned with tree.counters. */
  readonly counterTotals: readonly number[];
  readonly startMs?: number;
  readonly endMs?: number;
  readonly durationMs?: number;
  readonly agent?: string;
  readonly runtimeVersion?: string;
  readonly numTimesSampled?: number;
  /** Things that were ignored while parsing (bad counts, node limit), for the log and the panel. */
  readonly warnings: readonly string[];
  readonly truncated: boolean;
  /** Samples per executing line, when the format names the line of every frame. */
  readonly lines?: LineSamples;
  /** Units of the counters that have one (pprof sample types: "nanoseconds", "bytes", "count"). */
  readonly units: ReadonlyMap<string, string>;
  /** The counter the format says to show first (pprof default_sample_type, else its last sample type). */
  readonly defaultCounter?: string;
  /** Per name id, the 1-based line its function starts on when the profile says (.cpuprofile); 0 unknown. */
  readonly definitionLines?: Int32Array;
}

export class ProfileFormatError extends Error {
  override readonly name = 'ProfileFormatError';
}

export interface ProfileMeta {
  sampleWeights?: ReadonlyMap<string, number>;
  startMs?: number;
  endMs?: number;
  durationMs?: number;
  agent?: string;
  runtimeVersion?: string;
  numTimesSampled?: number;
  lines?: LineSamples;
  units?: ReadonlyMap<string, string>;
  defaultCounter?: string;
  definitionLines?: Int32Array;
}

export function makeProfile(format: ProfileFormat, tree: FrameTree, meta: ProfileMeta, warnings: string[], truncated: boolean): Profile {
  return {
    format, tree, warnings, truncated,
    sampleWeights: meta.sampleWeights ?? new Map(),
    units: meta.units ?? new Map(),
    ...(meta.lines ? { lines: meta.lines } : {}),
    ...(meta.defaultCounter !== undefined ? { defaultCounter: meta.defaultCounter } : {}),
    ...(meta.definitionLines ? { definitionLines: meta.definitionLines } : {}),
    counterTotals: counterTotals(tree),
    ...(meta.startMs !== undefined ? { startMs: meta.startMs } : {}),
    ...(meta.endMs !== undefined ? { endMs: meta.endMs } : {}),
    ...(meta.durationMs !== undefined ? { durationMs: meta.durationMs } : {}),
    ...(meta.agent !== undefined ? { agent: meta.agent } : {}),
    ...(meta.runtimeVersion !== undefined ? { runtimeVersion: meta.runtimeVersion } : {}),
    ...(meta.numTimesSampled !== undefined ? { numTimesSampled: meta.numTimesSampled } : {}),
  };
}

/** Collects distinct warnings with a count each, so a million bad counts make one line. */
export class WarningTally {
  private readonly counts = new Map<string, number>();
  add(message: string): void { this.counts.set(message, (this.counts.get(message) ?? 0) + 1); }
  list(): string[] {
    return [...this.counts].map(([m, n]) => (n > 1 ? `${m} (${n} times)` : m));
  }
}
