// One credentials resolution for every SDK client of a profile. Each client memoises the identity it
// resolved, but a new client (the first call of another service, another view) would resolve it again:
// read and parse ~/.aws/config and credentials, and for SSO or assume-role profiles call AWS, before
// its first request can go out. Shared, only the first client of a profile waits for that; the session
// drops the shared identity with its clients whenever the settings or the ~/.aws files change.
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';

/** As the SDK's own memo (@smithy/core memoizeIdentityProvider): an identity that expires within 5 minutes is resolved again. */
const REFRESH_BEFORE_EXPIRY_MS = 300_000;

export function shareIdentity(provider: AwsCredentialIdentityProvider, now: () => number = Date.now): AwsCredentialIdentityProvider {
  let resolved: AwsCredentialIdentity | undefined;
  let pending: Promise<AwsCredentialIdentity> | undefined;
  const fresh = (identity: AwsCredentialIdentity): boolean =>
    identity.expiration === undefined || identity.expiration.getTime() - now() >= REFRESH_BEFORE_EXPIRY_MS;
  return async (properties) => {
    const forced = properties?.forceRefresh === true;
    if (resolved && !forced && fresh(resolved)) return resolved;
    // Calls at once share one resolution; a failed one is not kept (the next call tries again).
    pending ??= provider(properties).then((identity) => { resolved = identity; return identity; }).finally(() => { pending = undefined; });
    return pending;
  };
}
