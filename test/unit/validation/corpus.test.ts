import * as assert from 'node:assert/strict';
import type { Diagnostic } from '../../../packages/conveyor-lint/src/types';
import { validate } from '../../../packages/conveyor-lint/src/validate';
import { CORPUS_DIR, corpusAvailable, corpusFiles, type CorpusFile } from './corpus';

/** Where each file marked invalid must get an error: the first line matching `at`, and the rule. */
const INVALID: Record<string, { at: RegExp; rule: string }> = {
  'buildspec/buildspec-013.yml': { at: /^\s+- # /, rule: 'buildspec/empty-command' },
  'buildspec/buildspec-015.yml': { at: /aws s3 sync "public\/"/, rule: 'yaml/syntax' },
  'buildspec/buildspec-058.yaml': { at: /^\s+type: zip/, rule: 'schema/unknown-key' },
  'buildspec/buildspec-090.yml': { at: /^\s+test\s*$/, rule: 'yaml/syntax' },
  'buildspec/buildspec-125.yml': { at: /^phases:/, rule: 'schema/invalid-value' },
  'buildspec/buildspec-138.yml': { at: /^environment_variables:/, rule: 'buildspec/legacy-environment-variables' },
  'buildspec/buildspec-139.yml': { at: /^environment_variables:/, rule: 'buildspec/legacy-environment-variables' },
  'appspec/appspec-006.yml': { at: /timeout: 6000/, rule: 'appspec/hook-timeout-too-long' },
  'appspec/appspec-014.yml': { at: /interpreter:/, rule: 'schema/unknown-key' },
  // yaml reports the inconsistency where the mapping's column no longer matches: the first hook after
  // the over-indented BeforeInstall.
  'appspec/appspec-018.yaml': { at: /^ {2}AfterInstall:/, rule: 'yaml/syntax' },
  // Missing version: reported at the document's first key.
  'appspec/appspec-020.yml': { at: /^Resources:/, rule: 'schema/missing-key' },
  'appspec/appspec-021.yml': { at: /^resources:/, rule: 'schema/missing-key' },
  'appspec/appspec-025.yaml': { at: /- LifeCycleEvent:/, rule: 'appspec/hook-not-allowed-for-platform' },
  'appspec/appspec-050.yml': { at: /CurrentVersion: !Ref/, rule: 'yaml/unsupported-tag' },
  'appspec/appspec-054.json': { at: /"Resources"/, rule: 'schema/missing-key' },
  'appspec/appspec-069.yaml': { at: /^Resources:/, rule: 'schema/missing-key' },
  'appspec/appspec-073.json': { at: /"version": 0\.2/, rule: 'schema/invalid-value' },
};

/**
 * Files the corpus marks invalid where AWS's own documentation says otherwise (issue 15): no error, and the
 * finding, if any, that says what AWS does with them.
 */
const OVERRULED: Record<string, { warn?: { rule: string; at: RegExp }; why: string }> = {
  'buildspec/buildspec-022.yaml': {
    why: "GitHub Actions steps in a phase are CodeBuild's managed action runner (https://docs.aws.amazon.com/codebuild/latest/userguide/action-runner-buildspec.html); this build phase has steps and no commands, as documented.",
  },
  'buildspec/buildspec-106.yml': { warn: { rule: 'buildspec/artifacts-without-files', at: /^artifacts:/ },
    why: "The reference requires artifacts/files, but AWS's own samples (sample-runtime-versions) use secondary-artifacts without it: a warning, not an error.",
  },
};

/**
 * Decisions for the files the corpus marks "maybe" (unclear from the documentation): never an error,
 * at most one kind of warning, at the line named.
 */
const MAYBE: Record<string, { warn: string; at: RegExp; why: string }> = {};
for (const f of ['011', '012', '086']) {
  MAYBE[`buildspec/buildspec-${f}.yml`] = { warn: 'buildspec/phase-without-commands', at: /^\s+post_build:/,
    why: 'The reference says commands is required when pre_build/build/post_build is present; CodeBuild is not known to reject a phase with only finally. Warning.' };
}
for (const f of ['015.json', '017.json', '027.json', '048.json', '056.json', '057.json', '065.json', '066.json', '075.yaml', '076.json']) {
  MAYBE[`appspec/appspec-${f}`] = { warn: 'appspec/version-not-documented', at: /version/,
    why: 'The only documented version is 0.0, but ECS blue/green deployments accept 1 in practice. Warning with a fix to 0.0, no error.' };
}
for (const f of ['035', '036']) {
  MAYBE[`appspec/appspec-${f}.yml`] = { warn: 'appspec/hook-not-allowed-for-platform', at: /^\s+CustomEvent:/,
    why: 'The EC2 agent accepts any hook name, but CodeDeploy never triggers an undocumented event: the scripts never run. Warning.' };
}

function lineOf(file: CorpusFile, at: RegExp): number {
  const index = file.text.split('\n').findIndex((l) => at.test(l));
  assert.ok(index >= 0, `${file.name}: no line matches ${String(at)}`);
  return index;
}

function diagnosticsOf(file: CorpusFile): Diagnostic[] {
  // Named as the original (buildspec.yml, appspec.json) so detection works as in a real workspace.
  const ext = file.name.slice(file.name.lastIndexOf('.'));
  return validate(file.text, { path: `${file.kind}${ext}` }).diagnostics;
}

function show(ds: readonly Diagnostic[]): string {
  return ds.map((d) => `  ${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.message} [${d.rule}]`).join('\n');
}

describe('real-world corpus (../shared/corpus)', function () {
  before(function () {
    if (!corpusAvailable()) {
       
      console.log(`    (skipped: the corpus folder ${CORPUS_DIR} does not exist)`);
      this.skip();
    }
  });

  const files = corpusFiles();

  it('has the 230 files its README describes', () => {
    assert.equal(files.length, 230);
  });

  it('reports no error on any file marked valid', () => {
    const failures = files.filter((f) => f.verdict === 'no').flatMap((f) => {
      const errors = diagnosticsOf(f).filter((d) => d.severity === 'error');
      return errors.length ? [`${f.name}\n${show(errors)}`] : [];
    });
    assert.deepEqual(failures, []);
    assert.equal(files.filter((f) => f.verdict === 'no').length, 196);
  });

  it('flags every file marked invalid with an error at the place its reason names', () => {
    const invalid = files.filter((f) => f.verdict.startsWith('yes') && !(f.name in OVERRULED));
    assert.deepEqual(files.filter((f) => f.verdict.startsWith('yes')).map((f) => f.name).sort(), [...Object.keys(INVALID), ...Object.keys(OVERRULED)].sort(), 'every invalid file has an expectation');
    for (const file of invalid) {
      const expected = INVALID[file.name];
      assert.ok(expected);
      const line = lineOf(file, expected.at);
      const ds = diagnosticsOf(file);
      const hit = ds.find((d) => d.severity === 'error' && d.rule === expected.rule && d.range.start.line === line);
      assert.ok(hit, `${file.name} (${file.verdict}): expected ${expected.rule} on line ${line + 1}, got:\n${show(ds)}`);
    }
  });

  it('overrules the verdicts AWS documentation contradicts: no error, the decided warning', () => {
    for (const [name, decision] of Object.entries(OVERRULED)) {
      const file = files.find((f) => f.name === name);
      assert.ok(file, name);
      assert.ok(file.verdict.startsWith('yes'), `${name} is still marked invalid in the corpus`);
      const ds = diagnosticsOf(file);
      assert.deepEqual(ds.filter((d) => d.severity === 'error').map((d) => d.message), [], `${name}: ${decision.why}`);
      const warn = decision.warn;
      if (warn) assert.ok(ds.some((d) => d.severity === 'warning' && d.rule === warn.rule && d.range.start.line === lineOf(file, warn.at)), `${name}: expected ${warn.rule}\n${show(ds)}`);
    }
  });

  it('records a decision for every file marked maybe: never an error, the decided warning where it applies', () => {
    const maybe = files.filter((f) => f.verdict.startsWith('maybe'));
    assert.deepEqual(maybe.map((f) => f.name).sort(), Object.keys(MAYBE).sort(), 'every maybe file has a decision');
    for (const file of maybe) {
      const decision = MAYBE[file.name];
      assert.ok(decision);
      const ds = diagnosticsOf(file);
      assert.deepEqual(ds.filter((d) => d.severity === 'error').map((d) => d.message), [], `${file.name}: ${decision.why}`);
      const warnings = ds.filter((d) => d.severity === 'warning');
      assert.ok(warnings.some((d) => d.rule === decision.warn && d.range.start.line === lineOf(file, decision.at)),
        `${file.name}: expected ${decision.warn} (${decision.why})\n${show(ds)}`);
    }
  });

  it('detects every corpus file by its original name, and most by content alone', () => {
    let byContent = 0;
    for (const file of files) {
      const ext = file.name.slice(file.name.lastIndexOf('.'));
      assert.equal(validate(file.text, { path: `${file.kind}${ext}` }).kind, file.kind, file.name);
      if (validate(file.text, { path: `some-file${ext}` }).kind === file.kind) byContent++;
    }
    assert.ok(byContent / files.length > 0.9, `only ${byContent} of ${files.length} detected by content`);
  });
});
