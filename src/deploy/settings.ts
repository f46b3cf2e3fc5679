// The Deployments view's settings (`conveyor.deploy.*`), read through the editor kit.
import { declareSettings, setting } from '../core/settings';
import { DEFAULT_DEPLOY_NOTIFY, type DeployNotifySettings } from './model/notifications';

function readNotify(raw: unknown): DeployNotifySettings {
  const o = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? raw as Record<string, unknown> : {};
  const flag = (k: keyof DeployNotifySettings): boolean => (typeof o[k] === 'boolean' ? o[k] : DEFAULT_DEPLOY_NOTIFY[k]);
  return { failed: flag('failed'), succeeded: flag('succeeded'), stopped: flag('stopped'), waiting: flag('waiting') };
}

export const DEPLOY_SETTINGS = declareSettings('conveyor.deploy', {
  /** Which ends of a watched group's deployments are notified. */
  notify: setting.custom<DeployNotifySettings>(DEFAULT_DEPLOY_NOTIFY, readNotify),
  /** Mark the appspec hook where the latest deployment of a watched (or opened) group failed. */
  diagnostics: setting.boolean(true),
  /** Seconds between checks of watched groups while nothing runs. */
  pollSeconds: setting.integer(60, 15, 3600),
  /** Seconds between checks while a watched group's deployment, or one shown in the view, is going. */
  activePollSeconds: setting.integer(10, 5, 300),
});
