import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { credentialsFor } from '../../../src/aws/credentials';
import { explainAwsError, ssoLoginArgs } from '../../../src/aws/errors';

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

  // Review 2026-12, finding 3: the profile name went unquoted into a shell command, and the category was
  // computed from a message that contains the profile name.
  describe('the aws sso login action and profile names', () => {
    const saved = { ...process.env };
    let dir: string;
    before(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'conveyor-errors-'));
      fs.writeFileSync(path.join(dir, 'config'), [
        '[default]', 'region = us-east-1', '',
        '[profile session]', 'sso_session = corp', 'sso_account_id = 111122223333', 'sso_role_name = Dev', '',
        '[profile team/dev:admin]', 'sso_session = corp', 'sso_account_id = 111122223333', 'sso_role_name = Admin', '',
        '[sso-session corp]', 'sso_start_url = https://corp.awsapps.com/start', 'sso_region = us-east-1', '',
      ].join('\n'));
      fs.writeFileSync(path.join(dir, 'credentials'), '');
      process.env.HOME = dir;
      process.env.AWS_CONFIG_FILE = path.join(dir, 'config');
      process.env.AWS_SHARED_CREDENTIALS_FILE = path.join(dir, 'credentials');
    });
    after(() => {
      for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
      Object.assign(process.env, saved);
      fs.rmSync(dir, { recursive: true, force: true });
    });
    const sdkError = async (profile: string): Promise<unknown> =>
      credentialsFor(profile, { region: 'us-east-1' })().then(() => assert.fail('resolved'), (e: unknown) => e);

    it('does not read a missing profile named like an SSO error as an expired session, and offers no command', async () => {
      const profile = 'sso expired; touch pwned-by-profile-name #';
      const e = explainAwsError(await sdkError(profile), { ...ctx, profile });
      assert.equal(e.category, 'noCredentials', e.message);
      assert.ok(e.actions.every((a) => a.kind !== 'ssoLogin'), JSON.stringify(e.actions));
    });

    it('reads the SDK\'s own SSO errors as an expired session, whatever the profile is called', async () => {
      for (const profile of ['session', 'team/dev:admin']) {
        const e = explainAwsError(await sdkError(profile), { ...ctx, profile });
        assert.equal(e.category, 'ssoExpired', `${profile}: ${e.message}`);
      }
    });

    it('offers the action only for names that pass to aws as they are, and never one that reads as an option', () => {
      for (const name of ['dev', 'prod-admin', 'team.dev_1', 'a+b=c,d@e', 'team/dev:admin']) assert.deepEqual(ssoLoginArgs(name), ['sso', 'login', '--profile', name]);
      for (const name of ['dev (admin)', 'x; touch pwned', '$(id)', '`id`', 'a b', '-x', '--endpoint-url=https://x', 'a\nb', "it's", '']) {
        assert.equal(ssoLoginArgs(name), undefined, name);
      }
      const expired = 'The SSO session associated with this profile has expired. To refresh this SSO session run aws sso login with the corresponding profile.';
      const unsafe = explainAwsError(err('CredentialsProviderError', expired), { ...ctx, profile: 'dev (admin)' });
      assert.equal(unsafe.category, 'ssoExpired');
      assert.deepEqual(unsafe.actions, [{ kind: 'retry' }]);
      assert.ok(!unsafe.message.includes('--profile'), unsafe.message);
      const stale = explainAwsError(err('ExpiredTokenException', 'The security token included in the request is expired', 400), { ...ctx, profile: 'x; id' });
      assert.deepEqual(stale.actions, [{ kind: 'selectProfile' }, { kind: 'retry' }]);
    });
  });
});
