// Questions the views and commands ask of a pipeline's declaration + runtime state.
import {
  isActive,
  type ActionDeclaration,
  type ActionRuntime,
  type ExecutionStatus,
  type ExecutionSummary,
  type PipelineRuntime,
  type PipelineStructure,
  type StageDeclaration,
  type StageRuntime,
} from './types';

export interface PendingApproval {
  stageName: string;
  actionName: string;
  token: string;
  summary?: string;
  /** For notifications: the run the approval belongs to. */
  executionId?: string;
}

/** Manual approvals waiting for someone: InProgress with a token (only approvals carry one). */
export function pendingApprovals(runtime: PipelineRuntime | undefined): PendingApproval[] {
  const out: PendingApproval[] = [];
  for (const stage of runtime?.stages ?? []) {
    for (const action of stage.actions) {
      if (action.status === 'InProgress' && action.token) {
        out.push({
          stageName: stage.name, actionName: action.name, token: action.token,
          ...(action.summary ? { summary: action.summary } : {}),
          ...(stage.latestExecutionId ? { executionId: stage.latestExecutionId } : {}),
        });
      }
    }
  }
  return out;
}

/** A stage as the tree shows it: declaration order and providers, with the runtime status on top. */
export interface StageView {
  name: string;
  declaration?: StageDeclaration;
  runtime?: StageRuntime;
}

export function stagesOf(structure: PipelineStructure | undefined, runtime: PipelineRuntime | undefined): StageView[] {
  if (structure) {
    return structure.stages.map((declaration) => {
      const rt = runtime?.stages.find((s) => s.name === declaration.name);
      return { name: declaration.name, declaration, ...(rt ? { runtime: rt } : {}) };
    });
  }
  return (runtime?.stages ?? []).map((rt) => ({ name: rt.name, runtime: rt }));
}

export interface ActionView {
  name: string;
  declaration?: ActionDeclaration;
  runtime?: ActionRuntime;
}

export function actionsOf(stage: StageView): ActionView[] {
  if (stage.declaration) {
    return [...stage.declaration.actions]
      .sort((a, b) => a.runOrder - b.runOrder)
      .map((declaration) => {
        const rt = stage.runtime?.actions.find((a) => a.name === declaration.name);
        return { name: declaration.name, declaration, ...(rt ? { runtime: rt } : {}) };
      });
  }
  return (stage.runtime?.actions ?? []).map((rt) => ({ name: rt.name, runtime: rt }));
}

export function findStage(structure: PipelineStructure | undefined, runtime: PipelineRuntime | undefined, name: string): StageView | undefined {
  return stagesOf(structure, runtime).find((s) => s.name === name);
}

export function findAction(structure: PipelineStructure | undefined, runtime: PipelineRuntime | undefined, stageName: string, actionName: string): ActionView | undefined {
  const stage = findStage(structure, runtime, stageName);
  return stage ? actionsOf(stage).find((a) => a.name === actionName) : undefined;
}

/** A stage can be retried when its latest execution failed or was stopped. */
export function isRetryable(status: ExecutionStatus | undefined): boolean {
  return status === 'Failed' || status === 'Stopped' || status === 'Cancelled';
}

/** The first stage of an execution that failed, and its failed actions. */
export function failureOf(runtime: PipelineRuntime | undefined, executionId: string | undefined): { stage: StageRuntime; actions: ActionRuntime[] } | undefined {
  for (const stage of runtime?.stages ?? []) {
    if (stage.status !== 'Failed') continue;
    if (executionId && stage.latestExecutionId && stage.latestExecutionId !== executionId) continue;
    return { stage, actions: stage.actions.filter((a) => a.status === 'Failed') };
  }
  return undefined;
}

/** Where an execution is: the last stage (in pipeline order) it has reached, with that stage's status. */
export function positionOf(runtime: PipelineRuntime | undefined, executionId: string): { stageName: string; status: ExecutionStatus } | undefined {
  let found: { stageName: string; status: ExecutionStatus } | undefined;
  for (const stage of runtime?.stages ?? []) {
    if (stage.latestExecutionId === executionId) found = { stageName: stage.name, status: stage.status ?? 'Unknown' };
  }
  return found;
}

/** True when the action is a CodeBuild build whose logs Conveyor can open. */
export function isCodeBuildAction(action: ActionView): boolean {
  return action.declaration?.provider === 'CodeBuild'
    || (/^[^:\s]+:[0-9a-f-]{36}$/i.test(action.runtime?.externalExecutionId ?? '') && (action.runtime?.externalExecutionUrl ?? '').includes('codebuild'));
}

/** The CodeDeploy deployment a CodeDeploy action ran (its external execution id), for the Deployments view. */
export function codeDeployDeploymentId(action: ActionView): string | undefined {
  const id = action.runtime?.externalExecutionId;
  return /^CodeDeploy/.test(action.declaration?.provider ?? '') && id && /^d-[A-Z0-9]{9}$/.test(id) ? id : undefined;
}

export function sourceActions(structure: PipelineStructure | undefined): ActionDeclaration[] {
  return (structure?.stages ?? []).flatMap((s) => s.actions).filter((a) => a.category === 'Source');
}

/** Where an execution in flight is: the stage running it, or the stage it waits to enter (QUEUED / PARALLEL). */
export function whereIs(runtime: PipelineRuntime | undefined, executionId: string): { stage?: string; waitingAt?: string } {
  const waitingAt = runtime?.stages.find((s) => s.waiting?.some((w) => w.executionId === executionId))?.name;
  const running = runtime?.stages.find((s) => s.latestExecutionId === executionId && (s.status === 'InProgress' || s.status === 'Stopping'))?.name;
  if (running) return { stage: running };
  return waitingAt ? { waitingAt } : {};
}

export interface InFlight {
  execution: ExecutionSummary;
  stage?: string;
  waitingAt?: string;
}

/** The executions still running, newest first, with the stage each is in when the state says so. */
export function executionsInFlight(recent: readonly ExecutionSummary[] | undefined, runtime: PipelineRuntime | undefined): InFlight[] {
  return (recent ?? []).filter((x) => isActive(x.status)).map((execution) => ({ execution, ...whereIs(runtime, execution.id) }));
}
