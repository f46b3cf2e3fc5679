// The CodePipeline calls the explorer makes, over a real SDK client. Every call takes an optional
// AbortSignal so a disposed explorer never leaves requests running.
import {
  DisableStageTransitionCommand,
  EnableStageTransitionCommand,
  GetPipelineCommand,
  GetPipelineExecutionCommand,
  GetPipelineStateCommand,
  ListPipelineExecutionsCommand,
  OverrideStageConditionCommand,
  paginateListActionExecutions,
  paginateListPipelines,
  paginateListRuleExecutions,
  PutApprovalResultCommand,
  RetryStageExecutionCommand,
  RollbackStageCommand,
  StartPipelineExecutionCommand,
  StopPipelineExecutionCommand,
  type CodePipelineClient,
  type SourceRevisionType,
} from '@aws-sdk/client-codepipeline';
import { collectPages } from '../../aws/paging';
import {
  actionExecutionFromSdk,
  executionDetailFromSdk,
  executionFromSdk,
  runtimeFromSdk,
  structureFromSdk,
  summaryFromSdk,
} from './from-sdk';
import type { RuleExecutionInfo } from './conditions';
import { ruleExecutionFromSdk } from './v2-from-sdk';
import type {
  ActionExecutionInfo,
  ExecutionDetail,
  ExecutionSummary,
  PipelineRuntime,
  PipelineStructure,
  PipelineSummary,
} from './types';

/** ListPipelines accepts 1–1000 per page; fewer round trips matter for accounts with thousands. */
export const LIST_PAGE_SIZE = 1000;

export interface StartOptions {
  variables?: { name: string; value: string }[];
  sourceRevisions?: { actionName: string; revisionType: SourceRevisionType; revisionValue: string }[];
  clientRequestToken?: string;
}

export interface PipelineApi {
  listPipelines(signal?: AbortSignal): Promise<PipelineSummary[]>;
  getStructure(name: string, signal?: AbortSignal): Promise<PipelineStructure | undefined>;
  getRuntime(name: string, signal?: AbortSignal): Promise<PipelineRuntime>;
  listExecutions(name: string, maxResults: number, nextToken?: string, signal?: AbortSignal): Promise<{ items: ExecutionSummary[]; nextToken?: string }>;
  /** `withRules`: also the rule evaluations (V2 pipelines whose stages declare conditions). */
  getExecution(name: string, executionId: string, signal?: AbortSignal, withRules?: boolean): Promise<ExecutionDetail | undefined>;
  start(name: string, options: StartOptions): Promise<string | undefined>;
  stop(name: string, executionId: string, abandon: boolean, reason: string): Promise<void>;
  retryStage(name: string, stageName: string, executionId: string, mode: 'FAILED_ACTIONS' | 'ALL_ACTIONS'): Promise<string | undefined>;
  putApproval(name: string, stageName: string, actionName: string, token: string, status: 'Approved' | 'Rejected', summary: string): Promise<void>;
  setTransition(name: string, stageName: string, enabled: boolean, reason: string): Promise<void>;
  /** V2: executions that succeeded in a stage, newest first (the targets RollbackStage accepts). */
  listSucceededInStage(name: string, stageName: string, maxResults: number, signal?: AbortSignal): Promise<ExecutionSummary[]>;
  /** V2: every rule evaluation of an execution (all pages). */
  listRuleExecutions(name: string, executionId: string, signal?: AbortSignal): Promise<RuleExecutionInfo[]>;
  overrideCondition(name: string, stageName: string, executionId: string, conditionType: 'BEFORE_ENTRY' | 'ON_SUCCESS'): Promise<void>;
  /** Starts a rollback execution of the stage to the target's revisions; resolves to its id. */
  rollbackStage(name: string, stageName: string, targetExecutionId: string): Promise<string | undefined>;
}

