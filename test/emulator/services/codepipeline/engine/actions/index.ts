// Starting one action execution: the record GetPipelineState and ListActionExecutions show, then
// the runner for its action type (source, CodeBuild, manual approval, or a timed deploy/test/invoke).
import type { ActionDeclaration } from '../../model/declaration';
import {
  currentDeclaration, type ActionExecutionRecord, type ActionExecutionStatus, type ActionResultPatch, type ArtifactDetail,
  type ExecutionRecord, type Outcome, type PipelineRecord, type StageRun,
} from '../../model/records';
import type { Engine } from '../engine';
import { resolveConfiguration } from '../resolve';
import { runApproval } from './approval';
import { runCodeBuild } from './codebuild';
import { runSource } from './source';
import { runTimed } from './timed';

/** What an action runner gets: the record to fill in and how to end the action. */
export interface ActionRun {
  engine: Engine;
  pipeline: PipelineRecord;
  exec: ExecutionRecord;
  action: ActionDeclaration;
  record: ActionExecutionRecord;
  outcome: Outcome;
  /** The outcome was set for this execution (seeded history, tests) rather than by behaviour. */
  forced: boolean;
  durationMs?: number;
  end(status: Exclude<ActionExecutionStatus, 'InProgress'>, patch?: ActionResultPatch): void;
}

function pickOutcome(p: PipelineRecord, exec: ExecutionRecord, actionName: string): Outcome {
  const forced = exec.outcomes.get(actionName);
  if (forced) return forced;
  const attempt = p.attempts.get(actionName) ?? 0;
  p.attempts.set(actionName, attempt + 1);
  const outcomes = p.behaviours.get(actionName)?.outcomes;
  if (!outcomes?.length) return 'succeed';
  return outcomes[Math.min(attempt, outcomes.length - 1)]!;
}

function artifactBucket(p: PipelineRecord, region: string): string {
  const decl = currentDeclaration(p);
  return decl.artifactStores?.[region]?.location ?? decl.artifactStore?.location ?? `codepipeline-${region}-${p.accountId}`;
}

function outputArtifactsOf(engine: Engine, p: PipelineRecord, action: ActionDeclaration, region: string): ArtifactDetail[] {
  return (action.outputArtifacts ?? []).map((a) => ({
    name: a.name,
    s3location: { bucket: artifactBucket(p, region), key: `${p.name.slice(0, 20)}/${a.name.slice(0, 10)}/${engine.random.hex(7)}` },
  }));
}

export function startAction(engine: Engine, p: PipelineRecord, exec: ExecutionRecord, idx: number, run: StageRun,
  action: ActionDeclaration, onEnd: (status: ActionExecutionStatus) => void): void {
  const slot = p.stages[idx]!;
  const now = engine.clock.now();
  const region = action.region ?? p.region;
  const record: ActionExecutionRecord = {
    actionExecutionId: engine.random.uuid(),
    pipelineExecutionId: exec.id,
    pipelineVersion: exec.pipelineVersion,
    stageName: slot.name,
    actionName: action.name,
    declaration: action,
    region,
    startTime: now,
    lastUpdateTime: now,
    status: 'InProgress',
    resolvedConfiguration: resolveConfiguration(action.configuration ?? {}, exec),
    inputArtifacts: (action.inputArtifacts ?? []).map((a) => exec.artifacts.get(a.name) ?? {
      name: a.name,
      s3location: { bucket: artifactBucket(p, region), key: `${p.name.slice(0, 20)}/${a.name.slice(0, 10)}/${engine.random.hex(7)}` },
    }),
    outputArtifacts: outputArtifactsOf(engine, p, action, region),
  };
  p.actionExecutions.push(record);
  slot.actionLatest.set(action.name, record);
  run.actions.set(action.name, record);

  const end = (status: Exclude<ActionExecutionStatus, 'InProgress'>, patch: ActionResultPatch = {}): void => {
    if (record.status !== 'InProgress') return;
    record.status = status;
    record.lastUpdateTime = engine.clock.now();
    Object.assign(record, patch);
    delete record.abort;
    delete record.settle;
    if (status === 'Succeeded') {
      for (const artifact of record.outputArtifacts) exec.artifacts.set(artifact.name, artifact);
      if (action.namespace && record.outputVariables) exec.namespaces.set(action.namespace, record.outputVariables);
    }
    onEnd(status);
  };
  record.settle = end;
  const behaviour = p.behaviours.get(action.name);
  const ctx: ActionRun = {
    engine, pipeline: p, exec, action, record, end,
    outcome: pickOutcome(p, exec, action.name),
    forced: exec.outcomes.has(action.name),
    ...(behaviour?.durationMs !== undefined ? { durationMs: behaviour.durationMs } : {}),
  };
  const { category, provider } = action.actionTypeId;
  if (category === 'Source') runSource(ctx);
  else if (category === 'Approval') runApproval(ctx);
  else if (provider === 'CodeBuild') runCodeBuild(ctx);
  else if (!engine.store.world.actionRunners.get(provider)?.(ctx)) runTimed(ctx);
}
