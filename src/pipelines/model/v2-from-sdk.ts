// Maps the V2 parts of CodePipeline's answers (stage conditions, rule executions, triggers, stage
// executions) to the plain model. Only types are imported from the SDK: this file does no I/O.
import type {
  Condition,
  ConditionState,
  PipelineTriggerDeclaration,
  RuleExecutionDetail,
  StageConditionState,
  StageExecution,
  StageState,
  StageDeclaration,
  GitFilePathFilterCriteria,
  GitBranchFilterCriteria,
  GitTagFilterCriteria,
} from '@aws-sdk/client-codepipeline';
import { definedOnly as defined, epochMillis as ms } from '../../core/records';
import {
  toConditionStatus,
  type ConditionsDeclaration,
  type ConditionsRuntime,
  type RuleExecutionInfo,
  type StageConditionDeclarations,
  type StageConditionStates,
} from './conditions';
import type { GitFilter, TriggerDeclaration } from './triggers';
import { toStatus, type StageExecutionRef } from './types';

function conditionsFromSdk(conditions: readonly Condition[] | undefined): ConditionsDeclaration['conditions'] {
  return (conditions ?? []).map((c) => defined({
    result: c.result,
    rules: (c.rules ?? []).map((r) => defined({
      name: r.name ?? '',
      provider: r.ruleTypeId?.provider ?? '',
      configuration: { ...(r.configuration ?? {}) },
      region: r.region,
    })),
  }));
}

/** A stage declaration's beforeEntry / onSuccess / onFailure; undefined for a stage without any. */
export function conditionDeclarationsFromSdk(stage: Pick<StageDeclaration, 'beforeEntry' | 'onSuccess' | 'onFailure'>): StageConditionDeclarations | undefined {
  const out: StageConditionDeclarations = {};
  if (stage.beforeEntry) out.beforeEntry = { conditions: conditionsFromSdk(stage.beforeEntry.conditions) };
  if (stage.onSuccess) out.onSuccess = { conditions: conditionsFromSdk(stage.onSuccess.conditions) };
  if (stage.onFailure) {
    out.onFailure = defined({
      result: stage.onFailure.result,
      retryMode: stage.onFailure.retryConfiguration?.retryMode,
      conditions: conditionsFromSdk(stage.onFailure.conditions),
    });
  }
  return Object.keys(out).length ? out : undefined;
}

function conditionStateFromSdk(c: ConditionState): ConditionsRuntime['conditions'][number] {
  return defined({
    status: c.latestExecution?.status ? toConditionStatus(c.latestExecution.status) : undefined,
    summary: c.latestExecution?.summary,
    lastStatusChange: ms(c.latestExecution?.lastStatusChange),
    rules: (c.ruleStates ?? []).map((r) => defined({
      name: r.ruleName ?? '',
      status: r.latestExecution?.status ? toConditionStatus(r.latestExecution.status) : undefined,
      summary: r.latestExecution?.summary,
      lastStatusChange: ms(r.latestExecution?.lastStatusChange),
      ruleExecutionId: r.latestExecution?.ruleExecutionId,
      externalExecutionUrl: r.latestExecution?.externalExecutionUrl,
      errorCode: r.latestExecution?.errorDetails?.code,
      errorMessage: r.latestExecution?.errorDetails?.message,
      entityUrl: r.entityUrl,
    })),
  });
}

function kindStateFromSdk(s: StageConditionState | undefined): ConditionsRuntime | undefined {
  if (!s) return undefined;
  return defined({
    status: s.latestExecution?.status ? toConditionStatus(s.latestExecution.status) : undefined,
    summary: s.latestExecution?.summary,
    conditions: (s.conditionStates ?? []).map(conditionStateFromSdk),
  });
}

/** GetPipelineState's condition states of a stage; undefined when it reports none. */
export function conditionStatesFromSdk(s: StageState): StageConditionStates | undefined {
  const out: StageConditionStates = {};
  const before = kindStateFromSdk(s.beforeEntryConditionState);
  const success = kindStateFromSdk(s.onSuccessConditionState);
  const failure = kindStateFromSdk(s.onFailureConditionState);
  if (before) out.beforeEntry = before;
  if (success) out.onSuccess = success;
  if (failure) out.onFailure = failure;
  return Object.keys(out).length ? out : undefined;
}

function stageExecutionFromSdk(e: StageExecution): StageExecutionRef | undefined {
  if (!e.pipelineExecutionId) return undefined;
  return defined({ executionId: e.pipelineExecutionId, status: toStatus(e.status), type: e.type });
}

/** Executions waiting to enter a stage: `inboundExecutions` (QUEUED, PARALLEL) or `inboundExecution` (SUPERSEDED). */
export function waitingFromSdk(s: StageState): StageExecutionRef[] | undefined {
  const all = [...(s.inboundExecutions ?? []), ...(s.inboundExecution ? [s.inboundExecution] : [])]
    .map(stageExecutionFromSdk).filter((e): e is StageExecutionRef => e !== undefined);
  const unique = all.filter((e, i) => all.findIndex((o) => o.executionId === e.executionId) === i);
  return unique.length ? unique : undefined;
}

function filterFromSdk(f: GitBranchFilterCriteria | GitTagFilterCriteria | GitFilePathFilterCriteria | undefined): GitFilter | undefined {
  return f ? { includes: [...(f.includes ?? [])], excludes: [...(f.excludes ?? [])] } : undefined;
}

export function triggersFromSdk(triggers: readonly PipelineTriggerDeclaration[] | undefined): TriggerDeclaration[] | undefined {
  if (!triggers?.length) return undefined;
  return triggers.map((t) => defined({
    providerType: t.providerType ?? '',
    sourceActionName: t.gitConfiguration?.sourceActionName,
    push: (t.gitConfiguration?.push ?? []).map((p) => defined({
      branches: filterFromSdk(p.branches), tags: filterFromSdk(p.tags), filePaths: filterFromSdk(p.filePaths),
    })),
    pullRequest: (t.gitConfiguration?.pullRequest ?? []).map((p) => defined({
      events: [...(p.events ?? [])], branches: filterFromSdk(p.branches), filePaths: filterFromSdk(p.filePaths),
    })),
  }));
}

export function ruleExecutionFromSdk(r: RuleExecutionDetail): RuleExecutionInfo {
  const result = r.output?.executionResult;
  return defined({
    executionId: r.pipelineExecutionId ?? '',
    stageName: r.stageName ?? '',
    ruleName: r.ruleName ?? '',
    ruleExecutionId: r.ruleExecutionId,
    status: toConditionStatus(r.status),
    startTime: ms(r.startTime),
    lastUpdateTime: ms(r.lastUpdateTime),
    provider: r.input?.ruleTypeId?.provider,
    resolvedConfiguration: r.input?.resolvedConfiguration ? { ...r.input.resolvedConfiguration } : undefined,
    summary: result?.externalExecutionSummary,
    errorMessage: result?.errorDetails?.message,
    externalExecutionUrl: result?.externalExecutionUrl,
  });
}
