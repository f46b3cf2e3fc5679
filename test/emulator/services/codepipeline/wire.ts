// Records → the CodePipeline output shapes. Timestamps are epoch seconds (awsJson1_1 default format).
import { entityUrl } from './engine/actions/urls';
import type { ConditionType, RuleExecutionRecord, StageConditionsRun } from './model/conditions';
import type { PipelineDeclaration, RuleDeclaration, StageDeclaration } from './model/declaration';
import {
  currentDeclaration, type ActionExecutionRecord, type ExecutionRecord, type PipelineRecord, type StageSlot,
} from './model/records';

export const seconds = (ms: number): number => ms / 1000;

const defined = <T extends Record<string, unknown>>(o: T): Partial<T> => {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return out as Partial<T>;
};

export function pipelineSummary(p: PipelineRecord): Record<string, unknown> {
  const d = currentDeclaration(p);
  return {
    name: p.name,
    version: p.versions.length,
    pipelineType: d.pipelineType ?? 'V1',
    executionMode: d.executionMode ?? 'SUPERSEDED',
    created: seconds(p.created),
    updated: seconds(p.updated),
  };
}

export function declarationWire(d: PipelineDeclaration, version: number): Record<string, unknown> {
  return defined({
    name: d.name,
    roleArn: d.roleArn,
    artifactStore: d.artifactStore,
    artifactStores: d.artifactStores,
    stages: d.stages.map((s) => defined({
      name: s.name,
      blockers: s.blockers,
      actions: s.actions.map((a) => defined({
        name: a.name,
        actionTypeId: a.actionTypeId,
        runOrder: a.runOrder ?? 1,
        configuration: a.configuration ?? {},
        commands: a.commands,
        outputArtifacts: a.outputArtifacts ?? [],
        inputArtifacts: a.inputArtifacts ?? [],
        outputVariables: a.outputVariables,
        roleArn: a.roleArn,
        region: a.region,
        namespace: a.namespace,
        timeoutInMinutes: a.timeoutInMinutes,
        environmentVariables: a.environmentVariables,
      })),
      onFailure: s.onFailure ? defined({ ...s.onFailure, conditions: s.onFailure.conditions?.map(conditionWire) }) : undefined,
      onSuccess: s.onSuccess ? { conditions: s.onSuccess.conditions.map(conditionWire) } : undefined,
      beforeEntry: s.beforeEntry ? { conditions: s.beforeEntry.conditions.map(conditionWire) } : undefined,
    })),
    version,
    executionMode: d.executionMode ?? 'SUPERSEDED',
    pipelineType: d.pipelineType ?? 'V1',
    variables: d.pipelineType === 'V2' ? (d.variables ?? []) : undefined,
    triggers: d.pipelineType === 'V2' ? (d.triggers ?? []) : undefined,
  });
}

function conditionWire(c: NonNullable<StageDeclaration['onSuccess']>['conditions'][number]): Record<string, unknown> {
  return defined({ result: c.result, rules: c.rules?.map(ruleWire) });
}

function ruleWire(r: RuleDeclaration): Record<string, unknown> {
  return defined({
    name: r.name,
    ruleTypeId: { category: 'Rule', owner: r.ruleTypeId.owner ?? 'AWS', provider: r.ruleTypeId.provider, version: r.ruleTypeId.version ?? '1' },
    configuration: r.configuration ?? {},
    commands: r.commands,
    inputArtifacts: r.inputArtifacts,
    roleArn: r.roleArn,
    region: r.region,
    timeoutInMinutes: r.timeoutInMinutes,
  });
}

function ruleExecutionWire(r: RuleExecutionRecord): Record<string, unknown> {
  return defined({
    ruleExecutionId: r.ruleExecutionId,
    status: r.status,
    summary: r.summary,
    lastStatusChange: seconds(r.lastUpdateTime),
    lastUpdatedBy: r.updatedBy,
    externalExecutionId: r.externalExecutionId,
    externalExecutionUrl: r.externalExecutionUrl,
    errorDetails: r.errorDetails,
  });
}

const CONDITION_KEYS: [ConditionType, 'beforeEntry' | 'onSuccess' | 'onFailure', 'beforeEntryConditionState' | 'onSuccessConditionState' | 'onFailureConditionState'][] = [
  ['BEFORE_ENTRY', 'beforeEntry', 'beforeEntryConditionState'],
  ['ON_SUCCESS', 'onSuccess', 'onSuccessConditionState'],
  ['ON_FAILURE', 'onFailure', 'onFailureConditionState'],
];

