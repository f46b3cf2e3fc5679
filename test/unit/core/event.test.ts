import * as assert from 'node:assert/strict';
import { Emitter } from '../../../src/core/event';

describe('Emitter (events for pure modules)', () => {
  it('calls every listener until it unsubscribes; a throwing listener does not stop the others', () => {
    const e = new Emitter<number>();
    const seen: number[] = [];
    e.event(() => { throw new Error('boom'); });
    const sub = e.event((n) => seen.push(n));
    e.fire(1);
    sub.dispose();
    e.fire(2);
    assert.deepEqual(seen, [1]);
  });

  it('forgets every listener when disposed', () => {
    const e = new Emitter<void>();
    let calls = 0;
    e.event(() => calls++);
    e.dispose();
    e.fire();
    assert.equal(calls, 0);
  });
});
