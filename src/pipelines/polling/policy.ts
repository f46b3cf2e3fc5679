// Which AWS calls are worth making right now, and how often. Pure: everything it needs is passed in.
import type { RefreshSettings } from '../../core/polling/settings';
import { addTask, parseTaskKey, taskKey as genericTaskKey, type TaskSpec as GenericTaskSpec, type Tier } from '../../core/polling/tasks';
import type { PipelineKey } from '../model/types';

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

export interface TaskSpec extends GenericTaskSpec {
  kind: TaskKind;
  pipeline?: string;
}

export function taskKey(kind: TaskKind, target: string, pipeline?: string): string {
  return pipeline === undefined ? genericTaskKey(kind, target) : genericTaskKey(kind, target, pipeline);
}

const KINDS: readonly string[] = ['list', 'latest', 'state', 'executions'];

/** The task a key made by {@link taskKey} stands for (its tier is unknown: idle). */
export function specOfKey(key: string): TaskSpec | undefined {
  const parsed = parseTaskKey(key);
  if (!parsed || !KINDS.includes(parsed.kind)) return undefined;
  const [pipeline] = parsed.parts;
  return { key, kind: parsed.kind as TaskKind, target: parsed.target, ...(pipeline === undefined ? {} : { pipeline }), tier: 'idle' };
}

/** Polling happens only in a focused window, and only while the view shows or something is pinned/watched. */
export function pollingAllowed(interest: Interest, settings: RefreshSettings): boolean {
  if (!settings.enabled || !interest.windowFocused) return false;
  return interest.viewVisible || interest.pinned.length > 0 || interest.watched.length > 0;
}

/**
 * The tasks to keep polling. `isRunning` says whether a pipeline's latest execution is in progress.
 * GetPipelineState is only ever asked for expanded, watched-and-running or tracked-and-running pipelines;
 * the view merely listing a pipeline costs one cheap status call per idle interval.
 */
export function desiredTasks(interest: Interest, settings: RefreshSettings, isRunning: (p: PipelineKey) => boolean): TaskSpec[] {
  if (!pollingAllowed(interest, settings)) return [];
  const tasks = new Map<string, TaskSpec>();
  const add = (kind: TaskKind, target: string, pipeline: string | undefined, tier: Tier): void =>
    addTask(tasks, { key: taskKey(kind, target, pipeline), kind, target, ...(pipeline === undefined ? {} : { pipeline }), tier });
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
