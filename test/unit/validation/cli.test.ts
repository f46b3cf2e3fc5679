import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Log } from 'sarif';
import { main } from '../../../packages/conveyor-lint/src/cli/main';
import { toSarif } from '../../../packages/conveyor-lint/src/cli/sarif';

const FIXTURE = path.resolve(__dirname, '../../fixtures/validation/project');
const TEMPLATES = path.resolve(__dirname, '../../fixtures/validation/templates');

function run(args: string[], cwd: string): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const code = main(args, { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; }, cwd });
  return { code, stdout, stderr };
}

describe('conveyor-lint CLI', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'conveyor-lint-'));
    fs.cpSync(FIXTURE, dir, { recursive: true });
    for (const skipped of ['node_modules/pkg', '.git']) {
      fs.mkdirSync(path.join(dir, skipped), { recursive: true });
      fs.writeFileSync(path.join(dir, skipped, 'buildspec.yml'), 'version: 0.2\nphases: broken: [\n');
    }
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints file:line:col: severity: message [rule], 1-based, and exits 1 on errors', () => {
    const r = run(['.'], dir);
    assert.equal(r.code, 1);
    const lines = r.stdout.trim().split('\n');
    assert.ok(lines.includes("buildspec.yml:3:3: error: Phase 'pre-build' is not a CodeBuild phase, so its commands never run: phase names use underscores ('pre_build'). [buildspec/hyphenated-phase]"), r.stdout);
    assert.ok(lines.some((l) => /^buildspec\.yml:5:11: warning: `aws ecr get-login` .* \[buildspec\/ecr-get-login-removed\]$/.test(l)), r.stdout);
    assert.ok(lines.some((l) => /^buildspec\.yml:8:9: error: .* \[buildspec\/command-parsed-as-mapping\]$/.test(l)), r.stdout);
    assert.ok(lines.some((l) => /^deploy[\\/]appspec\.yml:10:17: warning: Script 'scripts\/missing\.sh' was not found/.test(l)), r.stdout);
    assert.ok(!r.stdout.includes('node_modules') && !r.stdout.includes('.git'), 'node_modules and .git are skipped');
    assert.match(r.stderr, /3 files checked: 2 errors, 2 other findings/);
  });

  it('exits 0 when there are only warnings or nothing', () => {
    assert.equal(run(['ci'], dir).code, 0);
    assert.equal(run(['deploy/appspec.yml'], dir).code, 0);
    assert.equal(run(['ci/buildspec-test.yaml'], dir).stdout, '');
  });

  it('exits 2 on usage errors', () => {
    assert.equal(run([], dir).code, 2);
    assert.equal(run(['--format', 'xml', '.'], dir).code, 2);
    assert.equal(run(['--bogus', '.'], dir).code, 2);
    assert.equal(run(['does-not-exist.yml'], dir).code, 2);
    assert.equal(run(['--help'], dir).code, 0);
  });

  it('turns rules off and changes severities with --rule, and the exit status follows', () => {
    const off = run(['--rule', 'buildspec/hyphenated-phase=off', '--rule=buildspec/command-parsed-as-mapping=warning', 'buildspec.yml'], dir);
    assert.equal(off.code, 0, off.stdout);
    assert.ok(!off.stdout.includes('[buildspec/hyphenated-phase]'), off.stdout);
    assert.match(off.stdout, /:8:9: warning: .*\[buildspec\/command-parsed-as-mapping\]$/m);
    const stricter = run(['--rule', 'appspec/hook-script-missing=error', 'deploy/appspec.yml'], dir);
    assert.equal(stricter.code, 1);
    assert.match(stricter.stdout, /: error: Script 'scripts\/missing\.sh'/);
    assert.match(run(['--rule', 'buildspec/ecr-get-login-removed=info', '--format', 'sarif', 'buildspec.yml'], dir).stdout, /"level": "note"/);
  });

  it('refuses unknown rules and settings in --rule, with the nearest rule', () => {
    const typo = run(['--rule', 'buildspec/hyphenated-phse=off', '.'], dir);
    assert.equal(typo.code, 2);
    assert.match(typo.stderr, /unknown rule 'buildspec\/hyphenated-phse' \(did you mean 'buildspec\/hyphenated-phase'\?\)/);
    assert.match(run(['--rule', 'buildspec/hyphenated-phase=loud', '.'], dir).stderr, /must be off, error, warning or info, not 'loud'/);
    assert.equal(run(['--rule', '.'], dir).code, 2);
  });

  it('writes JSON with positions, fixes and a summary', () => {
    const r = run(['--format', 'json', '.'], dir);
    const out = JSON.parse(r.stdout) as { files: { path: string; kind: string; diagnostics: { line: number; column: number; rule: string; fix?: unknown }[] }[]; summary: { errors: number; warnings: number; files: number } };
    assert.deepEqual(out.summary, { files: 3, errors: 2, warnings: 2, information: 0, notValidated: 0 });
    const bs = out.files.find((f) => f.path === 'buildspec.yml');
    assert.equal(bs?.kind, 'buildspec');
    assert.deepEqual(bs?.diagnostics.map((d) => [d.line, d.column, d.rule, d.fix !== undefined]), [
      [3, 3, 'buildspec/hyphenated-phase', true], [5, 11, 'buildspec/ecr-get-login-removed', true], [8, 9, 'buildspec/command-parsed-as-mapping', true]]);
  });

  it('writes SARIF 2.1.0 with rule metadata, locations and fixes', () => {
    const r = run(['--format=sarif', '.'], dir);
    const log = JSON.parse(r.stdout) as Log;
    assert.equal(log.version, '2.1.0');
    assert.equal(log.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
    const runs = log.runs;
    assert.equal(runs.length, 1);
    const [first] = runs;
    assert.ok(first);
    const rules = first.tool.driver.rules ?? [];
    assert.ok(rules.length >= 20);
    for (const rule of rules) assert.ok(rule.id && rule.shortDescription?.text && rule.helpUri, JSON.stringify(rule));
    const results = first.results ?? [];
    assert.equal(results.length, 4);
    for (const result of results) {
      assert.ok(result.ruleId);
      assert.equal(rules[result.ruleIndex ?? -1]?.id, result.ruleId, 'ruleIndex points at the rule');
      const region = result.locations?.[0]?.physicalLocation?.region;
      assert.ok(region?.startLine && region.startColumn && region.startLine >= 1 && region.startColumn >= 1);
      assert.ok(['error', 'warning', 'note'].includes(String(result.level)));
    }
    assert.ok(results.some((res) => (res.fixes?.length ?? 0) > 0));
    assert.ok(results.every((res) => !String(res.locations?.[0]?.physicalLocation?.artifactLocation?.uri).includes('\\')));
  });

  it('produces a log the SARIF type definitions accept', () => {
    // Compile-time check: the shape conveyor-lint writes is assignable to @types/sarif's Log.
    const typed: Log = toSarif([{ path: 'a/buildspec.yml', kind: 'buildspec', diagnostics: [] }]);
    assert.equal(typed.runs[0]?.results?.length, 0);
  });

  it('validates the inline buildspecs of CloudFormation templates given explicitly', () => {
    const r = run(['codebuild.yml', 'codebuild.json'], TEMPLATES);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^codebuild\.yml:23:13: error: Unknown key 'biuld' in phases\. Did you mean 'build'\? \(inline buildspec of Project\) \[schema\/unknown-key\]$/m);
    assert.match(r.stdout, /^codebuild\.yml:26:19: error: .*\[buildspec\/command-parsed-as-mapping\]$/m);
    assert.match(r.stdout, /^codebuild\.json:9:50: error: Unknown key 'biuld'/m);
  });

  it('skips files it does not recognise, with a note', () => {
    const other = path.join(dir, 'notes.yml');
    fs.writeFileSync(other, 'name: nothing to see\n');
    const r = run(['notes.yml'], dir);
    assert.equal(r.code, 0);
    assert.match(r.stderr, /skipped 'notes\.yml'/);
  });

  // Review 2026-12, finding 9: a key written as a double-quoted YAML string can hold ESC, BEL and CR.
  it('escapes control characters from the file in text output, as JSON does', () => {
    fs.writeFileSync(path.join(dir, 'buildspec-esc.yml'),
      'version: 0.2\n"\\e]0;TITLE\\a\\e[2K\\rall good\\u2028\\u202e": 1\nphases:\n  build:\n    commands:\n      - echo hi\n');
    const r = run(['buildspec-esc.yml'], dir);
    assert.equal(r.code, 1, r.stdout);
    // eslint-disable-next-line no-control-regex -- the test is that no control character reaches the terminal
    assert.ok(!/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e]/.test(r.stdout + r.stderr), JSON.stringify(r.stdout));
    assert.ok(r.stdout.includes(String.raw`'\u001b]0;TITLE\u0007\u001b[2K\u000dall good\u2028\u202e'`), r.stdout);
    assert.equal(r.stdout.split('\n').length, 2, 'one finding, one line');
    const json = JSON.parse(run(['--format', 'json', 'buildspec-esc.yml'], dir).stdout) as { files: { diagnostics: { message: string }[] }[] };
    assert.ok((json.files[0]?.diagnostics[0]?.message ?? '').includes('\u001b]0;TITLE\u0007'), 'JSON keeps the real characters, escaped by JSON itself');
  });

  describe('files it recognises but does not validate (review 2026-12, finding 13)', () => {
    let skip: string;
    before(() => {
      skip = fs.mkdtempSync(path.join(os.tmpdir(), 'conveyor-lint-skip-'));
      // Over 1 MiB with an anchor: only the complete parser reads anchors, and it does not take files this large.
      const filler = Array.from({ length: 40_000 }, (_, i) => `    VAR_${i}: value-${i}\n`).join('');
      fs.writeFileSync(path.join(skip, 'buildspec-large.yml'), `version: 0.2\nenv:\n  variables: &vars\n${filler}phases:\n  build:\n    commands:\n      - echo hi\n`);
      fs.writeFileSync(path.join(skip, 'buildspec-latin1.yml'), Buffer.from('version: 0.2\nphases:\n  build:\n    commands:\n      - echo caf\xe9\n', 'latin1'));
      fs.writeFileSync(path.join(skip, 'buildspec-ok.yml'), 'version: 0.2\nphases:\n  build:\n    commands:\n      - echo \ufffd is fine\n');
      fs.writeFileSync(path.join(skip, 'buildspec-bad.yml'), 'version: 0.2\nphases:\n  biuld:\n    commands:\n      - make\n');
      const inline = '          version: 0.2\n          phases:\n            build:\n              commands: [make]\n';
      fs.writeFileSync(path.join(skip, 'template.yml'), `AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Project:\n    Type: AWS::CodeBuild::Project\n    Properties:\n      Description: ${'x'.repeat(1024 * 1024)}\n      Source:\n        BuildSpec: |\n${inline}`);
    });
    after(() => fs.rmSync(skip, { recursive: true, force: true }));

    it('exits 3 for a file too large for the parser it needs, and says so', () => {
      const r = run(['buildspec-large.yml'], skip);
      assert.equal(r.code, 3, r.stdout + r.stderr);
      assert.match(r.stdout, /^buildspec-large\.yml:1:1: warning: Not validated: .*\[file\/too-large\]$/m);
      assert.match(r.stderr, /1 file checked: 0 errors, 1 other finding; 1 not validated: buildspec-large\.yml/);
    });

    it('exits 3 for a file that is not UTF-8, naming the byte and its line; a U+FFFD in real UTF-8 is fine', () => {
      const r = run(['buildspec-latin1.yml'], skip);
      assert.equal(r.code, 3, r.stdout + r.stderr);
      assert.equal(r.stdout, 'buildspec-latin1.yml:5:17: warning: Not validated: the file is not UTF-8 text (byte 0xE9 on line 5). Save it as UTF-8 to have it checked. [file/not-utf8]\n');
      assert.equal(run(['buildspec-ok.yml'], skip).code, 0);
    });

    it('exits 3 for a CloudFormation template whose inline buildspecs it could not look for', () => {
      const r = run(['template.yml'], skip);
      assert.equal(r.code, 3, r.stdout + r.stderr);
      assert.match(r.stdout, /Not validated: .* Its inline buildspecs were not checked\. \[file\/too-large\]/);
    });

    it('counts them in JSON and SARIF output too, and 3 wins over 1', () => {
      const r = run(['--format', 'json', 'buildspec-bad.yml', 'buildspec-latin1.yml', 'buildspec-ok.yml'], skip);
      assert.equal(r.code, 3);
      const out = JSON.parse(r.stdout) as { files: { path: string; validated: boolean }[]; summary: { notValidated: number; errors: number } };
      assert.deepEqual(out.files.map((f) => [f.path, f.validated]), [['buildspec-bad.yml', true], ['buildspec-latin1.yml', false], ['buildspec-ok.yml', true]]);
      assert.equal(out.summary.notValidated, 1);
      assert.equal(out.summary.errors, 1);
      const sarif = run(['--format', 'sarif', 'buildspec-latin1.yml'], skip);
      assert.equal(sarif.code, 3);
      const log = JSON.parse(sarif.stdout) as Log;
      const result = log.runs[0]?.results?.[0];
      assert.equal(result?.ruleId, 'file/not-utf8');
      assert.equal(log.runs[0]?.tool.driver.rules?.[result.ruleIndex ?? -1]?.id, 'file/not-utf8');
      assert.equal(run(['buildspec-bad.yml'], skip).code, 1, 'errors alone still exit 1');
    });

    it('documents exit status 3 in --help', () => {
      assert.match(run(['--help'], skip).stdout, /3 some file was not validated/);
    });
  });
});
