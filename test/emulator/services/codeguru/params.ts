import { AwsServiceError } from '../../core/contract';

export const invalid = (message: string): AwsServiceError => new AwsServiceError('ValidationException', message, 400);

/** CodeGuru's Timestamp shape is `date-time`: ISO-8601 in query strings and bodies. */
export function time(query: URLSearchParams, key: string, required: true): number;
export function time(query: URLSearchParams, key: string, required?: false): number | undefined;
export function time(query: URLSearchParams, key: string, required = false): number | undefined {
  const raw = query.get(key);
  if (raw === null) {
    if (required) throw invalid(`${key} is required`);
    return undefined;
  }
  const ms = Date.parse(raw);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(raw) || Number.isNaN(ms)) throw invalid(`${key} must be an ISO 8601 date-time, got '${raw}'`);
  return ms;
}

export const iso = (ms: number): string => new Date(ms).toISOString();

export function integer(query: URLSearchParams, key: string, min: number, max: number): number | undefined {
  const raw = query.get(key);
  if (raw === null) return undefined;
  const n = Number(raw);
  if (!/^-?\d+$/.test(raw) || n < min || n > max) throw invalid(`${key} must be an integer between ${min} and ${max}, got '${raw}'`);
  return n;
}

export function bool(query: URLSearchParams, key: string): boolean | undefined {
  const raw = query.get(key);
  if (raw === null) return undefined;
  if (raw !== 'true' && raw !== 'false') throw invalid(`${key} must be true or false`);
  return raw === 'true';
}

export function oneOf<T extends string>(query: URLSearchParams, key: string, values: readonly T[]): T | undefined {
  const raw = query.get(key);
  if (raw === null) return undefined;
  const found = values.find((v) => v === raw);
  if (found === undefined) throw invalid(`${key} must be one of ${values.join(', ')}, got '${raw}'`);
  return found;
}

export const PERIODS = ['PT5M', 'PT1H', 'P1D'] as const;
export type AggregationPeriod = (typeof PERIODS)[number];
export const PERIOD_MS: Record<AggregationPeriod, number> = { PT5M: 5 * 60_000, PT1H: 60 * 60_000, P1D: 24 * 60 * 60_000 };

/** ISO-8601 durations as the Period members take them: PnW, PnDTnHnMnS (fractional seconds allowed). */
export function duration(raw: string, key: string): number {
  const m = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(raw);
  if (!m || raw === 'P' || raw.endsWith('T')) throw invalid(`${key} must be an ISO 8601 duration such as PT5M or P1D, got '${raw}'`);
  const [, w = '0', d = '0', h = '0', min = '0', s = '0'] = m;
  return ((Number(w) * 7 + Number(d)) * 24 * 3600 + Number(h) * 3600 + Number(min) * 60 + Number(s)) * 1000;
}

/** nextToken values must match ^[\w-]+$ (at most 64 characters): base64url of the next offset. */
export function offsetPage<T>(items: readonly T[], query: URLSearchParams, defaultSize: number): { items: T[]; nextToken?: string } {
  const size = integer(query, 'maxResults', 1, 1000) ?? defaultSize;
  const token = query.get('nextToken');
  let start = 0;
  if (token !== null) {
    const decoded = /^[\w-]{1,64}$/.test(token) ? Buffer.from(token, 'base64url').toString('utf8') : '';
    if (!/^o\d+$/.test(decoded)) throw invalid('The nextToken is not valid');
    start = Number(decoded.slice(1));
  }
  const page = items.slice(start, start + size);
  const next = start + size < items.length ? Buffer.from(`o${start + size}`).toString('base64url') : undefined;
  return next ? { items: page, nextToken: next } : { items: page };
}
