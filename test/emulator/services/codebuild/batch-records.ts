// Batch builds: the buildspec's `batch:` section (build-graph, build-list or build-matrix) and the
// state of one batch as BatchGetBuildBatches returns it.
import type { BuildStatus, EnvironmentVariable } from './store';

export type BatchKind = 'build-graph' | 'build-list' | 'build-matrix';

/** One entry of a build-graph or build-list (a matrix expands into these). */
export interface BatchEntry {
  identifier: string;
  dependOn?: string[];
  ignoreFailure?: boolean;
  /** Overrides for this build: environment variables, image, compute type. */
  env?: { variables?: Record<string, string>; image?: string; computeType?: string };
  /** Emulator: this build fails when the batch is meant to fail. */
  failsInFailedBatch?: boolean;
}

export interface BatchSpec {
  kind: BatchKind;
  /** build-graph and build-list entries. */
  entries?: BatchEntry[];
  /** build-matrix: every combination of these variable values is one build. */
  matrix?: { variables: Record<string, string[]>; image?: string[] };
}

export type BatchPhaseType = 'SUBMITTED' | 'DOWNLOAD_BATCHSPEC' | 'IN_PROGRESS' | 'COMBINE_ARTIFACTS' | 'SUCCEEDED' | 'FAILED' | 'STOPPED';

export interface BatchPhaseRecord {
  phaseType: BatchPhaseType;
  phaseStatus?: BuildStatus;
  startTime: number;
  endTime?: number;
  contexts?: { statusCode: string; message: string }[];
}

export interface BuildGroupRecord {
  identifier: string;
  dependsOn: string[];
  ignoreFailure: boolean;
  /** Build ids: the current one last, earlier attempts (RetryBuildBatch) before it. */
  buildIds: string[];
  /** The group never ran (a dependency failed or the batch stopped first). */
  requestedOn?: number;
  entry?: BatchEntry;
}

export interface BatchRecord {
  id: string;
  arn: string;
  buildBatchNumber: number;
  projectName: string;
  startTime: number;
  endTime?: number;
  currentPhase: BatchPhaseType;
  buildBatchStatus: BuildStatus;
  sourceVersion: string;
  resolvedSourceVersion?: string;
  phases: BatchPhaseRecord[];
  initiator: string;
  kind: BatchKind;
  groups: BuildGroupRecord[];
  environmentVariables: EnvironmentVariable[];
  buildspecOverride?: string;
  region: string;
  accountId: string;
  /** Emulator: the batch was meant to fail (entries marked failsInFailedBatch fail). */
  fails: boolean;
  /** Stops everything still running (StopBuildBatch). */
  stop?: () => void;
}

/** A matrix expanded into build-list entries, `build1`… in CodeBuild's generated style. */
export function expandBatch(spec: BatchSpec): BatchEntry[] {
  if (spec.kind !== 'build-matrix') return spec.entries ?? [];
  const variables = Object.entries(spec.matrix?.variables ?? {});
  const images = spec.matrix?.image?.length ? spec.matrix.image : [undefined];
  let combos: Record<string, string>[] = [{}];
  for (const [name, values] of variables) combos = combos.flatMap((c) => values.map((v) => ({ ...c, [name]: v })));
  const entries: BatchEntry[] = [];
  for (const image of images) {
    for (const vars of combos) {
      entries.push({
        identifier: `build${entries.length + 1}`,
        env: { variables: vars, ...(image ? { image } : {}) },
      });
    }
  }
  return entries;
}
