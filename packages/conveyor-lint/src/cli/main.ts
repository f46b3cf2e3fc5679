import * as fs from 'node:fs';
import * as path from 'node:path';
import { detectKind } from '../engine/detect';
import { parseRuleSetting } from '../engine/rule-settings';
import { ruleIds } from '../rules/catalog';
import { closestMatch } from '../text/edit-distance';
import { LineIndex } from '../text/line-index';
import type { RuleSetting, SpecKind } from '../types';
import { validate, type ValidationReport } from '../validate';
import { findSpecFiles } from './find-files';
import { decodeUtf8 } from './read-text';
import { type FileReport, toSarif } from './sarif';
import { escapeForTerminal } from './terminal-text';

const USAGE = `Usage: conveyor-lint [--format text|json|sarif] [--rule <rule>=off|error|warning|info]... <path>...

Validates AWS CodeBuild buildspecs and CodeDeploy appspecs (and the inline buildspecs of CloudFormation
templates given explicitly). Folders are searched for buildspec*.yml|yaml and appspec.yml|yaml|json
(also appspec-*, appspec_* and *.appspec.*), skipping node_modules and .git.

--rule turns a rule off or changes its severity (repeatable); in a file, a comment
# conveyor-disable-next-line <rule> does it for one line.

A file that is recognised but cannot be validated (larger than the validator reads, nested too deeply,
an alias bomb, not UTF-8, or a validator failure) is reported as "not validated" and fails the run.

Exit status: 0 no errors; 1 errors found; 2 usage error or unreadable file; 3 some file was not validated
(3 wins over 1: fix what blocks validation first).`;

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
}

type Format = 'text' | 'json' | 'sarif';

interface Args {
  format: Format;
  paths: string[];
  rules: Record<string, RuleSetting>;
}

/** `--rule id=setting`: the parsed pair, or what is wrong with it. */
function parseRuleOption(value: string | undefined): [string, RuleSetting] | string {
  const eq = value?.lastIndexOf('=') ?? -1;
  if (value === undefined || eq <= 0) return `--rule needs <rule>=off|error|warning|info${value ? `, not '${value}'` : ''}`;
  const id = value.slice(0, eq);
  const setting = parseRuleSetting(value.slice(eq + 1));
  if (!ruleIds().includes(id)) {
    const suggestion = closestMatch(id, ruleIds());
    return `--rule: unknown rule '${id}'${suggestion ? ` (did you mean '${suggestion}'?)` : ''}`;
  }
  if (!setting) return `--rule ${id}: the setting must be off, error, warning or info, not '${value.slice(eq + 1)}'`;
  return [id, setting];
}

function parseArgs(argv: readonly string[]): Args | string {
  let format: Format = 'text';
  const paths: string[] = [];
  const rules: Record<string, RuleSetting> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--') {
      paths.push(...argv.slice(i + 1));
      break;
    }
    if (a === '--format' || a === '-f') {
      const v = argv[++i];
      if (v !== 'text' && v !== 'json' && v !== 'sarif') return `--format needs text, json or sarif${v ? `, not '${v}'` : ''}`;
      format = v;
    } else if (a.startsWith('--format=')) {
      const v = a.slice('--format='.length);
      if (v !== 'text' && v !== 'json' && v !== 'sarif') return `--format needs text, json or sarif, not '${v}'`;
      format = v;
    } else if (a === '--rule' || a.startsWith('--rule=')) {
      const rule = parseRuleOption(a === '--rule' ? argv[++i] : a.slice('--rule='.length));
      if (typeof rule === 'string') return rule;
      rules[rule[0]] = rule[1];
    } else if (a.startsWith('-') && a !== '-') {
      return `unknown option '${a}'`;
    } else {
      paths.push(a);
    }
  }
  if (paths.length === 0) return 'no path given';
  return { format, paths, rules };
}

