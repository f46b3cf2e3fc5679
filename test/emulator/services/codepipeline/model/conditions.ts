// Runtime records of stage conditions: each evaluation of a stage's beforeEntry, onSuccess or
// onFailure conditions, its conditions and their rule executions (GetPipelineState's condition
// states, ListRuleExecutions).
import type { ConditionDeclaration, RuleDeclaration } from './declaration';
import type { ArtifactDetail, ErrorDetails } from './records';

export type ConditionType = 'BEFORE_ENTRY' | 'ON_SUCCESS' | 'ON_FAILURE';
export type ConditionExecutionStatus = 'InProgress' | 'Failed' | 'Errored' | 'Succeeded' | 'Cancelled' | 'Abandoned' | 'Overridden';
export type RuleExecutionStatus = 'InProgress' | 'Abandoned' | 'Succeeded' | 'Failed';

export interface RuleExecutionRecord {
  ruleExecutionId: string;
  pipelineExecutionId: string;
  pipelineVersion: number;
  stageName: string;
  ruleName: string;
  conditionType: ConditionType;
  declaration: RuleDeclaration;
  region: string;
  startTime: number;
  lastUpdateTime: number;
  status: RuleExecutionStatus;
  summary?: string;
  updatedBy?: string;
  externalExecutionId?: string;
  externalExecutionUrl?: string;
  errorDetails?: ErrorDetails;
  resolvedConfiguration: Record<string, string>;
  inputArtifacts: ArtifactDetail[];
  /** Stops the rule's timers when the evaluation is overridden or the execution stops. */
  abort?: () => void;
}

export interface ConditionRun {
  declaration: ConditionDeclaration;
  status: ConditionExecutionStatus;
  summary?: string;
  lastStatusChange: number;
  rules: RuleExecutionRecord[];
}

/** One evaluation of a stage's conditions of one type, for one pipeline execution. */
export interface StageConditionsRun {
  type: ConditionType;
  pipelineExecutionId: string;
  status: ConditionExecutionStatus;
  summary?: string;
  conditions: ConditionRun[];
  /** The condition that failed, once the evaluation failed (its result is what happens next). */
  failed?: ConditionRun;
  /** Ends the evaluation early (override, stop); a no-op once it has ended. */
  settle?: (status: 'Overridden' | 'Cancelled' | 'Abandoned', by?: string) => void;
}
