// RetryStageExecution, PutApprovalResult, EnableStageTransition, DisableStageTransition.
import type { EmuRequest } from '../../../core/contract';
import { principalArn } from '../../../core/credentials';
import { validateInput } from '../../../core/validate';
import type { RetryMode } from '../engine/run';
import {
  disableStageTransitionRules, enableStageTransitionRules, putApprovalResultRules, retryStageExecutionRules,
} from '../rules';
import { seconds } from '../wire';
import type { PipelinesWorld } from '../world';

export function retryStageExecution(world: PipelinesWorld) {
  return (input: Record<string, unknown>, req: EmuRequest): unknown => {
    validateInput(retryStageExecutionRules, input);
    const store = world.region(req.accountId, req.region);
    const p = store.require(input.pipelineName as string);
    const id = input.pipelineExecutionId as string;
    store.engine.retry(p, p.executionsById.get(id), input.stageName as string, input.retryMode as RetryMode);
    return { pipelineExecutionId: id };
  };
}

export function putApprovalResult(world: PipelinesWorld) {
  return (input: Record<string, unknown>, req: EmuRequest): unknown => {
    validateInput(putApprovalResultRules, input);
    const store = world.region(req.accountId, req.region);
    const p = store.require(input.pipelineName as string);
    const result = input.result as { summary: string; status: 'Approved' | 'Rejected' };
    const at = store.engine.approve(p, input.stageName as string, input.actionName as string, input.token as string, result,
      principalArn(req.principal, req.accountId));
    return { approvedAt: seconds(at) };
  };
}

export function enableStageTransition(world: PipelinesWorld) {
  return (input: Record<string, unknown>, req: EmuRequest): unknown => {
    validateInput(enableStageTransitionRules, input);
    const store = world.region(req.accountId, req.region);
    const p = store.require(input.pipelineName as string);
    store.engine.transition(p, input.stageName as string, input.transitionType as 'Inbound' | 'Outbound', true, principalArn(req.principal, req.accountId));
    return {};
  };
}

export function disableStageTransition(world: PipelinesWorld) {
  return (input: Record<string, unknown>, req: EmuRequest): unknown => {
    validateInput(disableStageTransitionRules, input);
    const store = world.region(req.accountId, req.region);
    const p = store.require(input.pipelineName as string);
    store.engine.transition(p, input.stageName as string, input.transitionType as 'Inbound' | 'Outbound', false,
      principalArn(req.principal, req.accountId), input.reason as string);
    return {};
  };
}
