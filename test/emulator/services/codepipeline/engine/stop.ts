// StopPipelineExecution: "stop and wait" lets in-progress actions finish (status Stopping, then
// Stopped); "stop and abandon" abandons them at once. Manual approvals cannot finish on their own, so
// a stop abandons them either way. An execution waiting at a transition stops immediately.
import { error } from '../errors';
import { currentDeclaration, type ExecutionRecord, type PipelineRecord } from '../model/records';
import type { Engine } from './engine';
import { finishExecution, finishStage } from './run';

function abandonInProgress(exec: ExecutionRecord, stageName: string, onlyApprovals: boolean): void {
  const run = exec.stages.get(stageName);
  if (!run) return;
  // Conditions being evaluated cannot finish on their own terms once the execution stops.
  for (const evaluation of [...run.conditions.values()]) evaluation.settle?.(onlyApprovals ? 'Cancelled' : 'Abandoned');
  for (const record of [...run.actions.values()]) {
    if (record.status !== 'InProgress') continue;
    if (onlyApprovals && record.declaration.actionTypeId.category !== 'Approval') continue;
    const abort = record.abort;
    record.settle?.('Abandoned');
    abort?.();
  }
}

export function stopExecution(engine: Engine, p: PipelineRecord, exec: ExecutionRecord, options: { abandon: boolean; reason?: string }): void {
  if (exec.status === 'Stopping' && !options.abandon) {
    throw error('DuplicatedStopRequestException', `Pipeline execution ${exec.id} is already being stopped. Use abandon to stop it immediately.`);
  }
  if (exec.status !== 'InProgress' && exec.status !== 'Stopping') {
    throw error('PipelineExecutionNotStoppableException', `Pipeline execution ${exec.id} has status ${exec.status} and cannot be stopped.`);
  }
  exec.stopTrigger = options.reason !== undefined ? { reason: options.reason } : {};
  if (exec.position === 'waiting') {
    const slot = p.stages[exec.stageIndex]!;
    slot.waiting = slot.waiting.filter((e) => e !== exec);
    finishExecution(engine, p, exec, 'Stopped');
    return;
  }
  const idx = exec.stageIndex;
  const stageName = currentDeclaration(p).stages[idx]!.name;
  exec.stopping = { abandon: options.abandon };
  exec.status = 'Stopping';
  const run = exec.stages.get(stageName);
  if (run) run.status = 'Stopping';
  exec.lastUpdateTime = engine.clock.now();
  abandonInProgress(exec, stageName, !options.abandon);
  if (options.abandon && exec.position === 'running') finishStage(engine, p, exec, idx, 'Stopped');
}
