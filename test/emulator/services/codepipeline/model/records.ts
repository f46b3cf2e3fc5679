// The emulator's runtime records behind GetPipelineState, executions and action executions.
// Times are epoch milliseconds of the simulated clock; the wire layer turns them into epoch seconds.
import type { ConditionType, RuleExecutionRecord, StageConditionsRun } from './conditions';
import type { ActionDeclaration, ExecutionMode, PipelineDeclaration } from './declaration';
import type { SourceRepository } from './source-repo';

export type PipelineExecutionStatus = 'Cancelled' | 'InProgress' | 'Stopped' | 'Stopping' | 'Succeeded' | 'Superseded' | 'Failed';
export type StageExecutionStatus = 'Cancelled' | 'InProgress' | 'Failed' | 'Stopped' | 'Stopping' | 'Succeeded' | 'Skipped';
export type ActionExecutionStatus = 'InProgress' | 'Abandoned' | 'Succeeded' | 'Failed';
export type Outcome = 'succeed' | 'fail';

export interface ErrorDetails {
  code: string;
  message: string;
}

export interface ArtifactDetail {
  name: string;
  s3location: { bucket: string; key: string };
}

export interface ActionExecutionRecord {
  actionExecutionId: string;
  pipelineExecutionId: string;
  pipelineVersion: number;
  stageName: string;
  actionName: string;
  declaration: ActionDeclaration;
  region: string;
  startTime: number;
  lastUpdateTime: number;
  status: ActionExecutionStatus;
  updatedBy?: string;
  summary?: string;
  /** Manual approvals: what PutApprovalResult must present while the action is InProgress. */
  token?: string;
  externalExecutionId?: string;
  externalExecutionUrl?: string;
  externalExecutionSummary?: string;
  errorDetails?: ErrorDetails;
  logStreamARN?: string;
  percentComplete?: number;
  resolvedConfiguration: Record<string, string>;
  inputArtifacts: ArtifactDetail[];
  outputArtifacts: ArtifactDetail[];
  outputVariables?: Record<string, string>;
  /** Stops the work behind the action (build, timer) when the execution is abandoned. */
  abort?: () => void;
  /** Ends the action (used by approvals and by stop/abandon); a no-op once it has ended. */
  settle?: (status: Exclude<ActionExecutionStatus, 'InProgress'>, patch?: ActionResultPatch) => void;
}

/** What an action's runner reports when it ends. */
export interface ActionResultPatch {
  summary?: string;
  updatedBy?: string;
  externalExecutionId?: string;
  externalExecutionUrl?: string;
  externalExecutionSummary?: string;
  errorDetails?: ErrorDetails;
  outputVariables?: Record<string, string>;
}

export interface SourceRevisionRecord {
  actionName: string;
  artifactName: string;
  revisionId: string;
  revisionSummary: string;
  revisionUrl?: string;
  created: number;
  /** The branch the revision came from when a Git event (not the action's configured branch) chose it. */
  branch?: string;
}

export interface StageRun {
  status: StageExecutionStatus;
  /** Latest attempt of each action in this stage for this execution. */
  actions: Map<string, ActionExecutionRecord>;
  /** Manual retries so far. */
  retries: number;
  /** Latest evaluation of each kind of stage condition in this execution. */
  conditions: Map<ConditionType, StageConditionsRun>;
  /** The stage's onFailure RETRY result has been used (it retries once). */
  autoRetried?: boolean;
}

export interface ExecutionRecord {
  id: string;
  /** Start order within the pipeline (pagination cursor). */
  seq: number;
  pipelineVersion: number;
  status: PipelineExecutionStatus;
  statusSummary?: string;
  startTime: number;
  lastUpdateTime: number;
  trigger: { triggerType: string; triggerDetail?: string };
  stopTrigger?: { reason?: string };
  executionMode: ExecutionMode;
  variables: { name: string; resolvedValue: string }[];
  sourceRevisions: SourceRevisionRecord[];
  overrides: Map<string, { revisionType: string; revisionValue: string }>;
  /** Per-execution outcomes (seeded history; tests), ahead of the pipeline's action behaviours. */
  outcomes: Map<string, Outcome>;
  /** Stage the execution is in, or waiting to enter. */
  stageIndex: number;
  position: 'waiting' | 'running' | 'done';
  stages: Map<string, StageRun>;
  stopping?: { abandon: boolean };
  /** Output variables by action namespace, for `#{Namespace.Var}` in later actions. */
  namespaces: Map<string, Record<string, string>>;
  /** Artifacts produced so far, by artifact name. */
  artifacts: Map<string, ArtifactDetail>;
  executionType: 'STANDARD' | 'ROLLBACK';
  /** Rollback executions: the execution whose revisions they deploy again, and the only stage they run. */
  rollback?: { targetExecutionId: string; stageIndex: number };
}

export interface TransitionRecord {
  enabled: boolean;
  lastChangedBy?: string;
  lastChangedAt?: number;
  disabledReason?: string;
}

export interface StageSlot {
  name: string;
  inbound: TransitionRecord;
  /** Executions currently running this stage (at most one unless PARALLEL). */
  occupants: Set<string>;
  /** Executions waiting at the inbound transition, oldest first. */
  waiting: ExecutionRecord[];
  /** The execution that entered the stage last. */
  latest?: ExecutionRecord;
  /** The latest execution of each action, across pipeline executions. */
  actionLatest: Map<string, ActionExecutionRecord>;
  /** Source actions: the revision they last produced. */
  currentRevision: Map<string, { revisionId: string; revisionChangeId: string; created: number }>;
  manualRetryAttempt?: number;
  /** Latest evaluation of each kind of stage condition, across pipeline executions. */
  conditionLatest: Map<ConditionType, StageConditionsRun>;
}

/** How an action behaves when the engine runs it (the emulator's knob; not part of AWS). */
export interface ActionBehaviour {
  /** Simulated run time; CodeBuild actions take their build's time, approvals wait for a result. */
  durationMs?: number;
  /** Outcome per attempt, in order; the last one repeats. Default: succeed. */
  outcomes?: Outcome[];
}

export interface PipelineRecord {
  name: string;
  accountId: string;
  region: string;
  arn: string;
  /** Declarations by version (index = version - 1); the last is current. */
  versions: PipelineDeclaration[];
  created: number;
  updated: number;
  stages: StageSlot[];
  executions: ExecutionRecord[];
  executionsById: Map<string, ExecutionRecord>;
  /** Every action execution in start order. */
  actionExecutions: ActionExecutionRecord[];
  behaviours: Map<string, ActionBehaviour>;
  /** Attempts so far per action, to pick the next outcome. */
  attempts: Map<string, number>;
  repositories: Map<string, SourceRepository>;
  clientTokens: Map<string, string>;
  /** Every rule execution in start order. */
  ruleExecutions: RuleExecutionRecord[];
  /** Demo: start a new execution this long after each one ends. */
  rerunAfterMs?: number;
}

export function currentDeclaration(p: PipelineRecord): PipelineDeclaration {
  return p.versions[p.versions.length - 1]!;
}
