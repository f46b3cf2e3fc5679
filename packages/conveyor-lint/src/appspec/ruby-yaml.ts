import type { ScalarNode } from '../syntax/tree';

/**
 * How the CodeDeploy agent sees a scalar: it reads appspecs with Ruby's Psych, a YAML 1.1 parser, and
 * converts values with to_s / to_i. Where YAML 1.1 differs from the YAML 1.2 the validator parses (an
 * unquoted 0644 is an octal number, 1,000 is a number), these functions follow Psych.
 */

/** The integer Psych reads from a plain scalar, or undefined if it is not a YAML 1.1 integer. */
export function yaml11Integer(raw: string): { value: number; base: 2 | 8 | 10 | 16 } | undefined {
  const m = /^([-+]?)(0b[01_,]+|0x[0-9a-fA-F_,]+|0[0-7_,]+|0|[1-9][0-9_,]*)$/.exec(raw);
  if (!m) return undefined;
  const sign = m[1] === '-' ? -1 : 1;
  const body = (m[2] ?? '').replace(/[_,]/g, '');
  if (body.startsWith('0b')) return { value: sign * parseInt(body.slice(2), 2), base: 2 };
  if (body.startsWith('0x')) return { value: sign * parseInt(body.slice(2), 16), base: 16 };
  if (body.length > 1 && body.startsWith('0')) return { value: sign * parseInt(body, 8), base: 8 };
  return { value: sign * parseInt(body, 10), base: 10 };
}

/** `to_s` of the value Psych reads, for a scalar of a YAML document (quoted: the string itself). */
export function agentString(node: ScalarNode, source: string): string {
  if (node.style !== 'plain') return node.value === null ? '' : String(node.value);
  const raw = source.slice(node.start, node.end);
  const int = yaml11Integer(raw);
  return int ? String(int.value) : raw;
}

/** Ruby's String#to_i: leading blanks, a sign, digits (underscores between them); 0 without digits. */
export function rubyToI(text: string): number {
  const m = /^\s*([-+]?)(\d+(?:_\d+)*)/.exec(text);
  if (!m) return 0;
  return (m[1] === '-' ? -1 : 1) * Number((m[2] ?? '0').replace(/_/g, ''));
}