/** Runs the CLI; returns the exit status. */
export function main(argv: readonly string[], io: Io): number {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    io.stderr(`conveyor-lint: ${escapeForTerminal(args)}\n\n${USAGE}\n`);
    return 2;
  }
  const files: { file: string; explicit: boolean }[] = [];
  for (const p of args.paths) {
    const full = path.resolve(io.cwd, p);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(full);
    } catch {
      io.stderr(`${escapeForTerminal(`conveyor-lint: cannot read '${p}': no such file or folder`)}\n`);
      return 2;
    }
    if (stat.isDirectory()) for (const file of findSpecFiles(full)) files.push({ file, explicit: false });
    else files.push({ file: full, explicit: true });
  }

  const reports: (FileReport & { notValidated?: string })[] = [];
  for (const { file } of files) {
    const shown = path.relative(io.cwd, file) || file;
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(file);
    } catch (err) {
      io.stderr(`${escapeForTerminal(`conveyor-lint: cannot read '${shown}': ${err instanceof Error ? err.message : String(err)}`)}\n`);
      return 2;
    }
    const { text, invalid } = decodeUtf8(bytes);
    const kind = detectKind(text, { path: file });
    if (!kind) {
      io.stderr(`${escapeForTerminal(`conveyor-lint: skipped '${shown}': not recognised as a buildspec, appspec or CloudFormation template with inline buildspecs`)}\n`);
      continue;
    }
    const dir = path.dirname(file);
    const report = invalid ? notUtf8(text, kind, invalid) : validate(text, { kind, path: file, rules: args.rules, fileExists: (rel) => fs.existsSync(path.join(dir, rel)) });
    reports.push({ path: shown, kind, diagnostics: report.diagnostics, ...(report.notValidated ? { notValidated: report.notValidated } : {}) });
  }

  const all = reports.flatMap((r) => r.diagnostics);
  const errors = all.filter((d) => d.severity === 'error').length;
  const notValidated = reports.filter((r) => r.notValidated !== undefined);
  if (args.format === 'json') {
    io.stdout(`${JSON.stringify({
      files: reports.map((r) => ({ path: r.path, kind: r.kind, validated: r.notValidated === undefined, diagnostics: r.diagnostics.map((d) => ({
        line: d.range.start.line + 1, column: d.range.start.character + 1, endLine: d.range.end.line + 1, endColumn: d.range.end.character + 1,
        severity: d.severity, message: d.message, rule: d.rule, ...(d.fix ? { fix: d.fix } : {}),
      })) })),
      summary: { files: reports.length, errors, warnings: all.filter((d) => d.severity === 'warning').length, information: all.filter((d) => d.severity === 'information').length, notValidated: notValidated.length },
    }, null, 2)}\n`);
  } else if (args.format === 'sarif') {
    io.stdout(`${JSON.stringify(toSarif(reports), null, 2)}\n`);
  } else {
    for (const r of reports) {
      for (const d of r.diagnostics) {
        io.stdout(`${escapeForTerminal(`${r.path}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity}: ${d.message} [${d.rule}]`)}\n`);
      }
    }
    if (all.length > 0 || reports.length === 0) {
      const skipped = notValidated.length > 0 ? `; ${notValidated.length} not validated: ${notValidated.map((r) => r.path).join(', ')}` : '';
      io.stderr(`${escapeForTerminal(`${reports.length} file${reports.length === 1 ? '' : 's'} checked: ${errors} error${errors === 1 ? '' : 's'}, ${all.length - errors} other finding${all.length - errors === 1 ? '' : 's'}${skipped}`)}\n`);
    }
  }
  return notValidated.length > 0 ? 3 : errors > 0 ? 1 : 0;
}

/** The report for a file whose bytes are not UTF-8: nothing was validated, and it says where and why. */
function notUtf8(text: string, kind: SpecKind, invalid: { offset: number; byte: number }): ValidationReport {
  const at = new LineIndex(text).range(invalid.offset, invalid.offset + 1);
  const message = `Not validated: the file is not UTF-8 text (byte 0x${invalid.byte.toString(16).toUpperCase().padStart(2, '0')} on line ${at.start.line + 1}). Save it as UTF-8 to have it checked.`;
  return { kind, diagnostics: [{ range: at, severity: 'warning', message, rule: 'file/not-utf8' }], notValidated: message };
}
