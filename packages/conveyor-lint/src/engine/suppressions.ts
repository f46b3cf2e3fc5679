import { closestMatch } from '../text/edit-distance';
import type { LineIndex } from '../text/line-index';
import type { Diagnostic, Fix } from '../types';

/**
 * `# conveyor-disable-next-line <rule>[, <rule>...]`: the next line that holds YAML (blank and
 * comment-only lines are skipped, so directives can be stacked).
 * `# conveyor-disable-line <rule>...`: the line the comment ends.
 * `# conveyor-disable <rule>...` ... `# conveyor-enable <rule>...`: a block of lines (to the end without
 * an enable). Without rules, a directive covers every rule. `<family>/*` covers a family of rules.
 */
export type DirectiveKind = 'disable-next-line' | 'disable-line' | 'disable' | 'enable';

interface RuleToken {
  id: string;
  /** Offsets of the token in the text, for reporting an unknown rule. */
  start: number;
  end: number;
}

export interface Directive {
  kind: DirectiveKind;
  /** Zero-based line of the comment. */
  line: number;
  /** The lines it covers, [from, to] inclusive; `enable` directives cover nothing. */
  from: number;
  to: number;
  /** Empty: every rule. */
  rules: RuleToken[];
}

const DIRECTIVE = /(^|[ \t])#[ \t]*conveyor-(disable-next-line|disable-line|disable|enable)\b([^\r\n]*)/;

function isCommentOrBlank(line: string): boolean {
  const trimmed = line.trimStart();
  return trimmed === '' || trimmed === '\r' || trimmed.startsWith('#');
}

function ruleTokens(rest: string, offset: number): RuleToken[] {
  // Text after ` -- ` is a reason, as in ESLint.
  const dashes = rest.search(/\s--(\s|$)/);
  const list = dashes === -1 ? rest : rest.slice(0, dashes);
  const out: RuleToken[] = [];
  for (const m of list.matchAll(/[^\s,]+/g)) out.push({ id: m[0], start: offset + m.index, end: offset + m.index + m[0].length });
  return out;
}

/** The suppression comments of a YAML text, with the lines each one covers. */
export function findDirectives(text: string): Directive[] {
  if (!text.includes('conveyor-')) return [];
  const lines = text.split('\n');
  const out: Directive[] = [];
  let offset = 0;
  let open: Directive[] = [];
  let nextCode: number[] | undefined;
  lines.forEach((line, index) => {
    const lineOffset = offset;
    offset += line.length + 1;
    const m = DIRECTIVE.exec(line);
    if (!m) return;
    const kind = m[2] as DirectiveKind;
    const restStart = lineOffset + m.index + m[0].length - (m[3] ?? '').length;
    const rules = ruleTokens(m[3] ?? '', restStart);
    if (kind === 'disable-next-line') {
      // Stacked directives all skip the same comment lines: find the next code lines once, not per directive.
      nextCode ??= nextCodeLines(lines);
      const target = nextCode[index + 1] ?? lines.length;
      out.push({ kind, line: index, from: target, to: target, rules });
    } else if (kind === 'disable-line') {
      out.push({ kind, line: index, from: index, to: index, rules });
    } else if (kind === 'disable') {
      const d: Directive = { kind, line: index, from: index, to: lines.length, rules };
      out.push(d);
      open.push(d);
    } else {
      // An enable closes the open blocks it names (all of them when it names none).
      const ids = new Set(rules.map((r) => r.id));
      for (const d of open) {
        if (ids.size === 0 || d.rules.length === 0 || d.rules.some((r) => ids.has(r.id))) d.to = index;
      }
      open = open.filter((d) => d.to === lines.length);
      out.push({ kind, line: index, from: index, to: index - 1, rules });
    }
  });
  return out;
}

/** For each line, the first line at or after it that is neither blank nor only a comment. */
function nextCodeLines(lines: readonly string[]): number[] {
  const out = new Array<number>(lines.length + 1);
  out[lines.length] = lines.length;
  for (let i = lines.length - 1; i >= 0; i--) out[i] = isCommentOrBlank(lines[i] ?? '') ? (out[i + 1] ?? lines.length) : i;
  return out;
}

/** The tokens that would cover a rule: itself and each `<family>/*` above it. */
function tokensCovering(rule: string): string[] {
  const out = [rule];
  for (let i = rule.indexOf('/'); i !== -1; i = rule.indexOf('/', i + 1)) out.push(`${rule.slice(0, i + 1)}*`);
  return out;
}

/**
 * Which findings the directives cover. One sweep down the lines with a count of the active directives per
 * rule token, so thousands of findings and thousands of comments cost linear time, not their product.
 */
