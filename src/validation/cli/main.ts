import * as fs from 'node:fs';
import * as path from 'node:path';
import { detectKind } from '../engine/detect';
import { parseRuleSetting } from '../engine/rule-settings';
import { ruleIds } from '../rules/catalog';
import { closestMatch } from '../text/edit-distance';
import type { RuleSetting } from '../types';
import { validate } from '../validate';
import { findSpecFiles } from './find-files';
import { type FileReport, toSarif } from './sarif';

const USAGE = `Usage: conveyor-lint [--format text|json|sarif] [--rule <rule>=off|error|warning|info]... <path>...

Validates AWS CodeBuild buildspecs and CodeDeploy appspecs (and the inline buildspecs of CloudFormation
templates given explicitly). Folders are searched for buildspec*.yml|yaml and appspec.yml|yaml|json
(also appspec-*, appspec_* and *.appspec.*), skipping node_modules and .git.

--rule turns a rule off or changes its severity (repeatable); in a file, a comment
# conveyor-disable-next-line <rule> does it for one line.

Exit status: 1 if any error was found, 0 otherwise, 2 on usage errors.`;

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
    io.stderr(`conveyor-lint: ${args}\n\n${USAGE}\n`);
    return 2;
  }
  const files: { file: string; explicit: boolean }[] = [];
  for (const p of args.paths) {
    const full = path.resolve(io.cwd, p);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(full);
    } catch {
      io.stderr(`conveyor-lint: cannot read '${p}': no such file or folder\n`);
      return 2;
    }
    if (stat.isDirectory()) files.push(...findSpecFiles(full).map((file) => ({ file, explicit: false })));
    else files.push({ file: full, explicit: true });
  }

  const reports: FileReport[] = [];
  for (const { file } of files) {
    const shown = path.relative(io.cwd, file) || file;
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (err) {
      io.stderr(`conveyor-lint: cannot read '${shown}': ${err instanceof Error ? err.message : String(err)}\n`);
      return 2;
    }
    const kind = detectKind(text, { path: file });
    if (!kind) {
      io.stderr(`conveyor-lint: skipped '${shown}': not recognised as a buildspec, appspec or CloudFormation template with inline buildspecs\n`);
      continue;
    }
    const dir = path.dirname(file);
    const report = validate(text, { kind, path: file, rules: args.rules, fileExists: (rel) => fs.existsSync(path.join(dir, rel)) });
    reports.push({ path: shown, kind, diagnostics: report.diagnostics });
  }

  const all = reports.flatMap((r) => r.diagnostics);
  const errors = all.filter((d) => d.severity === 'error').length;
  if (args.format === 'json') {
    io.stdout(`${JSON.stringify({
      files: reports.map((r) => ({ path: r.path, kind: r.kind, diagnostics: r.diagnostics.map((d) => ({
        line: d.range.start.line + 1, column: d.range.start.character + 1, endLine: d.range.end.line + 1, endColumn: d.range.end.character + 1,
        severity: d.severity, message: d.message, rule: d.rule, ...(d.fix ? { fix: d.fix } : {}),
      })) })),
      summary: { files: reports.length, errors, warnings: all.filter((d) => d.severity === 'warning').length, information: all.filter((d) => d.severity === 'information').length },
    }, null, 2)}\n`);
  } else if (args.format === 'sarif') {
    io.stdout(`${JSON.stringify(toSarif(reports), null, 2)}\n`);
  } else {
    for (const r of reports) {
      for (const d of r.diagnostics) {
        io.stdout(`${r.path}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity}: ${d.message} [${d.rule}]\n`);
      }
    }
    if (all.length > 0 || reports.length === 0) {
      io.stderr(`${reports.length} file${reports.length === 1 ? '' : 's'} checked: ${errors} error${errors === 1 ? '' : 's'}, ${all.length - errors} other finding${all.length - errors === 1 ? '' : 's'}\n`);
    }
  }
  return errors > 0 ? 1 : 0;
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2), {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    cwd: process.cwd(),
  });
}
