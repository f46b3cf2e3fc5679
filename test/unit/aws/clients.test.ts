import * as assert from 'node:assert/strict';
import { ClientCache } from '../../../src/aws/clients';

describe('ClientCache', () => {
  const settings = { profile: 'p', region: 'us-east-1', retryMode: 'standard' as const, maxAttempts: 3 };
  it('returns one client per service, profile, region and endpoint', () => {
    const cache = new ClientCache(() => async () => ({ accessKeyId: 'a', secretAccessKey: 'b' }));
    const a = cache.get('codepipeline', settings);
    assert.equal(cache.get('codepipeline', settings), a);
    assert.notEqual(cache.get('codepipeline', { ...settings, region: 'eu-west-1' }), a);
    assert.notEqual(cache.get('codepipeline', { ...settings, endpointUrl: 'http://127.0.0.1:1' }), a);
    cache.get('logs', settings);
    assert.equal(cache.size, 4);
    cache.clear();
    assert.equal(cache.size, 0);
    assert.notEqual(cache.get('codepipeline', settings), a);
  });

  it('resolves a profile\'s credentials once for all its clients, again after clear()', async () => {
    const providers: string[] = [];
    let resolutions = 0;
    const cache = new ClientCache((profile) => { providers.push(profile); return async () => { resolutions++; return { accessKeyId: profile, secretAccessKey: 'b' }; }; });
    const pipelines = cache.get('codepipeline', settings);
    const artifacts = cache.get('codeartifact', { ...settings, region: 'eu-west-1' });
    cache.prepare('p');
    assert.deepEqual(await Promise.all([pipelines.config.credentials(), artifacts.config.credentials()]), [{ accessKeyId: 'p', secretAccessKey: 'b' }, { accessKeyId: 'p', secretAccessKey: 'b' }]);
    assert.equal(resolutions, 1);
    assert.equal((await cache.get('logs', { ...settings, profile: 'q' }).config.credentials()).accessKeyId, 'q');
    assert.deepEqual(providers, ['p', 'q']);
    cache.clear();
    await cache.get('codepipeline', settings).config.credentials();
    assert.equal(resolutions, 3, 'the ~/.aws files may have changed: resolved again');
  });

  it('turns off the StartLiveTail host prefix for custom endpoints only', () => {
    const cache = new ClientCache(() => async () => ({ accessKeyId: 'a', secretAccessKey: 'b' }));
    assert.equal(cache.get('logs', { ...settings, endpointUrl: 'http://127.0.0.1:9' }).config.disableHostPrefix, true);
    assert.equal(cache.get('logs', settings).config.disableHostPrefix, false);
  });
});
