import type { AwsCredentialIdentityProvider } from '@smithy/types';
import { redactor } from '../core/redact';
import { ENV_PROFILE } from './profiles';

export interface CredentialOptions {
  /** Region for the STS / SSO calls made while resolving assume-role and SSO profiles. */
  region: string;
  /** Custom endpoint for those calls (the local emulator); the real services otherwise. */
  endpointUrl?: string;
}

/**
 * The SDK's own providers, so SSO (sso-session), credential_process and assume-role chains behave
 * exactly as in the AWS CLI. Files are re-read on every resolution (ignoreCache) so edits to
 * ~/.aws/* take effect without a reload; SDK clients memoise the resolved identity until it expires.
 */
export function credentialsFor(profile: string, options: CredentialOptions): AwsCredentialIdentityProvider {
  // Loaded on first resolution rather than at activation.
  const { fromEnv, fromIni } = require('@aws-sdk/credential-providers') as typeof import('@aws-sdk/credential-providers');
  const inner: AwsCredentialIdentityProvider = profile === ENV_PROFILE
    ? fromEnv()
    : fromIni({
      profile,
      ignoreCache: true,
      clientConfig: { region: options.region, ...(options.endpointUrl ? { endpoint: options.endpointUrl } : {}) },
    });
  return async (props) => {
    const identity = await inner(props);
    // Whatever we resolved must never appear in a log line, even by accident.
    redactor.addSecret(identity.secretAccessKey);
    redactor.addSecret(identity.sessionToken);
    return identity;
  };
}
