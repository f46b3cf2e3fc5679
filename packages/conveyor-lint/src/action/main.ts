// The GitHub Action (action.yml at the repository root): lints the given paths, writes SARIF for code
// scanning, and annotates the findings in the run. Inputs come as GitHub passes them: INPUT_<NAME>.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Log } from 'sarif';
import { main as lint } from '../cli/main';

type Env = Readonly<Record<string, string | undefined>>;

export interface ActionIo {
  env: Env;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

function input(env: Env, name: string): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

/** A workflow command's data and properties, escaped as the runner expects. */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const LEVEL_COMMAND: Record<string, string> = { error: 'error', warning: 'warning', note: 'notice', none: 'notice' };

/** `::error file=…,line=…::message` for each result: GitHub shows them on the run and in the diff. */
function annotations(log: Log): string[] {
  const out: string[] = [];
  for (const result of log.runs.flatMap((run) => run.results ?? [])) {
    const location = result.locations?.[0]?.physicalLocation;
    const props = [
      location?.artifactLocation?.uri ? `file=${escapeProperty(decodeURIComponent(location.artifactLocation.uri))}` : undefined,
      location?.region?.startLine ? `line=${location.region.startLine}` : undefined,
      location?.region?.startColumn ? `col=${location.region.startColumn}` : undefined,
      result.ruleId ? `title=${escapeProperty(result.ruleId)}` : undefined,
    ].filter((p): p is string => p !== undefined);
    out.push(`::${LEVEL_COMMAND[result.level ?? 'warning'] ?? 'warning'} ${props.join(',')}::${escapeData(result.message.text ?? '')}`);
  }
  return out;
}

/** Runs the action; returns the exit status (0 success, 1 findings that fail the step, 2 bad input). */
export function runAction(io: ActionIo): number {
  const workspace = io.env.GITHUB_WORKSPACE || process.cwd();
  const paths = input(io.env, 'paths').split(/\s+/).filter(Boolean);
  const rules = input(io.env, 'rules').split(/[\n,]/).map((r) => r.trim()).filter(Boolean).flatMap((r) => ['--rule', r]);
  const sarifFile = path.resolve(workspace, input(io.env, 'sarif-file') || 'conveyor-lint.sarif');
  const failOnError = input(io.env, 'fail-on-error').toLowerCase() !== 'false';
  let sarif = '';
  const status = lint(['--format', 'sarif', ...rules, ...(paths.length > 0 ? paths : ['.'])], {
    stdout: (t) => { sarif += t; }, stderr: io.stderr, cwd: workspace,
  });
  if (status === 2) return 2;
  fs.mkdirSync(path.dirname(sarifFile), { recursive: true });
  fs.writeFileSync(sarifFile, sarif);
  const log = JSON.parse(sarif) as Log;
  for (const line of annotations(log)) io.stdout(`${line}\n`);
  const count = log.runs.reduce((n, run) => n + (run.results?.length ?? 0), 0);
  io.stdout(`conveyor-lint: ${count} finding${count === 1 ? '' : 's'}; SARIF written to ${path.relative(workspace, sarifFile) || sarifFile}\n`);
  const outputs = io.env.GITHUB_OUTPUT;
  if (outputs) fs.appendFileSync(outputs, `sarif-file=${sarifFile}\n`);
  return failOnError ? status : 0;
}
