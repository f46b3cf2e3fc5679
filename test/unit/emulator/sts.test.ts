// STS over the awsQuery protocol: the SDK's STSClient and Debian's awscli (botocore's own query
// serialiser and XML parser) ask the emulator who a credential belongs to, as they ask AWS.
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { type AccountName, createEmulator, type Emulator, EMULATOR_ACCOUNTS } from '../../emulator/index';
import { assertAwsCli, awsCli, awsJson } from './awscli.helpers';
import { rejectsWith } from './core.helpers';

describe('emulator: STS GetCallerIdentity (awsQuery)', function () {
  this.timeout(120_000);
  let emu: Emulator;
  before(async () => {
    emu = await createEmulator({ speed: 0 });
  });
  after(() => emu.close());
  afterEach(() => emu.faults.clear());

  const sts = (account: AccountName = 'main', credentials?: { accessKeyId: string; secretAccessKey: string }): STSClient =>
    new STSClient({ ...emu.clientConfig(account), ...(credentials ? { credentials } : {}) });

  it('answers the account, user ARN and user id of the signing credential', async () => {
    const main = await sts('main').send(new GetCallerIdentityCommand({}));
    assert.equal(main.Account, '111111111111');
    assert.equal(main.Arn, 'arn:aws:iam::111111111111:user/emulator-main');
    assert.match(main.UserId ?? '', /^AIDA[A-Z2-7]{17}$/);
    assert.match(main.$metadata.requestId ?? '', /^[0-9a-f-]{36}$/, 'the RequestId comes from ResponseMetadata');
    const prod = await sts('prod').send(new GetCallerIdentityCommand({}));
    assert.equal(prod.Account, '222222222222');
    assert.notEqual(prod.UserId, main.UserId);
    assert.ok(emu.operations().includes('sts:GetCallerIdentity'));
  });

  it('answers an expired session token with 403 ExpiredToken, as STS does', async () => {
    const err = await rejectsWith(sts('expired').send(new GetCallerIdentityCommand({})), 'ExpiredToken', 403);
    assert.match(err.message, /security token included in the request is expired/);
  });

  it('names signature failures with the query protocol codes', async () => {
    await rejectsWith(sts('main', { ...EMULATOR_ACCOUNTS.main, secretAccessKey: 'wrong' }).send(new GetCallerIdentityCommand({})), 'SignatureDoesNotMatch', 403);
    await rejectsWith(sts('main', { accessKeyId: 'AKIAUNKNOWNKEY000000', secretAccessKey: 'x' }).send(new GetCallerIdentityCommand({})), 'InvalidClientTokenId', 403);
  });

  it('throttles and fails on injected faults with XML errors the SDK parses', async () => {
    emu.faults.add({ operation: 'GetCallerIdentity', service: 'sts', kind: 'throttle', times: 1 });
    await rejectsWith(sts().send(new GetCallerIdentityCommand({})), 'Throttling', 400);
    emu.faults.add({ operation: 'GetCallerIdentity', kind: 'error', times: 1 });
    await rejectsWith(sts().send(new GetCallerIdentityCommand({})), 'InternalFailure', 500);
    const ok = await sts().send(new GetCallerIdentityCommand({}));
    assert.equal(ok.Account, '111111111111');
  });

  it('rejects an unknown action or version without a signature check', async () => {
    const post = (form: string): Promise<{ status: number; body: string }> => new Promise((resolve, reject) => {
      const req = request(`${emu.url}/`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' } }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => { body += c; });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      req.end(form);
    });
    const noVersion = await post('Action=GetCallerIdentity');
    assert.equal(noVersion.status, 400);
    assert.match(noVersion.body, /<Code>InvalidAction<\/Code><Message>Could not find operation GetCallerIdentity for version NO_VERSION_SPECIFIED<\/Message>/);
    const unsigned = await post('Action=GetCallerIdentity&Version=2011-06-15');
    assert.equal(unsigned.status, 403);
    assert.match(unsigned.body, /<ErrorResponse xmlns="https:\/\/sts.amazonaws.com\/doc\/2011-06-15\/"><Error><Type>Sender<\/Type><Code>MissingAuthenticationToken<\/Code>/);
  });

  describe('Debian awscli', () => {
    before(assertAwsCli);

    it('aws sts get-caller-identity prints the account', async () => {
      const out = await awsJson(emu, ['sts', 'get-caller-identity']);
      assert.equal(out.Account, '111111111111');
      assert.equal(out.Arn, 'arn:aws:iam::111111111111:user/emulator-main');
      assert.match(String(out.UserId), /^AIDA[A-Z2-7]{17}$/);
    });

    it('aws sts get-caller-identity reports a wrong secret as SignatureDoesNotMatch', async () => {
      const res = await awsCli(emu, ['sts', 'get-caller-identity'], { secretAccessKey: 'wrong' });
      assert.notEqual(res.code, 0);
      assert.match(res.stderr, /\(SignatureDoesNotMatch\) when calling the GetCallerIdentity operation/);
    });
  });
});
