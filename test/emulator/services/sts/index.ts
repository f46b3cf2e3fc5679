// STS (awsQuery, signing name `sts`, version 2011-06-15): GetCallerIdentity, which tools call to learn
// the account a credential belongs to (`aws sts get-caller-identity`, the scaffold wizard's default).
import { createHash } from 'node:crypto';
import type { ServiceFactory } from '../../core/contract';
import { principalArn } from '../../core/credentials';

/**
 * An IAM user's unique id as STS reports it: `AIDA` and 17 characters of [A-Z2-7], stable per access
 * key (AWS's are random but never change for the user).
 */
export function userIdFor(accessKeyId: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const digest = createHash('sha256').update(accessKeyId).digest();
  let id = 'AIDA';
  for (let i = 0; i < 17; i++) id += alphabet[digest[i]! % alphabet.length];
  return id;
}

export const stsService: ServiceFactory = () => (registry) => {
  registry.query({
    version: '2011-06-15',
    signingName: 'sts',
    xmlNamespace: 'https://sts.amazonaws.com/doc/2011-06-15/',
    operations: {
      // The model's output members, in the order STS sends them.
      GetCallerIdentity: (_params, req) => ({
        UserId: userIdFor(req.principal ?? ''),
        Account: req.accountId,
        Arn: principalArn(req.principal, req.accountId),
      }),
    },
  });
};
