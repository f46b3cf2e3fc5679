import * as assert from 'node:assert/strict';
import { MAX_DUPLICATE_KEY_REPORTS } from '../../../packages/conveyor-lint/src/syntax/parse';
import { validate } from '../../../packages/conveyor-lint/src/validate';
import { byRule } from './helpers';

const HEAD = 'version: 0.2\nphases:\n  build:\n    commands:\n      - echo\nenv:\n  variables:\n';

describe('duplicate keys (review 2026-12, finding 6)', () => {
  it('reports 130,000 copies of one key as duplicates, not as a document "too deeply nested"', () => {
    const text = HEAD + Array.from({ length: 130_000 }, (_, i) => `    K: v${i}\n`).join('');
    const report = validate(text, { kind: 'buildspec' });
    assert.deepEqual(report.diagnostics.filter((d) => d.rule !== 'yaml/duplicate-key'), []);
    assert.equal(report.notValidated, undefined);
    const dupes = byRule(report.diagnostics, 'yaml/duplicate-key');
    assert.equal(dupes.length, MAX_DUPLICATE_KEY_REPORTS + 1);
    assert.equal(dupes[0]?.range.start.line, 8);
    assert.match(dupes[0]?.message ?? '', /^Duplicate key 'K': it is already defined on line 8,/);
    const more = dupes[MAX_DUPLICATE_KEY_REPORTS];
    assert.equal(more?.range.start.line, 8 + MAX_DUPLICATE_KEY_REPORTS);
    assert.match(more?.message ?? '', /^And 128999 more duplicate keys from here on, not listed one by one \(129999 in all\)\./);
  });

  it('names the line of each first definition, in document order, across several mappings', () => {
    const keys = Array.from({ length: 300 }, (_, i) => `    K${i}: v\n`).join('');
    const text = `${HEAD}${keys}${keys}  shell: bash\n  shell: sh\n`;
    const dupes = byRule(validate(text, { kind: 'buildspec' }).diagnostics, 'yaml/duplicate-key');
    assert.equal(dupes.length, 301);
    dupes.slice(0, 300).forEach((d, i) => {
      assert.equal(d.range.start.line, 7 + 300 + i);
      assert.match(d.message, new RegExp(`^Duplicate key 'K${i}': it is already defined on line ${8 + i},`));
    });
    assert.match(dupes[300]?.message ?? '', new RegExp(`^Duplicate key 'shell': it is already defined on line ${8 + 600},`));
  });

  it('lists at most MAX_DUPLICATE_KEY_REPORTS, then one "and N more" at the next one', () => {
    const keys = (n: number): string => Array.from({ length: n }, (_, i) => `    K${i}: v\n`).join('');
    const exactly = byRule(validate(HEAD + keys(MAX_DUPLICATE_KEY_REPORTS) + keys(MAX_DUPLICATE_KEY_REPORTS), { kind: 'buildspec' }).diagnostics, 'yaml/duplicate-key');
    assert.equal(exactly.length, MAX_DUPLICATE_KEY_REPORTS);
    assert.ok(exactly.every((d) => d.message.startsWith('Duplicate key')));
    const over = byRule(validate(HEAD + keys(MAX_DUPLICATE_KEY_REPORTS + 2) + keys(MAX_DUPLICATE_KEY_REPORTS + 2), { kind: 'buildspec' }).diagnostics, 'yaml/duplicate-key');
    assert.equal(over.length, MAX_DUPLICATE_KEY_REPORTS + 1);
    assert.match(over.at(-1)?.message ?? '', /^And 2 more duplicate keys from here on/);
    assert.equal(over.at(-1)?.severity, 'error');
  });
});
