// Past executions of a seeded pipeline: commits pushed over the last three weeks, each followed by an
// execution with chosen outcomes (mostly success, sometimes a failed build or deploy).
import type { Random } from '../../../core/random';
import type { ExecutionRecord, Outcome, PipelineRecord } from '../model/records';
import { currentDeclaration } from '../model/records';
import type { PipelinesRegion } from '../store';
import { makeCommit, type RepoKind, s3VersionId } from './commits';
import type { SeedTimeline } from './timeline';

const DAY = 24 * 3_600_000;

export interface HistoryRun {
  offsetMs: number;
  outcomes?: Record<string, Outcome>;
  message?: string;
  commitId?: string;
  variables?: { name: string; value: string }[];
  /** A person started it (StartPipelineExecution) rather than a push. */
  manual?: boolean;
  then?: (exec: ExecutionRecord) => void;
}

/** Pushes a commit to every source repository of the pipeline and starts an execution. */
export function run(store: PipelinesRegion, tl: SeedTimeline, rng: Random, p: PipelineRecord, kind: RepoKind, r: HistoryRun): void {
  tl.at(r.offsetMs, () => {
    const now = store.world.clock.now();
    for (const repo of p.repositories.values()) {
      const id = r.commitId ?? (repo.provider === 'S3' ? s3VersionId(rng) : undefined);
      repo.commits.push(makeCommit(rng, kind, now - rng.int(2, 50) * 60_000, r.message, id));
    }
    const trigger = r.manual
      ? { triggerType: 'StartPipelineExecution', triggerDetail: `arn:aws:iam::${p.accountId}:user/${rng.pick(['priya.raman', 'marcus.chen', 'release-bot'])}` }
      : store.engine.rerunTrigger(p);
    const exec = store.engine.start(p, { trigger, ...(r.outcomes ? { outcomes: r.outcomes } : {}), ...(r.variables ? { variables: r.variables } : {}) });
    r.then?.(exec);
  });
}

/** Outcomes of a typical past run: approvals approved, and a failure in one action now and then. */
export function typicalOutcomes(rng: Random, p: PipelineRecord, failRate: number): Record<string, Outcome> {
  const outcomes: Record<string, Outcome> = {};
  const candidates: string[] = [];
  for (const stage of currentDeclaration(p).stages) {
    for (const a of stage.actions) {
      if (a.actionTypeId.category === 'Approval') outcomes[a.name] = 'succeed';
      else if (a.actionTypeId.category !== 'Source') candidates.push(a.name);
    }
  }
  if (candidates.length && rng.chance(failRate)) outcomes[rng.pick(candidates)] = 'fail';
  return outcomes;
}

/** `count` runs spread over the last three weeks, ending `endOffsetMs` before now. */
export function spreadHistory(store: PipelinesRegion, tl: SeedTimeline, rng: Random, p: PipelineRecord, kind: RepoKind,
  count: number, options: { failRate?: number; endOffsetMs?: number; startOffsetMs?: number; manualRate?: number } = {}): void {
  const start = options.startOffsetMs ?? -21 * DAY;
  const end = options.endOffsetMs ?? -4 * 3_600_000;
  const step = (end - start) / count;
  for (let i = 0; i < count; i++) {
    const offset = Math.round(start + i * step + rng.next() * step * 0.5);
    run(store, tl, rng, p, kind, {
      offsetMs: offset,
      outcomes: typicalOutcomes(rng, p, options.failRate ?? 0.12),
      manual: rng.chance(options.manualRate ?? 0.1),
    });
  }
}
