// Which CodeBuild calls are worth making right now, and how often. Pure: everything it needs is
// passed in. The expensive question — "what is the latest build of each project?" — is answered for
// the whole account by one ListBuilds page (newest first) per interval; only running builds that are
// shown or followed are read again, together, in one BatchGetBuilds.
import type { RefreshSettings } from '../../core/polling/settings';
import { addTask, parseTaskKey, taskKey as genericTaskKey, type TaskSpec as GenericTaskSpec, type Tier } from '../../core/polling/tasks';
import type { ProjectKey } from '../model/types';

export interface Interest {
  viewVisible: boolean;
  windowFocused: boolean;
  /** Account/region roots shown in the view. */
  targets: string[];
  /** Project rows currently rendered. */
  displayed: ProjectKey[];
  /** Projects whose builds are expanded. */
  expanded: ProjectKey[];
  /** Projects whose "Batch builds" node is expanded; `true` when one of their batches runs. */
  batchFolders: { key: ProjectKey; running: boolean }[];
  /** Report groups expanded in the view. */
  reportGroups: { key: ProjectKey; groupArn: string }[];
  /** Projects the person asked to be notified about, or whose buildspec is open with a CodeLens. */
  followed: ProjectKey[];
  /** Targets whose shown or followed projects still lack their definition or last build. */
  incomplete: string[];
  /** Targets where ListBuilds is not allowed: shown projects are polled one by one instead. */
  recentDenied: string[];
  /** Targets with a running build that is shown or followed. */
  running: string[];
}

/**
 * list: ListProjects (all pages); recent: ListBuilds' newest page, then BatchGetBuilds of the new ids;
 * running: BatchGetBuilds of running builds of interest; details: BatchGetProjects + last builds of
 * shown projects that lack them; builds: a project's newest build ids (only where ListBuilds is
 * denied); batches: a project's batch builds; reports: a report group's newest reports.
 */
export type TaskKind = 'list' | 'recent' | 'running' | 'details' | 'builds' | 'batches' | 'reports';

export interface TaskSpec extends GenericTaskSpec {
  kind: TaskKind;
  project?: string;
  groupArn?: string;
}

export function taskKey(kind: TaskKind, target: string, ...parts: string[]): string {
  return genericTaskKey(kind, target, ...parts);
}

const KINDS: readonly string[] = ['list', 'recent', 'running', 'details', 'builds', 'batches', 'reports'];

/** The task a key made by {@link taskKey} stands for (its tier is unknown: idle). */
export function specOfKey(key: string): TaskSpec | undefined {
  const parsed = parseTaskKey(key);
  if (!parsed || !KINDS.includes(parsed.kind)) return undefined;
  const [project, groupArn] = parsed.parts;
  return {
    key, kind: parsed.kind as TaskKind, target: parsed.target, tier: 'idle',
    ...(project === undefined ? {} : { project }), ...(groupArn === undefined ? {} : { groupArn }),
  };
}

/** Polling happens only in a focused window, and only while the view shows or something is followed. */
export function pollingAllowed(interest: Interest, settings: RefreshSettings): boolean {
  if (!settings.enabled || !interest.windowFocused) return false;
  return interest.viewVisible || interest.followed.length > 0;
}

export function desiredTasks(interest: Interest, settings: RefreshSettings): TaskSpec[] {
  if (!pollingAllowed(interest, settings)) return [];
  const tasks = new Map<string, TaskSpec>();
  const add = (kind: TaskKind, target: string, tier: Tier, project?: string, groupArn?: string): void => {
    const parts = [...(project === undefined ? [] : [project]), ...(groupArn === undefined ? [] : [groupArn])];
    addTask(tasks, {
      key: taskKey(kind, target, ...parts), kind, target, tier,
      ...(project === undefined ? {} : { project }), ...(groupArn === undefined ? {} : { groupArn }),
    });
  };
  const denied = new Set(interest.recentDenied);
  const perProject = (p: ProjectKey): void => {
    if (denied.has(p.target)) add('builds', p.target, 'watched', p.name);
    else add('recent', p.target, 'watched');
  };
  if (interest.viewVisible) {
    for (const target of interest.targets) {
      add('list', target, 'idle');
      if (!denied.has(target)) add('recent', target, 'watched');
    }
    for (const p of interest.displayed) if (denied.has(p.target)) add('builds', p.target, 'idle', p.name);
    for (const p of interest.expanded) perProject(p);
    for (const f of interest.batchFolders) add('batches', f.key.target, f.running ? 'active' : 'watched', f.key.name);
    for (const g of interest.reportGroups) add('reports', g.key.target, 'watched', g.key.name, g.groupArn);
  }
  for (const p of interest.followed) perProject(p);
  for (const target of interest.incomplete) add('details', target, 'watched');
  for (const target of interest.running) add('running', target, 'active');
  return [...tasks.values()];
}
