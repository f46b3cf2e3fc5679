// Conveyor's own view of CodeDeploy data: plain, JSON-comparable records with epoch-millisecond
// times, so presenting, diffing and testing never depend on SDK classes or Date identity.

export type ComputePlatform = 'Server' | 'Lambda' | 'ECS';

export type DeploymentStatus = 'Created' | 'Queued' | 'InProgress' | 'Baking' | 'Succeeded' | 'Failed' | 'Stopped' | 'Ready';

/** Status of a target (instance, ECS service, Lambda function) and of a lifecycle event. */
export type TargetStatus = 'Pending' | 'InProgress' | 'Succeeded' | 'Failed' | 'Skipped' | 'Unknown' | 'Ready';

export interface ApplicationSummary {
  name: string;
  id?: string;
  computePlatform?: ComputePlatform;
  createTime?: number;
}

/** A group's last attempted or last successful deployment, as the group reports it. */
export interface DeploymentRef {
  id: string;
  status?: DeploymentStatus;
  createTime?: number;
  endTime?: number;
}

export interface DeploymentGroupSummary {
  applicationName: string;
  name: string;
  id?: string;
  computePlatform?: ComputePlatform;
  deploymentConfigName?: string;
  deploymentType?: 'IN_PLACE' | 'BLUE_GREEN';
  /** Instances are taken out of (and put back into) a load balancer during the deployment. */
  trafficControl: boolean;
  /** Classic load balancers and target groups (ECS: the target group pairs). */
  loadBalancers: string[];
  /** ECS: `cluster/service`. */
  ecsServices: string[];
  lastAttempted?: DeploymentRef;
  lastSuccessful?: DeploymentRef;
}

export interface RevisionSummary {
  type: 'S3' | 'GitHub' | 'String' | 'AppSpecContent';
  /** Short, human-readable: `s3://bucket/key`, `owner/repo@abc1234`, `AppSpec (sha256 1a2b3c4d)`. */
  label: string;
  s3?: { bucket: string; key: string; bundleType?: string; version?: string; eTag?: string };
  gitHub?: { repository: string; commitId: string };
  /** ECS/Lambda: the appspec itself (BatchGetDeployments returns it; GetDeployment does not). */
  appSpecContent?: string;
  sha256?: string;
}

export interface DeploymentError {
  code: string;
  message: string;
}

export interface DeploymentSummary {
  id: string;
  applicationName: string;
  groupName: string;
  status: DeploymentStatus;
  computePlatform?: ComputePlatform;
  deploymentConfigName?: string;
  deploymentType?: 'IN_PLACE' | 'BLUE_GREEN';
  creator?: string;
  description?: string;
  createTime?: number;
  startTime?: number;
  completeTime?: number;
  error?: DeploymentError;
  /** Targets per status (Pending, InProgress, Succeeded, Failed, Skipped, Ready). */
  overview: Partial<Record<TargetStatus, number>>;
  revision?: RevisionSummary;
  previousRevision?: RevisionSummary;
  rollback?: { rollbackDeploymentId?: string; triggeringDeploymentId?: string; message?: string };
  /** A blue/green deployment waiting for ContinueDeployment: to reroute traffic, or to terminate the originals. */
  waitingFor?: 'trafficRerouting' | 'termination';
}

export interface Diagnostics {
  errorCode?: string;
  scriptName?: string;
  message?: string;
  /** The last part of the script log, as the agent sent it. */
  logTail?: string;
}

export interface LifecycleEventInfo {
  name: string;
  status: TargetStatus;
  startTime?: number;
  endTime?: number;
  durationMs?: number;
  diagnostics?: Diagnostics;
}

export interface TaskSetInfo {
  id: string;
  label?: 'Blue' | 'Green';
  status?: string;
  trafficWeight?: number;
  desiredCount?: number;
  runningCount?: number;
  pendingCount?: number;
  targetGroup?: string;
}

export interface LambdaFunctionInfo {
  functionName?: string;
  alias?: string;
  currentVersion?: string;
  targetVersion?: string;
  targetVersionWeight?: number;
}

export interface TargetInfo {
  deploymentId: string;
  id: string;
  kind: 'instance' | 'lambda' | 'ecs' | 'cloudformation';
  arn?: string;
  status: TargetStatus;
  /** Blue/green: original (Blue) or replacement (Green). */
  label?: 'Blue' | 'Green';
  lastUpdatedAt?: number;
  events: LifecycleEventInfo[];
  lambda?: LambdaFunctionInfo;
  taskSets?: TaskSetInfo[];
}

/** A lifecycle event that failed on one target of a deployment. */
export interface FailedEvent {
  deploymentId: string;
  target: TargetInfo;
  event: LifecycleEventInfo;
}
