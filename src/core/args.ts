// Command arguments arrive as `unknown`: from a tree node, a script, a keybinding, another extension or
// a command URI. These checks turn them into typed values or `undefined`, never throw, and never trust
// a value's type because of where it came from.

export type ArgObject = Readonly<Record<string, unknown>>;

/** The argument as a plain object, or undefined for primitives, arrays and null. */
export function asObject(arg: unknown): ArgObject | undefined {
  return typeof arg === 'object' && arg !== null && !Array.isArray(arg) ? (arg as ArgObject) : undefined;
}

/** A non-empty string (empty strings read as absent). */
export function asString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function asBoolean(value: unknown): boolean | undefined {
  return typeof value === 'boolean' ? value : undefined;
}

export function asFiniteNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** A Date, an ISO string or epoch milliseconds, when it names a valid time. */
export function asDate(value: unknown): Date | undefined {
  const d = value instanceof Date ? value : typeof value === 'string' || typeof value === 'number' ? new Date(value) : undefined;
  return d && !Number.isNaN(d.getTime()) ? d : undefined;
}

/** One of the allowed values, or undefined. */
export function asOneOf<T extends string>(value: unknown, allowed: readonly T[]): T | undefined {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

/** The non-empty string properties named in `keys`, copied from an argument object. */
export function pickStrings<K extends string>(arg: unknown, keys: readonly K[]): Partial<Record<K, string>> {
  const o = asObject(arg);
  const out: Partial<Record<K, string>> = {};
  if (!o) return out;
  for (const key of keys) {
    const value = asString(o[key]);
    if (value !== undefined) out[key] = value;
  }
  return out;
}

/** The array elements that pass `check` (an absent or non-array value gives undefined). */
export function arrayOf<T>(value: unknown, check: (item: unknown) => item is T): T[] | undefined {
  return Array.isArray(value) ? value.filter(check) : undefined;
}

/** Whether `value` is an object whose listed properties are all strings. */
export function hasStrings<K extends string>(value: unknown, keys: readonly K[]): value is Record<K, string> {
  const o = asObject(value);
  return o !== undefined && keys.every((k) => typeof o[k] === 'string');
}
