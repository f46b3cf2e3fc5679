// CodePipeline (awsJson1_1, `X-Amz-Target: CodePipeline_20150709.<Operation>`, signing name `codepipeline`).
import type { ServiceRegistry } from '../../core/contract';
import { codepipelineAdminRoute } from './admin-routes';
import { listActionExecutions, listRuleExecutions } from './operations/action-executions';
import { overrideStageCondition, rollbackStage } from './operations/conditions';
import { getPipelineExecution, listPipelineExecutions, startPipelineExecution, stopPipelineExecution } from './operations/executions';
import { getPipeline, getPipelineState, listPipelines } from './operations/pipelines';
import { disableStageTransition, enableStageTransition, putApprovalResult, retryStageExecution } from './operations/stages';
import type { PipelinesWorld } from './world';

export { PipelinesWorld } from './world';
export type { PipelinesRegion, CreatePipelineOptions } from './store';
export type { PipelineDeclaration, StageDeclaration, ActionDeclaration } from './model/declaration';
export type { PipelineRecord, ExecutionRecord, ActionExecutionRecord, ActionBehaviour, Outcome } from './model/records';
export type { SourceRepository, Commit } from './model/source-repo';
export type { GitEvent } from './engine/git-events';

export function registerCodePipeline(registry: ServiceRegistry, world: PipelinesWorld): void {
  registry.json('CodePipeline_20150709', 'codepipeline', {
    ListPipelines: listPipelines(world),
    GetPipeline: getPipeline(world),
    GetPipelineState: getPipelineState(world),
    ListPipelineExecutions: listPipelineExecutions(world),
    GetPipelineExecution: getPipelineExecution(world),
    ListActionExecutions: listActionExecutions(world),
    StartPipelineExecution: startPipelineExecution(world),
    StopPipelineExecution: stopPipelineExecution(world),
    RetryStageExecution: retryStageExecution(world),
    PutApprovalResult: putApprovalResult(world),
    EnableStageTransition: enableStageTransition(world),
    DisableStageTransition: disableStageTransition(world),
    ListRuleExecutions: listRuleExecutions(world),
    OverrideStageCondition: overrideStageCondition(world),
    RollbackStage: rollbackStage(world),
  });
  registry.raw(codepipelineAdminRoute(world));
}
