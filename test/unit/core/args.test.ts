import * as assert from 'node:assert/strict';
import { arrayOf, asBoolean, asDate, asFiniteNumber, asObject, asOneOf, asString, hasStrings, pickStrings } from '../../../src/core/args';

describe('command argument checks', () => {
  it('accepts plain objects only', () => {
    assert.deepEqual(asObject({ a: 1 }), { a: 1 });
    for (const v of [null, undefined, 'x', 3, [1], true]) assert.equal(asObject(v), undefined, String(v));
  });

  it('reads typed values and refuses the rest', () => {
    assert.equal(asString('x'), 'x');
    assert.equal(asString(''), undefined, 'empty strings are absent');
    assert.equal(asString(1), undefined);
    assert.equal(asBoolean(false), false);
    assert.equal(asBoolean('false'), undefined);
    assert.equal(asFiniteNumber(2.5), 2.5);
    assert.equal(asFiniteNumber(Number.NaN), undefined);
    assert.equal(asOneOf('ALL_ACTIONS', ['FAILED_ACTIONS', 'ALL_ACTIONS'] as const), 'ALL_ACTIONS');
    assert.equal(asOneOf('all', ['FAILED_ACTIONS', 'ALL_ACTIONS'] as const), undefined);
  });

  it('reads dates from Date objects, ISO strings and epoch milliseconds', () => {
    const iso = '2026-12-01T10:00:00.000Z';
    assert.equal(asDate(new Date(iso))?.toISOString(), iso);
    assert.equal(asDate(iso)?.toISOString(), iso);
    assert.equal(asDate(Date.parse(iso))?.toISOString(), iso);
    assert.equal(asDate('yesterday'), undefined);
    assert.equal(asDate({}), undefined);
  });

  it('copies only the named non-empty string properties', () => {
    assert.deepEqual(pickStrings({ profile: 'dev', region: '', pipelineName: 3, extra: 'x' }, ['profile', 'region', 'pipelineName'] as const), { profile: 'dev' });
    assert.deepEqual(pickStrings('not an object', ['profile'] as const), {});
  });

  it('filters arrays by a check and recognises string records', () => {
    const isPair = (v: unknown): v is { name: string; value: string } => hasStrings(v, ['name', 'value']);
    assert.deepEqual(arrayOf([{ name: 'a', value: 'b' }, { name: 'c' }, 'x', null], isPair), [{ name: 'a', value: 'b' }]);
    assert.equal(arrayOf('x', isPair), undefined);
  });
});
