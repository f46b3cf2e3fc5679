// Conveyor's own view of CodePipeline data: plain, JSON-comparable records (epoch-millisecond times),
// so diffing, presenting and testing never depend on SDK classes or Date identity.
import type { RuleExecutionInfo, StageConditionDeclarations, StageConditionStates } from './conditions';
import type { TriggerDeclaration } from './triggers';

/** Every status a pipeline execution, stage execution or action execution can report. */
export type ExecutionStatus =
  | 'InProgress' | 'Succeeded' | 'Failed' | 'Stopped' | 'Stopping' | 'Cancelled'
  | 'Superseded' | 'Skipped' | 'Abandoned' | 'Unknown';

/** Where pipelines live: one account/region root of the tree. */
export interface TargetRef {
  profile: string;
  region: string;
  /** Shown instead of "profile · region" when set. */
  label?: string | undefined;
}

/** A pipeline in a target, by name; `target` is {@link targetKey} of its TargetRef. */
export interface PipelineKey {
  target: string;
  name: string;
}

export interface PipelineSummary {
  name: string;
  version?: number | undefined;
  pipelineType?: string | undefined;
  executionMode?: string | undefined;
  created?: number | undefined;
  updated?: number | undefined;
}

export interface ActionDeclaration {
  name: string;
  category: string;
  owner: string;
  provider: string;
  version?: string | undefined;
  runOrder: number;
  configuration: Record<string, string>;
  region?: string | undefined;
}

export interface StageDeclaration {
  name: string;
  actions: ActionDeclaration[];
  /** V2: beforeEntry / onSuccess / onFailure. */
  conditions?: StageConditionDeclarations;
}

export interface VariableDeclaration {
  name: string;
  defaultValue?: string | undefined;
  description?: string | undefined;
}

/** GetPipeline: the declaration (changes only when the pipeline is edited). */
export interface PipelineStructure {
  name: string;
  version?: number | undefined;
  arn?: string | undefined;
  pipelineType?: string | undefined;
  /** QUEUED, SUPERSEDED or PARALLEL. */
  executionMode?: string | undefined;
  stages: StageDeclaration[];
  variables: VariableDeclaration[];
  /** V2 Git triggers (push / pull request filters). */
  triggers?: TriggerDeclaration[];
}

export interface TransitionInfo {
  enabled: boolean;
  disabledReason?: string | undefined;
  lastChangedBy?: string | undefined;
  lastChangedAt?: number | undefined;
}

export interface ActionRuntime {
  name: string;
  status?: ExecutionStatus | undefined;
  summary?: string | undefined;
  lastStatusChange?: number | undefined;
  /** Manual approvals: the token PutApprovalResult needs. */
  token?: string | undefined;
  externalExecutionId?: string | undefined;
  externalExecutionUrl?: string | undefined;
  errorCode?: string | undefined;
  errorMessage?: string | undefined;
  logStreamArn?: string | undefined;
  entityUrl?: string | undefined;
  revisionUrl?: string | undefined;
  currentRevisionId?: string | undefined;
  actionExecutionId?: string | undefined;
}

/** An execution at a stage: GetPipelineState's StageExecution. */
export interface StageExecutionRef {
  executionId: string;
  status: ExecutionStatus;
  /** STANDARD or ROLLBACK. */
  type?: string;
}

export interface StageRuntime {
  name: string;
  inbound: TransitionInfo;
  latestExecutionId?: string | undefined;
  status?: ExecutionStatus | undefined;
  /** QUEUED, SUPERSEDED or PARALLEL. */
  executionMode?: string | undefined;
  actions: ActionRuntime[];
}

/** GetPipelineState: what each stage and action is doing now. */
export interface PipelineRuntime {
  version?: number | undefined;
  stages: StageRuntime[];
}

export interface SourceRevisionInfo {
  actionName: string;
  revisionId?: string | undefined;
  revisionSummary?: string | undefined;
  revisionUrl?: string | undefined;
}

export interface ExecutionSummary {
  id: string;
  status: ExecutionStatus;
  statusSummary?: string | undefined;
  startTime?: number | undefined;
  lastUpdateTime?: number | undefined;
  sourceRevisions: SourceRevisionInfo[];
  triggerType?: string | undefined;
  triggerDetail?: string | undefined;
  stopReason?: string | undefined;
  executionMode?: string | undefined;
  executionType?: string | undefined;
  /** QUEUED, SUPERSEDED or PARALLEL. */
  executionMode?: string | undefined;
}

/** One action execution inside a pipeline execution (ListActionExecutions), for the timeline. */
export interface ActionExecutionInfo {
  stageName: string;
  actionName: string;
  actionExecutionId?: string | undefined;
  status: ExecutionStatus;
  startTime?: number | undefined;
  lastUpdateTime?: number | undefined;
  provider?: string | undefined;
  category?: string | undefined;
  externalExecutionId?: string | undefined;
  externalExecutionUrl?: string | undefined;
  summary?: string | undefined;
  errorMessage?: string | undefined;
  logStreamArn?: string | undefined;
  /** QUEUED, SUPERSEDED or PARALLEL. */
  executionMode?: string | undefined;
}

/** GetPipelineExecution plus its action executions. */
export interface ExecutionDetail {
  pipelineName: string;
  id: string;
  status: ExecutionStatus;
  statusSummary?: string | undefined;
  pipelineVersion?: number | undefined;
  triggerType?: string | undefined;
  triggerDetail?: string | undefined;
  artifactRevisions: { name: string; revisionId?: string | undefined; revisionSummary?: string | undefined; revisionUrl?: string | undefined }[];
  /** QUEUED, SUPERSEDED or PARALLEL. */
  executionMode?: string | undefined;
  variables: { name: string; value: string }[];
  actions: ActionExecutionInfo[];
  /** V2: every rule evaluation of the execution (ListRuleExecutions). */
  rules?: RuleExecutionInfo[];
}

const KNOWN_STATUSES = new Set<string>([
  'InProgress', 'Succeeded', 'Failed', 'Stopped', 'Stopping', 'Cancelled', 'Superseded', 'Skipped', 'Abandoned',
]);

export function toStatus(value: string | undefined): ExecutionStatus {
  return value !== undefined && KNOWN_STATUSES.has(value) ? (value as ExecutionStatus) : 'Unknown';
}

/** Statuses after which nothing more will happen to an execution without someone acting. */
export function isFinished(status: ExecutionStatus | undefined): boolean {
  return status !== undefined && status !== 'InProgress' && status !== 'Stopping' && status !== 'Unknown';
}

export function isActive(status: ExecutionStatus | undefined): boolean {
  return status === 'InProgress' || status === 'Stopping';
}
