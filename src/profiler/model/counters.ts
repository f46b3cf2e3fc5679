/** JVM thread states CodeGuru reports as counters; the Python agent reports only WALL_TIME. */
export const THREAD_STATES = ['RUNNABLE', 'BLOCKED', 'NATIVE', 'WAITING', 'TIMED_WAITING', 'IDLE'] as const;
export type ThreadState = (typeof THREAD_STATES)[number];

/** Counter a folded ("collapsed stack") file's counts are stored under. */
export const FOLDED_COUNTER = 'SAMPLES';
export const WALL_TIME = 'WALL_TIME';

const CPU_STATES: readonly string[] = ['RUNNABLE', 'BLOCKED', 'NATIVE'];

/**
 * Which counters a flame graph adds up. `cpu` = RUNNABLE+BLOCKED+NATIVE, `latency` = everything but IDLE,
 * `wall` = WALL_TIME, `counter:X` = the single counter X (a thread state or an unknown counter).
 */
export type ViewId = 'cpu' | 'latency' | 'wall' | `counter:${string}`;

export function isThreadState(counter: string): counter is ThreadState {
  return (THREAD_STATES as readonly string[]).includes(counter);
}

/** Reads the `conveyor.profiler.counter` setting: cpu | latency | wall | a thread state (any case). */
export function parseViewSetting(value: unknown): ViewId {
  if (typeof value !== 'string') return 'cpu';
  const v = value.trim();
  const lower = v.toLowerCase();
  if (lower === 'cpu' || lower === 'latency' || lower === 'wall') return lower;
  if (lower === 'wall_time') return 'wall';
  if (v.startsWith('counter:') && v.length > 'counter:'.length) return v as ViewId;
  if (v.length === 0) return 'cpu';
  const upper = v.toUpperCase();
  return `counter:${isThreadState(upper) ? upper : v}`;
}

/** For each counter of a profile, whether the view adds it up. */
export function viewMask(view: ViewId, counters: readonly string[]): boolean[] {
  const hasThreadStates = counters.some(isThreadState);
  return counters.map((c) => {
    switch (view) {
      case 'cpu': return CPU_STATES.includes(c);
      case 'wall': return c === WALL_TIME;
      // With thread states present, WALL_TIME would count the same time twice.
      case 'latency': return c !== 'IDLE' && !(hasThreadStates && c === WALL_TIME);
      default: return c === view.slice('counter:'.length);
    }
  });
}

/**
 * Words for the counters profiles name: CodeGuru's thread states and pprof/Go/async-profiler/perf
 * sample types (`cpu/nanoseconds`, `alloc_space/bytes`, …), as people say them.
 */
const COUNTER_WORDS: Readonly<Record<string, string>> = {
  RUNNABLE: 'Runnable time', BLOCKED: 'Blocked time', NATIVE: 'Native time', WAITING: 'Waiting time',
  TIMED_WAITING: 'Timed waiting time', IDLE: 'Idle time', WALL_TIME: 'Wall time', SAMPLES: 'Samples',
  samples: 'Samples', cpu: 'CPU time', time: 'Time', bytes: 'Bytes', wall: 'Wall time', 'cpu-clock': 'CPU time', 'task-clock': 'CPU time',
  cycles: 'CPU cycles', instructions: 'Instructions', 'cache-misses': 'Cache misses',
  alloc_space: 'Allocated bytes', alloc_objects: 'Allocated objects', inuse_space: 'In-use bytes', inuse_objects: 'In-use objects',
  space: 'Bytes', objects: 'Objects', contentions: 'Lock contentions', delay: 'Lock wait time', goroutine: 'Goroutines',
  alloc: 'Allocated bytes', lock: 'Lock wait time', itimer: 'CPU time',
};

/** A counter's words: known ones from the table, `SOME_NAME` as "Some name", others as they are. */
export function counterLabel(counter: string): string {
  const known = COUNTER_WORDS[counter];
  if (known) return known;
  if (/^[A-Z][A-Z0-9_]*$/.test(counter)) {
    const words = counter.toLowerCase().replace(/_+/g, ' ');
    return words.charAt(0).toUpperCase() + words.slice(1);
  }
  return counter;
}

export function viewLabel(view: ViewId): string {
  switch (view) {
    case 'cpu': return 'CPU time';
    case 'latency': return 'Latency';
    case 'wall': return 'Wall time';
    default: return counterLabel(view.slice('counter:'.length));
  }
}

/**
 * Whether CPU / latency / wall time add counters up: only for CodeGuru's thread states and wall time
 * (and collapsed stacks' one SAMPLES counter). Other formats' counters (pprof sample types, perf
 * events) have units of their own and are offered one by one.
 */
export function hasCompositeViews(counters: readonly string[]): boolean {
  return counters.every((c) => isThreadState(c) || c === WALL_TIME || c === FOLDED_COUNTER);
}

/** The views worth offering for a profile: those that add up at least one sample. */
export function availableViews(counters: readonly string[], counterTotals: readonly number[]): ViewId[] {
  const has = (view: ViewId): boolean => viewMask(view, counters).some((on, i) => on && (counterTotals[i] ?? 0) > 0);
  const views: ViewId[] = [];
  if (hasCompositeViews(counters)) for (const v of ['cpu', 'latency', 'wall'] as const) if (has(v)) views.push(v);
  for (const c of counters) {
    const id: ViewId = `counter:${c}`;
    if (c !== WALL_TIME && has(id)) views.push(id);
  }
  return views;
}

/**
 * The view to show when `requested` adds up nothing in this profile (e.g. CPU for a Python profile):
 * cpu, then wall, then latency, then the first counter with samples.
 */
export function resolveView(requested: ViewId, counters: readonly string[], counterTotals: readonly number[], preferred?: string): { view: ViewId; fellBack: boolean } {
  const views = availableViews(counters, counterTotals);
  if (views.includes(requested) || views.length === 0) return { view: requested, fellBack: false };
  // A format with counters of its own (pprof, perf…): the composite setting does not apply; show the
  // counter the file names as its default without a note, and say so only for a missing counter.
  if (!hasCompositeViews(counters) && !requested.startsWith('counter:')) {
    const own: ViewId = `counter:${preferred ?? ''}`;
    return { view: views.includes(own) ? own : views[0]!, fellBack: false };
  }
  for (const v of ['cpu', 'wall', 'latency'] as const) if (views.includes(v)) return { view: v, fellBack: true };
  return { view: views[0] ?? requested, fellBack: true };
}