export function createPipelineApi(client: CodePipelineClient): PipelineApi {
  const opts = (signal?: AbortSignal): { abortSignal?: AbortSignal } => (signal ? { abortSignal: signal } : {});
  return {
    async listPipelines(signal) {
      const pages = paginateListPipelines({ client, pageSize: LIST_PAGE_SIZE, stopOnSameToken: true }, {}, opts(signal));
      return collectPages(pages, (page) => (page.pipelines ?? []).map(summaryFromSdk).filter((p): p is PipelineSummary => p !== undefined));
    },
    async getStructure(name, signal) {
      return structureFromSdk(await client.send(new GetPipelineCommand({ name }), opts(signal)));
    },
    async getRuntime(name, signal) {
      return runtimeFromSdk(await client.send(new GetPipelineStateCommand({ name }), opts(signal)));
    },
    async listExecutions(name, maxResults, nextToken, signal) {
      const out = await client.send(new ListPipelineExecutionsCommand({
        pipelineName: name, maxResults, ...(nextToken ? { nextToken } : {}),
      }), opts(signal));
      const items = (out.pipelineExecutionSummaries ?? []).map(executionFromSdk).filter((e): e is ExecutionSummary => e !== undefined);
      return out.nextToken ? { items, nextToken: out.nextToken } : { items };
    },
    async getExecution(name, executionId, signal, withRules = false) {
      const [execution, actions, rules] = await Promise.all([
        client.send(new GetPipelineExecutionCommand({ pipelineName: name, pipelineExecutionId: executionId }), opts(signal)),
        listAllActionExecutions(client, name, executionId, signal),
        withRules ? listAllRuleExecutions(client, name, executionId, signal) : Promise.resolve([]),
      ]);
      return executionDetailFromSdk(execution, actions, rules);
    },
    async start(name, options) {
      const out = await client.send(new StartPipelineExecutionCommand({
        name,
        ...(options.variables?.length ? { variables: options.variables } : {}),
        ...(options.sourceRevisions?.length ? { sourceRevisions: options.sourceRevisions } : {}),
        ...(options.clientRequestToken ? { clientRequestToken: options.clientRequestToken } : {}),
      }));
      return out.pipelineExecutionId;
    },
    async stop(name, executionId, abandon, reason) {
      await client.send(new StopPipelineExecutionCommand({
        pipelineName: name, pipelineExecutionId: executionId, abandon, ...(reason ? { reason } : {}),
      }));
    },
    async retryStage(name, stageName, executionId, mode) {
      const out = await client.send(new RetryStageExecutionCommand({
        pipelineName: name, stageName, pipelineExecutionId: executionId, retryMode: mode,
      }));
      return out.pipelineExecutionId;
    },
    async putApproval(name, stageName, actionName, token, status, summary) {
      await client.send(new PutApprovalResultCommand({
        pipelineName: name, stageName, actionName, token, result: { status, summary },
      }));
    },
    async listSucceededInStage(name, stageName, maxResults, signal) {
      const out = await client.send(new ListPipelineExecutionsCommand({
        pipelineName: name, maxResults, filter: { succeededInStage: { stageName } },
      }), opts(signal));
      return (out.pipelineExecutionSummaries ?? []).map(executionFromSdk).filter((e): e is ExecutionSummary => e !== undefined);
    },
    listRuleExecutions(name, executionId, signal) {
      return listAllRuleExecutions(client, name, executionId, signal);
    },
    async overrideCondition(name, stageName, executionId, conditionType) {
      await client.send(new OverrideStageConditionCommand({ pipelineName: name, stageName, pipelineExecutionId: executionId, conditionType }));
    },
    async rollbackStage(name, stageName, targetExecutionId) {
      const out = await client.send(new RollbackStageCommand({ pipelineName: name, stageName, targetPipelineExecutionId: targetExecutionId }));
      return out.pipelineExecutionId;
    },
    async setTransition(name, stageName, enabled, reason) {
      if (enabled) {
        await client.send(new EnableStageTransitionCommand({ pipelineName: name, stageName, transitionType: 'Inbound' }));
      } else {
        await client.send(new DisableStageTransitionCommand({ pipelineName: name, stageName, transitionType: 'Inbound', reason }));
      }
    },
  };
}

async function listAllActionExecutions(client: CodePipelineClient, name: string, executionId: string, signal?: AbortSignal): Promise<ActionExecutionInfo[]> {
  const pages = paginateListActionExecutions({ client, pageSize: 100, stopOnSameToken: true },
    { pipelineName: name, filter: { pipelineExecutionId: executionId } }, signal ? { abortSignal: signal } : {});
  return collectPages(pages, (page) => (page.actionExecutionDetails ?? []).map(actionExecutionFromSdk));
}

async function listAllRuleExecutions(client: CodePipelineClient, name: string, executionId: string, signal?: AbortSignal): Promise<RuleExecutionInfo[]> {
  const pages = paginateListRuleExecutions({ client, pageSize: 100, stopOnSameToken: true },
    { pipelineName: name, filter: { pipelineExecutionId: executionId } }, signal ? { abortSignal: signal } : {});
  return collectPages(pages, (page) => (page.ruleExecutionDetails ?? []).map(ruleExecutionFromSdk));
}
