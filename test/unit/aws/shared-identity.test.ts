import * as assert from 'node:assert/strict';
import type { AwsCredentialIdentity } from '@smithy/types';
import { shareIdentity } from '../../../src/aws/shared-identity';

describe('shareIdentity: one credentials resolution for every client of a profile', () => {
  const identity = (n: number, expiration?: Date): AwsCredentialIdentity => ({ accessKeyId: `AKIA${n}`, secretAccessKey: `secret${n}`, ...(expiration ? { expiration } : {}) });

  it('resolves once for calls at once and after; forceRefresh resolves again', async () => {
    let calls = 0;
    const shared = shareIdentity(async () => identity(++calls));
    const [a, b] = await Promise.all([shared(), shared()]);
    assert.equal(calls, 1);
    assert.equal(a, b);
    assert.equal(await shared({ callerClientConfig: {} }), a);
    assert.equal(calls, 1);
    assert.equal((await shared({ forceRefresh: true })).accessKeyId, 'AKIA2');
    assert.equal((await shared()).accessKeyId, 'AKIA2');
  });

  it('an identity that expires within 5 minutes is resolved again, as the SDK does', async () => {
    let now = Date.parse('2026-12-07T10:00:00Z');
    let calls = 0;
    const shared = shareIdentity(async () => identity(++calls, new Date(now + 3_600_000)), () => now);
    assert.equal((await shared()).accessKeyId, 'AKIA1');
    now += 3_600_000 - 300_001;
    assert.equal((await shared()).accessKeyId, 'AKIA1', 'refreshed while still valid for over 5 minutes');
    now += 2;
    assert.equal((await shared()).accessKeyId, 'AKIA2');
  });

  it('a failed resolution is not kept: the next call tries again', async () => {
    let calls = 0;
    const shared = shareIdentity(async () => { calls++; if (calls === 1) throw new Error('The SSO session has expired'); return identity(calls); });
    await assert.rejects(shared(), /SSO session has expired/);
    assert.equal((await shared()).accessKeyId, 'AKIA2');
  });
});
