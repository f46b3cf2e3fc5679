// CodeBuild state for one account and region: projects (with a sorted name index), builds and batch
// builds by id with their numbers per project, report groups and their reports.
import { insertSorted } from '../../core/sorted';
import type { BatchRecord } from './batch-records';
import type { ProjectRecord } from './projects';
import type { ReportGroupRecord, ReportRecord } from './report-records';

export type BuildStatus = 'SUCCEEDED' | 'FAILED' | 'FAULT' | 'TIMED_OUT' | 'IN_PROGRESS' | 'STOPPED';

export type PhaseType =
  | 'SUBMITTED' | 'QUEUED' | 'PROVISIONING' | 'DOWNLOAD_SOURCE' | 'INSTALL' | 'PRE_BUILD'
  | 'BUILD' | 'POST_BUILD' | 'UPLOAD_ARTIFACTS' | 'FINALIZING' | 'COMPLETED';

export interface PhaseRecord {
  phaseType: PhaseType;
  phaseStatus?: BuildStatus;
  startTime: number;
  endTime?: number;
  contexts?: { statusCode: string; message: string }[];
}

export type EnvironmentVariableType = 'PLAINTEXT' | 'PARAMETER_STORE' | 'SECRETS_MANAGER';

export interface EnvironmentVariable {
  name: string;
  value: string;
  type: EnvironmentVariableType;
}

/** The source a build ran from, as BatchGetBuilds reports it. */
export interface BuildSource {
  type: string;
  location?: string;
  /** The buildspec the build used: the project's (path or inline), or the override. */
  buildspec: string;
  gitCloneDepth?: number;
  reportBuildStatus?: boolean;
}

export interface BuildRecord {
  id: string;
  arn: string;
  buildNumber: number;
  projectName: string;
  startTime: number;
  endTime?: number;
  currentPhase: PhaseType;
  buildStatus: BuildStatus;
  sourceVersion: string;
  resolvedSourceVersion?: string;
  phases: PhaseRecord[];
  source: BuildSource;
  image: string;
  computeType: string;
  environmentType: string;
  fleetArn?: string;
  environmentVariables: EnvironmentVariable[];
  artifactsLocation?: string;
  serviceRole: string;
  logGroupName: string;
  logStreamName: string;
  initiator: string;
  region: string;
  accountId: string;
  timeoutInMinutes: number;
  queuedTimeoutInMinutes: number;
  /** Reports the build wrote (CodeBuild test and coverage reports). */
  reportArns: string[];
  buildBatchArn?: string;
}

export class BuildsRegion {
  readonly builds = new Map<string, BuildRecord>();
  readonly projects = new Map<string, ProjectRecord>();
  readonly sortedProjectNames: string[] = [];
  readonly batches = new Map<string, BatchRecord>();
  readonly reportGroups = new Map<string, ReportGroupRecord>();
  readonly reports = new Map<string, ReportRecord>();
  /** Idempotency tokens of StartBuild / RetryBuild / StartBuildBatch: token → what it started. */
  readonly idempotency = new Map<string, { id: string; request: string; at: number }>();
  private readonly counters = new Map<string, number>();
  private readonly batchCounters = new Map<string, number>();

  constructor(readonly accountId: string, readonly region: string) {}

  nextBuildNumber(project: string): number {
    const n = (this.counters.get(project) ?? 0) + 1;
    this.counters.set(project, n);
    return n;
  }

  nextBatchNumber(project: string): number {
    const n = (this.batchCounters.get(project) ?? 0) + 1;
    this.batchCounters.set(project, n);
    return n;
  }

  /** By id (`project:uuid`) or ARN. */
  find(idOrArn: string): BuildRecord | undefined {
    const id = idOrArn.startsWith('arn:') ? idOrArn.slice(idOrArn.indexOf(':build/') + 7) : idOrArn;
    return this.builds.get(id);
  }

  findBatch(idOrArn: string): BatchRecord | undefined {
    const id = idOrArn.startsWith('arn:') ? idOrArn.slice(idOrArn.indexOf(':build-batch/') + 13) : idOrArn;
    return this.batches.get(id);
  }

  /** By name or ARN. */
  project(nameOrArn: string): ProjectRecord | undefined {
    const name = nameOrArn.startsWith('arn:') ? nameOrArn.slice(nameOrArn.indexOf(':project/') + 9) : nameOrArn;
    return this.projects.get(name);
  }

  addProject(project: ProjectRecord): void {
    if (this.projects.has(project.name)) throw new Error(`project ${project.name} exists already`);
    this.projects.set(project.name, project);
    insertSorted(this.sortedProjectNames, project.name);
  }

  projectArn(name: string): string {
    return `arn:aws:codebuild:${this.region}:${this.accountId}:project/${name}`;
  }

  reportGroupArn(name: string): string {
    return `arn:aws:codebuild:${this.region}:${this.accountId}:report-group/${name}`;
  }
}
