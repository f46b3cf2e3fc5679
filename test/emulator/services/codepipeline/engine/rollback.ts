// Rollbacks (V2): a rollback execution (executionType ROLLBACK) runs one stage again with the source
// revisions, artifacts and variables of an earlier execution that succeeded in that stage.
// RollbackStage starts one by hand (trigger ManualRollback); a failed stage whose onFailure result
// (or a failed onSuccess condition) is ROLLBACK starts one itself (AutomatedRollback), targeting the
// latest execution that succeeded in the stage on the current pipeline version.
import { conflict, error, executionNotFound, stageNotFound } from '../errors';
import { currentDeclaration, type ExecutionRecord, type PipelineRecord } from '../model/records';
import type { Engine } from './engine';
import { requestStage } from './run';
import { newExecution } from './start';

const unable = (message: string): Error => error('UnableToRollbackStageException', message);

/** The latest execution that succeeded in stage `idx` on the current pipeline version. */
export function rollbackTarget(p: PipelineRecord, idx: number): ExecutionRecord | undefined {
  const name = currentDeclaration(p).stages[idx]!.name;
  for (let i = p.executions.length - 1; i >= 0; i--) {
    const e = p.executions[i]!;
    if (e.pipelineVersion !== p.versions.length) continue;
    if (e.stages.get(name)?.status === 'Succeeded') return e;
  }
  return undefined;
}

export function startRollback(engine: Engine, p: PipelineRecord, idx: number, target: ExecutionRecord,
  trigger: { triggerType: 'ManualRollback' | 'AutomatedRollback'; triggerDetail: string }): ExecutionRecord {
  const exec = newExecution(engine, p, {
    trigger,
    variables: target.variables.map((v) => ({ ...v })),
    sourceRevisions: target.sourceRevisions.map((r) => ({ ...r })),
    stageIndex: idx,
    namespaces: new Map(target.namespaces),
    artifacts: new Map(target.artifacts),
    executionType: 'ROLLBACK',
    rollback: { targetExecutionId: target.id, stageIndex: idx },
  });
  requestStage(engine, p, exec, idx);
  return exec;
}

/** After `failed` failed stage `idx` with a ROLLBACK result; nothing happens when there is no target. */
export function startAutomatedRollback(engine: Engine, p: PipelineRecord, failed: ExecutionRecord, idx: number): ExecutionRecord | undefined {
  const target = rollbackTarget(p, idx);
  if (!target) return undefined;
  return startRollback(engine, p, idx, target, { triggerType: 'AutomatedRollback', triggerDetail: failed.id });
}

/** RollbackStage: checks what CodePipeline checks, then starts the rollback execution. */
export function rollbackStage(engine: Engine, p: PipelineRecord, stageName: string, targetId: string, by: string): ExecutionRecord {
  const idx = p.stages.findIndex((s) => s.name === stageName);
  if (idx < 0) throw stageNotFound(p.name, stageName);
  const decl = currentDeclaration(p);
  if ((decl.pipelineType ?? 'V1') !== 'V2') throw unable(`Pipeline ${p.name} is of type V1; rollback needs a V2 pipeline.`);
  if (idx === 0) throw unable(`Stage ${stageName} is the source stage of pipeline ${p.name} and cannot be rolled back.`);
  const target = p.executionsById.get(targetId);
  if (!target) throw executionNotFound(p.name, targetId);
  const slot = p.stages[idx]!;
  if (target.pipelineVersion !== p.versions.length) {
    throw error('PipelineExecutionOutdatedException', `Pipeline execution ${targetId} ran on version ${target.pipelineVersion} of pipeline ${p.name}, which is now at version ${p.versions.length}.`);
  }
  if (target.stages.get(stageName)?.status !== 'Succeeded') {
    throw unable(`Pipeline execution ${targetId} did not succeed in stage ${stageName}, so it cannot be the rollback target.`);
  }
  if (slot.occupants.size > 0 || slot.waiting.length > 0) {
    throw conflict(`Stage ${stageName} of pipeline ${p.name} is in progress. Try again once it has finished.`);
  }
  if (slot.latest === target) throw unable(`Pipeline execution ${targetId} is already the latest execution of stage ${stageName}.`);
  return startRollback(engine, p, idx, target, { triggerType: 'ManualRollback', triggerDetail: by });
}
