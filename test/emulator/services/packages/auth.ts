import type { EmuRequest } from '../../core/contract';
import type { TokenCheck, TokenIssuer } from '../codeartifact/tokens';
import { header } from './http';

/** The token a package manager presents: `Bearer <token>` (npm) or Basic `aws:<token>` (pip, twine, Maven, NuGet). */
export function presentedToken(req: EmuRequest): string | undefined {
  const value = header(req, 'authorization');
  if (!value) return undefined;
  const [scheme, credential] = value.split(/\s+/, 2);
  if (!credential) return undefined;
  if (scheme?.toLowerCase() === 'bearer') return credential;
  if (scheme?.toLowerCase() === 'basic') {
    const decoded = Buffer.from(credential, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    return colon >= 0 && decoded.slice(0, colon) === 'aws' ? decoded.slice(colon + 1) : undefined;
  }
  return undefined;
}

export type AuthOutcome = TokenCheck | { ok: false; reason: 'missing' };

export function authenticate(req: EmuRequest, tokens: TokenIssuer, domain: string, owner: string): AuthOutcome {
  const token = presentedToken(req);
  return token === undefined ? { ok: false, reason: 'missing' } : tokens.check(token, domain, owner);
}

export function challenge(format: string, domain: string, owner: string, repo: string): string {
  return format === 'npm' ? `Bearer realm="${domain}-${owner}"` : `Basic realm="${domain}-${owner}/${format}/${repo}"`;
}

export const AUTH_MESSAGES: Record<Exclude<AuthOutcome, { ok: true }>['reason'], string> = {
  missing: 'Unauthorized: an authorization token is required (see GetAuthorizationToken)',
  unknown: 'Unauthorized: the authorization token is not valid',
  expired: 'Unauthorized: the authorization token has expired',
  'wrong-domain': 'Unauthorized: the authorization token was issued for another domain',
};
