// Smithy `@http` URI patterns: literal segments, `{label}`, greedy `{label+}`, and query literals
// (`/path?type=x` or `/path?flag`), matched against a request path split into decoded segments.

type Segment = { kind: 'literal'; value: string } | { kind: 'label'; name: string; greedy: boolean };

export interface UriPattern {
  readonly source: string;
  readonly segments: readonly Segment[];
  readonly queryLiterals: readonly [string, string | undefined][];
  /** Higher first: more literal segments and query literals, greedy labels last. */
  readonly specificity: number;
}

export function compileUriPattern(source: string): UriPattern {
  const q = source.indexOf('?');
  const path = q < 0 ? source : source.slice(0, q);
  const query = q < 0 ? '' : source.slice(q + 1);
  const segments: Segment[] = path
    .split('/')
    .filter((s) => s !== '')
    .map((s): Segment => {
      const m = /^\{([A-Za-z0-9_]+)(\+?)\}$/.exec(s);
      return m ? { kind: 'label', name: m[1]!, greedy: m[2] === '+' } : { kind: 'literal', value: s };
    });
  const queryLiterals = query
    .split('&')
    .filter(Boolean)
    .map((p): [string, string | undefined] => {
      const eq = p.indexOf('=');
      return eq < 0 ? [p, undefined] : [p.slice(0, eq), p.slice(eq + 1)];
    });
  const literals = segments.filter((s) => s.kind === 'literal').length;
  const greedy = segments.some((s) => s.kind === 'label' && s.greedy);
  return { source, segments, queryLiterals, specificity: literals * 100 + queryLiterals.length * 10 + segments.length - (greedy ? 50 : 0) };
}

/** Splits a raw request path into percent-decoded segments; undefined when the encoding is invalid. */
export function decodePathSegments(rawPath: string): string[] | undefined {
  try {
    return rawPath.split('/').filter((s) => s !== '').map((s) => decodeURIComponent(s));
  } catch {
    return undefined;
  }
}

export function matchUriPattern(pattern: UriPattern, segments: readonly string[], query: URLSearchParams): Record<string, string> | undefined {
  for (const [key, value] of pattern.queryLiterals) {
    if (!query.has(key)) return undefined;
    if (value !== undefined && query.get(key) !== value) return undefined;
  }
  const labels: Record<string, string> = {};
  return matchFrom(pattern.segments, 0, segments, 0, labels) ? labels : undefined;
}

function matchFrom(pat: readonly Segment[], pi: number, segs: readonly string[], si: number, labels: Record<string, string>): boolean {
  if (pi === pat.length) return si === segs.length;
  const p = pat[pi]!;
  if (p.kind === 'literal') {
    return segs[si] === p.value && matchFrom(pat, pi + 1, segs, si + 1, labels);
  }
  if (!p.greedy) {
    const value = segs[si];
    if (value === undefined || value === '') return false;
    labels[p.name] = value;
    return matchFrom(pat, pi + 1, segs, si + 1, labels);
  }
  // A greedy label takes one or more segments; leave enough for the rest of the pattern.
  for (let end = segs.length; end > si; end--) {
    labels[p.name] = segs.slice(si, end).join('/');
    if (matchFrom(pat, pi + 1, segs, end, labels)) return true;
  }
  delete labels[p.name];
  return false;
}
