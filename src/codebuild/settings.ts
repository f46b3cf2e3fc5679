// The CodeBuild settings (`conveyor.codebuild.*`), declared once.
import { normalizeRefreshSettings, REFRESH_SETTING_DEFAULTS as R, type RefreshSettings } from '../core/polling/settings';
import { declareSettings, setting, type SettingsValues } from '../core/settings';
import { DEFAULT_NOTIFY_SETTINGS, type NotifySettings } from './model/notifications';
import { DEFAULT_PAGE_SIZE } from './model/tree';

function readNotify(raw: unknown): NotifySettings {
  const o = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const flag = (k: keyof NotifySettings): boolean => (typeof o[k] === 'boolean' ? o[k] : DEFAULT_NOTIFY_SETTINGS[k]);
  return { failed: flag('failed'), succeeded: flag('succeeded') };
}

export const CODEBUILD_SETTINGS = declareSettings('conveyor.codebuild', {
  'refresh.enabled': setting.boolean(R.enabled),
  'refresh.activeIntervalSeconds': setting.integer(R.activeIntervalSeconds, 1, 3600),
  'refresh.activeMaxIntervalSeconds': setting.integer(R.activeMaxIntervalSeconds, 1, 3600),
  'refresh.watchedIntervalSeconds': setting.integer(R.watchedIntervalSeconds, 5, 86_400),
  'refresh.idleIntervalSeconds': setting.integer(R.idleIntervalSeconds, 10, 86_400),
  'refresh.maxConcurrency': setting.integer(R.maxConcurrency, 1, 16),
  notify: setting.custom<NotifySettings>({ ...DEFAULT_NOTIFY_SETTINGS }, readNotify),
  pageSize: setting.integer(DEFAULT_PAGE_SIZE, 10, 500),
  'codeLens.enabled': setting.boolean(true),
});

export type CodeBuildSettings = SettingsValues<typeof CODEBUILD_SETTINGS.schema>;

/** The polling settings in milliseconds. */
export function refreshSettingsOf(values: CodeBuildSettings): RefreshSettings {
  return normalizeRefreshSettings((key) => values[`refresh.${key}`]);
}
