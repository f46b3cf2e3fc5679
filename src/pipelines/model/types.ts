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
  label?: string;
}

/** A pipeline in a target, by name; `target` is {@link targetKey} of its TargetRef. */
export interface PipelineKey {
  target: string;
  name: string;
}

export interface PipelineSummary {
  name: string;
  version?: number;
  pipelineType?: string;
  executionMode?: string;
  created?: number;
  updated?: number;
}

export interface ActionDeclaration {
  name: string;
  category: string;
  owner: string;
  provider: string;
  version?: string;
  runOrder: number;
  configuration: Record<string, string>;
  region?: string;
}

export interface StageDeclaration {
  name: string;
  actions: ActionDeclaration[];
  /** V2: beforeEntry / onSuccess / onFailure. */
  conditions?: StageConditionDeclarations;
}

export interface VariableDeclaration {
  name: string;
  defaultValue?: string;
  description?: string;
}

/** GetPipeline: the declaration (changes only when the pipeline is edited). */
export interface PipelineStructure {
  name: string;
  version?: number;
  arn?: string;
  pipelineType?: string;
  /** QUEUED, SUPERSEDED or PARALLEL. */
  executionMode?: string;
  stages: StageDeclaration[];
  variables: VariableDeclaration[];
  /** V2 Git triggers (push / pull request filters). */
  triggers?: TriggerDeclaration[];
}

export interface TransitionInfo {
  enabled: boolean;
  disabledReason?: string;
  lastChangedBy?: string;
  lastChangedAt?: number;
}

export interface ActionRuntime {
  name: string;
  status?: ExecutionStatus;
  summary?: string;
  lastStatusChange?: number;
  /** Manual approvals: the token PutApprovalResult needs. */
  token?: string;
  externalExecutionId?: string;
  externalExecutionUrl?: string;
  errorCode?: string;
  errorMessage?: string;
  logStreamArn?: string;
  entityUrl?: string;
  revisionUrl?: string;
  currentRevisionId?: string;
  actionExecutionId?: string;
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
  latestExecutionId?: string;
  status?: ExecutionStatus;
  /** ROLLBACK when the stage's latest run was a rollback. */
  latestExecutionType?: string;
  /** Executions waiting to enter the stage (QUEUED and PARALLEL modes; a held one in SUPERSEDED). */
  waiting?: StageExecutionRef[];
  /** V2: the latest evaluation of each kind of condition the stage declares. */
  conditions?: StageConditionStates;
  actions: ActionRuntime[];
}

/** GetPipelineState: what each stage and action is doing now. */
export interface PipelineRuntime {
  version?: number;
  stages: StageRuntime[];
}

export interface SourceRevisionInfo {
  actionName: string;
  revisionId?: string;
  revisionSummary?: string;
  revisionUrl?: string;
}

export interface ExecutionSummary {
  id: string;
  status: ExecutionStatus;
  statusSummary?: string;
  startTime?: number;
  lastUpdateTime?: number;
  sourceRevisions: SourceRevisionInfo[];
  triggerType?: string;
  triggerDetail?: string;
  stopReason?: string;
  executionMode?: string;
  executionType?: string;
  /** A rollback execution: the execution whose revisions it went back to. */
  rollbackTargetId?: string;
}

/** One action execution inside a pipeline execution (ListActionExecutions), for the timeline. */
export interface ActionExecutionInfo {
  stageName: string;
  actionName: string;
  actionExecutionId?: string;
  status: ExecutionStatus;
  startTime?: number;
  lastUpdateTime?: number;
  provider?: string;
  category?: string;
  externalExecutionId?: string;
  externalExecutionUrl?: string;
  summary?: string;
  errorMessage?: string;
  logStreamArn?: string;
  /** The action's variable namespace and the values it output (`#{namespace.name}`). */
  namespace?: string;
  outputVariables?: Record<string, string>;
}

/** GetPipelineExecution plus its action executions. */
export interface ExecutionDetail {
  pipelineName: string;
  id: string;
  status: ExecutionStatus;
  statusSummary?: string;
  pipelineVersion?: number;
  triggerType?: string;
  triggerDetail?: string;
  executionMode?: string;
  executionType?: string;
  rollbackTargetId?: string;
  artifactRevisions: { name: string; revisionId?: string; revisionSummary?: string; revisionUrl?: string }[];
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
