import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findEmbeddedBuildspecs } from '../../../packages/conveyor-lint/src/cloudformation/embedded';
import { validate } from '../../../packages/conveyor-lint/src/validate';
import { applyFix, show, textAt } from './helpers';

const TEMPLATES = path.resolve(__dirname, '../../fixtures/validation/templates');
const read = (name: string): string => fs.readFileSync(path.join(TEMPLATES, name), 'utf8');

describe('buildspecs inside CloudFormation templates', () => {
  it('validates a literal block scalar (with !Sub) in place, with ranges in the template', () => {
    const text = read('codebuild.yml');
    const report = validate(text, { path: 'codebuild.yml' });
    assert.equal(report.kind, 'cloudformation');
    assert.equal(report.embedded, 1);
    assert.deepEqual(report.diagnostics.map((d) => [d.rule, textAt(text, d)]), [
      ['schema/unknown-key', 'biuld'],
      ['buildspec/command-parsed-as-mapping', 'echo done: yes'],
    ], show(report.diagnostics));
  });

  it('maps quick fixes back into the template, keeping its indentation', () => {
    const text = read('codebuild.yml');
    const ds = validate(text, { path: 'codebuild.yml' }).diagnostics;
    const fixed = applyFix(applyFix(text, ds[1]?.fix), ds[0]?.fix);
    assert.match(fixed, /^ {12}build:$/m);
    assert.match(fixed, /^ {16}- 'echo done: yes'$/m);
    assert.deepEqual(validate(fixed, { path: 'codebuild.yml' }).diagnostics, []);
  });

  it('validates a JSON template string, mapping through escapes, and escapes fixes', () => {
    const text = read('codebuild.json');
    const ds = validate(text, { path: 'codebuild.json' }).diagnostics;
    assert.equal(ds.length, 1, show(ds));
    const d = ds[0];
    assert.ok(d);
    assert.equal(textAt(text, d), 'biuld');
    const fixed = applyFix(text, d.fix);
    assert.deepEqual(validate(fixed, { path: 'codebuild.json' }).diagnostics, []);
    assert.doesNotThrow(() => JSON.parse(fixed) as unknown);
  });

  it('ignores BuildSpec values that are file paths, other resources, and folded scalars it cannot map', () => {
    const text = `Resources:
  A:
    Type: AWS::CodeBuild::Project
    Properties:
      Source:
        BuildSpec: ci/buildspec.yml
  B:
    Type: AWS::S3::Bucket
    Properties:
      BuildSpec: |
        version: 0.2
        phases: {}
  C:
    Type: AWS::CodeBuild::Project
    Properties:
      Source:
        BuildSpec: >
          version: 0.2
`;
    assert.deepEqual(findEmbeddedBuildspecs(text, 'yaml'), []);
    assert.deepEqual(validate(text, { kind: 'cloudformation' }).diagnostics, []);
  });

  it('accepts Fn::Sub in long form and reports errors in every project', () => {
    const text = `Resources:
  One:
    Type: AWS::CodeBuild::Project
    Properties:
      Source:
        BuildSpec:
          Fn::Sub: |
            version: 0.2
            phases:
              pre-build:
                commands: [x]
  Two:
    Type: "AWS::CodeBuild::Project"
    Properties:
      Source:
        BuildSpec: |
          version: 0.3
          phases:
            build:
              commands: [x]
`;
    const ds = validate(text, { kind: 'cloudformation' }).diagnostics;
    assert.deepEqual(ds.map((d) => [d.rule, textAt(text, d)]), [['buildspec/hyphenated-phase', 'pre-build'], ['schema/invalid-value', '0.3']]);
    assert.match(ds[0]?.message ?? '', /inline buildspec of One/);
  });

  it('stays silent on templates whose YAML it cannot read', () => {
    assert.deepEqual(validate('Resources: [\n', { kind: 'cloudformation' }).diagnostics, []);
  });
});
