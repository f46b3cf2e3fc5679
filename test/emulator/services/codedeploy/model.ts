// The emulator's CodeDeploy records. Times are epoch milliseconds of the simulated clock; the wire
// layer turns them into epoch seconds. Names follow the Smithy model (codedeploy-2014-10-06).
import type { ParsedAppSpec } from './appspec';

export type ComputePlatform = 'Server' | 'Lambda' | 'ECS';
export type DeploymentStatus = 'Created' | 'Queued' | 'InProgress' | 'Baking' | 'Succeeded' | 'Failed' | 'Stopped' | 'Ready';
export type TargetStatus = 'Pending' | 'InProgress' | 'Succeeded' | 'Failed' | 'Skipped' | 'Unknown' | 'Ready';
export type EventStatus = 'Pending' | 'InProgress' | 'Succeeded' | 'Failed' | 'Skipped' | 'Unknown';
export type LifecycleErrorCode = 'Success' | 'ScriptMissing' | 'ScriptNotExecutable' | 'ScriptTimedOut' | 'ScriptFailed' | 'UnknownError';
export type DeploymentCreator = 'user' | 'autoscaling' | 'codeDeployRollback' | 'CodeDeploy' | 'CodeDeployAutoUpdate';
export type TargetLabel = 'Blue' | 'Green';

export interface Diagnostics {
  errorCode: LifecycleErrorCode;
  scriptName: string;
  message: string;
  logTail: string;
}

export interface LifecycleEventRecord {
  name: string;
  status: EventStatus;
  startTime?: number;
  endTime?: number;
  diagnostics?: Diagnostics;
}

export interface TaskSetRecord {
  identifer: string;
  desiredCount: number;
  pendingCount: number;
  runningCount: number;
  status: 'PRIMARY' | 'ACTIVE' | 'DRAINING';
  /** Percent of production traffic (0-100). */
  trafficWeight: number;
  targetGroup: string;
  taskSetLabel: TargetLabel;
}

export interface LambdaFunctionRecord {
  functionName: string;
  functionAlias: string;
  currentVersion: string;
  targetVersion: string;
  /** Share of production traffic on the target version (0-1, as Lambda alias routing weights). */
  targetVersionWeight: number;
}

export interface TargetRecord {
  kind: 'instance' | 'lambda' | 'ecs';
  targetId: string;
  targetArn: string;
  status: TargetStatus;
  lastUpdatedAt: number;
  events: LifecycleEventRecord[];
  label?: TargetLabel;
  lambda?: LambdaFunctionRecord;
  taskSets?: TaskSetRecord[];
}

export interface S3Location {
  bucket: string;
  key: string;
  bundleType?: 'tar' | 'tgz' | 'zip' | 'YAML' | 'JSON';
  version?: string;
  eTag?: string;
}

/** RevisionLocation as the API takes and returns it. */
export interface RevisionLocation {
  revisionType: 'S3' | 'GitHub' | 'String' | 'AppSpecContent';
  s3Location?: S3Location;
  gitHubLocation?: { repository: string; commitId: string };
  string?: { content?: string; sha256?: string };
  appSpecContent?: { content?: string; sha256?: string };
}

/** What a hook script does when the emulated agent runs it. */
export interface ScriptBehaviour {
  durationMs?: number;
  stdout?: string[];
  stderr?: string[];
  /** Non-zero: ScriptFailed ("failed with exit code N"). */
  exitCode?: number;
}

/** A revision's content: its appspec, the files in the bundle and how its scripts behave. */
export interface Bundle {
  appspec: string;
  /** Paths in the bundle; a hook whose script is not listed is ScriptMissing. Absent: every script exists. */
  files?: string[];
  scripts?: Record<string, ScriptBehaviour>;
}

export type ScriptFaultCode = Exclude<LifecycleErrorCode, 'Success'>;

/** A scripted failure: where a lifecycle event fails and how (the emulator's knob, not part of AWS). */
export interface ScriptFaultSpec {
  applicationName?: string;
  deploymentGroupName?: string;
  deploymentId?: string;
  lifecycleEvent: string;
  /** Only this script of the hook (EC2/On-Premises); default: the hook's last script. */
  script?: string;
  /** Only these targets (instance ids, `cluster:service`, function names); default: every target. */
  targetIds?: string[];
  errorCode?: ScriptFaultCode;
  exitCode?: number;
  stdout?: string[];
  stderr?: string[];
  /** Removed after failing this many events (default: unlimited). */
  times?: number;
}

export interface ScriptFault extends ScriptFaultSpec {
  id: string;
  fired: number;
}

export interface ErrorInformation {
  code: string;
  message: string;
}

export interface RollbackInfo {
  rollbackDeploymentId?: string;
  rollbackTriggeringDeploymentId?: string;
  rollbackMessage?: string;
}

export interface AutoRollbackConfiguration {
  enabled: boolean;
  events?: string[];
}

