import * as assert from 'node:assert/strict';
import { ClientCache } from '../../../src/aws/clients';

describe('ClientCache', () => {
  const settings = { profile: 'p', region: 'us-east-1', retryMode: 'standard' as const, maxAttempts: 3 };
  it('returns one client per service, profile, region and endpoint', () => {
    let resolved = 0;
    const cache = new ClientCache(() => { resolved++; return async () => ({ accessKeyId: 'a', secretAccessKey: 'b' }); });
    const a = cache.get('codepipeline', settings);
    assert.equal(cache.get('codepipeline', settings), a);
    assert.notEqual(cache.get('codepipeline', { ...settings, region: 'eu-west-1' }), a);
    assert.notEqual(cache.get('codepipeline', { ...settings, endpointUrl: 'http://127.0.0.1:1' }), a);
    cache.get('logs', settings);
    assert.equal(cache.size, 4);
    assert.equal(resolved, 4);
    cache.clear();
    assert.equal(cache.size, 0);
    assert.notEqual(cache.get('codepipeline', settings), a);
  });

  it('turns off the StartLiveTail host prefix for custom endpoints only', () => {
    const cache = new ClientCache(() => async () => ({ accessKeyId: 'a', secretAccessKey: 'b' }));
    assert.equal(cache.get('logs', { ...settings, endpointUrl: 'http://127.0.0.1:9' }).config.disableHostPrefix, true);
    assert.equal(cache.get('logs', settings).config.disableHostPrefix, false);
  });
});
