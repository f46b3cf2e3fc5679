// Which AWS calls are worth making right now, and how often. Pure: everything it needs is passed in.
import type { PipelineKey } from '../model/types';
import type { RefreshSettings } from './settings';

/** What the person can currently see or asked to follow. */
export interface Interest {
  viewVisible: boolean;
  windowFocused: boolean;
  /** Account/region roots shown in the view (their pipeline lists). */
  targets: string[];
  /** Pipeline rows currently rendered (a page of the list, after the filter). */
  displayed: PipelineKey[];
  /** Pipelines whose stages are expanded. */
  expanded: PipelineKey[];
  /** Pipelines whose "Executions" node is expanded. */
  executionsExpanded: PipelineKey[];
  pinned: PipelineKey[];
  watched: PipelineKey[];
  /** Pipelines that built the workspace's HEAD commit ("your commit"). */
  tracked: PipelineKey[];
}

export const NO_INTEREST: Interest = {
  viewVisible: false, windowFocused: false, targets: [], displayed: [], expanded: [],
  executionsExpanded: [], pinned: [], watched: [], tracked: [],
};

/**
 * list: ListPipelines for a root; latest: ListPipelineExecutions (a few) for a pipeline's status;
 * state: GetPipelineState (stages/actions); executions: the first page of the "Executions" node.
 */
export type TaskKind = 'list' | 'latest' | 'state' | 'executions';
/** active: the pipeline runs; watched: idle but looked at closely; idle: merely listed. */
export type Tier = 'active' | 'watched' | 'idle';

export interface TaskSpec {
  key: string;
  kind: TaskKind;
  target: string;
  pipeline?: string;
  tier: Tier;
}

export function taskKey(kind: TaskKind, target: string, pipeline?: string): string {
  return JSON.stringify(pipeline === undefined ? [kind, target] : [kind, target, pipeline]);
}

/** Polling happens only in a focused window, and only while the view shows or something is pinned/watched. */
export function pollingAllowed(interest: Interest, settings: RefreshSettings): boolean {
  if (!settings.enabled || !interest.windowFocused) return false;
  return interest.viewVisible || interest.pinned.length > 0 || interest.watched.length > 0;
}

const TIER_RANK: Record<Tier, number> = { active: 0, watched: 1, idle: 2 };

/**
 * The tasks to keep polling. `isRunning` says whether a pipeline's latest execution is in progress.
 * GetPipelineState is only ever asked for expanded, watched-and-running or tracked-and-running pipelines;
 * the view merely listing a pipeline costs one cheap status call per idle interval.
 */
export function desiredTasks(interest: Interest, settings: RefreshSettings, isRunning: (p: PipelineKey) => boolean): TaskSpec[] {
  if (!pollingAllowed(interest, settings)) return [];
  const tasks = new Map<string, TaskSpec>();
  const add = (kind: TaskKind, target: string, pipeline: string | undefined, tier: Tier): void => {
    const key = taskKey(kind, target, pipeline);
    const existing = tasks.get(key);
    if (!existing || TIER_RANK[tier] < TIER_RANK[existing.tier]) {
      tasks.set(key, { key, kind, target, ...(pipeline === undefined ? {} : { pipeline }), tier });
    }
  };
  const closely = (p: PipelineKey): Tier => (isRunning(p) ? 'active' : 'watched');

  if (interest.viewVisible) {
    for (const target of interest.targets) add('list', target, undefined, 'idle');
    for (const p of interest.displayed) add('latest', p.target, p.name, isRunning(p) ? 'active' : 'idle');
    for (const p of interest.expanded) {
      add('latest', p.target, p.name, closely(p));
      add('state', p.target, p.name, closely(p));
    }
    for (const p of interest.executionsExpanded) add('executions', p.target, p.name, closely(p));
  }
  for (const p of [...interest.pinned, ...interest.watched, ...interest.tracked]) add('latest', p.target, p.name, closely(p));
  // Approvals and failed stages of a followed run are only visible in GetPipelineState.
  for (const p of [...interest.watched, ...interest.tracked]) if (isRunning(p)) add('state', p.target, p.name, 'active');
  return [...tasks.values()];
}

/** Backoff factor for a running pipeline that keeps showing no change. */
export const ACTIVE_BACKOFF_FACTOR = 1.5;

/**
 * How long after a successful poll a task runs again. `unchanged` counts polls in a row that found
 * nothing new: a running pipeline is polled every 5 s after a change, then 7.5 s, 11 s… up to 30 s.
 */
export function intervalFor(tier: Tier, unchanged: number, settings: RefreshSettings): number {
  switch (tier) {
    case 'active':
      return Math.min(settings.activeMaxIntervalMs, Math.round(settings.activeIntervalMs * ACTIVE_BACKOFF_FACTOR ** Math.max(0, unchanged - 1)));
    case 'watched':
      return settings.watchedIntervalMs;
    case 'idle':
      return settings.idleIntervalMs;
  }
}
