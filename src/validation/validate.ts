import { scanTemplate, type EmbeddedBuildspec } from './cloudformation/embedded';
import { detectKind, type Association } from './engine/detect';
import type { RawDiagnostic, RawEdit } from './engine/raw';
import { validateSpec } from './engine/spec-validator';
import { estimateDepth, LIMITS } from './syntax/limits';
import { LineIndex } from './text/line-index';
import type { AppSpecPlatform, Diagnostic, SpecKind } from './types';

export interface ValidateOptions {
  /** What the text is; detected from `path` and the content when absent. */
  kind?: SpecKind;
  /** File path (workspace-relative or absolute): file-name detection, associations, JSON vs YAML. */
  path?: string;
  associations?: readonly Association[];
  /** Existence of files relative to the revision root (the appspec's folder), for hook scripts. */
  fileExists?: (relativePath: string) => boolean;
}

export interface ValidationReport {
  /** Undefined when the text is not recognised as a buildspec, appspec or template with buildspecs. */
  kind: SpecKind | undefined;
  diagnostics: Diagnostic[];
  /** Appspecs: the platform inferred from the content. */
  platform?: AppSpecPlatform;
  /** Templates: the inline buildspecs that were validated. */
  embedded?: number;
  /**
   * Set when the text was recognised but not (completely) validated: too large, too deeply nested, an
   * alias bomb, or a validator failure. The reason is the message of the diagnostic that says so.
   */
  notValidated?: string;
}

/** Findings that mean "this file was not checked", as opposed to "this file is wrong". */
const NOT_VALIDATED_RULES: ReadonlySet<string> = new Set(['file/too-large', 'file/too-deep', 'yaml/alias-expansion', 'internal/error']);

export function formatOf(text: string, path: string | undefined): 'yaml' | 'json' {
  if (path && /\.json$/i.test(path)) return 'json';
  if (path && /\.ya?ml$/i.test(path)) return 'yaml';
  return /^\s*\{/.test(text) ? 'json' : 'yaml';
}

/**
 * Validates a buildspec, an appspec, or the inline buildspecs of a CloudFormation template. Pure, and
 * never throws: an unexpected failure becomes one `internal/error` diagnostic.
 */
export function validate(text: string, options: ValidateOptions = {}): ValidationReport {
  const kind = options.kind ?? detectKind(text, { ...(options.path ? { path: options.path } : {}), associations: options.associations ?? [] });
  if (!kind) return { kind: undefined, diagnostics: [] };
  const report = validateKnown(text, kind, options);
  const notValidated = report.diagnostics.find((d) => NOT_VALIDATED_RULES.has(d.rule));
  return notValidated ? { ...report, notValidated: notValidated.message } : report;
}

function validateKnown(text: string, kind: SpecKind, options: ValidateOptions): ValidationReport {
  const lines = new LineIndex(text);
  try {
    const format = formatOf(text, options.path);
    if (kind === 'cloudformation') {
      const { buildspecs, notParsed } = scanTemplate(text, format);
      const diagnostics = buildspecs.flatMap((e) => validateEmbedded(e).map((d) => toDiagnostic(d, lines)));
      if (notParsed) diagnostics.push(toDiagnostic({ ...notParsed, message: `${notParsed.message} Its inline buildspecs were not checked.` }, lines));
      return { kind, diagnostics: sortDiagnostics(diagnostics), embedded: buildspecs.length };
    }
    const result = validateSpec(text, { kind, format, ...(options.fileExists ? { fileExists: options.fileExists } : {}) });
    return { kind, diagnostics: sortDiagnostics(result.diagnostics.map((d) => toDiagnostic(d, lines))), ...(result.platform ? { platform: result.platform } : {}) };
  } catch (err) {
    // A stack overflow is "too deep" only when the document really nests that deeply; any other failure
    // (a flat file that tripped a bug) must not be blamed on the file's shape.
    if (err instanceof RangeError && estimateDepth(text, LIMITS.maxDepth) > LIMITS.maxDepth) {
      return { kind, diagnostics: [{ range: lines.range(0, 0), severity: 'error', rule: 'file/too-deep',
        message: 'Not validated: the document is too deeply nested for the validator.' }] };
    }
    const message = `Not validated: the validator failed on this file (${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}). Please report this.`;
    return { kind, diagnostics: [{ range: lines.range(0, 0), severity: 'warning', message, rule: 'internal/error' }] };
  }
}

function validateEmbedded(e: EmbeddedBuildspec): RawDiagnostic[] {
  const { diagnostics } = validateSpec(e.text, { kind: 'buildspec', format: 'yaml' });
  return diagnostics.map((d) => {
    const mapped: RawDiagnostic = { ...d, start: e.toTemplate(d.start), end: e.toTemplate(d.end), message: `${d.message} (inline buildspec of ${e.resource})` };
    delete mapped.fix;
    const edits = d.fix ? d.fix.edits.map((edit) => mapEdit(edit, e)) : [];
    if (d.fix && edits.every((x): x is RawEdit => x !== undefined)) mapped.fix = { title: d.fix.title, edits };
    return mapped;
  });
}

function mapEdit(edit: RawEdit, e: EmbeddedBuildspec): RawEdit | undefined {
  let newText = edit.newText;
  if (e.style === 'literal') {
    if (newText.includes('\n')) return undefined;
  } else {
    newText = JSON.stringify(newText).slice(1, -1);
  }
  return { start: e.toTemplate(edit.start), end: e.toTemplate(edit.end), newText };
}

function toDiagnostic(d: RawDiagnostic, lines: LineIndex): Diagnostic {
  const out: Diagnostic = { range: lines.range(d.start, d.end), severity: d.severity, message: d.message, rule: d.rule };
  if (d.fix) out.fix = { title: d.fix.title, edits: d.fix.edits.map((e) => ({ range: lines.range(e.start, e.end), newText: e.newText })) };
  return out;
}

export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.rule.localeCompare(b.rule));
}
