// CodePipeline state for one account and region: pipelines by name plus a sorted name index, so
// ListPipelines pages and GetPipelineState lookups stay cheap with thousands of pipelines.
import { insertSorted } from '../../core/sorted';
import { Engine } from './engine/engine';
import { pipelineNotFound } from './errors';
import { RULE_PROVIDERS } from './engine/rules/index';
import type { PipelineDeclaration, StageDeclaration } from './model/declaration';
import type { ActionBehaviour, PipelineRecord, StageSlot } from './model/records';
import type { SourceRepository } from './model/source-repo';
import type { PipelinesWorld } from './world';

export interface CreatePipelineOptions {
  /** Creation time (default: now). */
  created?: number;
  /** Older declarations, oldest first; the pipeline's version becomes their count + 1. */
  previousVersions?: PipelineDeclaration[];
  behaviours?: Record<string, ActionBehaviour>;
  /** Source repositories by source action name (default: one commit per source action). */
  repositories?: Record<string, SourceRepository>;
  /** Demo: start a new execution this long after each one ends. */
  rerunAfterMs?: number;
  /** Transitions disabled from the start, by stage name. */
  disabledTransitions?: Record<string, { reason: string; by: string }>;
}

export class PipelinesRegion {
  readonly pipelines = new Map<string, PipelineRecord>();
  readonly sortedNames: string[] = [];
  readonly engine: Engine;

  constructor(readonly accountId: string, readonly region: string, readonly world: PipelinesWorld) {
    this.engine = new Engine(this);
  }

  get(name: string): PipelineRecord | undefined {
    return this.pipelines.get(name);
  }

  require(name: string): PipelineRecord {
    const p = this.pipelines.get(name);
    if (!p) throw pipelineNotFound(this.accountId, name);
    return p;
  }

  create(declaration: PipelineDeclaration, options: CreatePipelineOptions = {}): PipelineRecord {
    checkDeclaration(declaration);
    if (this.pipelines.has(declaration.name)) throw new Error(`pipeline ${declaration.name} exists already`);
    const now = this.world.clock.now();
    const created = options.created ?? now;
    const versions = [...(options.previousVersions ?? []), declaration].map((d, i) => ({ ...d, version: i + 1 }));
    const stages: StageSlot[] = declaration.stages.map((s) => {
      const disabled = options.disabledTransitions?.[s.name];
      return {
        name: s.name,
        inbound: disabled ? { enabled: false, disabledReason: disabled.reason, lastChangedBy: disabled.by, lastChangedAt: created } : { enabled: true },
        occupants: new Set(),
        waiting: [],
        actionLatest: new Map(),
        currentRevision: new Map(),
        conditionLatest: new Map(),
      };
    });
    const repositories = new Map<string, SourceRepository>();
    for (const stage of declaration.stages) {
      for (const action of stage.actions) {
        if (action.actionTypeId.category !== 'Source') continue;
        repositories.set(action.name, options.repositories?.[action.name] ?? this.defaultRepository(action.configuration ?? {}, action.actionTypeId.provider, created));
      }
    }
    const record: PipelineRecord = {
      name: declaration.name,
      accountId: this.accountId,
      region: this.region,
      arn: `arn:aws:codepipeline:${this.region}:${this.accountId}:${declaration.name}`,
      versions,
      created,
      updated: versions.length > 1 ? Math.max(created, now - 3_600_000) : created,
      stages,
      executions: [],
      executionsById: new Map(),
      actionExecutions: [],
      behaviours: new Map(Object.entries(options.behaviours ?? {})),
      attempts: new Map(),
      repositories,
      clientTokens: new Map(),
      ruleExecutions: [],
      ...(options.rerunAfterMs !== undefined ? { rerunAfterMs: options.rerunAfterMs } : {}),
    };
    this.pipelines.set(record.name, record);
    insertSorted(this.sortedNames, record.name);
    return record;
  }

  private defaultRepository(config: Record<string, string>, provider: string, created: number): SourceRepository {
    const rng = this.world.random;
    const kind = provider === 'CodeCommit' ? 'CodeCommit' : provider === 'S3' ? 'S3' : 'CodeStarSourceConnection';
    const id = kind === 'S3' ? rng.hex(32) : rng.hex(40);
    return {
      provider: kind,
      name: config.FullRepositoryId ?? config.RepositoryName ?? `${config.S3Bucket ?? 'bucket'}/${config.S3ObjectKey ?? 'source.zip'}`,
      branch: config.BranchName ?? 'main',
      commits: [{ id, message: 'Initial commit', author: 'Emulator <emulator@example.com>', date: created }],
    };
  }
}

function checkDeclaration(d: PipelineDeclaration): void {
  if (d.stages.length < 2) throw new Error(`pipeline ${d.name}: a pipeline needs at least two stages`);
  const stageNames = new Set<string>();
  d.stages.forEach((s, i) => {
    if (stageNames.has(s.name)) throw new Error(`pipeline ${d.name}: duplicate stage ${s.name}`);
    stageNames.add(s.name);
    if (s.actions.length === 0) throw new Error(`pipeline ${d.name}: stage ${s.name} has no actions`);
    const sources = s.actions.filter((a) => a.actionTypeId.category === 'Source').length;
    if (i === 0 && sources !== s.actions.length) throw new Error(`pipeline ${d.name}: the first stage may only hold source actions`);
    if (i > 0 && sources > 0) throw new Error(`pipeline ${d.name}: source actions belong in the first stage`);
    const names = new Set<string>();
    for (const a of s.actions) {
      if (names.has(a.name)) throw new Error(`pipeline ${d.name}: duplicate action ${a.name} in ${s.name}`);
      names.add(a.name);
    }
    checkConditions(d, s);
  });
}

const RESULTS: Record<'beforeEntry' | 'onSuccess' | 'onFailure', readonly string[]> = {
  beforeEntry: ['FAIL', 'SKIP'],
  onSuccess: ['ROLLBACK', 'FAIL'],
  onFailure: ['ROLLBACK'],
};

/** Stage conditions need a V2 pipeline, known rule providers and a result the condition type allows. */
function checkConditions(d: PipelineDeclaration, s: StageDeclaration): void {
  for (const key of ['beforeEntry', 'onSuccess', 'onFailure'] as const) {
    const conditions = s[key]?.conditions ?? [];
    if (conditions.length && d.pipelineType !== 'V2') throw new Error(`pipeline ${d.name}: stage conditions need a V2 pipeline`);
    for (const c of conditions) {
      if (c.result && !RESULTS[key].includes(c.result)) throw new Error(`pipeline ${d.name}: ${key} conditions of ${s.name} cannot have result ${c.result}`);
      for (const r of c.rules ?? []) {
        if (!(RULE_PROVIDERS as readonly string[]).includes(r.ruleTypeId.provider)) throw new Error(`pipeline ${d.name}: unknown rule provider ${r.ruleTypeId.provider}`);
      }
    }
  }
  if (s.onFailure?.result === 'ROLLBACK' && d.pipelineType !== 'V2') throw new Error(`pipeline ${d.name}: rollback needs a V2 pipeline`);
}
