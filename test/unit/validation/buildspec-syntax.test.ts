import * as assert from 'node:assert/strict';
import { applyFix, BASE, buildspec, byRule, errors, show, textAt } from './helpers';

const BATCH = (tasks: string, phases = BASE.slice('version: 0.2\n'.length)): string => `version: 0.2\nbatch:\n  build-list:\n${tasks}${phases}`;

describe('buildspec syntax documented outside the reference, and since 2023', () => {
  describe('eb_codebuild_settings (Elastic Beanstalk)', () => {
    it('accepts the Elastic Beanstalk guide example', () => {
      assert.deepEqual(buildspec(`${BASE}eb_codebuild_settings:\n  CodeBuildServiceRole: my-service-role-name\n  ComputeType: BUILD_GENERAL1_SMALL\n  Image: aws/codebuild/standard:4.0\n  Timeout: 60\n`), []);
    });
    it('reports what the EB CLI rejects: no service role, a timeout outside 5-480, a misspelled key', () => {
      const text = `${BASE}eb_codebuild_settings:\n  ComputeType: BUILD_GENERAL1_SMALL\n  Timeout: 600\n  Imgae: x\n`;
      const ds = buildspec(text);
      assert.deepEqual(ds.map((d) => [d.rule, textAt(text, d)]), [
        ['schema/missing-key', 'eb_codebuild_settings'], ['schema/invalid-value', '600'], ['schema/unknown-key', 'Imgae']], show(ds));
    });
  });

  describe('buildspec/github-actions-steps', () => {
    it('accepts GitHub Actions steps in phases, without commands', () => {
      assert.deepEqual(buildspec('version: 0.2\nphases:\n  build:\n    steps:\n      - name: Lint\n        uses: github/super-linter@v5\n        env:\n          VALIDATE_ALL_CODEBASE: true\n      - id: vars\n        if: ${{ success() }}\n        run: echo ok\n        shell: bash\n'), []);
    });
    it('reports a step with neither or both of uses and run, and unknown step keys', () => {
      const text = 'version: 0.2\nphases:\n  build:\n    steps:\n      - name: nothing\n      - uses: actions/checkout@v4\n        run: make\n      - run: make\n        runs-on: ubuntu\n';
      const ds = buildspec(text);
      assert.deepEqual(ds.map((d) => [d.rule, d.severity, textAt(text, d)]), [
        ['buildspec/github-actions-steps', 'error', 'name'], ['buildspec/github-actions-steps', 'error', 'uses'], ['schema/unknown-key', 'error', 'runs-on']], show(ds));
    });
    it('warns on a phase with both commands and steps', () => {
      const text = 'version: 0.2\nphases:\n  build:\n    commands:\n      - make\n    steps:\n      - run: make test\n';
      const ds = buildspec(text);
      assert.deepEqual(ds.map((d) => [d.severity, textAt(text, d)]), [['warning', 'steps']]);
    });
  });

  describe('buildspec/artifacts-without-files', () => {
    it("warns (not errs) on secondary artifacts without a primary files, as AWS's samples write them", () => {
      const text = `${BASE}artifacts:\n  secondary-artifacts:\n    app:\n      files: [app.zip]\n`;
      const ds = buildspec(text);
      assert.deepEqual(ds.map((d) => [d.rule, d.severity, textAt(text, d)]), [['buildspec/artifacts-without-files', 'warning', 'artifacts']]);
    });
    it('still reports an artifacts section with neither', () => {
      assert.deepEqual(errors(buildspec(`${BASE}artifacts:\n  name: app\n`)).map((d) => d.rule), ['schema/missing-key']);
    });
  });

  describe('buildspec/cache-fallback-without-key', () => {
    it('accepts key, fallback-keys and action together', () => {
      assert.deepEqual(buildspec(`${BASE}cache:\n  key: npm-$(codebuild-hash-files package-lock.json)\n  fallback-keys:\n    - npm-\n  action: save\n  paths: ['node_modules/**/*']\n`), []);
    });
    it('warns on fallback-keys without key, and reports unknown actions', () => {
      const text = `${BASE}cache:\n  fallback-keys: [npm-]\n  action: restored\n  paths: [x]\n`;
      const ds = buildspec(text);
      assert.deepEqual(ds.map((d) => [d.rule, d.severity]), [['buildspec/cache-fallback-without-key', 'warning'], ['schema/invalid-value', 'error']], show(ds));
      assert.match(ds[1]?.message ?? '', /Did you mean 'restore'/);
    });
  });

  describe('buildspec/batch-compute', () => {
    it('accepts the compute and environment types of the CodeBuild API, Lambda ones included', () => {
      assert.deepEqual(buildspec(BATCH('    - identifier: a\n      env:\n        compute-type: BUILD_LAMBDA_4GB\n        type: ARM_LAMBDA_CONTAINER\n    - identifier: b\n      env:\n        compute-type: BUILD_GENERAL1_2XLARGE\n        type: LINUX_EC2\n')), []);
    });
    it('warns on unknown types with the nearest as a fix', () => {
      const text = BATCH('    - identifier: a\n      env:\n        compute-type: BUILD_GENERAL1_LARG\n');
      const [d] = buildspec(text);
      assert.deepEqual([d?.rule, d?.severity, textAt(text, d ?? assert.fail())], ['buildspec/batch-compute', 'warning', 'BUILD_GENERAL1_LARG']);
      assert.deepEqual(buildspec(applyFix(text, d?.fix)), []);
    });
    it('warns on Lambda compute with a container environment type, or with privileged mode', () => {
      const text = BATCH('    - identifier: a\n      env:\n        compute-type: BUILD_LAMBDA_1GB\n        type: LINUX_CONTAINER\n        privileged-mode: true\n');
      const ds = buildspec(text);
      assert.deepEqual(ds.map((d) => textAt(text, d)), ['LINUX_CONTAINER', 'privileged-mode'], show(ds));
    });
  });

  describe('buildspec/on-failure-retry-compute', () => {
    const phases = 'phases:\n  build:\n    on-failure: RETRY-2\n    commands:\n      - make\n';
    it('warns on RETRY when a batch task runs this buildspec on Lambda compute or a fleet', () => {
      for (const env of ['        compute-type: BUILD_LAMBDA_2GB\n', '        fleet: arn:aws:codebuild:us-east-1:123456789012:fleet/f:1\n']) {
        const text = BATCH(`    - identifier: fast\n      env:\n${env}`, phases);
        const ds = byRule(buildspec(text), 'buildspec/on-failure-retry-compute');
        assert.deepEqual(ds.map((d) => [d.severity, textAt(text, d)]), [['warning', 'RETRY-2']], env);
        assert.match(ds[0]?.message ?? '', /build-list task 'fast'/);
      }
    });
    it('is silent on EC2 compute, for tasks with their own buildspec, and for ABORT', () => {
      assert.deepEqual(buildspec(BATCH('    - identifier: a\n      env:\n        compute-type: BUILD_GENERAL1_SMALL\n', phases)), []);
      assert.deepEqual(buildspec(BATCH('    - identifier: a\n      buildspec: lambda.yml\n      env:\n        compute-type: BUILD_LAMBDA_1GB\n', phases)), []);
      assert.deepEqual(buildspec(BATCH('    - identifier: a\n      env:\n        compute-type: BUILD_LAMBDA_1GB\n', phases.replace('RETRY-2', 'ABORT'))), []);
    });
  });
});
