// SigV4 verification: every API request is checked against the emulator's known credentials.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { CodePipelineClient, ListPipelinesCommand } from '@aws-sdk/client-codepipeline';
import { createEmulator, type Emulator, EMULATOR_ACCOUNTS } from '../../emulator/index';
import { jsonCall, rejectsWith, signedCall } from './core.helpers';

const LIST = 'CodePipeline_20150709.ListPipelines';

describe('emulator core: SigV4 verification', () => {
  let emu: Emulator;
  before(async () => {
    emu = await createEmulator({ speed: 0 });
  });
  after(() => emu.close());

  const client = (credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string }): CodePipelineClient =>
    new CodePipelineClient({ ...emu.clientConfig(), credentials });

  it('accepts requests the SDK signs with a known credential', async () => {
    const res = await client(EMULATOR_ACCOUNTS.main).send(new ListPipelinesCommand({}));
    assert.deepEqual(res.pipelines, []);
    assert.match(res.$metadata.requestId ?? '', /^[0-9a-f-]{36}$/);
  });

  it('rejects a signature made with the wrong secret: 403 InvalidSignatureException', async () => {
    const err = await rejectsWith(client({ ...EMULATOR_ACCOUNTS.main, secretAccessKey: 'not-the-secret' }).send(new ListPipelinesCommand({})),
      'InvalidSignatureException', 403);
    assert.match(err.message, /signature we calculated does not match/);
  });

  it('rejects an unknown access key: 403 UnrecognizedClientException', async () => {
    await rejectsWith(client({ accessKeyId: 'AKIAUNKNOWNKEY000000', secretAccessKey: 'x' }).send(new ListPipelinesCommand({})),
      'UnrecognizedClientException', 403);
  });

  it('rejects the expired session credential: ExpiredTokenException', async () => {
    await rejectsWith(client(EMULATOR_ACCOUNTS.expired).send(new ListPipelinesCommand({})), 'ExpiredTokenException', 400);
  });

  it('rejects a session token that does not belong to the key', async () => {
    await rejectsWith(client({ ...EMULATOR_ACCOUNTS.main, sessionToken: 'forged' }).send(new ListPipelinesCommand({})),
      'UnrecognizedClientException', 403);
  });

  it('rejects a body changed after signing', async () => {
    const res = await jsonCall(emu.url, LIST, { maxResults: 5 }, { sendBody: JSON.stringify({ maxResults: 6 }) });
    assert.equal(res.status, 403);
    assert.equal((JSON.parse(res.body) as { __type: string }).__type, 'InvalidSignatureException');
  });

  it('recomputes the payload hash instead of trusting x-amz-content-sha256', async () => {
    const signedBody = JSON.stringify({ maxResults: 5 });
    const res = await jsonCall(emu.url, LIST, { maxResults: 5 }, {
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': LIST,
        'x-amz-content-sha256': createHash('sha256').update(signedBody).digest('hex'),
      },
      sendBody: JSON.stringify({ maxResults: 1 }),
    });
    assert.equal(res.status, 403);
    assert.match(res.body, /InvalidSignatureException/);
  });

  it('requires the signing name of the service the request is for', async () => {
    const res = await jsonCall(emu.url, LIST, {}, { service: 'logs' });
    assert.equal(res.status, 403);
    const body = JSON.parse(res.body) as { __type: string; message: string };
    assert.equal(body.__type, 'InvalidSignatureException');
    assert.match(body.message, /scoped to correct service: 'codepipeline'/);
  });

  it('allows 15 minutes of clock skew against real time, and no more', async () => {
    const ok = await jsonCall(emu.url, LIST, {}, { signingDate: new Date(Date.now() - 10 * 60_000) });
    assert.equal(ok.status, 200);
    const late = await jsonCall(emu.url, LIST, {}, { signingDate: new Date(Date.now() - 20 * 60_000) });
    assert.equal(late.status, 403);
    assert.match(late.body, /Signature expired/);
    const early = await jsonCall(emu.url, LIST, {}, { signingDate: new Date(Date.now() + 20 * 60_000) });
    assert.match(early.body, /Signature not yet current/);
  });

  it('checks skew against real time even when simulated time has moved on', async () => {
    emu.clock.advance(48 * 3_600_000);
    const ok = await jsonCall(emu.url, LIST, {});
    assert.equal(ok.status, 200);
  });

  it('answers an unsigned request with MissingAuthenticationTokenException', async () => {
    const res = await jsonCall(emu.url, LIST, {}, { unsigned: true });
    assert.equal(res.status, 400);
    assert.equal((JSON.parse(res.body) as { __type: string }).__type, 'MissingAuthenticationTokenException');
  });

  it('sends x-amzn-requestid on every response, errors and admin routes included', async () => {
    const ok = await jsonCall(emu.url, LIST, {});
    const bad = await jsonCall(emu.url, LIST, {}, { unsigned: true });
    const admin = await signedCall(emu.url, { service: 'x', unsigned: true, method: 'GET', path: '/_emulator/stats' });
    for (const r of [ok, bad, admin]) assert.match(String(r.headers['x-amzn-requestid']), /^[0-9a-f-]{36}$/);
  });

  it('does not count a mis-signed request as authenticated: the handler never runs', async () => {
    emu.stats.reset();
    await jsonCall(emu.url, 'CodePipeline_20150709.StartPipelineExecution', { name: 'nope' }, {
      credentials: { ...EMULATOR_ACCOUNTS.main, secretAccessKey: 'wrong' },
    }).then((r) => assert.equal(r.status, 403));
    assert.equal(emu.stats.read().operations.StartPipelineExecution, 1);
  });
});
