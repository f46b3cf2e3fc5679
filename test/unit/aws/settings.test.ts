import * as assert from 'node:assert/strict';
import { readAwsSettings } from '../../../src/aws/settings';

describe('AWS settings', () => {
  it('validates values and falls back to safe defaults', () => {
    const values: Record<string, unknown> = { profile: ' dev ', region: '', retryMode: 'bogus', maxAttempts: 99 };
    assert.deepEqual(readAwsSettings((k) => values[k]), { profile: 'dev', retryMode: 'standard', maxAttempts: 3 });
    assert.deepEqual(readAwsSettings((k) => ({ retryMode: 'adaptive', maxAttempts: 1 } as Record<string, unknown>)[k]), { retryMode: 'adaptive', maxAttempts: 1 });
  });

  it('takes only a region code as the region: it becomes part of every endpoint host name', () => {
    assert.equal(readAwsSettings((k) => (k === 'region' ? ' eu-west-1 ' : undefined)).region, 'eu-west-1');
    for (const region of ['us-east-1.evil.example#', 'evil.example/', 'us east 1']) {
      assert.equal(readAwsSettings((k) => (k === 'region' ? region : undefined)).region, undefined, region);
    }
  });
});
