import * as vscode from 'vscode';
import { DEFAULT_NOTIFY_SETTINGS, type NotifySettings } from '../model/notifications';
import { DEFAULT_PAGE_SIZE } from '../model/tree';
import type { TargetRef } from '../model/types';
import { normalizeRefreshSettings, REFRESH_SETTING_DEFAULTS, type RefreshSettings } from '../../core/polling/settings';

export const SECTION = 'conveyor.pipelines';

function config(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration(SECTION);
}

/** `conveyor.pipelines.accounts`: entries without a profile or region are ignored. */
export function readAccounts(): TargetRef[] {
  const raw = config().get<unknown>('accounts');
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

export function readRefreshSettings(): RefreshSettings {
  const c = config();
  return normalizeRefreshSettings((key: keyof typeof REFRESH_SETTING_DEFAULTS) => c.get<unknown>(`refresh.${key}`));
}

export function readNotifySettings(): NotifySettings {
  const raw = config().get<unknown>('notify');
  const o = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const flag = (k: keyof NotifySettings): boolean => (typeof o[k] === 'boolean' ? (o[k] as boolean) : DEFAULT_NOTIFY_SETTINGS[k]);
  return { failed: flag('failed'), succeeded: flag('succeeded'), approval: flag('approval') };
}

export function readPageSize(): number {
  const n = config().get<unknown>('pageSize');
  return typeof n === 'number' && Number.isFinite(n) ? Math.min(500, Math.max(10, Math.floor(n))) : DEFAULT_PAGE_SIZE;
}

export function readYourCommitEnabled(): boolean {
  return config().get<boolean>('yourCommit.enabled') !== false;
}
