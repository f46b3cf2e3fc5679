// Helpers for the plain, JSON-comparable records the features map SDK outputs to.

/** Epoch milliseconds of an SDK timestamp; undefined for a missing or invalid date. */
export function epochMillis(date: Date | undefined): number | undefined {
  if (!(date instanceof Date)) return undefined;
  const t = date.getTime();
  return Number.isNaN(t) ? undefined : t;
}

/**
 * `T` as {@link definedOnly} returns it: a member whose type admits undefined becomes optional and never holds
 * undefined, so the result fits a model whose optional fields are absent rather than undefined.
 */
export type DefinedOnly<T> = {
  [K in keyof T as undefined extends T[K] ? never : K]: T[K];
} & {
  [K in keyof T as undefined extends T[K] ? K : never]?: Exclude<T[K], undefined>;
};

/** Copies only the defined members, so records compare equal whether a field was absent or undefined. */
export function definedOnly<T extends object>(record: T): DefinedOnly<T> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(record)) if (v !== undefined) out[k] = v;
  // Object.entries loses the key types; the loop above is what makes the mapped type true.
  return out as DefinedOnly<T>;
}
