// StartPipelineExecution inside the engine: idempotency token, V2 variables, source revision
// overrides, the concurrency limit of QUEUED/PARALLEL pipelines, then the first stage.
import { AwsServiceError } from '../../../core/contract';
import { validation } from '../errors';
import type { ActionDeclaration } from '../model/declaration';
import { currentDeclaration, type ExecutionRecord, type Outcome, type PipelineRecord, type SourceRevisionRecord } from '../model/records';
import { findCommit, head } from '../model/source-repo';
import type { Engine } from './engine';
import { commitUrl } from './actions/urls';
import { modeOf, requestStage } from './run';

export interface StartOptions {
  trigger: { triggerType: string; triggerDetail?: string };
  variables?: { name: string; value: string }[];
  sourceRevisions?: { actionName: string; revisionType: string; revisionValue: string }[];
  /** Extra members of a Git source's JSON revision summary (branch, pull request of a Git event). */
  summaryExtra?: Record<string, string>;
  /** Per-action outcomes for this execution only. */
  outcomes?: Record<string, Outcome>;
  clientRequestToken?: string;
}

const CONCURRENCY_LIMIT = 50;

const REVISION_TYPES: Record<string, string[]> = {
  CodeStarSourceConnection: ['COMMIT_ID'],
  CodeCommit: ['COMMIT_ID'],
  S3: ['S3_OBJECT_VERSION_ID', 'S3_OBJECT_KEY'],
  ECR: ['IMAGE_DIGEST'],
};

function resolveVariables(p: PipelineRecord, given: { name: string; value: string }[] | undefined): { name: string; resolvedValue: string }[] {
  const decl = currentDeclaration(p);
  if ((decl.pipelineType ?? 'V1') === 'V1') {
    if (given?.length) throw validation('Pipeline variables are only supported for pipelines of type V2.');
    return [];
  }
  const declared = decl.variables ?? [];
  const values = new Map<string, string>();
  for (const v of given ?? []) {
    if (!declared.some((d) => d.name === v.name)) throw validation(`Variable '${v.name}' is not declared in pipeline '${p.name}'.`);
    if (values.has(v.name)) throw validation(`Variable '${v.name}' is specified more than once.`);
    values.set(v.name, v.value);
  }
  return declared.map((d) => {
    const value = values.get(d.name) ?? d.defaultValue;
    if (value === undefined) throw validation(`Variable '${d.name}' has no default value and must be provided.`);
    return { name: d.name, resolvedValue: value };
  });
}

function summaryFor(provider: string, message: string, extra: Record<string, string> = {}): string {
  return provider === 'CodeStarSourceConnection' ? JSON.stringify({ ProviderType: 'GitHub', CommitMessage: message, ...extra }) : message;
}

function sourceRevision(engine: Engine, p: PipelineRecord, action: ActionDeclaration,
  override: { revisionType: string; revisionValue: string } | undefined, extra?: Record<string, string>): SourceRevisionRecord | undefined {
  const repo = p.repositories.get(action.name);
  const provider = action.actionTypeId.provider;
  const config = action.configuration ?? {};
  const artifactName = action.outputArtifacts?.[0]?.name ?? 'SourceArtifact';
  const region = action.region ?? p.region;
  const now = engine.clock.now();
  if (override && override.revisionType !== 'COMMIT_ID') {
    const id = override.revisionType === 'S3_OBJECT_KEY' ? engine.random.hex(32) : override.revisionValue;
    const summary = override.revisionType === 'S3_OBJECT_KEY' ? `Object ${override.revisionValue}` : `Revision ${override.revisionValue}`;
    return { actionName: action.name, artifactName, revisionId: id, revisionSummary: summary, created: now };
  }
  const commit = override ? (repo && findCommit(repo, override.revisionValue)) ?? {
    id: override.revisionValue, message: `Commit ${override.revisionValue.slice(0, 7)}`, author: 'unknown', date: now,
  } : repo && head(repo);
  if (!commit) return undefined;
  const url = commitUrl(provider, region, config, commit.id);
  return {
    actionName: action.name,
    artifactName,
    revisionId: commit.id,
    revisionSummary: summaryFor(provider, commit.message, extra),
    ...(url ? { revisionUrl: url } : {}),
    created: commit.date,
    ...(extra?.BranchName ? { branch: extra.BranchName } : {}),
  };
}

/** A new execution of `p`, registered with the pipeline, waiting to enter its first stage. */
export function newExecution(engine: Engine, p: PipelineRecord, init: Pick<ExecutionRecord, 'trigger' | 'variables'> & Partial<ExecutionRecord>): ExecutionRecord {
  const now = engine.clock.now();
  const exec: ExecutionRecord = {
    id: engine.random.uuid(),
    seq: p.executions.length,
    pipelineVersion: p.versions.length,
    status: 'InProgress',
    startTime: now,
    lastUpdateTime: now,
    executionMode: modeOf(p),
    sourceRevisions: [],
    overrides: new Map(),
    outcomes: new Map(),
    stageIndex: 0,
    position: 'waiting',
    stages: new Map(),
    namespaces: new Map(),
    artifacts: new Map(),
    executionType: 'STANDARD',
    ...init,
  };
  p.executions.push(exec);
  p.executionsById.set(exec.id, exec);
  return exec;
}

export function startExecution(engine: Engine, p: PipelineRecord, options: StartOptions): ExecutionRecord {
  if (options.clientRequestToken) {
    const existing = p.clientTokens.get(options.clientRequestToken);
    const found = existing ? p.executionsById.get(existing) : undefined;
    if (found) return found;
  }
  const decl = currentDeclaration(p);
  const variables = resolveVariables(p, options.variables);
  const sourceActions = decl.stages[0]!.actions;
  const overrides = new Map<string, { revisionType: string; revisionValue: string }>();
  for (const o of options.sourceRevisions ?? []) {
    const action = sourceActions.find((a) => a.name === o.actionName);
    if (!action) throw validation(`Source action '${o.actionName}' does not exist in pipeline '${p.name}'.`);
    const allowed = REVISION_TYPES[action.actionTypeId.provider] ?? [];
    if (!allowed.includes(o.revisionType)) {
      throw validation(`Revision type ${o.revisionType} is not supported by the ${action.actionTypeId.provider} source action '${o.actionName}'.`);
    }
    overrides.set(o.actionName, { revisionType: o.revisionType, revisionValue: o.revisionValue });
  }
  const mode = modeOf(p);
  if (mode !== 'SUPERSEDED') {
    const active = p.executions.filter((e) => e.status === 'InProgress' || e.status === 'Stopping').length;
    if (active >= CONCURRENCY_LIMIT) {
      throw new AwsServiceError('ConcurrentPipelineExecutionsLimitExceededException',
        `The pipeline ${p.name} has reached the limit of ${CONCURRENCY_LIMIT} concurrent executions in ${mode} mode.`);
    }
  }
  const exec = newExecution(engine, p, {
    trigger: options.trigger, variables, overrides, outcomes: new Map(Object.entries(options.outcomes ?? {})),
  });
  for (const action of sourceActions) {
    const rev = sourceRevision(engine, p, action, overrides.get(action.name), overrides.has(action.name) ? options.summaryExtra : undefined);
    if (rev) exec.sourceRevisions.push(rev);
  }
  if (options.clientRequestToken) p.clientTokens.set(options.clientRequestToken, exec.id);
  requestStage(engine, p, exec, 0);
  return exec;
}
