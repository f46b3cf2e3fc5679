import { invalid } from './errors';

export interface Page<T> {
  items: T[];
  nextToken?: string;
}

/**
 * Key-anchored pages: the token names the last key served, so items added meanwhile neither repeat nor
 * vanish. `keyOf` must give unique keys in the list's order.
 */
export function paginate<T>(all: readonly T[], keyOf: (item: T) => string, maxResults: number, nextToken: string | undefined): Page<T> {
  const start = nextToken === undefined ? 0 : resumeIndex(all, keyOf, nextToken);
  const items = all.slice(start, start + maxResults);
  const last = items[items.length - 1];
  const more = start + maxResults < all.length && last !== undefined;
  return more ? { items, nextToken: encode(start + items.length, keyOf(last)) } : { items };
}

function encode(offset: number, key: string): string {
  return Buffer.from(JSON.stringify([offset, key]), 'utf8').toString('base64url');
}

function resumeIndex<T>(all: readonly T[], keyOf: (item: T) => string, token: string): number {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw invalid('Invalid pagination token', 'OTHER');
  }
  if (!Array.isArray(decoded) || typeof decoded[0] !== 'number' || typeof decoded[1] !== 'string') {
    throw invalid('Invalid pagination token', 'OTHER');
  }
  const [offset, key] = decoded as [number, string];
  const before = all[offset - 1];
  if (before !== undefined && keyOf(before) === key) return offset;
  const found = all.findIndex((item) => keyOf(item) === key);
  return found >= 0 ? found + 1 : Math.min(offset, all.length);
}
