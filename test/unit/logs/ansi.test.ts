import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { applySgr, color256, parseAnsiLine, stripAnsi } from '../../../src/logs/ansi';

describe('ANSI handling', () => {
  it('turns SGR colours into spans over plain text', () => {
    const p = parseAnsiLine('\u001b[32m✔ passed\u001b[0m and \u001b[1;31mFAILED\u001b[39;22m!');
    assert.equal(p.text, '✔ passed and FAILED!');
    assert.deepEqual(p.spans, [
      { start: 0, end: 8, style: { fg: { kind: 'basic', index: 2 } } },
      { start: 13, end: 19, style: { bold: true, fg: { kind: 'basic', index: 1 } } },
    ]);
    assert.deepEqual(p.endStyle, {});
  });

  it('supports bright, 256-colour and truecolour codes, and colon separators', () => {
    assert.deepEqual(applySgr({}, [91]).fg, { kind: 'basic', index: 9 });
    assert.deepEqual(applySgr({}, [38, 5, 196]).fg, { kind: 'rgb', r: 255, g: 0, b: 0 });
    assert.deepEqual(applySgr({}, [48, 2, 1, 2, 3]).bg, { kind: 'rgb', r: 1, g: 2, b: 3 });
    assert.deepEqual(color256(244), { kind: 'rgb', r: 128, g: 128, b: 128 });
    assert.deepEqual(parseAnsiLine('\u001b[38:5:2mx').spans[0]?.style.fg, { kind: 'basic', index: 2 });
  });

  it('carries colour across lines like a terminal', () => {
    const first = parseAnsiLine('\u001b[33mwarn');
    const second = parseAnsiLine('still yellow\u001b[m', first.endStyle);
    assert.deepEqual(second.spans[0], { start: 0, end: 12, style: { fg: { kind: 'basic', index: 3 } } });
  });

  it('drops cursor moves, erase codes, OSC titles and keeps hyperlink text', () => {
    assert.equal(stripAnsi('\u001b[2K\u001b[1Gdone\u001b[?25h'), 'done');
    assert.equal(stripAnsi('\u001b]0;title\u0007text'), 'text');
    assert.equal(stripAnsi('\u001b]8;;https://x.y\u001b\\link\u001b]8;;\u001b\\ end'), 'link end');
    assert.equal(stripAnsi('\u001b(Bplain\u001b=x'), 'plainx');
  });

  it('resolves carriage-return progress lines and backspaces', () => {
    assert.equal(stripAnsi('10%\r50%\r100%'), '100%');
    assert.equal(stripAnsi('downloading...\rdone'), 'doneloading...');
    assert.equal(stripAnsi('line\r'), 'line', 'a trailing CR (CRLF) keeps the line');
    assert.equal(stripAnsi('abc\bd'), 'abd');
    assert.equal(stripAnsi('a\tb\u0007c'), 'a\tbc');
  });

  it('never leaves an escape or control character behind (property)', () => {
    const pieces = fc.oneof(
      fc.string(),
      fc.constantFrom('\u001b[0m', '\u001b[1;32m', '\u001b[38;5;12m', '\u001b[2J', '\u001b]0;t\u0007', '\u001b[', '\u001b', '\r', '\b', '\u009b31m'),
    );
    fc.assert(fc.property(fc.array(pieces, { maxLength: 20 }), (parts) => {
      const out = stripAnsi(parts.join(''));
      // eslint-disable-next-line no-control-regex
      return !/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(out);
    }));
  });

  it('text without escapes comes through unchanged (property)', () => {
    // eslint-disable-next-line no-control-regex -- the property is about control characters
    fc.assert(fc.property(fc.string().filter((s) => !/[\u0000-\u001f\u007f-\u009f]/.test(s)), (s) => stripAnsi(s) === s));
  });
});
