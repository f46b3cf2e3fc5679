import { randomBytes } from 'node:crypto';

export interface TokenGrant {
  domain: string;
  domainOwner: string;
  /** The account that asked for the token. */
  accountId: string;
  /** Epoch milliseconds. */
  expiresAt: number;
}

export type TokenCheck = { ok: true; grant: TokenGrant } | { ok: false; reason: 'unknown' | 'expired' | 'wrong-domain' };

export const DEFAULT_TOKEN_SECONDS = 12 * 60 * 60;

/**
 * Authorization tokens as GetAuthorizationToken hands them out: opaque, shaped like AWS's JWE
 * (five base64url parts, a readable header with `isu`/`exp`), valid for one domain until expiry.
 */
export class TokenIssuer {
  private readonly grants = new Map<string, TokenGrant>();

  constructor(private readonly now: () => number) {}

  issue(domain: string, domainOwner: string, accountId: string, durationSeconds: number): { token: string; grant: TokenGrant } {
    const issuedAt = this.now();
    const grant: TokenGrant = { domain, domainOwner, accountId, expiresAt: issuedAt + durationSeconds * 1000 };
    const header = {
      ver: 1,
      isu: Math.floor(issuedAt / 1000),
      enc: 'A128GCM',
      tag: randomBytes(16).toString('base64url'),
      exp: Math.floor(grant.expiresAt / 1000),
      alg: 'A128GCMKW',
      iv: randomBytes(12).toString('base64url'),
    };
    const token = [
      Buffer.from(JSON.stringify(header)).toString('base64url'),
      randomBytes(16).toString('base64url'),
      randomBytes(12).toString('base64url'),
      randomBytes(480).toString('base64url'),
      randomBytes(16).toString('base64url'),
    ].join('.');
    this.grants.set(token, grant);
    return { token, grant };
  }

  check(token: string, domain: string, domainOwner: string): TokenCheck {
    const grant = this.grants.get(token);
    if (!grant) return { ok: false, reason: 'unknown' };
    if (grant.domain !== domain || grant.domainOwner !== domainOwner) return { ok: false, reason: 'wrong-domain' };
    if (this.now() >= grant.expiresAt) return { ok: false, reason: 'expired' };
    return { ok: true, grant };
  }
}
