// Opaque, tamper-evident pagination tokens: base64url(JSON cursor) + a short HMAC, bound to a scope
// (operation + resource) so a token from one listing is rejected by another.
import { createHmac, randomBytes } from 'node:crypto';

const secret = randomBytes(16);

function mac(payload: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url').slice(0, 16);
}

export function encodePageToken(scope: string, cursor: unknown): string {
  const payload = Buffer.from(JSON.stringify({ s: scope, c: cursor })).toString('base64url');
  return `${payload}.${mac(payload)}`;
}

/** The cursor, or undefined when the token is malformed, tampered with or from another scope. */
export function decodePageToken(scope: string, token: string): unknown {
  const dot = token.lastIndexOf('.');
  if (dot <= 0) return undefined;
  const payload = token.slice(0, dot);
  if (mac(payload) !== token.slice(dot + 1)) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as unknown;
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    const { s, c } = parsed as { s?: unknown; c?: unknown };
    return s === scope ? c : undefined;
  } catch {
    return undefined;
  }
}
