import * as assert from 'node:assert/strict';
import { lazy } from '../../../src/core/lazy';

describe('lazy', () => {
  it('makes the value on first use only, once, even when it is undefined', () => {
    let made = 0;
    const value = lazy(() => { made++; return undefined; });
    assert.equal(made, 0);
    assert.equal(value(), undefined);
    assert.equal(value(), undefined);
    assert.equal(made, 1);
  });
});