/** A declared condition type's state: the latest evaluation, or just its rules when it never ran. */
function conditionStateWire(stage: StageDeclaration, key: 'beforeEntry' | 'onSuccess' | 'onFailure', latest: StageConditionsRun | undefined, region: string): Record<string, unknown> | undefined {
  const declared = stage[key]?.conditions ?? [];
  if (declared.length === 0) return undefined;
  return defined({
    latestExecution: latest ? defined({ status: latest.status, summary: latest.summary }) : undefined,
    conditionStates: declared.map((c, i) => {
      const run = latest?.conditions[i];
      return defined({
        latestExecution: run ? defined({ status: run.status, summary: run.summary, lastStatusChange: seconds(run.lastStatusChange) }) : undefined,
        ruleStates: (c.rules ?? []).map((rule) => {
          const exec = run?.rules.find((r) => r.ruleName === rule.name);
          return defined({
            ruleName: rule.name,
            latestExecution: exec ? ruleExecutionWire(exec) : undefined,
            entityUrl: ruleEntityUrl(rule, rule.region ?? region),
          });
        }),
      });
    }),
  });
}

function ruleEntityUrl(rule: RuleDeclaration, region: string): string | undefined {
  const c = rule.configuration ?? {};
  const base = `https://${region}.console.aws.amazon.com`;
  switch (rule.ruleTypeId.provider) {
    case 'CloudWatchAlarm': return c.AlarmName ? `${base}/cloudwatch/home?region=${region}#alarmsV2:alarm/${encodeURIComponent(c.AlarmName)}` : undefined;
    case 'LambdaInvoke': return c.FunctionName ? `${base}/lambda/home?region=${region}#/functions/${c.FunctionName}` : undefined;
    default: return undefined;
  }
}

export function ruleExecutionDetail(r: RuleExecutionRecord): Record<string, unknown> {
  const d = r.declaration;
  return defined({
    pipelineExecutionId: r.pipelineExecutionId,
    ruleExecutionId: r.ruleExecutionId,
    pipelineVersion: r.pipelineVersion,
    stageName: r.stageName,
    ruleName: r.ruleName,
    startTime: seconds(r.startTime),
    lastUpdateTime: seconds(r.lastUpdateTime),
    updatedBy: r.updatedBy,
    status: r.status,
    input: defined({
      ruleTypeId: { category: 'Rule', owner: d.ruleTypeId.owner ?? 'AWS', provider: d.ruleTypeId.provider, version: d.ruleTypeId.version ?? '1' },
      configuration: d.configuration ?? {},
      resolvedConfiguration: r.resolvedConfiguration,
      roleArn: d.roleArn,
      region: r.region,
      inputArtifacts: r.inputArtifacts,
    }),
    output: {
      executionResult: defined({
        externalExecutionId: r.externalExecutionId,
        externalExecutionSummary: r.summary,
        externalExecutionUrl: r.externalExecutionUrl,
        errorDetails: r.errorDetails,
      }),
    },
  });
}

function actionExecutionWire(r: ActionExecutionRecord): Record<string, unknown> {
  return defined({
    actionExecutionId: r.actionExecutionId,
    status: r.status,
    summary: r.summary,
    lastStatusChange: seconds(r.lastUpdateTime),
    token: r.status === 'InProgress' ? r.token : undefined,
    lastUpdatedBy: r.updatedBy,
    externalExecutionId: r.externalExecutionId,
    externalExecutionUrl: r.externalExecutionUrl,
    percentComplete: r.percentComplete,
    errorDetails: r.errorDetails,
    logStreamARN: r.logStreamARN,
  });
}