export interface BlueGreenConfiguration {
  terminateBlueInstancesOnDeploymentSuccess?: { action: 'TERMINATE' | 'KEEP_ALIVE'; terminationWaitTimeInMinutes: number };
  deploymentReadyOption?: { actionOnTimeout: 'CONTINUE_DEPLOYMENT' | 'STOP_DEPLOYMENT'; waitTimeInMinutes: number };
  greenFleetProvisioningOption?: { action: 'DISCOVER_EXISTING' | 'COPY_AUTO_SCALING_GROUP' };
}

export interface LoadBalancerInfo {
  elbInfoList?: { name: string }[];
  targetGroupInfoList?: { name: string }[];
  targetGroupPairInfoList?: {
    targetGroups: { name: string }[];
    prodTrafficRoute: { listenerArns: string[] };
    testTrafficRoute?: { listenerArns: string[] };
  }[];
}

export interface DeploymentStyle {
  deploymentType: 'IN_PLACE' | 'BLUE_GREEN';
  deploymentOption: 'WITH_TRAFFIC_CONTROL' | 'WITHOUT_TRAFFIC_CONTROL';
}

/** Where a deployment is in its platform's flow (not part of AWS). */
export type DeploymentPhase = 'created' | 'installing' | 'ready' | 'rerouting' | 'terminationWait' | 'done';

/** The running state behind a deployment; never on the wire. */
export interface DeploymentRuntime {
  phase: DeploymentPhase;
  appspec?: ParsedAppSpec;
  /** Why the revision's appspec could not be read (the deployment fails at BeforeInstall). */
  appspecError?: string;
  /** The appspec of the group's last successful revision (ApplicationStop and the BlockTraffic hooks run it). */
  previousAppspec?: ParsedAppSpec;
  bundle: Bundle;
  previousBundle?: Bundle;
  /** Lifecycle events running right now, across targets. */
  running: number;
  stop?: { rollback: boolean | undefined };
  /** Cancels the wait the deployment is in (Ready, termination). */
  cancelWait?: () => void;
  /** Moves a waiting deployment on (ContinueDeployment). */
  proceed?: () => void;
  listeners: ((d: DeploymentRecord) => void)[];
}

export interface DeploymentRecord {
  deploymentId: string;
  applicationName: string;
  deploymentGroupName: string;
  deploymentConfigName: string;
  computePlatform: ComputePlatform;
  revision: RevisionLocation;
  previousRevision?: RevisionLocation;
  status: DeploymentStatus;
  errorInformation?: ErrorInformation;
  createTime: number;
  startTime?: number;
  completeTime?: number;
  description?: string;
  creator: DeploymentCreator;
  ignoreApplicationStopFailures: boolean;
  autoRollbackConfiguration?: AutoRollbackConfiguration;
  updateOutdatedInstancesOnly: boolean;
  rollbackInfo?: RollbackInfo;
  deploymentStyle: DeploymentStyle;
  blueGreenDeploymentConfiguration?: BlueGreenConfiguration;
  loadBalancerInfo?: LoadBalancerInfo;
  targetInstances?: Record<string, unknown>;
  instanceTerminationWaitTimeStarted: boolean;
  fileExistsBehavior: 'DISALLOW' | 'OVERWRITE' | 'RETAIN';
  deploymentStatusMessages: string[];
  externalId?: string;
  /** Targets in the order the deployment reaches them. */
  targets: Map<string, TargetRecord>;
  runtime: DeploymentRuntime;
}

export interface DeploymentGroupRecord {
  applicationName: string;
  deploymentGroupId: string;
  deploymentGroupName: string;
  computePlatform: ComputePlatform;
  deploymentConfigName: string;
  serviceRoleArn: string;
  deploymentStyle: DeploymentStyle;
  loadBalancerInfo?: LoadBalancerInfo;
  blueGreenDeploymentConfiguration?: BlueGreenConfiguration;
  autoRollbackConfiguration: AutoRollbackConfiguration;
  ec2TagFilters: { Key: string; Value: string; Type: 'KEY_ONLY' | 'VALUE_ONLY' | 'KEY_AND_VALUE' }[];
  autoScalingGroups: { name: string; hook?: string }[];
  ecsServices: { serviceName: string; clusterName: string }[];
  /** EC2/On-Premises: the instances the tag filters match today. */
  instances: string[];
  /** The revision the group last deployed successfully (the API's targetRevision). */
  targetRevision?: RevisionLocation;
  /** What CodePipeline's CodeDeploy actions deploy to this group (the emulator's knob). */
  pipelineBundle?: Bundle;
  /** How a pipeline action whose outcome is `fail` fails here (the emulator's knob). */
  pipelineFailure?: Omit<ScriptFaultSpec, 'applicationName' | 'deploymentGroupName' | 'deploymentId'>;
  /** Deployments in creation order. */
  deployments: DeploymentRecord[];
}

export interface ApplicationRecord {
  applicationId: string;
  applicationName: string;
  computePlatform: ComputePlatform;
  createTime: number;
  groups: Map<string, DeploymentGroupRecord>;
}

export const isDone = (d: DeploymentRecord): boolean => d.status === 'Succeeded' || d.status === 'Failed' || d.status === 'Stopped';
