// CloudWatch Logs filter patterns for unstructured events: terms (all must match), "quoted phrases",
// ?optional terms (at least one must match), -excluded terms, and %regular expressions%.
// Matching is case-sensitive, as in CloudWatch Logs. JSON (`{ $.x = 1 }`) and space-delimited
// (`[ip, user, ...]`) patterns are not emulated and are rejected as invalid.
import { AwsServiceError } from '../../core/contract';

export type EventMatcher = (message: string) => boolean;

interface Term {
  mode: 'all' | 'any' | 'none';
  test: (message: string) => boolean;
}

function invalid(pattern: string, why: string): AwsServiceError {
  return new AwsServiceError('InvalidParameterException', `Invalid filter pattern '${pattern}': ${why}`);
}

function tokenize(pattern: string): string[] {
  const tokens: string[] = [];
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i]!;
    if (c === ' ' || c === '\t') {
      i++;
      continue;
    }
    let token = '';
    while (i < pattern.length && pattern[i] !== ' ' && pattern[i] !== '\t') {
      const ch = pattern[i]!;
      if (ch === '"' || ch === '%') {
        const close = findClose(pattern, i + 1, ch);
        if (close < 0) throw invalid(pattern, `unterminated ${ch}`);
        token += pattern.slice(i, close + 1);
        i = close + 1;
      } else {
        token += ch;
        i++;
      }
    }
    tokens.push(token);
  }
  return tokens;
}

function findClose(s: string, from: number, quote: string): number {
  for (let i = from; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === quote) return i;
  }
  return -1;
}

function termTest(pattern: string, raw: string): (message: string) => boolean {
  if (raw.startsWith('%') && raw.endsWith('%') && raw.length >= 2) {
    let re: RegExp;
    try {
      re = new RegExp(raw.slice(1, -1));
    } catch {
      throw invalid(pattern, `bad regular expression ${raw}`);
    }
    return (m) => re.test(m);
  }
  const text = raw.startsWith('"') && raw.endsWith('"') && raw.length >= 2 ? raw.slice(1, -1).replace(/\\(.)/g, '$1') : raw;
  return (m) => m.includes(text);
}

/** Compiles a filter pattern; an empty pattern matches every event. */
export function compileFilterPattern(pattern: string | undefined): EventMatcher {
  const trimmed = (pattern ?? '').trim();
  if (trimmed === '' || trimmed === '""') return () => true;
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    throw invalid(trimmed, 'only term, "phrase", ?optional, -excluded and %regex% patterns are emulated');
  }
  const terms: Term[] = tokenize(trimmed).map((token) => {
    if (token.startsWith('?') && token.length > 1) return { mode: 'any', test: termTest(trimmed, token.slice(1)) };
    if (token.startsWith('-') && token.length > 1) return { mode: 'none', test: termTest(trimmed, token.slice(1)) };
    return { mode: 'all', test: termTest(trimmed, token) };
  });
  const all = terms.filter((t) => t.mode === 'all');
  const any = terms.filter((t) => t.mode === 'any');
  const none = terms.filter((t) => t.mode === 'none');
  return (message) =>
    all.every((t) => t.test(message)) &&
    (any.length === 0 || any.some((t) => t.test(message))) &&
    !none.some((t) => t.test(message));
}
