// Maps SDK outputs to the plain model. Only types are imported from the SDK: this file does no I/O.
import type {
  ActionExecutionDetail,
  GetPipelineExecutionOutput,
  GetPipelineOutput,
  GetPipelineStateOutput,
  PipelineExecutionSummary,
  PipelineSummary as SdkPipelineSummary,
} from '@aws-sdk/client-codepipeline';
import { definedOnly as defined, epochMillis as ms } from '../../core/records';
import type { RuleExecutionInfo } from './conditions';
import {
  toStatus,
  type ActionExecutionInfo,
  type ExecutionDetail,
  type ExecutionSummary,
  type PipelineRuntime,
  type PipelineStructure,
  type PipelineSummary,
} from './types';
import { conditionDeclarationsFromSdk, conditionStatesFromSdk, triggersFromSdk, waitingFromSdk } from './v2-from-sdk';

export function summaryFromSdk(p: SdkPipelineSummary): PipelineSummary | undefined {
  if (!p.name) return undefined;
  return defined({
    name: p.name,
    version: p.version,
    pipelineType: p.pipelineType,
    executionMode: p.executionMode,
    created: ms(p.created),
    updated: ms(p.updated),
  });
}

export function structureFromSdk(out: GetPipelineOutput): PipelineStructure | undefined {
  const decl = out.pipeline;
  if (!decl?.name) return undefined;
  return defined({
    name: decl.name,
    version: decl.version,
    arn: out.metadata?.pipelineArn,
    pipelineType: decl.pipelineType,
    executionMode: decl.executionMode,
    triggers: triggersFromSdk(decl.triggers),
    stages: (decl.stages ?? []).map((s) => defined({
      name: s.name ?? '',
      conditions: conditionDeclarationsFromSdk(s),
      actions: (s.actions ?? []).map((a) => defined({
        name: a.name ?? '',
        category: a.actionTypeId?.category ?? '',
        owner: a.actionTypeId?.owner ?? '',
        provider: a.actionTypeId?.provider ?? '',
        version: a.actionTypeId?.version,
        runOrder: a.runOrder ?? 1,
        configuration: { ...(a.configuration ?? {}) },
        region: a.region,
      })),
    })),
    variables: (decl.variables ?? []).map((v) => defined({ name: v.name ?? '', defaultValue: v.defaultValue, description: v.description })),
  });
}

export function runtimeFromSdk(out: GetPipelineStateOutput): PipelineRuntime {
  return defined({
    version: out.pipelineVersion,
    stages: (out.stageStates ?? []).map((s) => defined({
      name: s.stageName ?? '',
      inbound: defined({
        enabled: s.inboundTransitionState?.enabled ?? true,
        disabledReason: s.inboundTransitionState?.disabledReason,
        lastChangedBy: s.inboundTransitionState?.lastChangedBy,
        lastChangedAt: ms(s.inboundTransitionState?.lastChangedAt),
      }),
      latestExecutionId: s.latestExecution?.pipelineExecutionId,
      status: s.latestExecution?.status ? toStatus(s.latestExecution.status) : undefined,
      latestExecutionType: s.latestExecution?.type === 'ROLLBACK' ? 'ROLLBACK' : undefined,
      waiting: waitingFromSdk(s),
      conditions: conditionStatesFromSdk(s),
      actions: (s.actionStates ?? []).map((a) => {
        const e = a.latestExecution;
        return defined({
          name: a.actionName ?? '',
          status: e?.status ? toStatus(e.status) : undefined,
          summary: e?.summary,
          lastStatusChange: ms(e?.lastStatusChange),
          token: e?.token,
          externalExecutionId: e?.externalExecutionId,
          externalExecutionUrl: e?.externalExecutionUrl,
          errorCode: e?.errorDetails?.code,
          errorMessage: e?.errorDetails?.message,
          logStreamArn: e?.logStreamARN,
          entityUrl: a.entityUrl,
          revisionUrl: a.revisionUrl,
          currentRevisionId: a.currentRevision?.revisionId,
          actionExecutionId: e?.actionExecutionId,
        });
      }),
    })),
  });
}

export function executionFromSdk(e: PipelineExecutionSummary): ExecutionSummary | undefined {
  if (!e.pipelineExecutionId) return undefined;
  return defined({
    id: e.pipelineExecutionId,
    status: toStatus(e.status),
    statusSummary: e.statusSummary,
    startTime: ms(e.startTime),
    lastUpdateTime: ms(e.lastUpdateTime),
    sourceRevisions: (e.sourceRevisions ?? []).map((r) => defined({
      actionName: r.actionName ?? '',
      revisionId: r.revisionId,
      revisionSummary: r.revisionSummary,
      revisionUrl: r.revisionUrl,
    })),
    triggerType: e.trigger?.triggerType,
    triggerDetail: e.trigger?.triggerDetail,
    stopReason: e.stopTrigger?.reason,
    executionMode: e.executionMode,
    executionType: e.executionType,
    rollbackTargetId: e.rollbackMetadata?.rollbackTargetPipelineExecutionId,
  });
}

export function actionExecutionFromSdk(a: ActionExecutionDetail): ActionExecutionInfo {
  const result = a.output?.executionResult;
  return defined({
    stageName: a.stageName ?? '',
    actionName: a.actionName ?? '',
    actionExecutionId: a.actionExecutionId,
    status: toStatus(a.status),
    startTime: ms(a.startTime),
    lastUpdateTime: ms(a.lastUpdateTime),
    provider: a.input?.actionTypeId?.provider,
    category: a.input?.actionTypeId?.category,
    externalExecutionId: result?.externalExecutionId,
    externalExecutionUrl: result?.externalExecutionUrl,
    summary: result?.externalExecutionSummary,
    errorMessage: result?.errorDetails?.message,
    logStreamArn: result?.logStreamARN,
    namespace: a.input?.namespace,
    outputVariables: a.output?.outputVariables && Object.keys(a.output.outputVariables).length ? { ...a.output.outputVariables } : undefined,
  });
}

export function executionDetailFromSdk(out: GetPipelineExecutionOutput, actions: ActionExecutionInfo[], rules?: RuleExecutionInfo[]): ExecutionDetail | undefined {
  const e = out.pipelineExecution;
  if (!e?.pipelineExecutionId) return undefined;
  return defined({
    pipelineName: e.pipelineName ?? '',
    id: e.pipelineExecutionId,
    status: toStatus(e.status),
    statusSummary: e.statusSummary,
    pipelineVersion: e.pipelineVersion,
    triggerType: e.trigger?.triggerType,
    triggerDetail: e.trigger?.triggerDetail,
    executionMode: e.executionMode,
    executionType: e.executionType,
    rollbackTargetId: e.rollbackMetadata?.rollbackTargetPipelineExecutionId,
    artifactRevisions: (e.artifactRevisions ?? []).map((r) => defined({
      name: r.name ?? '',
      revisionId: r.revisionId,
      revisionSummary: r.revisionSummary,
      revisionUrl: r.revisionUrl,
    })),
    variables: (e.variables ?? []).map((v) => ({ name: v.name ?? '', value: v.resolvedValue ?? '' })),
    actions,
    rules: rules?.length ? rules : undefined,
  });
}
