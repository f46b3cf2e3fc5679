// Fault injection, in process and over the admin API, as the real SDK experiences it.
import assert from 'node:assert/strict';
import { CodePipelineClient, GetPipelineStateCommand, ListPipelinesCommand } from '@aws-sdk/client-codepipeline';
import { DescribeLogGroupsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { createEmulator, type Emulator } from '../../emulator/index';
import { adminCall, type Clients, rejectsWith, sdkClients } from './core.helpers';

describe('emulator core: fault injection', function () {
  this.timeout(20_000);
  let emu: Emulator;
  let c: Clients;
  before(async () => {
    emu = await createEmulator({ speed: 0 });
    c = sdkClients(emu);
  });
  after(async () => {
    c.destroy();
    await emu.close();
  });
  afterEach(() => emu.faults.clear());

  const list = () => c.codepipeline.send(new ListPipelinesCommand({}));

  it('error: a chosen status, type and message, for a number of times', async () => {
    emu.faults.add({ operation: 'ListPipelines', kind: 'error', status: 400, errorType: 'PipelineNotFoundException', message: 'injected', times: 1 });
    const err = await rejectsWith(list(), 'PipelineNotFoundException', 400);
    assert.equal(err.message, 'injected');
    assert.deepEqual((await list()).pipelines, []);
    assert.equal(emu.faults.list().length, 0, 'the fault is used up');
  });

  it('error: a server fault by default (InternalFailure, 500)', async () => {
    emu.faults.add({ operation: '*', kind: 'error' });
    const err = await rejectsWith(list(), 'InternalFailure', 500);
    assert.equal((err as Error & { $fault?: string }).$fault, 'server');
  });

  it('throttle: passes N calls, then ThrottlingException (400 for awsJson)', async () => {
    emu.faults.add({ operation: 'ListPipelines', kind: 'throttle', afterCalls: 2 });
    await list();
    await list();
    const err = await rejectsWith(list(), 'ThrottlingException', 400);
    assert.equal(err.message, 'Rate exceeded');
  });

  it('matches per operation and per service', async () => {
    emu.faults.add({ operation: '*', service: 'logs', kind: 'error', errorType: 'ServiceUnavailableException', status: 500 });
    await list();
    await rejectsWith(c.logs.send(new DescribeLogGroupsCommand({})), 'ServiceUnavailableException', 500);
  });

  it('delay: the answer comes late enough to trip a client timeout', async () => {
    emu.faults.add({ operation: 'ListPipelines', kind: 'delay', delayMs: 1_500, times: 1 });
    const impatient = new CodePipelineClient({ ...emu.clientConfig(), requestHandler: { requestTimeout: 200, throwOnRequestTimeout: true } });
    try {
      await assert.rejects(impatient.send(new ListPipelinesCommand({})), (err: Error) => err.name === 'TimeoutError');
    } finally {
      impatient.destroy();
    }
  });

  it('drop: the connection is destroyed without an answer', async () => {
    emu.faults.add({ operation: 'GetPipelineState', kind: 'drop', times: 1 });
    await assert.rejects(c.codepipeline.send(new GetPipelineStateCommand({ name: 'x' })), (err: Error & { $metadata?: { httpStatusCode?: number }; code?: string }) => {
      assert.equal(err.$metadata?.httpStatusCode, undefined);
      assert.match(`${err.name} ${err.code ?? ''} ${err.message}`, /socket hang up|ECONNRESET|aborted/i);
      return true;
    });
  });

  it('malformed: a 200 whose body is not valid JSON', async () => {
    emu.faults.add({ operation: 'ListPipelines', kind: 'malformed', times: 1 });
    await assert.rejects(list(), (err: Error & { $metadata?: { httpStatusCode?: number } }) => {
      assert.doesNotMatch(err.name, /Exception$/);
      assert.equal(err.$metadata?.httpStatusCode, 200);
      return true;
    });
  });

  it('clear() removes every fault', async () => {
    emu.faults.add({ operation: '*', kind: 'error' });
    emu.faults.clear();
    await list();
  });

  it('rejects invalid fault specs', () => {
    assert.throws(() => emu.faults.add({ operation: '*', kind: 'delay' }), /delayMs/);
    assert.throws(() => emu.faults.add({ operation: '', kind: 'error' }), /operation/);
  });

  it('is settable over HTTP: POST/GET/DELETE /_emulator/faults', async () => {
    const added = await adminCall(emu.url, 'POST', '/_emulator/faults', [
      { operation: 'ListPipelines', kind: 'error', status: 503, errorType: 'ServiceUnavailableException' },
      { operation: 'GetPipelineState', kind: 'throttle' },
    ]);
    assert.equal(added.status, 200);
    const faults = (added.json as { faults: { id: string }[] }).faults;
    assert.equal(faults.length, 2);
    await rejectsWith(list(), 'ServiceUnavailableException', 503);
    const listed = await adminCall(emu.url, 'GET', '/_emulator/faults');
    assert.equal((listed.json as { faults: { seen: number }[] }).faults[0]!.seen, 1);
    assert.equal((await adminCall(emu.url, 'DELETE', `/_emulator/faults/${faults[0]!.id}`)).status, 200);
    await list();
    await rejectsWith(c.codepipeline.send(new GetPipelineStateCommand({ name: 'x' })), 'ThrottlingException');
    await adminCall(emu.url, 'DELETE', '/_emulator/faults');
    await rejectsWith(c.codepipeline.send(new GetPipelineStateCommand({ name: 'x' })), 'PipelineNotFoundException');
    const bad = await adminCall(emu.url, 'POST', '/_emulator/faults', { operation: 'x', kind: 'explode' });
    assert.equal(bad.status, 400);
  });
});
