// OverrideStageCondition and RollbackStage (V2 stage conditions and rollbacks).
import type { EmuRequest } from '../../../core/contract';
import { principalArn } from '../../../core/credentials';
import { validateInput } from '../../../core/validate';
import { overrideStageConditionRules, rollbackStageRules } from '../rules';
import type { PipelinesWorld } from '../world';

export function overrideStageCondition(world: PipelinesWorld) {
  return (input: Record<string, unknown>, req: EmuRequest): unknown => {
    validateInput(overrideStageConditionRules, input);
    const store = world.region(req.accountId, req.region);
    const p = store.require(input.pipelineName as string);
    store.engine.overrideCondition(p, input.stageName as string, input.pipelineExecutionId as string,
      input.conditionType as 'BEFORE_ENTRY' | 'ON_SUCCESS', principalArn(req.principal, req.accountId));
    return {};
  };
}

export function rollbackStage(world: PipelinesWorld) {
  return (input: Record<string, unknown>, req: EmuRequest): unknown => {
    validateInput(rollbackStageRules, input);
    const store = world.region(req.accountId, req.region);
    const p = store.require(input.pipelineName as string);
    const exec = store.engine.rollback(p, input.stageName as string, input.targetPipelineExecutionId as string, principalArn(req.principal, req.accountId));
    return { pipelineExecutionId: exec.id };
  };
}
