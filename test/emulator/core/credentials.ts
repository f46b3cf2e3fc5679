// The credentials the emulator accepts, from the contract's EMULATOR_ACCOUNTS.
import { EMULATOR_ACCOUNTS } from './contract';

export interface KnownCredential {
  name: keyof typeof EMULATOR_ACCOUNTS;
  accountId: string;
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  /** The session token has expired: every request signed with it fails with ExpiredTokenException. */
  expired: boolean;
}

const byKey = new Map<string, KnownCredential>();
for (const [name, acc] of Object.entries(EMULATOR_ACCOUNTS) as [keyof typeof EMULATOR_ACCOUNTS, (typeof EMULATOR_ACCOUNTS)[keyof typeof EMULATOR_ACCOUNTS]][]) {
  byKey.set(acc.accessKeyId, {
    name,
    accountId: acc.accountId,
    accessKeyId: acc.accessKeyId,
    secretAccessKey: acc.secretAccessKey,
    ...('sessionToken' in acc ? { sessionToken: acc.sessionToken } : {}),
    expired: name === 'expired',
  });
}

export function findCredential(accessKeyId: string): KnownCredential | undefined {
  return byKey.get(accessKeyId);
}

/** The IAM identity a signed request acts as, as CodePipeline reports it in `lastUpdatedBy` and similar. */
export function principalArn(accessKeyId: string | undefined, accountId: string): string {
  const cred = accessKeyId ? byKey.get(accessKeyId) : undefined;
  return `arn:aws:iam::${accountId}:user/${cred ? `emulator-${cred.name}` : 'anonymous'}`;
}
