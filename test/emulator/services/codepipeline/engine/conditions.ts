// Evaluating a stage's conditions: every rule of every condition runs at once; a condition fails as
// soon as one of its rules fails (its other rules are abandoned), and the evaluation fails with the
// first failed condition, whose result (FAIL, SKIP, ROLLBACK, …) the caller then engages. An
// evaluation in progress can be overridden (OverrideStageCondition) or cancelled (stop).
import type { ConditionRun, ConditionType, RuleExecutionRecord, StageConditionsRun } from '../model/conditions';
import type { ConditionDeclaration, ConditionResult } from '../model/declaration';
import type { ExecutionRecord, PipelineRecord, StageRun } from '../model/records';
import type { Engine } from './engine';
import { resolveConfiguration } from './resolve';
import { startRule } from './rules/index';

export type ConditionOutcome =
  | { kind: 'passed' }
  | { kind: 'overridden' }
  | { kind: 'failed'; result: ConditionResult; condition: ConditionRun }
  | { kind: 'cancelled' };

const LABEL: Record<ConditionType, string> = { BEFORE_ENTRY: 'Entry', ON_SUCCESS: 'On success', ON_FAILURE: 'On failure' };

export function evaluateConditions(engine: Engine, p: PipelineRecord, exec: ExecutionRecord, idx: number, run: StageRun,
  type: ConditionType, declarations: ConditionDeclaration[], defaultResult: ConditionResult, done: (outcome: ConditionOutcome) => void): StageConditionsRun {
  const slot = p.stages[idx]!;
  const now = engine.clock.now();
  const evaluation: StageConditionsRun = {
    type,
    pipelineExecutionId: exec.id,
    status: 'InProgress',
    summary: `${LABEL[type]} conditions are being evaluated`,
    conditions: declarations.map((declaration) => ({ declaration, status: 'InProgress', lastStatusChange: now, rules: [] })),
  };
  run.conditions.set(type, evaluation);
  slot.conditionLatest.set(type, evaluation);

  const finish = (outcome: ConditionOutcome, status: StageConditionsRun['status']): void => {
    if (evaluation.status !== 'InProgress') return;
    evaluation.status = status;
    delete evaluation.settle;
    for (const c of evaluation.conditions) for (const r of c.rules) abandon(engine, r);
    done(outcome);
  };
  const conditionEnded = (): void => {
    const failed = evaluation.conditions.find((c) => c.status === 'Failed' || c.status === 'Errored');
    if (failed) {
      const at = engine.clock.now();
      for (const c of evaluation.conditions) if (c.status === 'InProgress') Object.assign(c, { status: 'Cancelled', lastStatusChange: at });
      const result = failed.declaration.result ?? defaultResult;
      evaluation.failed = failed;
      evaluation.summary = `${LABEL[type]} condition failed (result ${result}): ${failed.summary ?? 'a rule failed'}`;
      finish({ kind: 'failed', result, condition: failed }, 'Failed');
      return;
    }
    if (evaluation.conditions.every((c) => c.status === 'Succeeded')) {
      evaluation.summary = `${LABEL[type]} conditions succeeded`;
      finish({ kind: 'passed' }, 'Succeeded');
    }
  };
  evaluation.settle = (status, by) => {
    if (evaluation.status !== 'InProgress') return;
    const at = engine.clock.now();
    for (const c of evaluation.conditions) if (c.status === 'InProgress') Object.assign(c, { status, lastStatusChange: at });
    evaluation.summary = status === 'Overridden' ? `${LABEL[type]} conditions were overridden${by ? ` by ${by}` : ''}` : `${LABEL[type]} conditions were ${status.toLowerCase()}`;
    finish(status === 'Overridden' ? { kind: 'overridden' } : { kind: 'cancelled' }, status);
  };

  for (const condition of evaluation.conditions) {
    if (evaluation.status !== 'InProgress') break;
    const rules = condition.declaration.rules ?? [];
    if (rules.length === 0) {
      condition.status = 'Succeeded';
      continue;
    }
    for (const rule of rules) {
      if (evaluation.status !== 'InProgress' || condition.status !== 'InProgress') break;
      const region = rule.region ?? p.region;
      const record: RuleExecutionRecord = {
        ruleExecutionId: engine.random.uuid(),
        pipelineExecutionId: exec.id,
        pipelineVersion: exec.pipelineVersion,
        stageName: slot.name,
        ruleName: rule.name,
        conditionType: type,
        declaration: rule,
        region,
        startTime: now,
        lastUpdateTime: now,
        status: 'InProgress',
        resolvedConfiguration: resolveConfiguration(rule.configuration ?? {}, exec),
        inputArtifacts: (rule.inputArtifacts ?? []).flatMap((a) => exec.artifacts.get(a.name) ?? []),
      };
      p.ruleExecutions.push(record);
      condition.rules.push(record);
      startRule({
        engine, pipeline: p, exec, record,
        end: (status, patch) => {
          if (record.status !== 'InProgress' || condition.status !== 'InProgress') return;
          Object.assign(record, patch, { status, lastUpdateTime: engine.clock.now() });
          delete record.abort;
          if (status === 'Failed') {
            Object.assign(condition, { status: 'Failed', lastStatusChange: record.lastUpdateTime, summary: `Rule ${rule.name} failed: ${patch.summary ?? ''}`.trim() });
          } else if (condition.rules.length === rules.length && condition.rules.every((r) => r.status === 'Succeeded')) {
            Object.assign(condition, { status: 'Succeeded', lastStatusChange: record.lastUpdateTime, summary: 'All rules succeeded' });
          } else return;
          conditionEnded();
        },
      });
    }
  }
  if (evaluation.status === 'InProgress') conditionEnded();
  return evaluation;
}

function abandon(engine: Engine, r: RuleExecutionRecord): void {
  if (r.status !== 'InProgress') return;
  r.abort?.();
  delete r.abort;
  r.status = 'Abandoned';
  r.lastUpdateTime = engine.clock.now();
}
