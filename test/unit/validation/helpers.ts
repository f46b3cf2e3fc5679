import * as assert from 'node:assert/strict';
import type { Diagnostic, Fix } from '../../../packages/conveyor-lint/src/types';
import { validate, type ValidateOptions } from '../../../packages/conveyor-lint/src/validate';
import { LineIndex } from '../../../packages/conveyor-lint/src/text/line-index';

export function lint(text: string, kind: 'buildspec' | 'appspec' | 'cloudformation', options: Omit<ValidateOptions, 'kind'> = {}): Diagnostic[] {
  return validate(text, { kind, ...options }).diagnostics;
}

export const buildspec = (text: string, options: Omit<ValidateOptions, 'kind'> = {}): Diagnostic[] => lint(text, 'buildspec', options);
export const appspec = (text: string, options: Omit<ValidateOptions, 'kind'> = {}): Diagnostic[] => lint(text, 'appspec', options);

export function byRule(ds: readonly Diagnostic[], rule: string): Diagnostic[] {
  return ds.filter((d) => d.rule === rule);
}

export function errors(ds: readonly Diagnostic[]): Diagnostic[] {
  return ds.filter((d) => d.severity === 'error');
}

/** Zero-based line of the first line containing `needle`. */
export function lineOf(text: string, needle: string): number {
  const i = text.split('\n').findIndex((l) => l.includes(needle));
  assert.ok(i >= 0, `no line contains ${needle}`);
  return i;
}

/** The text of a diagnostic's range. */
export function textAt(text: string, d: Diagnostic): string {
  const lines = new LineIndex(text);
  return text.slice(lines.offsetAt(d.range.start), lines.offsetAt(d.range.end));
}

/** The document after applying a fix's edits (back to front). */
export function applyFix(text: string, fix: Fix | undefined): string {
  assert.ok(fix, 'expected a quick fix');
  const lines = new LineIndex(text);
  const edits = fix.edits.map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), newText: e.newText }))
    .sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of edits) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

export function show(ds: readonly Diagnostic[]): string {
  return ds.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.message} [${d.rule}]`).join('\n');
}

/** A small valid buildspec with the given extra YAML appended under phases.build (or top level). */
export const BASE = 'version: 0.2\nphases:\n  build:\n    commands:\n      - echo hello\n';
