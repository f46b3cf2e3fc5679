import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { validate } from '../../../packages/conveyor-lint/src/validate';
import { show } from './helpers';

const DOCS = path.resolve(__dirname, '../../fixtures/validation/aws-docs');

function examples(kind: 'buildspec' | 'appspec'): { name: string; text: string }[] {
  return fs.readdirSync(path.join(DOCS, kind)).sort().map((name) => ({ name, text: fs.readFileSync(path.join(DOCS, kind, name), 'utf8') }));
}

/**
 * The warnings these examples do get, each true of what AWS does with the file (see the README): the
 * exact list, so that a new finding on an AWS example shows up here.
 */
const EXPECTED_WARNINGS: Record<string, string[]> = {
  'buildspec/sample-runtime-versions-15.yml': ['16 buildspec/artifacts-without-files'],
  'appspec/reference-appspec-file-structure-permissions-3.yml': ['66 appspec/permission-matching'],
  'appspec/reference-appspec-file-structure-permissions-4.yml': ['9 appspec/permission-matching', '18 appspec/permission-context'],
  'appspec/tutorial-ecs-create-appspec-file-2.yml': ['6 appspec/template-placeholder', '9 appspec/template-placeholder'],
  'appspec/tutorial-ecs-with-hooks-create-appspec-file-1.json': ['8 appspec/template-placeholder'],
  'appspec/tutorial-ecs-with-hooks-create-appspec-file-2.yml': ['6 appspec/template-placeholder'],
};

describe("AWS user guides' examples (test/fixtures/validation/aws-docs)", () => {
  for (const kind of ['buildspec', 'appspec'] as const) {
    const files = examples(kind);
    it(`validates every ${kind} example (${files.length}) with zero errors, and only the warnings listed`, () => {
      assert.ok(files.length >= 20, `${files.length} examples`);
      const problems: string[] = [];
      for (const { name, text } of files) {
        const report = validate(text, { kind, path: name });
        const errors = report.diagnostics.filter((d) => d.severity === 'error');
        if (errors.length > 0) problems.push(`${kind}/${name}\n${show(errors)}`);
        const warnings = report.diagnostics.filter((d) => d.severity !== 'error').map((d) => `${d.range.start.line + 1} ${d.rule}`);
        assert.deepEqual(warnings, EXPECTED_WARNINGS[`${kind}/${name}`] ?? [], `${kind}/${name}\n${show(report.diagnostics)}`);
      }
      assert.deepEqual(problems, []);
    });
  }

  it('recognises every example by its content as the right kind and platform', () => {
    for (const { name, text } of examples('appspec')) {
      const report = validate(text, { path: `deploy/${name.endsWith('.json') ? 'spec.json' : 'spec.yml'}` });
      assert.equal(report.kind, 'appspec', name);
      const expected = /ecs/.test(name) || /^reference-appspec-file-example-[12]\./.test(name) ? 'ecs' : /^reference-appspec-file-example-[34]\./.test(name) ? 'lambda' : 'ec2';
      assert.equal(report.platform, expected, name);
    }
    for (const { name, text } of examples('buildspec')) assert.equal(validate(text, { path: 'ci/spec.yml' }).kind, 'buildspec', name);
  });

  it("reports the buildspec reference's own broken example (build: not under phases:)", () => {
    const text = fs.readFileSync(path.join(DOCS, 'broken/build-spec-ref-15.yml'), 'utf8');
    const errors = validate(text, { kind: 'buildspec' }).diagnostics.filter((d) => d.severity === 'error');
    assert.deepEqual(errors.map((d) => [d.range.start.line + 1, d.rule]), [[3, 'schema/invalid-value'], [4, 'schema/unknown-key']]);
    assert.match(errors[1]?.message ?? '', /'build' belongs under phases/);
  });
});
