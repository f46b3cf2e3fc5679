// OverrideStageCondition: an entry (BEFORE_ENTRY) or success (ON_SUCCESS) condition of the stage's
// latest execution is overridden. One being evaluated stops evaluating and lets the execution on;
// one that failed with result FAIL (the execution is blocked there) lets the failed execution
// continue from that point: into the stage's actions, or on to the next stage.
import { conflict, error, stageNotFound, validation } from '../errors';
import type { ConditionType } from '../model/conditions';
import type { PipelineRecord } from '../model/records';
import type { Engine } from './engine';
import { finishStage, modeOf, startActions } from './run';

const CONCURRENCY_LIMIT = 50;

const notOverridable = (message: string): Error => error('ConditionNotOverridableException', message);

export function overrideStageCondition(engine: Engine, p: PipelineRecord, stageName: string, executionId: string,
  type: Extract<ConditionType, 'BEFORE_ENTRY' | 'ON_SUCCESS'>, by: string): void {
  const idx = p.stages.findIndex((s) => s.name === stageName);
  if (idx < 0) throw stageNotFound(p.name, stageName);
  const exec = p.executionsById.get(executionId);
  if (!exec) throw validation(`Pipeline execution ${executionId} does not exist in pipeline ${p.name}.`);
  const slot = p.stages[idx]!;
  if (slot.latest !== exec) {
    throw error('NotLatestPipelineExecutionException', `Pipeline execution ${executionId} is not the latest execution of stage ${stageName}.`);
  }
  const run = exec.stages.get(stageName);
  const evaluation = run?.conditions.get(type);
  const kind = type === 'BEFORE_ENTRY' ? 'entry' : 'success';
  if (!run || !evaluation) throw notOverridable(`Stage ${stageName} has no ${kind} condition evaluation in pipeline execution ${executionId}.`);
  if (evaluation.status === 'InProgress') {
    evaluation.settle?.('Overridden', by);
    return;
  }
  const blocked = evaluation.status === 'Failed' && (evaluation.failed?.declaration.result ?? 'FAIL') === 'FAIL' &&
    run.status === 'Failed' && exec.status === 'Failed' && exec.position === 'done';
  if (!blocked) {
    throw notOverridable(`The ${kind} condition of stage ${stageName} in pipeline execution ${executionId} has status ${evaluation.status} and cannot be overridden.`);
  }
  const mode = modeOf(p);
  if (mode !== 'PARALLEL' && slot.occupants.size > 0) throw conflict(`Stage ${stageName} is busy with another execution. Try again later.`);
  if (mode !== 'SUPERSEDED' && p.executions.filter((e) => e.status === 'InProgress' || e.status === 'Stopping').length >= CONCURRENCY_LIMIT) {
    throw error('ConcurrentPipelineExecutionsLimitExceededException', `The pipeline ${p.name} has reached the limit of ${CONCURRENCY_LIMIT} concurrent executions in ${mode} mode.`);
  }
  const now = engine.clock.now();
  evaluation.status = 'Overridden';
  evaluation.summary = `${type === 'BEFORE_ENTRY' ? 'Entry' : 'On success'} conditions were overridden by ${by}`;
  for (const c of evaluation.conditions) if (c.status === 'Failed') Object.assign(c, { status: 'Overridden', lastStatusChange: now });
  exec.status = 'InProgress';
  exec.position = 'running';
  exec.stageIndex = idx;
  exec.lastUpdateTime = now;
  delete exec.stopTrigger;
  slot.occupants.add(exec.id);
  run.status = 'InProgress';
  if (type === 'BEFORE_ENTRY') startActions(engine, p, exec, idx, run);
  else finishStage(engine, p, exec, idx, 'Succeeded');
}
