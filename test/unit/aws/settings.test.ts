import * as assert from 'node:assert/strict';
import { isLocalEndpoint, readAwsSettings } from '../../../src/aws/settings';

describe('AWS settings', () => {
  it('validates values and falls back to safe defaults', () => {
    const values: Record<string, unknown> = { profile: ' dev ', region: '', endpointUrl: 'http://127.0.0.1:4566/', retryMode: 'bogus', maxAttempts: 99 };
    assert.deepEqual(readAwsSettings((k) => values[k]), { profile: 'dev', endpointUrl: 'http://127.0.0.1:4566', retryMode: 'standard', maxAttempts: 3 });
    assert.deepEqual(readAwsSettings((k) => ({ retryMode: 'adaptive', maxAttempts: 1 } as Record<string, unknown>)[k]), { retryMode: 'adaptive', maxAttempts: 1 });
  });

  it('recognises local endpoints', () => {
    assert.equal(isLocalEndpoint('http://127.0.0.1:1234'), true);
    assert.equal(isLocalEndpoint('http://localhost:4566'), true);
    assert.equal(isLocalEndpoint('https://codepipeline.us-east-1.amazonaws.com'), false);
    assert.equal(isLocalEndpoint('not a url'), false);
    assert.equal(isLocalEndpoint(undefined), false);
  });
});
