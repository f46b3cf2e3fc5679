/** npm names in URLs: `@scope/name` (or `@scope%2fname`, decoded by the router) → namespace without `@`. */
export interface NpmName {
  namespace?: string | undefined;
  name: string;
  full: string;
}

export function npmName(full: string): NpmName | undefined {
  const scoped = /^@([^/@\s]+)\/([^/@\s]+)$/.exec(full);
  if (scoped) return { namespace: scoped[1], name: scoped[2] ?? '', full };
  return /^[^/@\s][^/\s]*$/.test(full) ? { name: full, full } : undefined;
}

/** Splits path segments (the router has already turned `%2f` into `/`) into the name and what follows. */
export function takeName(segments: string[]): { name?: NpmName | undefined; after: string[] } {
  const [first = '', ...others] = segments;
  if (first.startsWith('@')) {
    const [second = '', ...rest] = others;
    return { name: npmName(`${first}/${second}`), after: rest };
  }
  return { name: npmName(first), after: others.length === 1 && others[0] === '' ? [] : others };
}
