/** `conveyor.pipelines.refresh.*`, in milliseconds once normalised. */
export interface RefreshSettings {
  enabled: boolean;
  /** First poll interval of a running pipeline. */
  activeIntervalMs: number;
  /** A running pipeline that shows no change backs off up to this. */
  activeMaxIntervalMs: number;
  /** Idle pipelines you expanded, pinned or watch. */
  watchedIntervalMs: number;
  /** The pipeline list and the status of idle pipelines merely listed. */
  idleIntervalMs: number;
  /** Requests in flight at once, per window. */
  maxConcurrency: number;
}

export const DEFAULT_REFRESH_SETTINGS: RefreshSettings = {
  enabled: true,
  activeIntervalMs: 5_000,
  activeMaxIntervalMs: 30_000,
  watchedIntervalMs: 60_000,
  idleIntervalMs: 300_000,
  maxConcurrency: 4,
};

/** The names under `conveyor.pipelines.refresh` and their defaults, in the units settings use. */
export const REFRESH_SETTING_DEFAULTS = {
  enabled: true,
  activeIntervalSeconds: 5,
  activeMaxIntervalSeconds: 30,
  watchedIntervalSeconds: 60,
  idleIntervalSeconds: 300,
  maxConcurrency: 4,
} as const;

function seconds(value: unknown, fallback: number, min: number, max: number): number {
  const n = typeof value === 'number' && Number.isFinite(value) ? value : fallback;
  return Math.round(Math.min(max, Math.max(min, n)) * 1000);
}

/** Reads raw setting values (anything a person may have typed) into sane, consistent settings. */
export function normalizeRefreshSettings(read: (key: keyof typeof REFRESH_SETTING_DEFAULTS) => unknown): RefreshSettings {
  const d = REFRESH_SETTING_DEFAULTS;
  const activeIntervalMs = seconds(read('activeIntervalSeconds'), d.activeIntervalSeconds, 1, 3600);
  const activeMaxIntervalMs = Math.max(activeIntervalMs, seconds(read('activeMaxIntervalSeconds'), d.activeMaxIntervalSeconds, 1, 3600));
  const watchedIntervalMs = seconds(read('watchedIntervalSeconds'), d.watchedIntervalSeconds, 5, 86_400);
  const idleIntervalMs = seconds(read('idleIntervalSeconds'), d.idleIntervalSeconds, 10, 86_400);
  const rawConcurrency = read('maxConcurrency');
  const maxConcurrency = typeof rawConcurrency === 'number' && Number.isFinite(rawConcurrency)
    ? Math.min(16, Math.max(1, Math.floor(rawConcurrency))) : d.maxConcurrency;
  const enabled = typeof read('enabled') === 'boolean' ? read('enabled') === true : d.enabled;
  return { enabled, activeIntervalMs, activeMaxIntervalMs, watchedIntervalMs, idleIntervalMs, maxConcurrency };
}
