// What a poll task is and how often it runs, for every view that polls AWS. Each feature decides which
// tasks it wants (its own policy); the scheduler runs them.
import type { RefreshSettings } from './settings';

/** active: something runs; watched: idle but looked at closely; idle: merely listed. */
export type Tier = 'active' | 'watched' | 'idle';

export interface TaskSpec {
  /** Unique per task: see {@link taskKey}. */
  key: string;
  /** What the task fetches (feature-specific), e.g. `list` or `state`. */
  kind: string;
  /** The account/region the task calls: a throttled target pauses all of its tasks. */
  target: string;
  tier: Tier;
}

export function taskKey(kind: string, target: string, ...parts: readonly string[]): string {
  return JSON.stringify([kind, target, ...parts]);
}

export const TIER_RANK: Record<Tier, number> = { active: 0, watched: 1, idle: 2 };

/** Backoff factor for a running task that keeps showing no change. */
export const ACTIVE_BACKOFF_FACTOR = 1.5;

/**
 * How long after a successful poll a task runs again. `unchanged` counts polls in a row that found
 * nothing new: an active task is polled every 5 s after a change, then 7.5 s, 11 s… up to 30 s.
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

/** Adds a task to a set, keeping the most urgent tier when it is wanted twice. */
export function addTask<S extends TaskSpec>(tasks: Map<string, S>, spec: S): void {
  const existing = tasks.get(spec.key);
  if (!existing || TIER_RANK[spec.tier] < TIER_RANK[existing.tier]) tasks.set(spec.key, spec);
}

/** The parts of a key made by {@link taskKey}, or undefined for anything else. */
export function parseTaskKey(key: string): { kind: string; target: string; parts: string[] } | undefined {
  try {
    const parsed: unknown = JSON.parse(key);
    if (!Array.isArray(parsed) || !parsed.every((p): p is string => typeof p === 'string')) return undefined;
    const [kind, target, ...parts] = parsed;
    return kind !== undefined && target !== undefined ? { kind, target, parts } : undefined;
  } catch {
    return undefined;
  }
}
