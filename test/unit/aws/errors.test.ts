import * as assert from 'node:assert/strict';
import { explainAwsError } from '../../../src/aws/errors';

const err = (name: string, message: string, status?: number) =>
  Object.assign(new Error(message), { name, ...(status ? { $metadata: { httpStatusCode: status } } : {}) });
const ctx = { service: 'codepipeline' as const, operation: 'GetPipelineState', profile: 'dev', region: 'eu-west-1' };

describe('explainAwsError', () => {
  it('offers aws sso login for an expired SSO session', () => {
    const e = explainAwsError(err('CredentialsProviderError', 'The SSO session associated with this profile has expired or is otherwise invalid. To refresh this SSO session run aws sso login with the corresponding profile.'), ctx);
    assert.equal(e.category, 'ssoExpired');
    assert.deepEqual(e.actions[0], { kind: 'ssoLogin', profile: 'dev', command: 'aws sso login --profile dev' });
    assert.match(e.message, /aws sso login --profile dev/);
  });

  it('names the IAM action from the AccessDenied message', () => {
    const e = explainAwsError(err('AccessDeniedException', 'User: arn:aws:sts::1:assumed-role/x is not authorized to perform: codepipeline:ListPipelines on resource: *', 400), ctx);
    assert.equal(e.category, 'accessDenied');
    assert.equal(e.iamAction, 'codepipeline:ListPipelines');
    assert.match(e.message, /codepipeline:ListPipelines/);
  });

  it('derives the IAM action from service and operation when the message has none', () => {
    const e = explainAwsError(err('AccessDeniedException', 'Forbidden', 403), { ...ctx, service: 'codeguruprofiler', operation: 'GetProfile' });
    assert.equal(e.iamAction, 'codeguru-profiler:GetProfile');
  });

  it('treats expired session tokens as expired credentials', () => {
    const e = explainAwsError(err('ExpiredTokenException', 'The security token included in the request is expired', 400), ctx);
    assert.equal(e.category, 'credentialsExpired');
    assert.equal(e.transient, false);
  });

  it('marks throttling, 5xx and network errors transient', () => {
    assert.equal(explainAwsError(err('ThrottlingException', 'Rate exceeded', 400), ctx).category, 'throttled');
    assert.equal(explainAwsError(err('Whatever', 'x', 429), ctx).category, 'throttled');
    const five = explainAwsError(err('InternalFailure', 'boom', 503), ctx);
    assert.equal(five.category, 'service');
    assert.equal(five.transient, true);
    const net = explainAwsError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }), { ...ctx, endpointUrl: 'http://127.0.0.1:1' });
    assert.equal(net.category, 'network');
    assert.match(net.message, /http:\/\/127\.0\.0\.1:1/);
  });

  it('rejected signatures and unknown keys suggest another profile', () => {
    for (const name of ['InvalidSignatureException', 'UnrecognizedClientException']) {
      const e = explainAwsError(err(name, 'nope', 403), ctx);
      assert.equal(e.category, 'invalidSignature');
      assert.deepEqual(e.actions, [{ kind: 'selectProfile' }]);
    }
  });

  it('never repeats a secret from the error message', () => {
    const e = explainAwsError(err('Oops', 'failed for https://aws:eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.abc@host/npm/'), ctx);
    assert.ok(!e.message.includes('eyJhbGciOiJIUzI1NiJ9'), e.message);
  });
});