function suppressedFindings(rules: readonly string[], anchorLines: readonly number[], directives: readonly Directive[]): boolean[] {
  const blocks = directives.filter((d) => d.kind !== 'enable' && d.from <= d.to);
  const byFrom = [...blocks].sort((a, b) => a.from - b.from);
  const byTo = [...blocks].sort((a, b) => a.to - b.to);
  const order = rules.map((_, i) => i).sort((a, b) => (anchorLines[a] ?? 0) - (anchorLines[b] ?? 0));
  const active = new Map<string, number>();
  const ALL = '';
  const bump = (d: Directive, by: number): void => {
    const tokens = d.rules.length === 0 ? [ALL] : new Set(d.rules.map((r) => r.id));
    for (const t of tokens) active.set(t, (active.get(t) ?? 0) + by);
  };
  const out = new Array<boolean>(rules.length).fill(false);
  let added = 0;
  let removed = 0;
  for (const i of order) {
    const line = anchorLines[i] ?? 0;
    for (; added < byFrom.length && (byFrom[added]?.from ?? 0) <= line; added++) bump(byFrom[added] as Directive, 1);
    for (; removed < byTo.length && (byTo[removed]?.to ?? 0) < line; removed++) bump(byTo[removed] as Directive, -1);
    out[i] = (active.get(ALL) ?? 0) > 0 || tokensCovering(rules[i] ?? '').some((t) => (active.get(t) ?? 0) > 0);
  }
  return out;
}

export const UNKNOWN_RULE = 'suppression/unknown-rule';

/**
 * Drops the diagnostics a directive covers (matched on the line of their anchor) and reports directives
 * that name rules no validator has, with the nearest known rule as a fix.
 */
export function applySuppressions<T extends Diagnostic>(diagnostics: T[], anchorLines: readonly number[], directives: readonly Directive[],
  knownRules: readonly string[], lines: LineIndex): { kept: T[]; unknown: Diagnostic[] } {
  if (directives.length === 0) return { kept: diagnostics, unknown: [] };
  const suppressed = suppressedFindings(diagnostics.map((d) => d.rule), diagnostics.map((d, i) => anchorLines[i] ?? d.range.start.line), directives);
  const kept = diagnostics.filter((_, i) => !suppressed[i]);
  const known = new Set(knownRules);
  const families = new Set(knownRules.map((r) => `${r.slice(0, r.indexOf('/'))}/*`));
  const unknown: Diagnostic[] = [];
  for (const dir of directives) {
    for (const token of dir.rules) {
      if (known.has(token.id) || families.has(token.id)) continue;
      const suggestion = closestMatch(token.id, knownRules);
      const range = lines.range(token.start, token.end);
      unknown.push({ range, severity: 'warning', rule: UNKNOWN_RULE,
        message: `'${token.id}' is not a Conveyor rule, so this conveyor-${dir.kind} comment suppresses nothing.${suggestion ? ` Did you mean '${suggestion}'?` : ' Rule ids look like buildspec/on-failure-syntax; they are shown in brackets after each problem.'}`,
        ...(suggestion ? { fix: { title: `Change to '${suggestion}'`, edits: [{ range, newText: suggestion }] } } : {}) });
    }
  }
  return { kept, unknown };
}

/** The first `disable-next-line` comment naming rules that covers each line (what disableRuleFix extends). */
export function nextLineDirectives(directives: readonly Directive[]): Map<number, Directive> {
  const out = new Map<number, Directive>();
  for (const d of directives) if (d.kind === 'disable-next-line' && d.rules.length > 0 && !out.has(d.from)) out.set(d.from, d);
  return out;
}

/**
 * The edit that silences `rule` on `line`: a `# conveyor-disable-next-line` comment above it, at its
 * indentation, or the rule added to such a comment that is already there.
 */
export function disableRuleFix(text: string, lines: LineIndex, line: number, rule: string, nextLine: ReadonlyMap<number, Directive>): Fix {
  const title = `Disable ${rule} for this line`;
  const existing = nextLine.get(line);
  const last = existing?.rules[existing.rules.length - 1];
  if (existing && last) {
    const at = lines.range(last.end, last.end);
    return { title, edits: [{ range: at, newText: `, ${rule}` }] };
  }
  const start = lines.lineStart(line);
  const indent = /^[ \t]*/.exec(text.slice(start, lines.lineEnd(line)))?.[0] ?? '';
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const at = lines.range(start, start);
  return { title, edits: [{ range: at, newText: `${indent}# conveyor-disable-next-line ${rule}${eol}` }] };
}
