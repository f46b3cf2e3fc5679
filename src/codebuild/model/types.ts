// Conveyor's own view of CodeBuild data: plain, JSON-comparable records (epoch-millisecond times), so
// diffing, presenting and testing never depend on SDK classes or Date identity.

/** StatusType of builds, batches and phases; Unknown for anything newer. */
export type BuildStatus = 'SUCCEEDED' | 'FAILED' | 'FAULT' | 'TIMED_OUT' | 'IN_PROGRESS' | 'STOPPED' | 'Unknown';

const STATUSES = new Set<string>(['SUCCEEDED', 'FAILED', 'FAULT', 'TIMED_OUT', 'IN_PROGRESS', 'STOPPED']);

export function toBuildStatus(value: string | undefined): BuildStatus {
  return value !== undefined && STATUSES.has(value) ? (value as BuildStatus) : 'Unknown';
}

export function isRunning(status: BuildStatus | undefined): boolean {
  return status === 'IN_PROGRESS';
}

export function isFailure(status: BuildStatus | undefined): boolean {
  return status === 'FAILED' || status === 'FAULT' || status === 'TIMED_OUT';
}

export interface ProjectSource {
  /** GITHUB, CODECOMMIT, S3, CODEPIPELINE, NO_SOURCE, BITBUCKET, GITLAB… */
  type: string;
  location?: string;
  /** A path in the source (default buildspec.yml when absent) or an inline buildspec. */
  buildspec?: string;
}

export interface ProjectEnvironment {
  type?: string;
  image?: string;
  computeType?: string;
  fleetArn?: string;
  variables: { name: string; type?: string }[];
}

/** BatchGetProjects: a project's definition (changes only when the project is edited). */
export interface ProjectInfo {
  name: string;
  arn?: string;
  description?: string;
  source: ProjectSource;
  secondarySources: ProjectSource[];
  /** The branch, tag or commit builds use by default. */
  sourceVersion?: string;
  environment: ProjectEnvironment;
  artifactsType?: string;
  /** A project with a batch configuration can run batch builds. */
  batch: boolean;
  /** Webhook filter groups in words, e.g. "PUSH HEAD_REF=^refs/heads/main$". */
  webhook?: { filters: string[]; buildType?: string };
  created?: number;
  lastModified?: number;
}

export interface PhaseInfo {
  type: string;
  status?: BuildStatus;
  start?: number;
  end?: number;
  durationSeconds?: number;
  /** Why a phase failed (COMMAND_EXECUTION_ERROR: …). */
  message?: string;
}

export interface ArtifactInfo {
  /** The primary artifact has no identifier. */
  identifier?: string;
  location?: string;
  sha256?: string;
  md5?: string;
}

/** What a build and a batch build both report: who started it, on which source, and where it is. */
export interface RunInfo {
  id: string;
  arn?: string;
  projectName: string;
  number?: number;
  status: BuildStatus;
  currentPhase?: string;
  start?: number;
  end?: number;
  initiator?: string;
  sourceVersion?: string;
  resolvedSourceVersion?: string;
  phases: PhaseInfo[];
}

/** BatchGetBuilds: one build, enough for its tree row, its details and its log. */
export interface BuildInfo extends RunInfo {
  /** The buildspec the build ran: a path, or the inline text of an override. */
  buildspec?: string;
  image?: string;
  computeType?: string;
  environmentVariables: { name: string; value?: string; type?: string }[];
  artifacts: ArtifactInfo[];
  logGroup?: string;
  logStream?: string;
  reportArns: string[];
  /** The batch this build belongs to (a member of a batch build). */
  batchArn?: string;
}

export interface BuildGroupInfo {
  identifier: string;
  dependsOn: string[];
  ignoreFailure: boolean;
  /** The group's latest attempt; earlier attempts (RetryBuildBatch) follow in `prior`. */
  current?: { arn: string; status: BuildStatus; requested?: number };
  prior: { arn: string; status: BuildStatus; requested?: number }[];
}

/** BatchGetBuildBatches: one batch build and its groups. */
export interface BatchInfo extends RunInfo {
  groups: BuildGroupInfo[];
  combineArtifacts?: boolean;
}

export type ReportType = 'TEST' | 'CODE_COVERAGE';

export interface ReportGroupInfo {
  arn: string;
  name: string;
  type?: ReportType;
}

export interface TestSummary {
  total: number;
  counts: Record<string, number>;
  durationNanos?: number;
}

export interface CoverageSummary {
  linePercent?: number;
  linesCovered?: number;
  linesMissed?: number;
  branchPercent?: number;
  branchesCovered?: number;
  branchesMissed?: number;
}

/** BatchGetReports: one report of a build. */
export interface ReportInfo {
  arn: string;
  type?: ReportType;
  name?: string;
  groupArn?: string;
  /** The build's ARN. */
  executionId?: string;
  /** GENERATING, SUCCEEDED, FAILED, INCOMPLETE, DELETING. */
  status?: string;
  created?: number;
  truncated?: boolean;
  tests?: TestSummary;
  coverage?: CoverageSummary;
}

export interface TestCaseInfo {
  prefix?: string;
  name: string;
  /** SUCCEEDED, FAILED, ERROR, SKIPPED, UNKNOWN. */
  status: string;
  durationNanos?: number;
  message?: string;
  suite?: string;
  rawDataPath?: string;
}

export interface FileCoverageInfo {
  filePath: string;
  linesCovered: number;
  linesMissed: number;
  branchesCovered: number;
  branchesMissed: number;
  linePercent?: number;
  branchPercent?: number;
}

/** Where CodeBuild data lives: one account/region root of the tree. */
export interface TargetRef {
  profile: string;
  region: string;
  label?: string;
}

/** A project in a target, by name; `target` is targetKey of its TargetRef. */
export interface ProjectKey {
  target: string;
  name: string;
}

/** "project:uuid" (or a build ARN) → the project name. */
export function projectOfBuildId(id: string): string {
  const tail = id.includes(':build/') ? id.slice(id.lastIndexOf(':build/') + 7) : id.includes(':build-batch/') ? id.slice(id.lastIndexOf(':build-batch/') + 13) : id;
  const at = tail.lastIndexOf(':');
  return at > 0 ? tail.slice(0, at) : tail;
}

/** A build or batch ARN → its id ("project:uuid"); an id stays as it is. */
export function idOfArn(arn: string): string {
  const m = /:(?:build|build-batch)\/(.+)$/.exec(arn);
  return m?.[1] ?? arn;
}

/** A report ARN (…:report/<group>:<uuid>) → its report group's ARN (…:report-group/<group>). */
export function reportGroupArnOf(reportArn: string): string | undefined {
  const m = /^(arn:[^:]+:codebuild:[^:]*:[^:]*):report\/(.+):[^:]+$/.exec(reportArn);
  return m ? `${m[1]}:report-group/${m[2]}` : undefined;
}
