// CodeBuild state for one account and region: builds by id, with build numbers per project.

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
  buildspec: string;
  image: string;
  computeType: string;
  environmentVariables: { name: string; value: string; type: 'PLAINTEXT' }[];
  artifactsLocation: string;
  serviceRole: string;
  logGroupName: string;
  logStreamName: string;
  initiator: string;
  region: string;
  accountId: string;
}

export class BuildsRegion {
  readonly builds = new Map<string, BuildRecord>();
  private readonly counters = new Map<string, number>();

  constructor(readonly accountId: string, readonly region: string) {}

  nextBuildNumber(project: string): number {
    const n = (this.counters.get(project) ?? 0) + 1;
    this.counters.set(project, n);
    return n;
  }

  /** By id (`project:uuid`) or ARN. */
  find(idOrArn: string): BuildRecord | undefined {
    const id = idOrArn.startsWith('arn:') ? idOrArn.slice(idOrArn.indexOf(':build/') + 7) : idOrArn;
    return this.builds.get(id);
  }
}
