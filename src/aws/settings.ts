import type { RetryMode } from './clients';
import { isRegionCode } from './regions';

/**
 * The `conveyor.aws.*` settings, validated. `endpointUrl` is not among them: where requests go depends
 * on where that setting was made (see endpoint.ts), so the session reads it on its own.
 */
export interface AwsSettings {
  profile?: string;
  region?: string;
  retryMode: RetryMode;
  maxAttempts: number;
}

export type SettingReader = (key: string) => unknown;

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

export function readAwsSettings(get: SettingReader): AwsSettings {
  const retry = get('retryMode');
  const attempts = get('maxAttempts');
  const settings: AwsSettings = {
    retryMode: retry === 'adaptive' ? 'adaptive' : 'standard',
    maxAttempts: typeof attempts === 'number' && Number.isInteger(attempts) && attempts >= 1 && attempts <= 10 ? attempts : 3,
  };
  const profile = str(get('profile'));
  const region = str(get('region'));
  if (profile) settings.profile = profile;
  // The region becomes part of every endpoint's host name: only a region code is taken.
  if (region && isRegionCode(region)) settings.region = region;
  return settings;
}
