// What Override Stage Condition and Roll Back Stage show: the stages and targets to pick from, the
// confirmation, and CodePipeline's refusals in words that say what to do next.
import { formatAgo, formatTimestamp } from '../../core/format';
import {
  CONDITION_KIND_LABELS,
  conditionVerdict,
  overridableKinds,
  type ConditionKind,
  type StageConditionDeclarations,
  type StageConditionStates,
} from '../model/conditions';
import type { StageView } from '../model/queries';
import type { StageActionChoice } from '../model/stage-action-flow';
import type { ExecutionSummary } from '../model/types';
import { revisionLine } from './revision';
import { statusLabel, statusPhrase } from './status';
import { verdictSentence } from './conditions';

const short = (id: string): string => id.slice(0, 8);

function onlyKind(kind: ConditionKind, declared: StageConditionDeclarations | undefined, states: StageConditionStates | undefined) {
  const d = declared?.[kind];
  const s = states?.[kind];
  return conditionVerdict(d ? { [kind]: d } : undefined, s ? { [kind]: s } : undefined);
}

/** Why a kind of condition holds the stage, e.g. "Blocked by its entry condition: Alarm … is in state ALARM". */
function heldBecause(kind: ConditionKind, stage: StageView): string {
  const v = onlyKind(kind, stage.declaration?.conditions, stage.runtime?.conditions);
  return v ? verdictSentence(v) : CONDITION_KIND_LABELS[kind];
}

/** Stages with a condition OverrideStageCondition accepts now (for the stage's latest execution). */
export function overrideStageChoices(stages: readonly StageView[]): StageActionChoice[] {
  return stages.flatMap((s) => {
    const kinds = overridableKinds(s.declaration?.conditions, s.runtime?.conditions);
    if (!kinds.length || !s.runtime?.latestExecutionId) return [];
    return [{ id: s.name, label: s.name, description: kinds.map((k) => heldBecause(k, s)).join(' · '), detail: `Execution ${short(s.runtime.latestExecutionId)}` }];
  });
}

function executionLine(x: ExecutionSummary | undefined, id: string, now: number): string {
  if (!x) return `Execution ${short(id)}`;
  const rev = revisionLine(x.sourceRevisions[0]);
  const when = x.startTime !== undefined ? `started ${formatAgo(x.startTime, now)}` : '';
  return [`Execution ${short(id)}`, rev, when].filter(Boolean).join(' · ');
}

/** One choice per condition kind the stage's latest execution can have overridden; id = the kind. */
export function overrideTargetChoices(stage: StageView, execution: ExecutionSummary | undefined, now: number): StageActionChoice[] {
  const executionId = stage.runtime?.latestExecutionId;
  if (!executionId) return [];
  return overridableKinds(stage.declaration?.conditions, stage.runtime?.conditions).map((kind) => ({
    id: kind, label: CONDITION_KIND_LABELS[kind], description: heldBecause(kind, stage), detail: executionLine(execution, executionId, now),
  }));
}

/** Stages RollbackStage can take: every stage of a V2 pipeline but the first (source) one. */
export function rollbackStageChoices(stages: readonly StageView[]): StageActionChoice[] {
  return stages.slice(1).map((s) => {
    const rt = s.runtime;
    const parts = [rt?.status ? statusLabel(rt.status) : 'Not run yet', rt?.latestExecutionType === 'ROLLBACK' ? 'latest run was a rollback' : '']
      .filter(Boolean);
    return { id: s.name, label: s.name, description: parts.join(' · '), ...(rt?.latestExecutionId ? { detail: `Latest: execution ${short(rt.latestExecutionId)}` } : {}) };
  });
}

/**
 * Executions that succeeded in the stage (ListPipelineExecutions' succeededInStage filter: the
 * execution itself may have failed in a later stage), newest first, with their source revision and
 * time; the stage's latest execution is left out (CodePipeline refuses it as a target).
 */
