import type { RetryMode } from './clients';

/** The `conveyor.aws.*` settings, validated. */
export interface AwsSettings {
  profile?: string;
  region?: string;
  endpointUrl?: string;
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
  const endpointUrl = str(get('endpointUrl'));
  if (profile) settings.profile = profile;
  if (region) settings.region = region;
  if (endpointUrl) settings.endpointUrl = endpointUrl.replace(/\/+$/, '');
  return settings;
}

/** Whether an endpoint is this machine (emulator, LocalStack): shown unmistakably in the status bar. */
export function isLocalEndpoint(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const host = new URL(url).hostname;
    return host === 'localhost' || host === '::1' || host === '[::1]' || /^127\./.test(host);
  } catch {
    return false;
  }
}
