// Helpers for the plain, JSON-comparable records the features map SDK outputs to.

/** Epoch milliseconds of an SDK timestamp; undefined for a missing or invalid date. */
export function epochMillis(date: Date | undefined): number | undefined {
  if (!(date instanceof Date)) return undefined;
  const t = date.getTime();
  return Number.isNaN(t) ? undefined : t;
}

/** Copies only the defined members, so records compare equal whether a field was absent or undefined. */
export function definedOnly<T extends object>(record: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(record)) if (v !== undefined) out[k] = v;
  return out as T;
}
