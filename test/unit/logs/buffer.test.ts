import * as assert from 'node:assert/strict';
import { LogBuffer } from '../../../src/logs/buffer';

const ev = (timestamp: number, message: string) => ({ timestamp, message });

describe('log buffer (paging model)', () => {
  it('renders events as lines, dropping CodeBuild\'s trailing newline and splitting embedded ones', () => {
    const b = new LogBuffer();
    b.setInitial([ev(1, 'first\n'), ev(2, 'two\nlines\n'), ev(3, '')], 'f1', 'b1');
    const r = b.render();
    assert.equal(r.text, 'first\ntwo\nlines\n');
    assert.deepEqual(r.lineTimes, [1, 2, 2, 3]);
    assert.equal(r.lineCount, 4);
  });

  it('strips ANSI once and keeps the colour spans per line', () => {
    const b = new LogBuffer();
    b.setInitial([ev(1, 'plain\n'), ev(2, '\u001b[31mred\u001b[0m ok\n')], 'f', 'b');
    const r = b.render();
    assert.equal(r.text, 'plain\nred ok');
    assert.deepEqual([...r.spans.keys()], [1]);
    assert.deepEqual(r.spans.get(1)?.[0], { start: 0, end: 3, style: { fg: { kind: 'basic', index: 1 } } });
  });

  it('"load older" prepends and detects the start by the repeated backward token', () => {
    const b = new LogBuffer();
    b.setInitial([ev(10, 'c')], 'f', 'b1');
    assert.equal(b.prependOlder([ev(5, 'a'), ev(6, 'b')], 'b2'), 2);
    assert.equal(b.reachedStart, false);
    assert.equal(b.render().text, 'a\nb\nc');
    b.prependOlder([], 'b2');
    assert.equal(b.reachedStart, true);
  });

  it('the forward token coming back unchanged means the end of the stream', () => {
    const b = new LogBuffer();
    b.setInitial([], 'f1', 'b1');
    assert.deepEqual(b.appendForward([ev(1, 'x')], 'f2'), { added: 1, atEnd: false });
    assert.deepEqual(b.appendForward([], 'f2'), { added: 0, atEnd: true });
  });

  it('drops exactly the events both live tail and polling delivered around the switch', () => {
    const b = new LogBuffer();
    b.setInitial([ev(1, 'a')], 'f1', 'b1');
    b.startDedupe();
    b.appendTail([ev(2, 'b'), ev(3, 'same'), ev(3, 'same')]);
    // The catch-up poll sees b and one of the two identical lines, plus something new.
    b.appendForward([ev(2, 'b'), ev(3, 'same'), ev(4, 'c')], 'f2');
    // The tail then delivers c too.
    b.appendTail([ev(4, 'c'), ev(5, 'd')]);
    assert.equal(b.render().text, 'a\nb\nsame\nsame\nc\nd');
  });

  it('bumps its version on every change, and only then', () => {
    const b = new LogBuffer();
    const v0 = b.version;
    b.appendTail([]);
    assert.equal(b.version, v0);
    b.appendTail([ev(1, 'x')]);
    assert.equal(b.version, v0 + 1);
  });
});