export function rollbackTargetChoices(executions: readonly ExecutionSummary[], latestInStage: string | undefined, now: number): StageActionChoice[] {
  return [...executions]
    .filter((x) => x.id !== latestInStage)
    .sort((a, b) => (b.startTime ?? 0) - (a.startTime ?? 0))
    .map((x) => {
      const when = x.startTime ?? x.lastUpdateTime;
      return {
        id: x.id,
        label: revisionLine(x.sourceRevisions[0]) ?? `Execution ${short(x.id)}`,
        description: [when !== undefined ? formatAgo(when, now) : '', x.executionType === 'ROLLBACK' ? 'a rollback' : '',
          x.status !== 'Succeeded' ? `then ${statusPhrase(x.status)} in a later stage` : ''].filter(Boolean).join(' · '),
        detail: [`Execution ${short(x.id)}`, when !== undefined ? `started ${formatTimestamp(when)}` : ''].filter(Boolean).join(' · '),
      };
    });
}

interface Confirmation {
  message: string;
  detail: string;
  action: string;
}

export function overrideConfirmation(pipeline: string, stage: StageView, kind: ConditionKind): Confirmation {
  const executionId = stage.runtime?.latestExecutionId ?? '';
  const after = kind === 'beforeEntry' ? `into the actions of ${stage.name}` : 'to the next stage';
  return {
    message: `Override the ${CONDITION_KIND_LABELS[kind].toLowerCase().replace(/s$/, '')} of ${stage.name} in ${pipeline}?`,
    detail: `${heldBecause(kind, stage)}. Execution ${short(executionId)} goes on ${after} as if the condition had passed. `
      + 'CodePipeline records who overrode it.',
    action: 'Override',
  };
}

export function rollbackConfirmation(pipeline: string, stage: string, target: StageActionChoice): Confirmation {
  return {
    message: `Roll back ${stage} of ${pipeline} to execution ${short(target.id)}?`,
    detail: `A rollback execution runs ${stage} again with the source revisions, artifacts and variables of that execution (${target.label}). `
      + 'Later stages are not run.',
    action: 'Roll Back',
  };
}

interface StageActionFailure {
  operation: 'OverrideStageCondition' | 'RollbackStage';
  pipeline: string;
  stage: string;
  executionId: string;
  kind?: ConditionKind;
}

function errorName(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const name = (error as { name?: unknown }).name;
  return typeof name === 'string' ? name : undefined;
}

function errorMessage(error: unknown): string {
  const message = typeof error === 'object' && error !== null ? (error as { message?: unknown }).message : undefined;
  return typeof message === 'string' && message ? message.replace(/\.?$/, '.') : '';
}

/**
 * CodePipeline's refusals of these two calls, with the next step; undefined for every other error
 * (credentials, throttling, network…), which the generic AWS error report explains.
 */
export function stageActionError(error: unknown, f: StageActionFailure): string | undefined {
  const said = errorMessage(error);
  const x = short(f.executionId);
  const what = f.kind ? `the ${CONDITION_KIND_LABELS[f.kind].toLowerCase().replace(/s$/, '')}` : 'the condition';
  switch (errorName(error)) {
    case 'ConditionNotOverridableException':
      return `CodePipeline cannot override ${what} of ${f.stage} now: ${said} Only a condition being evaluated, or one that failed `
        + `with result FAIL and holds the stage's latest execution, can be overridden. The view shows the stage as it is now.`;
    case 'NotLatestPipelineExecutionException':
      return `Execution ${x} is no longer the latest in ${f.stage} of ${f.pipeline}: ${said} Override the condition of the execution `
        + 'that is in the stage now, if it is held.';
    case 'UnableToRollbackStageException':
      return `CodePipeline cannot roll ${f.stage} of ${f.pipeline} back to execution ${x}: ${said} Choose another execution that `
        + `succeeded in ${f.stage}, or run Roll Back Stage again once the stage has finished.`;
    case 'PipelineExecutionOutdatedException':
      return `Execution ${x} ran on an earlier version of ${f.pipeline}: ${said} A rollback target must have run on the current `
        + 'version; choose an execution that ran since the pipeline was last edited.';
    case 'ConflictException':
      return `${f.stage} of ${f.pipeline} is busy with another execution (${said.replace(/\.$/, '')}). Retry once it has finished.`;
    case 'ConcurrentPipelineExecutionsLimitExceededException':
      return `${f.pipeline} has as many executions in flight as CodePipeline allows: ${said} Wait for some to finish, or stop one, then try again.`;
    default:
      return undefined;
  }
}
