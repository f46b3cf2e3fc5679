import { scanTemplate, type EmbeddedBuildspec } from './cloudformation/embedded';
import { detectKind, type Association } from './engine/detect';
import type { RawDiagnostic, RawEdit } from './engine/raw';
import { yamlInJsonFile } from './engine/recognition';
import { validateSpec } from './engine/spec-validator';
import { applySuppressions, disableRuleFix, findDirectives, nextLineDirectives } from './engine/suppressions';
import { ruleIds } from './rules/catalog';
import { estimateDepth, LIMITS } from './syntax/limits';
import { LineIndex } from './text/line-index';
import type { AppSpecPlatform, Diagnostic, RuleSettings, SpecKind } from './types';

export interface ValidateOptions {
  /** What the text is; detected from `path` and the content when absent. */
  kind?: SpecKind;
  /** File path (workspace-relative or absolute): file-name detection, associations, JSON vs YAML. */
  path?: string;
  associations?: readonly Association[];
  /** Existence of files relative to the revision root (the appspec's folder), for hook scripts. */
  fileExists?: (relativePath: string) => boolean;
  /** Per-rule severity or `off` (`conveyor.validation.rules`, `conveyor-lint --rule`). */
  rules?: RuleSettings;
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
  if (path && /\.json$/i.test(path)) return yamlInJsonFile(text, path) ? 'yaml' : 'json';
  if (path && /\.ya?ml$/i.test(path)) return 'yaml';
  return /^\s*\{/.test(text) ? 'json' : 'yaml';
}

/** A diagnostic and the line suppression comments refer to. */
interface Finding {
  diagnostic: Diagnostic;
  anchorLine: number;
}

/**
 * Validates a buildspec, an appspec, or the inline buildspecs of a CloudFormation template. Pure, and
 * never throws: an unexpected failure becomes one `internal/error` diagnostic. Suppression comments and
 * the per-rule settings are applied to the result.
 */
export function validate(text: string, options: ValidateOptions = {}): ValidationReport {
  const kind = options.kind ?? detectKind(text, { ...(options.path ? { path: options.path } : {}), associations: options.associations ?? [] });
  if (!kind) return { kind: undefined, diagnostics: [] };
  const lines = new LineIndex(text);
  const format = formatOf(text, options.path);
  const { findings, extra } = validateKnown(text, kind, format, lines, options);
  const notValidated = findings.find((f) => NOT_VALIDATED_RULES.has(f.diagnostic.rule))?.diagnostic.message;
  const diagnostics = format === 'yaml' ? suppress(findings, text, lines) : findings.map((f) => f.diagnostic);
  return { kind, diagnostics: sortDiagnostics(applyRuleSettings(diagnostics, options.rules)), ...extra, ...(notValidated ? { notValidated } : {}) };
}

function validateKnown(text: string, kind: SpecKind, format: 'yaml' | 'json', lines: LineIndex, options: ValidateOptions): { findings: Finding[]; extra: Pick<ValidationReport, 'platform' | 'embedded'> } {
  const findings: Finding[] = [];
  const add = (d: RawDiagnostic): void => {
    findings.push({ diagnostic: toDiagnostic(d, lines), anchorLine: lines.positionAt(d.anchor ?? d.start).line });
  };
  try {
    const yamlInJson = yamlInJsonFile(text, options.path);
    if (yamlInJson) add(yamlInJson);
    if (kind === 'cloudformation') {
      const { buildspecs, notParsed } = scanTemplate(text, format);
      for (const e of buildspecs) validateEmbedded(e).forEach(add);
      if (notParsed) add({ ...notParsed, message: `${notParsed.message} Its inline buildspecs were not checked.` });
      return { findings, extra: { embedded: buildspecs.length } };
    }
    const result = validateSpec(text, { kind, format, ...(options.fileExists ? { fileExists: options.fileExists } : {}) });
    result.diagnostics.forEach(add);
    return { findings, extra: result.platform ? { platform: result.platform } : {} };
  } catch (err) {
    // A stack overflow is "too deep" only when the document really nests that deeply; any other failure
    // (a flat file that tripped a bug) must not be blamed on the file's shape.
    const tooDeep = err instanceof RangeError && estimateDepth(text, LIMITS.maxDepth) > LIMITS.maxDepth;
    const diagnostic: Diagnostic = tooDeep
      ? { range: lines.range(0, 0), severity: 'error', rule: 'file/too-deep', message: 'Not validated: the document is too deeply nested for the validator.' }
      : { range: lines.range(0, 0), severity: 'warning', rule: 'internal/error',
        message: `Not validated: the validator failed on this file (${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}). Please report this.` };
    return { findings: [{ diagnostic, anchorLine: 0 }], extra: {} };
  }
}

/** Applies `# conveyor-disable...` comments and gives every remaining finding its "disable" edit. */
function suppress(findings: readonly Finding[], text: string, lines: LineIndex): Diagnostic[] {
  if (findings.length === 0 && !text.includes('conveyor-')) return [];
  const directives = findDirectives(text);
  const { kept, unknown } = applySuppressions(findings.map((f) => f.diagnostic), findings.map((f) => f.anchorLine), directives, ruleIds(), lines);
  const anchorOf = new Map(findings.map((f) => [f.diagnostic, f.anchorLine]));
  const nextLine = nextLineDirectives(directives);
  for (const d of kept) d.disable = disableRuleFix(text, lines, anchorOf.get(d) ?? d.range.start.line, d.rule, nextLine);
  return [...kept, ...unknown];
}

/** Drops the rules set to `off` and gives the others the severity they are set to. */
export function applyRuleSettings(diagnostics: Diagnostic[], rules: RuleSettings | undefined): Diagnostic[] {
  if (!rules) return diagnostics;
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    const setting = Object.prototype.hasOwnProperty.call(rules, d.rule) ? rules[d.rule] : undefined;
    if (setting === 'off') continue;
    out.push(setting ? { ...d, severity: setting } : d);
  }
  return out;
}

function validateEmbedded(e: EmbeddedBuildspec): RawDiagnostic[] {
  const { diagnostics } = validateSpec(e.text, { kind: 'buildspec', format: 'yaml' });
  return diagnostics.map((d) => {
    const mapped: RawDiagnostic = { ...d, start: e.toTemplate(d.start), end: e.toTemplate(d.end), message: `${d.message} (inline buildspec of ${e.resource})` };
    if (d.anchor !== undefined) mapped.anchor = e.toTemplate(d.anchor);
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
