// CodeBuild's paging: opaque tokens bound to the listing (operation + resource + order), holding the
// position after the last item returned. A token from elsewhere is an InvalidInputException.
import { AwsServiceError } from '../../core/contract';
import { decodePageToken, encodePageToken } from '../../core/page-token';

export const invalidInput = (message: string): AwsServiceError => new AwsServiceError('InvalidInputException', message);

export const notFound = (message: string): AwsServiceError => new AwsServiceError('ResourceNotFoundException', message);

/** One page of `items` from the token's position; `size` items at most. */
export function page<T>(items: readonly T[], scope: string, token: unknown, size: number): { items: T[]; nextToken?: string } {
  let start = 0;
  if (token !== undefined) {
    const cursor = decodePageToken(scope, token as string);
    if (typeof cursor !== 'number' || cursor < 0) throw invalidInput('Invalid next token');
    start = cursor;
  }
  const slice = items.slice(start, start + size);
  const next = start + slice.length;
  return next < items.length ? { items: slice, nextToken: encodePageToken(scope, next) } : { items: slice };
}

/** A BatchGet* answer: found items in request order (duplicates once), and the ids not found. */
export function batchGet<T>(ids: readonly string[], find: (id: string) => T | undefined, wire: (item: T) => unknown): { found: unknown[]; notFound: string[] } {
  const found: unknown[] = [];
  const notFound: string[] = [];
  for (const id of new Set(ids)) {
    const item = find(id);
    if (item) found.push(wire(item));
    else notFound.push(id);
  }
  return { found, notFound };
}
