// Conveyor's own view of CodeDeploy data: plain, JSON-comparable records with epoch-millisecond
// times, so presenting, diffing and testing never depend on SDK classes or Date identity.

export type ComputePlatform = 'Server' | 'Lambda' | 'ECS';

export type DeploymentStatus = 'Created' | 'Queued' | 'InProgress' | 'Baking' | 'Succeeded' | 'Failed' | 'Stopped' | 'Ready';

/** Status of a target (instance, ECS service, Lambda function) and of a lifecycle event. */
export type TargetStatus = 'Pending' | 'InProgress' | 'Succeeded' | 'Failed' | 'Skipped' | 'Unknown' | 'Ready';

export interface ApplicationSummary {
  name: string;
  id?: string | undefined;
  computePlatform?: ComputePlatform | undefined;
  createTime?: number | undefined;
}

/** A group's last attempted or last successful deployment, as the group reports it. */
export interface DeploymentRef {
  id: string;
  status?: DeploymentStatus | undefined;
  createTime?: number | undefined;
  endTime?: number | undefined;
}

export interface DeploymentGroupSummary {
  applicationName: string;
  name: string;
  id?: string | undefined;
  computePlatform?: ComputePlatform | undefined;
  deploymentConfigName?: string | undefined;
  deploymentType?: 'IN_PLACE' | 'BLUE_GREEN' | undefined;
  /** Instances are taken out of (and put back into) a load balancer during the deployment. */
  trafficControl: boolean;
  /** Classic load balancers and target groups (ECS: the target group pairs). */
  loadBalancers: string[];
  /** ECS: `cluster/service`. */
  ecsServices: string[];
  lastAttempted?: DeploymentRef | undefined;
  lastSuccessful?: DeploymentRef | undefined;
}

export interface RevisionSummary {
  type: 'S3' | 'GitHub' | 'String' | 'AppSpecContent';
  /** Short, human-readable: `s3://bucket/key`, `owner/repo@abc1234`, `AppSpec (sha256 1a2b3c4d)`. */
  label: string;
  s3?: { bucket: string; key: string; bundleType?: string | undefined; version?: string | undefined; eTag?: string | undefined } | undefined;
  gitHub?: { repository: string; commitId: string } | undefined;
  /** ECS/Lambda: the appspec itself (BatchGetDeployments returns it; GetDeployment does not). */
  appSpecContent?: string | undefined;
  sha256?: string | undefined;
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
  computePlatform?: ComputePlatform | undefined;
  deploymentConfigName?: string | undefined;
  deploymentType?: 'IN_PLACE' | 'BLUE_GREEN' | undefined;
  creator?: string | undefined;
  description?: string | undefined;
  createTime?: number | undefined;
  startTime?: number | undefined;
  completeTime?: number | undefined;
  error?: DeploymentError | undefined;
  /** Targets per status (Pending, InProgress, Succeeded, Failed, Skipped, Ready). */
  overview: Partial<Record<TargetStatus, number>>;
  revision?: RevisionSummary | undefined;
  previousRevision?: RevisionSummary | undefined;
  rollback?: { rollbackDeploymentId?: string | undefined; triggeringDeploymentId?: string | undefined; message?: string | undefined } | undefined;
  /** A blue/green deployment waiting for ContinueDeployment: to reroute traffic, or to terminate the originals. */
  waitingFor?: 'trafficRerouting' | 'termination' | undefined;
}

export interface Diagnostics {
  errorCode?: string | undefined;
  scriptName?: string | undefined;
  message?: string | undefined;
  /** The last part of the script log, as the agent sent it. */
  logTail?: string | undefined;
}

export interface LifecycleEventInfo {
  name: string;
  status: TargetStatus;
  startTime?: number | undefined;
  endTime?: number | undefined;
  durationMs?: number | undefined;
  diagnostics?: Diagnostics | undefined;
}

export interface TaskSetInfo {
  id: string;
  label?: 'Blue' | 'Green' | undefined;
  status?: string | undefined;
  trafficWeight?: number | undefined;
  desiredCount?: number | undefined;
  runningCount?: number | undefined;
  pendingCount?: number | undefined;
  targetGroup?: string | undefined;
}

export interface LambdaFunctionInfo {
  functionName?: string | undefined;
  alias?: string | undefined;
  currentVersion?: string | undefined;
  targetVersion?: string | undefined;
  targetVersionWeight?: number | undefined;
}

export interface TargetInfo {
  deploymentId: string;
  id: string;
  kind: 'instance' | 'lambda' | 'ecs' | 'cloudformation';
  arn?: string | undefined;
  status: TargetStatus;
  /** Blue/green: original (Blue) or replacement (Green). */
  label?: 'Blue' | 'Green' | undefined;
  lastUpdatedAt?: number | undefined;
  events: LifecycleEventInfo[];
  lambda?: LambdaFunctionInfo | undefined;
  taskSets?: TaskSetInfo[] | undefined;
}

/** A lifecycle event that failed on one target of a deployment. */
export interface FailedEvent {
  deploymentId: string;
  target: TargetInfo;
  event: LifecycleEventInfo;
}
