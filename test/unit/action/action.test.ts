// The GitHub Action as the runner starts it: its bundled entry point (action.yml's `main`) with the
// INPUT_* variables, GITHUB_WORKSPACE and GITHUB_OUTPUT that GitHub sets; the SARIF it writes is checked
// against the SARIF 2.1.0 schema.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import Ajv from 'ajv-draft-04';
import type { Log } from 'sarif';

const ROOT = path.resolve(__dirname, '../../..');
const ACTION = path.join(ROOT, 'packages/conveyor-lint/dist/action.js');
const SARIF_SCHEMA = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');

describe('GitHub Action', function () {
  this.timeout(120_000);
  const workspace = mkdtempSync(path.join(tmpdir(), 'conveyor-action-'));
  // The schema's language-tag pattern is not valid in unicode mode (a stray `]`), so patterns are compiled without it.
  const validateSarif = new Ajv({ strict: false, validateFormats: false, unicodeRegExp: false }).compile(JSON.parse(readFileSync(SARIF_SCHEMA, 'utf8')) as object);

  before(() => {
    const build = spawnSync(process.execPath, [path.join(ROOT, 'scripts/build-lint-package.mjs'), '--action'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(build.status, 0, build.stderr);
    const yml = readFileSync(path.join(ROOT, 'action.yml'), 'utf8');
    assert.match(yml, /main: packages\/conveyor-lint\/dist\/action\.js/);
    writeFileSync(path.join(workspace, 'buildspec.yml'), 'version: 0.2\nphases:\n  biuld:\n    commands:\n      - $(aws ecr get-login --no-include-email)\n');
    writeFileSync(path.join(workspace, 'appspec.yml'), 'version: 0.0\nos: linux\n');
  });
  after(() => rmSync(workspace, { recursive: true, force: true }));

  function runAction(inputs: Record<string, string>): { status: number | null; stdout: string; stderr: string; outputs: string } {
    const outputs = path.join(workspace, `github-output-${Math.random().toString(36).slice(2)}`);
    writeFileSync(outputs, '');
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, GITHUB_WORKSPACE: workspace, GITHUB_OUTPUT: outputs, GITHUB_ACTIONS: 'true' };
    for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
    const r = spawnSync(process.execPath, [ACTION], { cwd: tmpdir(), env, encoding: 'utf8' });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr, outputs: readFileSync(outputs, 'utf8') };
  }

  it('lints the paths, annotates the findings, writes valid SARIF 2.1.0 and fails the step on errors', () => {
    const r = runAction({ paths: '.', 'sarif-file': 'results/conveyor.sarif', rules: 'buildspec/ecr-get-login-removed=info', 'fail-on-error': 'true' });
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, /^::error file=buildspec\.yml,line=3,col=3,title=schema\/unknown-key::Unknown key 'biuld' in phases\. Did you mean 'build'\?$/m);
    assert.match(r.stdout, /^::notice file=buildspec\.yml,line=5,col=\d+,title=buildspec\/ecr-get-login-removed::/m);
    const sarifPath = path.join(workspace, 'results/conveyor.sarif');
    assert.equal(r.outputs, `sarif-file=${sarifPath}\n`);
    const log = JSON.parse(readFileSync(sarifPath, 'utf8')) as Log;
    assert.ok(validateSarif(log), JSON.stringify(validateSarif.errors, null, 2));
    assert.equal(log.version, '2.1.0');
    const results = log.runs[0]?.results ?? [];
    assert.deepEqual(results.map((x) => [x.ruleId, x.level, x.locations?.[0]?.physicalLocation?.artifactLocation?.uri]).sort(),
      [['buildspec/ecr-get-login-removed', 'note', 'buildspec.yml'], ['schema/unknown-key', 'error', 'buildspec.yml']]);
  });

  it('passes the step when told not to fail, and refuses a malformed rule input', () => {
    assert.equal(runAction({ paths: 'buildspec.yml', 'fail-on-error': 'false' }).status, 0);
    const bad = runAction({ paths: '.', rules: 'no-such-rule=off' });
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /unknown rule 'no-such-rule'/);
  });

  it('rejects SARIF that breaks the schema (the check can fail)', () => {
    assert.equal(validateSarif({ version: '2.1.0', runs: [{ tool: { driver: {} }, results: [{ message: { text: 'x' }, level: 'fatal' }] }] }), false);
  });
});