function stageState(p: PipelineRecord, slot: StageSlot, index: number): Record<string, unknown> {
  const stage = currentDeclaration(p).stages[index]!;
  const mode = currentDeclaration(p).executionMode ?? 'SUPERSEDED';
  const latestRun = slot.latest?.stages.get(slot.name);
  const waiting = slot.waiting.map((e) => ({ pipelineExecutionId: e.id, status: 'InProgress' }));
  return defined({
    stageName: slot.name,
    inboundExecution: mode === 'SUPERSEDED' ? waiting[0] : undefined,
    inboundExecutions: mode !== 'SUPERSEDED' && waiting.length ? waiting : undefined,
    inboundTransitionState: index === 0 ? undefined : defined({
      enabled: slot.inbound.enabled,
      lastChangedBy: slot.inbound.lastChangedBy,
      lastChangedAt: slot.inbound.lastChangedAt !== undefined ? seconds(slot.inbound.lastChangedAt) : undefined,
      disabledReason: slot.inbound.disabledReason,
    }),
    actionStates: stage.actions.map((a) => {
      const region = a.region ?? p.region;
      const latest = slot.actionLatest.get(a.name);
      const revision = slot.currentRevision.get(a.name);
      return defined({
        actionName: a.name,
        currentRevision: revision ? { revisionId: revision.revisionId, revisionChangeId: revision.revisionChangeId, created: seconds(revision.created) } : undefined,
        latestExecution: latest ? actionExecutionWire(latest) : undefined,
        entityUrl: entityUrl(a, region),
        revisionUrl: revision ? latest?.externalExecutionUrl : undefined,
      });
    }),
    latestExecution: slot.latest && latestRun ? { pipelineExecutionId: slot.latest.id, status: latestRun.status, type: slot.latest.executionType } : undefined,
    ...Object.fromEntries(CONDITION_KEYS.map(([type, key, member]) => [member, conditionStateWire(stage, key, slot.conditionLatest.get(type), p.region)])),
    retryStageMetadata: slot.manualRetryAttempt !== undefined && slot.manualRetryAttempt > 0
      ? { manualStageRetryAttempt: slot.manualRetryAttempt, latestRetryTrigger: 'ManualStageRetry' }
      : undefined,
  });
}

export function pipelineState(p: PipelineRecord): Record<string, unknown> {
  return {
    pipelineName: p.name,
    pipelineVersion: p.versions.length,
    stageStates: p.stages.map((slot, i) => stageState(p, slot, i)),
    created: seconds(p.created),
    updated: seconds(p.updated),
  };
}

export function executionSummary(e: ExecutionRecord): Record<string, unknown> {
  return defined({
    pipelineExecutionId: e.id,
    status: e.status,
    statusSummary: e.statusSummary,
    startTime: seconds(e.startTime),
    lastUpdateTime: seconds(e.lastUpdateTime),
    sourceRevisions: e.sourceRevisions.map((r) => defined({
      actionName: r.actionName, revisionId: r.revisionId, revisionSummary: r.revisionSummary, revisionUrl: r.revisionUrl,
    })),
    trigger: e.trigger,
    stopTrigger: e.stopTrigger,
    executionMode: e.executionMode,
    executionType: e.executionType,
    rollbackMetadata: e.rollback ? { rollbackTargetPipelineExecutionId: e.rollback.targetExecutionId } : undefined,
  });
}

export function pipelineExecution(p: PipelineRecord, e: ExecutionRecord): Record<string, unknown> {
  return defined({
    pipelineName: p.name,
    pipelineVersion: e.pipelineVersion,
    pipelineExecutionId: e.id,
    status: e.status,
    statusSummary: e.statusSummary,
    artifactRevisions: e.sourceRevisions.map((r) => defined({
      name: r.artifactName, revisionId: r.revisionId, revisionSummary: r.revisionSummary, created: seconds(r.created), revisionUrl: r.revisionUrl,
    })),
    variables: e.variables,
    trigger: e.trigger,
    executionMode: e.executionMode,
    executionType: e.executionType,
    rollbackMetadata: e.rollback ? { rollbackTargetPipelineExecutionId: e.rollback.targetExecutionId } : undefined,
  });
}

export function actionExecutionDetail(r: ActionExecutionRecord): Record<string, unknown> {
  const d = r.declaration;
  return defined({
    pipelineExecutionId: r.pipelineExecutionId,
    actionExecutionId: r.actionExecutionId,
    pipelineVersion: r.pipelineVersion,
    stageName: r.stageName,
    actionName: r.actionName,
    startTime: seconds(r.startTime),
    lastUpdateTime: seconds(r.lastUpdateTime),
    updatedBy: r.updatedBy,
    status: r.status,
    input: defined({
      actionTypeId: d.actionTypeId,
      configuration: d.configuration ?? {},
      resolvedConfiguration: r.resolvedConfiguration,
      roleArn: d.roleArn,
      region: r.region,
      inputArtifacts: r.inputArtifacts,
      namespace: d.namespace,
    }),
    output: defined({
      outputArtifacts: r.status === 'Succeeded' ? r.outputArtifacts : [],
      executionResult: r.status === 'InProgress' && !r.externalExecutionId ? undefined : defined({
        externalExecutionId: r.externalExecutionId,
        externalExecutionSummary: r.externalExecutionSummary ?? r.summary,
        externalExecutionUrl: r.externalExecutionUrl,
        errorDetails: r.errorDetails,
        logStreamARN: r.logStreamARN,
      }),
      outputVariables: r.outputVariables,
    }),
  });
}
