import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { parseFastYaml } from '../../../packages/conveyor-lint/src/syntax/fast-yaml';
import type { Node } from '../../../packages/conveyor-lint/src/syntax/tree';
import { parseWithYamlLib } from '../../../packages/conveyor-lint/src/syntax/yaml-lib-parser';
import { CORPUS_DIR, corpusAvailable, corpusFiles } from './corpus';

/** Everything a rule or a range can observe: structure, values, styles and offsets. */
function shape(n: Node | null | undefined): unknown {
  if (!n) return null;
  switch (n.kind) {
    case 'map': return { map: [n.start, n.end], pairs: n.pairs.map((p) => [shape(p.key), shape(p.value)]) };
    case 'seq': return { seq: [n.start, n.end], items: n.items.map(shape) };
    case 'scalar': return [Number.isNaN(n.value) ? 'NaN' : n.value, n.style, n.start, n.end];
    case 'alias': return ['alias', n.name];
  }
}

/** The fast parser either bails out, or agrees exactly with the `yaml` library on an error-free document. */
function assertAgrees(text: string): 'fast' | 'bail' {
  const fast = parseFastYaml(text);
  if (fast === undefined) return 'bail';
  const lib = parseWithYamlLib(text);
  assert.deepEqual(lib.problems.map((p) => p.message), [], `fast parser accepted a document the yaml library rejects:\n${text}`);
  assert.deepEqual(shape(fast), shape(lib.root ?? null), `trees differ for:\n${JSON.stringify(text)}`);
  return 'fast';
}

const WORDS = ['version', 'phases', 'build', 'commands', 'echo hi', 'a', 'key with space', 'x-y', 'on-failure', '0.2', '1', '-1', '0x1F', '0o17', '1e3', '.5', 'true', 'False', 'null', '~', 'NULL',
  'a:b', 'a: b', 'a #b', 'a#b', 'http://x', '"q"', "'s'", "'it''s'", '"a\\tb"', '"\\u00e9"', '"\\x41"', '"bad\\q"', '[a, b]', '{a: 1}', '&x a', '*x', '!Ref a', '|', '|-', '>', '>-', '|+', '|2',
  '- ', '-', '? ', ': ', '#', '---', '...', '@x', '`x`', '%x', 'tab\there', 'über', '$(aws ecr get-login)', 'a ]', 'x,y', '"unterminated', "'unterminated", '-x', ':x', '?x'];

const lineArb = fc.record({
  indent: fc.constantFrom(0, 0, 1, 2, 2, 4, 4, 6, 8),
  kind: fc.constantFrom('key', 'keyValue', 'item', 'itemKey', 'itemEmpty', 'comment', 'blank', 'text', 'raw'),
  a: fc.constantFrom(...WORDS),
  b: fc.constantFrom(...WORDS),
  trailing: fc.constantFrom('', '', ' ', '  # c', '\r'),
});

function render(lines: { indent: number; kind: string; a: string; b: string; trailing: string }[]): string {
  return lines.map((l) => {
    const pad = ' '.repeat(l.indent);
    switch (l.kind) {
      case 'key': return `${pad}${l.a}:${l.trailing}`;
      case 'keyValue': return `${pad}${l.a}: ${l.b}${l.trailing}`;
      case 'item': return `${pad}- ${l.b}${l.trailing}`;
      case 'itemKey': return `${pad}- ${l.a}: ${l.b}${l.trailing}`;
      case 'itemEmpty': return `${pad}-${l.trailing}`;
      case 'comment': return `${pad}# ${l.a}`;
      case 'blank': return l.trailing === '\r' ? '' : pad;
      case 'text': return `${pad}${l.b}`;
      default: return `${pad}${l.a}${l.b}`;
    }
  }).join('\n');
}

describe('fast YAML parser', () => {
  it('agrees with the yaml library on every corpus file it accepts, and accepts most of them', function () {
    if (!corpusAvailable()) {
       
      console.log(`    (skipped: the corpus folder ${CORPUS_DIR} does not exist)`);
      this.skip();
    }
    let fast = 0;
    const files = corpusFiles().filter((f) => !f.name.endsWith('.json'));
    for (const file of files) if (assertAgrees(file.text) === 'fast') fast++;
    assert.ok(fast / files.length > 0.9, `only ${fast} of ${files.length} corpus files took the fast path`);
  });

  it('agrees with the yaml library on hand-picked edge cases', () => {
    const cases = [
      'a:\n- # c\n- x\n', 'a:\n-   \n- x\n', 'a:\n-\n', 'k: |\n  x', 'k: |\n  x\n', 'k: |-\n  x', 'k: >\n  a\n  b\n\n  c\n',
      'a:   \nb: 1', 'a: # c\nb: 1', '- a: 1\n  b: 2\n- c', 'a: b\r\nc:\r\n  - d\r\n', 'a: "x\\ty" # c\n', "a: 'it''s'\n",
      'docker : 19\n', 'key: first\n  second\n\n  third\nnext: 1\n', 'k: |\n  a\n\n    b\n  c\n', 'k: |\n\n  a\n', '---\na: 1\n', '--- # c\na: 1\n',
      '- - a\n', 'a: b: c\n', '"k": v\n', 'k: [a]\n', '- |\n  x\n- y\n', 'a:\n  b:\n    c: 1\n  d: 2\ne: 3\n', 'x\n', '# only\n', '',
    ];
    for (const c of cases) assertAgrees(c);
  });

  it('agrees with the yaml library on documents the yaml library writes (most take the fast path)', function () {
    this.timeout(60_000);
    const scalar = fc.oneof(fc.string({ unit: fc.constantFrom('a', 'b', ' ', ':', '#', '-', '"', "'", '\n', '1', '.', 'é', '[', ',', '\\') }), fc.integer(), fc.double({ noNaN: true }), fc.boolean(), fc.constant(null));
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, scalar, tie('arr'), tie('obj')),
      arr: fc.array(tie('node'), { maxLength: 4 }),
      obj: fc.dictionary(fc.string({ unit: fc.constantFrom('k', 'e', 'y', '-', '_', ' ', ':', '1') , minLength: 1 }), tie('node'), { maxKeys: 4 }),
    })).node;
    let fastCount = 0;
    fc.assert(fc.property(value, fc.constantFrom(2, 4), fc.boolean(), fc.constantFrom(0, 20, 80), (v, indent, indentSeq, lineWidth) => {
      const text = stringify(v, { indent, indentSeq, lineWidth, minContentWidth: 0 });
      if (assertAgrees(text) === 'fast') fastCount++;
    }), { numRuns: Number(process.env.FUZZ_RUNS ?? 2000) });
    assert.ok(fastCount > 500, `the fast path was exercised only ${fastCount} times`);
  });

  it('never disagrees with the yaml library on generated documents', function () {
    this.timeout(60_000);
    let fastCount = 0;
    fc.assert(fc.property(fc.array(lineArb, { minLength: 1, maxLength: 12 }), fc.boolean(), (lines, finalNewline) => {
      const text = render(lines) + (finalNewline ? '\n' : '');
      if (assertAgrees(text) === 'fast') fastCount++;
    }), { numRuns: Number(process.env.FUZZ_RUNS ?? 4000) });
    assert.ok(fastCount > 100, `the fast path was exercised only ${fastCount} times`);
  });
});
