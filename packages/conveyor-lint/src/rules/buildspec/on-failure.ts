import type { RawDiagnostic } from '../../engine/raw';
import { replaceScalar } from '../../schema/map-errors';
import { looksLikePlaceholder } from '../../schema/placeholders';
import { toPointer } from '../../schema/pointer';
import type { Rule } from '../rule';
import { scalarRange, stringValue, valueOf } from '../nodes';
import { phasePairs } from './commands';

const HELP = 'https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html#build-spec.phases.on-failure';

/** Java's regex syntax, rewritten where JavaScript's differs, so that valid Java patterns are not flagged. */
function javaToJs(regex: string): string {
  return regex
    .replace(/\(\?[a-zA-Z]+\)/g, '') // inline flags such as (?i)
    .replace(/\(\?>/g, '(?:') // atomic groups
    .replace(/([*+?}])\+/g, '$1') // possessive quantifiers
    .replace(/\\[AZz]/g, '')
    .replace(/\\Q(.*?)(\\E|$)/g, (_m, s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
}

export function checkOnFailure(value: string): { severity: 'error' | 'warning'; message: string; fixTo?: string } | undefined {
  if (value === 'ABORT' || value === 'CONTINUE') return undefined;
  const upper = value.toUpperCase();
  if (upper === 'ABORT' || upper === 'CONTINUE') {
    return { severity: 'warning', message: `Write on-failure as '${upper}': the documented values are upper case.`, fixTo: upper };
  }
  const m = /^(retry)(?:-(.*))?$/is.exec(value);
  if (!m) {
    return { severity: 'error', message: `'${value}' is not a valid on-failure value. Use ABORT, CONTINUE, RETRY, RETRY-<count>, RETRY-<regex> or RETRY-<count>-<regex>.` };
  }
  const word = m[1] ?? '';
  if (word !== 'RETRY' && word !== 'Retry') {
    return { severity: 'warning', message: `Write '${word}' as 'RETRY', as documented.`, fixTo: `RETRY${value.slice(word.length)}` };
  }
  const rest = m[2];
  if (rest === undefined) return undefined;
  if (rest === '') return { severity: 'error', message: `'${value}' ends with '-': give a retry count (0-100), a regular expression, or both (RETRY-<count>-<regex>).` };
  let count: string | undefined;
  let regex: string | undefined;
  const countOnly = /^\d+$/.exec(rest);
  const countAndRegex = /^(\d+)-(.*)$/s.exec(rest);
  if (countOnly) count = rest;
  else if (countAndRegex) {
    count = countAndRegex[1];
    regex = countAndRegex[2];
  } else regex = rest;
  if (count !== undefined && Number(count) > 100) {
    return { severity: 'error', message: `The retry count in '${value}' is ${count}; it must be between 0 and 100.` };
  }
  if (regex !== undefined) {
    if (regex === '') return { severity: 'error', message: `'${value}' ends with '-': the regular expression after the count is missing.` };
    try {
      new RegExp(javaToJs(regex));
    } catch (err) {
      const reason = err instanceof Error ? err.message.replace(/^Invalid regular expression: /, '') : String(err);
      return { severity: 'error', message: `The regular expression in '${value}' is not valid (${reason}).` };
    }
  }
  return undefined;
}

export const onFailureRule: Rule = {
  id: 'buildspec/on-failure-syntax',
  kinds: ['buildspec'],
  description: 'on-failure must be ABORT, CONTINUE, RETRY, RETRY-<count> (0-100), RETRY-<regex> or RETRY-<count>-<regex> with a valid regular expression.',
  severity: 'error',
  helpUri: HELP,
  check(ctx) {
    const out: RawDiagnostic[] = [];
    for (const phase of phasePairs(ctx.root)) {
      const node = valueOf(phase.value, 'on-failure');
      const value = stringValue(node);
      if (!node || value === undefined) continue;
      ctx.claim(toPointer(['phases', phase.keyText ?? '', 'on-failure']));
      if (looksLikePlaceholder(value)) continue;
      const problem = checkOnFailure(value);
      if (!problem) continue;
      const fix = problem.fixTo ? replaceScalar(node, problem.fixTo) : undefined;
      out.push({
        ...scalarRange(node, ctx.text), severity: problem.severity, rule: this.id, message: problem.message,
        ...(fix ? { fix } : {}),
      });
    }
    return out;
  },
};
