import * as assert from 'node:assert/strict';
import { DisposableStore, toDisposable } from '../../../src/core/disposables';

describe('DisposableStore (the one dispose idiom)', () => {
  it('disposes in reverse order, once, and keeps going past a failing item', () => {
    const order: string[] = [];
    const store = new DisposableStore();
    store.add(toDisposable(() => order.push('first')));
    store.addAll({ dispose: () => { throw new Error('boom'); } }, toDisposable(() => order.push('last')));
    store.dispose();
    store.dispose();
    assert.deepEqual(order, ['last', 'first']);
  });

  it('disposes at once what is added after it was disposed', () => {
    const store = new DisposableStore();
    store.dispose();
    let disposed = false;
    const item = store.add(toDisposable(() => { disposed = true; }));
    assert.equal(disposed, true);
    assert.equal(typeof item.dispose, 'function', 'add() returns the item');
  });
});
