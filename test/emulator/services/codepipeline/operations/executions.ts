// ListPipelineExecutions, GetPipelineExecution, StartPipelineExecution, StopPipelineExecution.
import type { EmuRequest } from '../../../core/contract';
import { principalArn } from '../../../core/credentials';
import { decodePageToken, encodePageToken } from '../../../core/page-token';
import { validateInput } from '../../../core/validate';
import { error, executionNotFound, invalidNextToken } from '../errors';
import type { ExecutionRecord } from '../model/records';
import {
  getPipelineExecutionRules, listPipelineExecutionsRules, startPipelineExecutionRules, stopPipelineExecutionRules,
} from '../rules';
import { executionSummary, pipelineExecution } from '../wire';
import type { PipelinesWorld } from '../world';

const DEFAULT_PAGE = 100;

export function listPipelineExecutions(world: PipelinesWorld) {
  return (input: Record<string, unknown>, req: EmuRequest): unknown => {
    validateInput(listPipelineExecutionsRules, input);
    const p = world.region(req.accountId, req.region).require(input.pipelineName as string);
    const stage = (input.filter as { succeededInStage?: { stageName?: string } } | undefined)?.succeededInStage?.stageName;
    const scope = `ListPipelineExecutions:${p.arn}:${stage ?? ''}`;
    let from = p.executions.length - 1;
    if (input.nextToken !== undefined) {
      const seq = decodePageToken(scope, input.nextToken as string);
      if (typeof seq !== 'number') throw invalidNextToken();
      from = seq - 1;
    }
    const keep = (e: ExecutionRecord): boolean => !stage || e.stages.get(stage)?.status === 'Succeeded';
    const max = (input.maxResults as number | undefined) ?? DEFAULT_PAGE;
    const page: ExecutionRecord[] = [];
    let more = false;
    for (let i = from; i >= 0; i--) {
      const e = p.executions[i]!;
      if (!keep(e)) continue;
      if (page.length === max) {
        more = true;
        break;
      }
      page.push(e);
    }
    return {
      pipelineExecutionSummaries: page.map(executionSummary),
      ...(more ? { nextToken: encodePageToken(scope, page[page.length - 1]!.seq) } : {}),
    };
  };
}

export function getPipelineExecution(world: PipelinesWorld) {
  return (input: Record<string, unknown>, req: EmuRequest): unknown => {
    validateInput(getPipelineExecutionRules, input);
    const p = world.region(req.accountId, req.region).require(input.pipelineName as string);
    const exec = p.executionsById.get(input.pipelineExecutionId as string);
    if (!exec) throw executionNotFound(p.name, input.pipelineExecutionId as string);
    return { pipelineExecution: pipelineExecution(p, exec) };
  };
}

export function startPipelineExecution(world: PipelinesWorld) {
  return (input: Record<string, unknown>, req: EmuRequest): unknown => {
    validateInput(startPipelineExecutionRules, input);
    const store = world.region(req.accountId, req.region);
    const p = store.require(input.name as string);
    const exec = store.engine.start(p, {
      trigger: { triggerType: 'StartPipelineExecution', triggerDetail: principalArn(req.principal, req.accountId) },
      ...(input.variables ? { variables: input.variables as { name: string; value: string }[] } : {}),
      ...(input.sourceRevisions ? { sourceRevisions: input.sourceRevisions as { actionName: string; revisionType: string; revisionValue: string }[] } : {}),
      ...(input.clientRequestToken ? { clientRequestToken: input.clientRequestToken as string } : {}),
    });
    return { pipelineExecutionId: exec.id };
  };
}

export function stopPipelineExecution(world: PipelinesWorld) {
  return (input: Record<string, unknown>, req: EmuRequest): unknown => {
    validateInput(stopPipelineExecutionRules, input);
    const store = world.region(req.accountId, req.region);
    const p = store.require(input.pipelineName as string);
    const id = input.pipelineExecutionId as string;
    const exec = p.executionsById.get(id);
    if (!exec) {
      throw error('PipelineExecutionNotStoppableException', `Pipeline execution ${id} does not exist in pipeline ${p.name} and cannot be stopped.`);
    }
    store.engine.stop(p, exec, {
      abandon: input.abandon === true,
      ...(input.reason !== undefined ? { reason: input.reason as string } : {}),
    });
    return { pipelineExecutionId: exec.id };
  };
}
