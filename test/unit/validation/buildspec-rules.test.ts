import * as assert from 'node:assert/strict';
import { checkOnFailure } from '../../../packages/conveyor-lint/src/rules/buildspec/on-failure';
import { checkSecretReference } from '../../../packages/conveyor-lint/src/rules/buildspec/secrets-manager';
import { getLoginPasswordCommand } from '../../../packages/conveyor-lint/src/rules/buildspec/ecr-get-login';
import { applyFix, BASE, buildspec, byRule, errors, lineOf, show, textAt } from './helpers';

function withOnFailure(value: string): string {
  return `version: 0.2\nphases:\n  build:\n    on-failure: ${value}\n    commands:\n      - make\n`;
}

describe('buildspec rules', () => {
  describe('buildspec/on-failure-syntax', () => {
    for (const ok of ['ABORT', 'CONTINUE', 'RETRY', 'RETRY-0', 'RETRY-3', 'RETRY-100', 'RETRY-.*', 'RETRY-3-Timeout.*', 'Retry-4-([a-zA-Z0-9_]*)', 'Retry-8-\\d+', 'RETRY-(?i)throttl', 'RETRY-a++b']) {
      it(`accepts ${ok}`, () => assert.deepEqual(buildspec(withOnFailure(ok)), [], ok));
    }
    const bad: [string, 'error' | 'warning', RegExp][] = [
      ['RETRY-101', 'error', /between 0 and 100/], ['RETRY-', 'error', /ends with '-'/], ['RETRY-3-', 'error', /regular expression after the count is missing/],
      ['RETRY-([a-z]', 'error', /not valid/], ['FAIL', 'error', /not a valid on-failure value/], ['abort', 'warning', /upper case/], ['retry-2', 'warning', /'RETRY'/],
    ];
    for (const [value, severity, message] of bad) {
      it(`reports ${value} (${severity}), once`, () => {
        const text = withOnFailure(value);
        const ds = buildspec(text);
        assert.equal(ds.length, 1, show(ds));
        const d = ds[0];
        assert.ok(d);
        assert.equal(d.rule, 'buildspec/on-failure-syntax');
        assert.equal(d.severity, severity);
        assert.match(d.message, message);
        assert.equal(textAt(text, d), value);
      });
    }
    it('fixes the case of ABORT', () => {
      const text = withOnFailure('abort');
      assert.equal(applyFix(text, buildspec(text)[0]?.fix), withOnFailure('ABORT'));
    });
    it('parses the grammar directly', () => {
      assert.equal(checkOnFailure('RETRY-12-abc'), undefined);
      assert.equal(checkOnFailure('RETRY-12abc'), undefined, '12abc is a regex');
    });
  });

  describe('batch identifiers and dependencies', () => {
    const graph = (tasks: string): string => `version: 0.2\nbatch:\n  build-graph:\n${tasks}`;
    it('accepts a valid graph', () => {
      assert.deepEqual(buildspec(graph('    - identifier: a\n    - identifier: b\n      depend-on:\n        - a\n    - identifier: c\n      depend-on: [a, b]\n')), []);
    });
    it('reports a duplicate identifier at the second one', () => {
      const text = graph('    - identifier: a\n    - identifier: b\n    - identifier: a\n');
      const ds = byRule(buildspec(text), 'buildspec/batch-duplicate-identifier');
      assert.equal(ds.length, 1);
      assert.equal(ds[0]?.range.start.line, 5);
      assert.match(ds[0]?.message ?? '', /line 4/);
    });
    it('reports duplicates in build-list too, and not across lists', () => {
      assert.equal(byRule(buildspec('version: 0.2\nbatch:\n  build-list:\n    - identifier: x\n    - identifier: x\n'), 'buildspec/batch-duplicate-identifier').length, 1);
      assert.deepEqual(buildspec('version: 0.2\nbatch:\n  build-list:\n    - identifier: x\n  build-graph:\n    - identifier: x\n'), []);
    });
    it('reports an unknown dependency with a did-you-mean fix', () => {
      const text = graph('    - identifier: build_linux\n    - identifier: test\n      depend-on:\n        - build_linx\n');
      const d = byRule(buildspec(text), 'buildspec/batch-unknown-dependency')[0];
      assert.ok(d);
      assert.equal(textAt(text, d), 'build_linx');
      assert.match(d.message, /Did you mean 'build_linux'/);
      assert.deepEqual(buildspec(applyFix(text, d.fix)), []);
    });
    it('reports an unknown dependency without a fix when nothing is close', () => {
      const d = byRule(buildspec(graph('    - identifier: a\n      depend-on: [zzzzzz]\n')), 'buildspec/batch-unknown-dependency')[0];
      assert.ok(d && !d.fix);
    });
    it('reports cycles and self-dependencies', () => {
      const cycle = byRule(buildspec(graph('    - identifier: a\n      depend-on: [c]\n    - identifier: b\n      depend-on: [a]\n    - identifier: c\n      depend-on: [b]\n')), 'buildspec/batch-dependency-cycle');
      assert.equal(cycle.length, 1);
      assert.match(cycle[0]?.message ?? '', /a → c → b → a/);
      const self = byRule(buildspec(graph('    - identifier: a\n      depend-on: [a]\n')), 'buildspec/batch-dependency-cycle');
      assert.match(self[0]?.message ?? '', /depends on itself/);
    });
    it('does not report a diamond', () => {
      assert.deepEqual(buildspec(graph('    - identifier: a\n    - identifier: b\n      depend-on: [a]\n    - identifier: c\n      depend-on: [a]\n    - identifier: d\n      depend-on: [b, c]\n')), []);
    });
  });

  describe('buildspec/secrets-manager-reference', () => {
    const env = (ref: string): string => `${BASE}env:\n  secrets-manager:\n    TOKEN: ${ref}\n`;
    for (const ok of ['my-secret', 'prod/db:password', 'prod/db:password:AWSCURRENT', 'prod/db:password::1234-abcd', 'arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf',
      'arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf:password:AWSPREVIOUS', '${SECRET_ARN}:password']) {
      it(`accepts ${ok}`, () => assert.deepEqual(buildspec(env(ok)), []));
    }
    for (const [bad, severity] of [[':password', 'error'], ['a:b:c:d:e', 'error'], ['arn:aws:s3:::bucket', 'error'], ['my secret', 'error'], ['db:key:AWSCURRENT:v1', 'warning']] as const) {
      it(`reports ${bad}`, () => {
        const text = env(`'${bad}'`);
        const ds = byRule(buildspec(text), 'buildspec/secrets-manager-reference');
        assert.equal(ds.length, 1, bad);
        assert.equal(ds[0]?.severity, severity);
        assert.equal(ds[0]?.range.start.line, lineOf(text, 'TOKEN'));
      });
    }
    it('checks references directly', () => assert.equal(checkSecretReference('a:b'), undefined));
  });

  describe('buildspec/runtime-versions-outside-install', () => {
    it('reports runtime-versions in build, once (not also as an unknown key)', () => {
      const text = 'version: 0.2\nphases:\n  build:\n    runtime-versions:\n      nodejs: 20\n    commands:\n      - npm test\n';
      const ds = buildspec(text);
      assert.equal(ds.length, 1, show(ds));
      assert.equal(ds[0]?.rule, 'buildspec/runtime-versions-outside-install');
      const d = ds[0];
      assert.ok(d);
      assert.equal(textAt(text, d), 'runtime-versions');
    });
    it('accepts it in install', () => {
      assert.deepEqual(buildspec('version: 0.2\nphases:\n  install:\n    runtime-versions:\n      nodejs: 20\n      python: 3.x\n'), []);
    });
  });

  describe('buildspec/command-parsed-as-mapping', () => {
    it('reports `- echo a: b` and quotes it as a fix', () => {
      const text = 'version: 0.2\nphases:\n  build:\n    commands:\n      - echo Build started: now\n      - make\n';
      const ds = buildspec(text);
      assert.equal(ds.length, 1, show(ds));
      const d = ds[0];
      assert.ok(d);
      assert.equal(d.rule, 'buildspec/command-parsed-as-mapping');
      assert.equal(d.range.start.line, 4);
      const fixed = applyFix(text, d.fix);
      assert.match(fixed, /- 'echo Build started: now'/);
      assert.deepEqual(buildspec(fixed), []);
    });
    it('escapes single quotes in the fix', () => {
      const text = "version: 0.2\nphases:\n  build:\n    commands:\n      - echo it's: here\n";
      const fixed = applyFix(text, buildspec(text)[0]?.fix);
      assert.match(fixed, /- 'echo it''s: here'/);
      assert.deepEqual(buildspec(fixed), []);
    });
    it('reports a mapping in finally too, and accepts quoted commands', () => {
      assert.equal(byRule(buildspec('version: 0.2\nphases:\n  build:\n    commands:\n      - x\n    finally:\n      - echo done: yes\n'), 'buildspec/command-parsed-as-mapping').length, 1);
      assert.deepEqual(buildspec('version: 0.2\nphases:\n  build:\n    commands:\n      - "echo a: b"\n      - echo a:b\n'), []);
    });
  });

  describe('buildspec/empty-command', () => {
    it('reports `- # comment` and turns it into a comment', () => {
      const text = 'version: 0.2\nphases:\n  build:\n    commands:\n      - # build it\n      - make\n';
      const ds = buildspec(text);
      assert.equal(ds.length, 1, show(ds));
      assert.equal(ds[0]?.rule, 'buildspec/empty-command');
      assert.equal(ds[0]?.range.start.line, 4);
      const fixed = applyFix(text, ds[0]?.fix);
      assert.equal(fixed, 'version: 0.2\nphases:\n  build:\n    commands:\n      # build it\n      - make\n');
      assert.deepEqual(buildspec(fixed), []);
    });
    it('reports a bare `-` and removes it', () => {
      const text = 'version: 0.2\nphases:\n  build:\n    commands:\n      -\n      - make\n';
      const d = byRule(buildspec(text), 'buildspec/empty-command')[0];
      assert.ok(d);
      assert.deepEqual(buildspec(applyFix(text, d.fix)), []);
    });
    it('accepts comments between items', () => {
      assert.deepEqual(buildspec('version: 0.2\nphases:\n  build:\n    commands:\n      # a comment\n      - make\n'), []);
    });
  });

  describe('buildspec/ecr-get-login-removed', () => {
    const cmd = (c: string): string => `version: 0.2\nphases:\n  pre_build:\n    commands:\n      - ${c}\n`;
    it('warns on $(aws ecr get-login ...) and fixes it to get-login-password', () => {
      const text = cmd('$(aws ecr get-login --no-include-email --region us-west-2)');
      const ds = buildspec(text);
      assert.equal(ds.length, 1);
      assert.equal(ds[0]?.severity, 'warning');
      const d = ds[0];
      assert.ok(d);
      assert.equal(textAt(text, d), 'aws ecr get-login');
      assert.equal(applyFix(text, ds[0]?.fix), cmd('aws ecr get-login-password --region us-west-2 | docker login --username AWS --password-stdin $(aws sts get-caller-identity --query Account --output text).dkr.ecr.us-west-2.amazonaws.com'));
    });
    it('uses --registry-ids and the default region', () => {
      assert.equal(getLoginPasswordCommand(' --registry-ids 123456789012 --no-include-email'),
        'aws ecr get-login-password --region $AWS_DEFAULT_REGION | docker login --username AWS --password-stdin 123456789012.dkr.ecr.$AWS_DEFAULT_REGION.amazonaws.com');
    });
    it('fixes the `| sh` and eval forms, and only warns on forms it cannot rewrite', () => {
      assert.ok(buildspec(cmd('aws ecr get-login --region eu-west-1 --no-include-email | sh'))[0]?.fix);
      assert.ok(buildspec(cmd('eval $(aws ecr get-login --no-include-email)'))[0]?.fix);
      const d = buildspec(cmd('aws ecr get-login --profile ci > login.sh'))[0];
      assert.ok(d && d.severity === 'warning' && !d.fix);
    });
    it('does not warn on get-login-password', () => {
      assert.deepEqual(buildspec(cmd('aws ecr get-login-password --region us-east-1 | docker login --username AWS --password-stdin 1.dkr.ecr.us-east-1.amazonaws.com')), []);
    });
  });

  describe('buildspec/hyphenated-phase', () => {
    for (const [bad, good] of [['pre-build', 'pre_build'], ['post-build', 'post_build'], ['Pre-Build', 'pre_build']]) {
      it(`reports ${bad} and renames it to ${good}`, () => {
        const text = `version: 0.2\nphases:\n  ${bad}:\n    commands:\n      - make\n`;
        const ds = buildspec(text);
        assert.equal(ds.length, 1, show(ds));
        assert.equal(ds[0]?.rule, 'buildspec/hyphenated-phase');
        assert.deepEqual(buildspec(applyFix(text, ds[0]?.fix)), []);
      });
    }
    it('does not offer a rename that would duplicate a phase', () => {
      const d = byRule(buildspec('version: 0.2\nphases:\n  pre_build:\n    commands: [a]\n  pre-build:\n    commands: [b]\n'), 'buildspec/hyphenated-phase')[0];
      assert.ok(d && !d.fix);
    });
  });

  describe('buildspec/phase-without-commands', () => {
    it('warns on a phase with only finally, and on an empty phase', () => {
      const ds = buildspec('version: 0.2\nphases:\n  build:\n    commands: [make]\n  post_build:\n    finally:\n      - echo done\n  pre_build:\n');
      assert.deepEqual(errors(ds), []);
      assert.equal(byRule(ds, 'buildspec/phase-without-commands').length, 2);
    });
    it('does not warn for install without commands, or phases with commands', () => {
      assert.deepEqual(buildspec('version: 0.2\nphases:\n  install:\n    runtime-versions:\n      java: corretto17\n  build:\n    commands: [make]\n'), []);
    });
  });

  describe('buildspec/legacy-environment-variables', () => {
    it('reports the 0.1 syntax in 0.2 and renames both keys', () => {
      const text = 'version: 0.2\nenvironment_variables:\n  plaintext:\n    A: "1"\nphases:\n  build:\n    commands: [make]\n';
      const ds = buildspec(text);
      assert.equal(ds.length, 1, show(ds));
      const fixed = applyFix(text, ds[0]?.fix);
      assert.match(fixed, /^env:\n {2}variables:\n/m);
      assert.deepEqual(buildspec(fixed), []);
    });
    it('accepts it in 0.1', () => {
      assert.deepEqual(buildspec('version: 0.1\nenvironment_variables:\n  plaintext:\n    A: "1"\nphases:\n  build:\n    commands: [make]\n'), []);
    });
  });
});
