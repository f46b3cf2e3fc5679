import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { detectKind, kindFromAssociations, kindFromFileName } from '../../../packages/conveyor-lint/src/engine/detect';
import { globToRegExp } from '../../../packages/conveyor-lint/src/engine/glob';
import { LIMITS } from '../../../packages/conveyor-lint/src/syntax/limits';
import { validate } from '../../../packages/conveyor-lint/src/validate';
import { applyFix, BASE, buildspec, byRule, errors, lineOf, show, textAt } from './helpers';

describe('validation engine', () => {
  describe('syntax', () => {
    it('reports malformed YAML as a syntax diagnostic at the right line, and nothing else', () => {
      const text = 'version: 0.2\nphases:\n  build:\n    commands:\n      - "echo unterminated\n      - next\nartifacts:\n';
      const ds = buildspec(text);
      assert.ok(ds.length > 0);
      assert.ok(ds.every((d) => d.rule === 'yaml/syntax'), show(ds));
      assert.equal(ds[0]?.range.start.line, 4);
    });
    it('reports malformed JSON with a readable message', () => {
      const ds = validate('{\n  "version": 0.0,\n  "os": "linux",\n}\n', { kind: 'appspec', path: 'appspec.json' }).diagnostics;
      assert.equal(ds[0]?.rule, 'json/syntax');
      assert.equal(ds[0]?.range.start.line, 3);
    });
    it('reports duplicate keys at the repetition, naming the first line', () => {
      const text = `${BASE}phases:\n  build:\n    commands: [x]\n`;
      const d = byRule(buildspec(text), 'yaml/duplicate-key')[0];
      assert.ok(d);
      assert.equal(d.range.start.line, 5);
      assert.match(d.message, /line 2/);
    });
    it('reports duplicate keys in JSON too', () => {
      const ds = validate('{"version": 0.0, "os": "linux", "os": "windows"}', { kind: 'appspec', path: 'appspec.json' }).diagnostics;
      assert.equal(byRule(ds, 'yaml/duplicate-key').length, 1);
    });
    it('reports CloudFormation tags in a plain buildspec', () => {
      const text = `${BASE}env:\n  variables:\n    BUCKET: !Ref ArtifactBucket\n`;
      const d = byRule(buildspec(text), 'yaml/unsupported-tag')[0];
      assert.ok(d);
      assert.equal(textAt(text, d), '!Ref');
    });
    it('applies YAML merge keys instead of calling << an unknown key', () => {
      assert.deepEqual(buildspec('version: 0.2\nx-defaults: &d\n  commands: [make]\nphases:\n  build:\n    <<: *d\n').filter((d) => d.message.includes('<<')), []);
    });
    it('handles CRLF line endings with the same ranges', () => {
      const lf = 'version: 0.2\nphases:\n  biuld:\n    commands:\n      - make\n';
      const crlf = lf.replace(/\n/g, '\r\n');
      assert.deepEqual(buildspec(crlf).map((d) => d.range), buildspec(lf).map((d) => d.range));
      assert.equal(buildspec(crlf).length, 1);
    });
    it('reports an empty file and a document that is not a mapping', () => {
      assert.match(buildspec('')[0]?.message ?? '', /empty/);
      assert.equal(buildspec('- a\n- b\n')[0]?.rule, 'file/not-a-mapping');
    });
  });

  describe('schema errors', () => {
    it('offers the nearest valid key for a misspelled key, and the fix makes the file valid', () => {
      const text = 'version: 0.2\nphases:\n  biuld:\n    commands:\n      - make\nartifact:\n  files: [a]\n';
      const ds = buildspec(text);
      assert.deepEqual(ds.map((d) => [d.rule, textAt(text, d)]), [['schema/unknown-key', 'biuld'], ['schema/unknown-key', 'artifact']]);
      assert.match(ds[0]?.message ?? '', /Did you mean 'build'\?/);
      assert.deepEqual(buildspec(applyFix(applyFix(text, ds[1]?.fix), ds[0]?.fix)), []);
    });
    it('points type errors at the value and missing keys at the parent key', () => {
      const text = 'version: 0.2\nphases:\n  build:\n    commands: make\ncache:\n  key: k\n';
      const ds = buildspec(text);
      assert.equal(ds.length, 2, show(ds));
      assert.deepEqual(ds.map((d) => textAt(text, d)), ['make', 'cache']);
      assert.match(ds[0]?.message ?? '', /'commands' must be a list or empty, not the string 'make'/);
      assert.match(ds[1]?.message ?? '', /Missing required key 'paths' in cache/);
    });
    it('says where a key belongs when the indentation was lost', () => {
      const ds = buildspec('version: 0.2\nphases:\n  install:\n    commands: [a]\nbuild:\n  commands: [b]\n');
      assert.equal(ds.length, 1, show(ds));
      assert.match(ds[0]?.message ?? '', /'build' belongs under phases\. Check the indentation\./);
    });
    it('suggests enum values', () => {
      const text = `${BASE}cache:\n  action: restor\n  paths: [a]\n`;
      const d = buildspec(text)[0];
      assert.match(d?.message ?? '', /Did you mean 'restore'/);
      assert.deepEqual(buildspec(applyFix(text, d?.fix)), []);
    });
    it('accepts YAML 1.1 booleans where the docs say yes/no', () => {
      assert.deepEqual(buildspec(`${BASE}env:\n  git-credential-helper: true\nartifacts:\n  files: [a]\n  discard-paths: 'yes'\n  enable-symlinks: NO\n`), []);
    });
  });

  describe('detection', () => {
    it('detects by file name', () => {
      for (const n of ['buildspec.yml', 'ci/buildspec-release.yaml', 'BuildSpec_debug.YML']) assert.equal(kindFromFileName(n), 'buildspec', n);
      for (const n of ['appspec.yml', 'deploy/appspec.yaml', 'appspec.json', 'appspec-prod.yml', 'appspec_ecs.yaml', 'prod.appspec.yml', 'appspec.lambda.json']) assert.equal(kindFromFileName(n), 'appspec', n);
      for (const n of ['appspecs.yml', 'myappspec.yml', 'appspec-prod.txt', 'mybuildspec.yml', 'buildspec.json']) assert.equal(kindFromFileName(n), undefined, n);
    });
    it('detects by content', () => {
      assert.equal(detectKind('version: 0.2\nphases:\n  build:\n    commands: [x]\n', { path: 'ci.yml' }), 'buildspec');
      assert.equal(detectKind('version: 0.0\nos: linux\nhooks:\n  AfterInstall: []\n', { path: 'deploy.yml' }), 'appspec');
      assert.equal(detectKind('{"version": 0.0, "Resources": [{"a": {}}]}', { path: 'x.json' }), 'appspec');
      assert.equal(detectKind('name: CI\non: push\njobs: {}\n', { path: 'ci.yml' }), undefined);
      assert.equal(detectKind('AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  P:\n    Type: AWS::CodeBuild::Project\n    Properties:\n      Source:\n        BuildSpec: |\n          version: 0.2\n', { path: 't.yml' }), 'cloudformation');
      assert.equal(detectKind('version: 0.2\nphases: {}\n', { path: 'ci.yml', byContent: false }), undefined);
    });
    it('detects by associations, which win over the name', () => {
      const associations = [{ pattern: '**/deploy/*.yml', kind: 'appspec' as const }, { pattern: 'pipeline-*.yaml', kind: 'buildspec' as const }];
      assert.equal(kindFromAssociations('infra/deploy/prod.yml', associations), 'appspec');
      assert.equal(kindFromAssociations('a/b/pipeline-x.yaml', associations), 'buildspec');
      assert.equal(kindFromAssociations('a/pipeline.yaml', associations), undefined);
      assert.equal(detectKind('', { path: 'deploy/buildspec.yml', associations }), 'appspec');
    });
    it('translates globs', () => {
      assert.ok(globToRegExp('**/*.{yml,yaml}').test('a/b/c.yaml'));
      assert.ok(globToRegExp('**/*.{yml,yaml}').test('c.yml'));
      assert.ok(!globToRegExp('*.yml').test('a/c.yml'));
      assert.ok(globToRegExp('ci/buildspec?.yml').test('ci/buildspec2.yml'));
    });
  });

  describe('robustness', function () {
    this.timeout(120_000);
    it('never throws and always returns diagnostics for arbitrary text', () => {
      fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), fc.constantFrom('buildspec', 'appspec', 'cloudformation') , (text, kind) => {
        const r = validate(text, { kind: kind as 'buildspec' });
        assert.ok(Array.isArray(r.diagnostics));
        assert.ok(r.diagnostics.every((d) => d.rule !== 'internal/error'), show(r.diagnostics));
      }), { numRuns: 3000 });
    });
    it('never throws on YAML-shaped noise', () => {
      const token = fc.constantFrom('version: 0.2\n', 'phases:\n', '  build:\n', '    commands:\n', '      - ', 'echo a: b', '&a ', '*a ', '!Ref ', '[', ']', '{', '}', '"', "'", '|\n', '>-\n', '# c\n', '\t', '\n', '- ', ': ', '<<: *a\n', '---\n', '...\n', '? ', '\0', '\r\n', ' ');
      fc.assert(fc.property(fc.array(token, { maxLength: 60 }), fc.constantFrom('buildspec', 'appspec'), (tokens, kind) => {
        const r = validate(tokens.join(''), { kind: kind as 'buildspec' });
        assert.ok(r.diagnostics.every((d) => d.rule !== 'internal/error'), show(r.diagnostics));
      }), { numRuns: 3000 });
    });
    it('never throws on JSON-shaped noise', () => {
      const token = fc.constantFrom('{', '}', '[', ']', '"version"', ':', '0.0', ',', '"Resources"', '"hooks"', 'null', 'true', '"x"', '\n', '/*', '*/', '"\\u12', '1e999');
      fc.assert(fc.property(fc.array(token, { maxLength: 60 }), (tokens) => {
        const r = validate(tokens.join(''), { kind: 'appspec', path: 'appspec.json' });
        assert.ok(r.diagnostics.every((d) => d.rule !== 'internal/error'), show(r.diagnostics));
      }), { numRuns: 2000 });
    });
    it('stops a billion-laughs alias bomb with one diagnostic', () => {
      const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
      for (let i = 1; i < 12; i++) levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
      const text = `version: 0.2\nx-bomb:\n${levels.map((l) => `  ${l}`).join('\n')}\nphases:\n  build:\n    commands: *l\n`;
      const ds = buildspec(text);
      assert.equal(ds.length, 1, show(ds));
      assert.equal(ds[0]?.rule, 'yaml/alias-expansion');
    });
    it('validates a 10 MB buildspec (fast path) and refuses a 17 MB one with a single diagnostic', () => {
      const line = '      - echo "a fairly long build command that takes some room on the line" && make target\n';
      const big = `version: 0.2\nphases:\n  build:\n    commands:\n${line.repeat(Math.ceil((10 * 1024 * 1024) / line.length))}`;
      assert.ok(big.length >= 10 * 1024 * 1024);
      assert.deepEqual(buildspec(big), []);
      const huge = big + line.repeat(Math.ceil((7 * 1024 * 1024) / line.length));
      assert.ok(huge.length > LIMITS.maxChars);
      const ds = buildspec(huge);
      assert.deepEqual(ds.map((d) => d.rule), ['file/too-large']);
    });
    it('does not hand a large file that needs the complete parser to it', () => {
      const text = `version: 0.2\nphases:\n  build:\n    commands: [${Array(120_000).fill('"echo x"').join(', ')}]\n`;
      assert.ok(text.length > LIMITS.maxCharsForFullParser);
      assert.deepEqual(buildspec(text).map((d) => d.rule), ['file/too-large']);
    });
    it('reports binary files once', () => {
      const ds = buildspec('\u0000\u0001\u0002PNG\r\n\u001a\n\u0000\u0000');
      assert.deepEqual(ds.map((d) => d.rule), ['file/binary']);
      assert.equal(ds[0]?.severity, 'error');
    });
    it('refuses deep nesting, in flow and in block style, without overflowing the stack', () => {
      const flow = `version: 0.2\nphases: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`;
      assert.deepEqual(buildspec(flow).map((d) => d.rule), ['file/too-deep']);
      let block = 'version: 0.2\nphases:\n';
      for (let i = 1; i < 3000; i++) block += `${' '.repeat(i)}k${i}:\n`;
      assert.deepEqual(buildspec(block).map((d) => d.rule), ['file/too-deep']);
      const json = `{"version": 0.0, "x": ${'['.repeat(50_000)}${']'.repeat(50_000)}}`;
      assert.deepEqual(validate(json, { kind: 'appspec', path: 'appspec.json' }).diagnostics.map((d) => d.rule), ['file/too-deep']);
    });
    it('keeps moderate nesting valid YAML work', () => {
      let block = 'version: 0.2\nx:\n';
      for (let i = 1; i < 100; i++) block += `${' '.repeat(i)}k${i}:\n`;
      block += 'phases:\n  build:\n    commands: [x]\n';
      const ds = buildspec(block);
      assert.deepEqual(ds.map((d) => d.rule), ['schema/unknown-key']);
      assert.equal(ds[0]?.range.start.line, lineOf(block, 'x:'));
    });
  });

  it('never reports errors for warnings-only documents as errors', () => {
    assert.deepEqual(errors(buildspec('version: 0.2\nphases:\n  build:\n    commands:\n      - $(aws ecr get-login --no-include-email)\n')), []);
  });
});
