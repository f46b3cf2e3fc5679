import * as assert from 'node:assert/strict';
import { complete } from '../../../packages/conveyor-lint/src/language/completion';
import { foldingRanges } from '../../../packages/conveyor-lint/src/language/folding';
import { hover } from '../../../packages/conveyor-lint/src/language/hover';
import { documentSymbols, type DocumentSymbol } from '../../../packages/conveyor-lint/src/language/symbols';
import { yamlCursor } from '../../../packages/conveyor-lint/src/language/yaml-context';

/** Text with a `|` marking the cursor. */
function at(marked: string): { text: string; offset: number } {
  const offset = marked.indexOf('|');
  assert.ok(offset >= 0);
  return { text: marked.slice(0, offset) + marked.slice(offset + 1), offset };
}

function labels(marked: string, kind: 'buildspec' | 'appspec' = 'buildspec', path?: string): string[] {
  const { text, offset } = at(marked);
  return complete(text, offset, { kind, ...(path ? { path } : {}) }).map((i) => i.label);
}

describe('editor features (pure)', () => {
  describe('cursor context', () => {
    const cases: [string, (string | number)[], 'key' | 'value'][] = [
      ['version: 0.2\nphases:\n  install:\n    commands: [a]\n  bu|', ['phases'], 'key'],
      ['version: 0.2\nphases:\n  build:\n    on-failure: AB|', ['phases', 'build'], 'value'],
      ['version: 0.2\nbatch:\n  build-graph:\n    - identifier: a\n      |', ['batch', 'build-graph', 0], 'key'],
      ['version: 0.2\nbatch:\n  build-graph:\n    - identifier: a\n    - |', ['batch', 'build-graph', 0], 'key'],
      ['hooks:\n  AfterInstall:\n  - location: x\n    |', ['hooks', 'AfterInstall', 0], 'key'],
      ['Resources:\n  - S:\n      Properties:\n        |', ['Resources', 0, 'S', 'Properties'], 'key'],
    ];
    for (const [marked, path, position] of cases) {
      it(`finds ${JSON.stringify(path)} (${position})`, () => {
        const { text, offset } = at(marked);
        const c = yamlCursor(text, offset);
        assert.deepEqual(c.path, path);
        assert.equal(c.position, position);
      });
    }
  });

  describe('completion', () => {
    it('offers phase names under phases, without those already there', () => {
      assert.deepEqual(labels('version: 0.2\nphases:\n  install:\n    commands: [a]\n  |'), ['pre_build', 'build', 'post_build']);
    });
    it('offers top-level keys, required first, with documentation and a docs link', () => {
      const { text, offset } = at('version: 0.2\n|');
      const items = complete(text, offset, { kind: 'buildspec' });
      const phases = items.find((i) => i.label === 'phases');
      assert.ok(phases);
      assert.equal(phases.insertText, 'phases:\n  ');
      assert.match(phases.documentation ?? '', /\[AWS documentation\]\(https:\/\/docs\.aws\.amazon\.com\/codebuild\/latest\/userguide\/build-spec-ref\.html#build-spec\.phases\)/);
      assert.ok(!items.some((i) => i.label === 'version'));
      assert.equal(items.find((i) => i.label === 'run-as')?.insertText, 'run-as: ');
    });
    it('offers enum values, one spelling each', () => {
      assert.deepEqual(labels('version: 0.2\nenv:\n  git-credential-helper: |'), ['true', 'false', 'yes', 'no']);
      assert.deepEqual(labels('version: 0.2\ncache:\n  action: |'), ['restore', 'save']);
      assert.deepEqual(labels('version: 0.0\nos: |', 'appspec'), ['linux', 'windows']);
    });
    it('replaces the typed prefix', () => {
      const { text, offset } = at('version: 0.2\ncache:\n  action: re|');
      const item = complete(text, offset, { kind: 'buildspec' })[0];
      assert.deepEqual(item?.range, { start: { line: 2, character: 10 }, end: { line: 2, character: 12 } });
    });
    it('offers the hooks of the inferred platform', () => {
      assert.deepEqual(labels('version: 0.0\nResources:\n  - s:\n      Type: AWS::Lambda::Function\nHooks:\n  - |', 'appspec'), ['BeforeAllowTraffic', 'AfterAllowTraffic']);
      assert.ok(labels('version: 0.0\nos: linux\nhooks:\n  |', 'appspec').includes('ValidateService'));
      assert.deepEqual(labels('version: 0.0\nos: linux\nhooks:\n  AfterInstall:\n    - location: a.sh\n      |', 'appspec'), ['timeout', 'runas', 'sudo']);
    });
    it('completes keys and values in JSON appspecs', () => {
      assert.ok(labels('{\n  "version": 0.0,\n  "os": "linux",\n  "|"\n}', 'appspec', 'appspec.json').includes('hooks'));
      const { text, offset } = at('{\n  "version": 0.0,\n  "os": |\n}');
      assert.deepEqual(complete(text, offset, { kind: 'appspec', path: 'appspec.json' }).map((i) => i.insertText), ['"linux"', '"windows"']);
    });
  });

  describe('hover', () => {
    const text = 'version: 0.2\nphases:\n  build:\n    on-failure: ABORT\n    commands:\n      - make\n';
    it('documents the key under the cursor, with a link', () => {
      const h = hover(text, text.indexOf('on-failure') + 3, { kind: 'buildspec' });
      assert.ok(h);
      assert.match(h.contents, /^\*\*on-failure\*\*/);
      assert.match(h.contents, /RETRY-<count>-<regex>/);
      assert.match(h.contents, /build-spec-ref\.html#build-spec\.phases\.on-failure/);
      assert.deepEqual(h.range, { start: { line: 3, character: 4 }, end: { line: 3, character: 14 } });
    });
    it('documents a value as its key', () => {
      assert.match(hover(text, text.indexOf('ABORT') + 1, { kind: 'buildspec' })?.contents ?? '', /on-failure/);
    });
    it('works on broken YAML from the line alone', () => {
      const broken = 'version: 0.2\nphases:\n  build:\n    finally: [\n';
      assert.match(hover(broken, broken.indexOf('finally') + 1, { kind: 'buildspec' })?.contents ?? '', /even if one of its commands failed/);
    });
    it('is silent on unknown keys and on commands', () => {
      assert.equal(hover('version: 0.2\nfoo: 1\n', 14, { kind: 'buildspec' }), undefined);
      assert.equal(hover(text, text.indexOf('make') + 1, { kind: 'buildspec' }), undefined);
    });
  });

  describe('document symbols', () => {
    const names = (s: DocumentSymbol): unknown => [s.name, s.kind, ...(s.children.length ? [s.children.map(names)] : [])];
    it('outlines phases and their commands', () => {
      const symbols = documentSymbols('version: 0.2\nphases:\n  install:\n    commands:\n      - npm ci\n  build:\n    commands:\n      - npm run build\n    finally:\n      - echo done\n', { kind: 'buildspec' });
      assert.deepEqual(symbols.map(names), [
        ['version', 'section'],
        ['phases', 'section', [
          ['install', 'phase', [['commands', 'section', [['npm ci', 'command']]]]],
          ['build', 'phase', [['commands', 'section', [['npm run build', 'command']]], ['finally', 'section', [['echo done', 'command']]]]],
        ]],
      ]);
    });
    it('outlines hooks and scripts, and batch tasks by identifier', () => {
      const ec2 = documentSymbols('version: 0.0\nos: linux\nhooks:\n  AfterInstall:\n    - location: a.sh\n      timeout: 60\n', { kind: 'appspec' });
      assert.deepEqual(ec2.map(names)[2], ['hooks', 'section', [['AfterInstall', 'hook', [['a.sh', 'script', [['location', 'key'], ['timeout', 'key']]]]]]]);
      const ecs = documentSymbols('version: 0.0\nHooks:\n  - BeforeInstall: fnA\n  - AfterInstall: fnB\n', { kind: 'appspec' });
      assert.deepEqual((ecs[1]?.children ?? []).map((s) => [s.name, s.kind, s.detail]), [['BeforeInstall', 'hook', 'fnA'], ['AfterInstall', 'hook', 'fnB']]);
      const batch = documentSymbols('version: 0.2\nbatch:\n  build-graph:\n    - identifier: build\n    - identifier: test\n', { kind: 'buildspec' });
      assert.deepEqual(batch[1]?.children[0]?.children.map((s) => [s.name, s.kind]), [['build', 'task'], ['test', 'task']]);
    });
    it('gives ranges that cover the entry and select the key', () => {
      const [, phases] = documentSymbols('version: 0.2\nphases:\n  build:\n    commands: [x]\n', { kind: 'buildspec' });
      assert.deepEqual(phases?.selectionRange, { start: { line: 1, character: 0 }, end: { line: 1, character: 6 } });
      assert.equal(phases?.range.end.line, 3);
    });
  });

  describe('folding', () => {
    it('folds mappings, lists, block scalars and comment runs', () => {
      const text = '# a\n# b\nversion: 0.2\nphases:\n  build:\n    commands:\n      - |\n        one\n        two\n      - make\n';
      assert.deepEqual(foldingRanges(text, { kind: 'buildspec' }), [
        { startLine: 0, endLine: 1, kind: 'comment' },
        { startLine: 3, endLine: 9 },
        { startLine: 4, endLine: 9 },
        { startLine: 5, endLine: 9 },
        { startLine: 6, endLine: 8 },
      ]);
    });
    it('folds by indentation while the YAML is broken', () => {
      const ranges = foldingRanges('version: 0.2\nphases:\n  build:\n    commands: [\n      x\n', { kind: 'buildspec' });
      assert.ok(ranges.some((r) => r.startLine === 1 && r.endLine === 4), JSON.stringify(ranges));
    });
  });
});
