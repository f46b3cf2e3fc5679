// The Pipelines settings (`conveyor.pipelines.*`), declared once.
import { declareSettings, setting, type SettingsValues } from '../core/settings';
import { DEFAULT_NOTIFY_SETTINGS, type NotifySettings } from './model/notifications';
import { DEFAULT_PAGE_SIZE } from './model/tree';
import type { TargetRef } from './model/types';
import { normalizeRefreshSettings, REFRESH_SETTING_DEFAULTS as R, type RefreshSettings } from '../core/polling/settings';

/** Entries without a profile or region are ignored. */
function readAccounts(raw: unknown): TargetRef[] {
  if (!Array.isArray(raw)) return [];
  const out: TargetRef[] = [];
  for (const item of raw) {
    if (typeof item !== 'object' || item === null) continue;
    const o = item as Record<string, unknown>;
    if (typeof o.profile !== 'string' || !o.profile || typeof o.region !== 'string' || !o.region) continue;
    out.push({ profile: o.profile, region: o.region, ...(typeof o.label === 'string' && o.label ? { label: o.label } : {}) });
  }
  return out;
}

function readNotify(raw: unknown): NotifySettings {
  const o = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const flag = (k: keyof NotifySettings): boolean => (typeof o[k] === 'boolean' ? (o[k]) : DEFAULT_NOTIFY_SETTINGS[k]);
  return { failed: flag('failed'), succeeded: flag('succeeded'), approval: flag('approval') };
}

export const PIPELINES_SETTINGS = declareSettings('conveyor.pipelines', {
  accounts: setting.custom<TargetRef[]>([], readAccounts),
  'refresh.enabled': setting.boolean(R.enabled),
  'refresh.activeIntervalSeconds': setting.integer(R.activeIntervalSeconds, 1, 3600),
  'refresh.activeMaxIntervalSeconds': setting.integer(R.activeMaxIntervalSeconds, 1, 3600),
  'refresh.watchedIntervalSeconds': setting.integer(R.watchedIntervalSeconds, 5, 86_400),
  'refresh.idleIntervalSeconds': setting.integer(R.idleIntervalSeconds, 10, 86_400),
  'refresh.maxConcurrency': setting.integer(R.maxConcurrency, 1, 16),
  notify: setting.custom<NotifySettings>({ ...DEFAULT_NOTIFY_SETTINGS }, readNotify),
  pageSize: setting.integer(DEFAULT_PAGE_SIZE, 10, 500),
  'yourCommit.enabled': setting.boolean(true),
  sortBy: setting.oneOf(['attention', 'name'] as const, 'attention'),
});

export type PipelinesSettings = SettingsValues<typeof PIPELINES_SETTINGS.schema>;

/** The polling settings in milliseconds. */
export function refreshSettingsOf(values: PipelinesSettings): RefreshSettings {
  return normalizeRefreshSettings((key) => values[`refresh.${key}`]);
}
