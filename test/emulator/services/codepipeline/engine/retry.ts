// RetryStageExecution: only the stage's latest execution, only when that stage failed or was stopped.
import { conflict, error, stageNotFound } from '../errors';
import { currentDeclaration, type ExecutionRecord, type PipelineRecord } from '../model/records';
import type { Engine } from './engine';
import { enterStage, modeOf, type RetryMode } from './run';

export function retryStage(engine: Engine, p: PipelineRecord, exec: ExecutionRecord | undefined, stageName: string, mode: RetryMode): void {
  const idx = p.stages.findIndex((s) => s.name === stageName);
  if (idx < 0) throw stageNotFound(p.name, stageName);
  const slot = p.stages[idx]!;
  if (!exec || slot.latest !== exec) {
    throw error('NotLatestPipelineExecutionException', `Pipeline execution ${exec?.id ?? 'given'} is not the latest execution of stage ${stageName}; the stage has run in a later execution.`);
  }
  const run = exec.stages.get(stageName);
  const retryable = run && (run.status === 'Failed' || run.status === 'Stopped') && exec.position === 'done' &&
    (exec.status === 'Failed' || exec.status === 'Stopped');
  const stage = currentDeclaration(p).stages[idx]!;
  const hasWork = mode === 'ALL_ACTIONS' || stage.actions.some((a) => run?.actions.get(a.name)?.status !== 'Succeeded');
  if (!retryable || !hasWork) {
    throw error('StageNotRetryableException', `Stage ${stageName} of pipeline execution ${exec.id} cannot be retried: it has status ${run?.status ?? 'not run'}.`);
  }
  if (modeOf(p) !== 'PARALLEL' && slot.occupants.size > 0) {
    throw conflict(`Stage ${stageName} is busy with another execution. Try again later.`);
  }
  delete exec.stopTrigger;
  enterStage(engine, p, exec, idx, mode);
}
