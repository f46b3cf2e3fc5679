// Names for the things the Deployments view keeps state about across refreshes: a deployment group in
// an account and region. One JSON key per group, since names may contain any separator.
import type { AwsTarget } from '../../aws/access';

export interface GroupKey {
  profile: string;
  region: string;
  application: string;
  group: string;
}

export function groupKeyId(k: GroupKey): string {
  return JSON.stringify([k.profile, k.region, k.application, k.group]);
}

export function groupKeyOf(account: AwsTarget, application: string, group: string): GroupKey {
  return { profile: account.profile, region: account.region, application, group };
}

function isGroupKey(value: unknown): value is GroupKey {
  if (typeof value !== 'object' || value === null) return false;
  const o = value as Record<string, unknown>;
  return ['profile', 'region', 'application', 'group'].every((k) => typeof o[k] === 'string' && o[k] !== '');
}

/** The group keys in a stored list (global state may hold anything), without duplicates. */
export function readGroupKeys(raw: unknown): GroupKey[] {
  if (!Array.isArray(raw)) return [];
  const byId = new Map<string, GroupKey>();
  for (const item of raw) {
    if (!isGroupKey(item)) continue;
    const key = { profile: item.profile, region: item.region, application: item.application, group: item.group };
    byId.set(groupKeyId(key), key);
  }
  return [...byId.values()];
}
