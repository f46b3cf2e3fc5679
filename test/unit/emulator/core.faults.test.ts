// Fault injection, in process and over the admin API, as the real SDK experiences it.
import assert from 'node:assert/strict';
import { CodePipelineClient, GetPipelineStateCommand, ListPipelinesCommand } from '@aws-sdk/client-codepipeline';
import { DescribeLogGroupsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { adminCall, rejectsWith, useEmulator } from './core.helpers';

describe('emulator core: fault injection', function () {
  this.timeout(20_000);
  const fixture = useEmulator({ speed: 0 });
  afterEach(() => fixture.emulator.faults.clear());

  const list = () => fixture.clients.codepipeline.send(new ListPipelinesCommand({}));

  it('error: a chosen status, type and message, for a number of times', async () => {
    fixture.emulator.faults.add({ operation: 'ListPipelines', kind: 'error', status: 400, errorType: 'PipelineNotFoundException', message: 'injected', times: 1 });
    const err = await rejectsWith(list(), 'PipelineNotFoundException', 400);
    assert.equal(err.message, 'injected');
    assert.deepEqual((await list()).pipelines, []);
    assert.equal(fixture.emulator.faults.list().length, 0, 'the fault is used up');
  });

  it('error: a server fault by default (InternalFailure, 500)', async () => {
    fixture.emulator.faults.add({ operation: '*', kind: 'error' });
    const err = await rejectsWith(list(), 'InternalFailure', 500);
    assert.equal((err as Error & { $fault?: string }).$fault, 'server');
  });

  it('throttle: passes N calls, then ThrottlingException (400 for awsJson)', async () => {
    fixture.emulator.faults.add({ operation: 'ListPipelines', kind: 'throttle', afterCalls: 2 });
    await list();
    await list();
    const err = await rejectsWith(list(), 'ThrottlingException', 400);
    assert.equal(err.message, 'Rate exceeded');
  });

  it('matches per operation and per service', async () => {
    fixture.emulator.faults.add({ operation: '*', service: 'logs', kind: 'error', errorType: 'ServiceUnavailableException', status: 500 });
    await list();
    await rejectsWith(fixture.clients.logs.send(new DescribeLogGroupsCommand({})), 'ServiceUnavailableException', 500);
  });

  it('delay: the answer comes late enough to trip a client timeout', async () => {
    fixture.emulator.faults.add({ operation: 'ListPipelines', kind: 'delay', delayMs: 1_500, times: 1 });
    const impatient = new CodePipelineClient({ ...fixture.emulator.clientConfig(), requestHandler: { requestTimeout: 200, throwOnRequestTimeout: true } });
    try {
      await assert.rejects(impatient.send(new ListPipelinesCommand({})), (err: Error) => err.name === 'TimeoutError');
    } finally {
      impatient.destroy();
    }
  });

  it('drop: the connection is destroyed without an answer', async () => {
    fixture.emulator.faults.add({ operation: 'GetPipelineState', kind: 'drop', times: 1 });
    await assert.rejects(fixture.clients.codepipeline.send(new GetPipelineStateCommand({ name: 'x' })), (err: Error & { $metadata?: { httpStatusCode?: number }; code?: string }) => {
      assert.equal(err.$metadata?.httpStatusCode, undefined);
      assert.match(`${err.name} ${err.code ?? ''} ${err.message}`, /socket hang up|ECONNRESET|aborted/i);
      return true;
    });
  });

  it('malformed: a 200 whose body is not valid JSON', async () => {
    fixture.emulator.faults.add({ operation: 'ListPipelines', kind: 'malformed', times: 1 });
    await assert.rejects(list(), (err: Error & { $metadata?: { httpStatusCode?: number } }) => {
      assert.doesNotMatch(err.name, /Exception$/);
      assert.equal(err.$metadata?.httpStatusCode, 200);
      return true;
    });
  });

  it('hold: requests wait until the fault is removed, then proceed; clear() releases them too', async () => {
    const hold = fixture.emulator.faults.add({ operation: 'ListPipelines', kind: 'hold' });
    let settled = false;
    const held = list().then((r) => { settled = true; return r; });
    // Answered while the first is held: the hold is per operation, and the server keeps serving.
    await rejectsWith(fixture.clients.codepipeline.send(new GetPipelineStateCommand({ name: 'x' })), 'PipelineNotFoundException');
    assert.equal(hold.seen, 1, 'the held request reached the gate');
    assert.equal(settled, false, 'still held');
    assert.equal(fixture.emulator.faults.remove(hold.id), true);
    assert.deepEqual((await held).pipelines, []);

    fixture.emulator.faults.add({ operation: '*', kind: 'hold' });
    const again = list();
    const listed = await adminCall(fixture.emulator.url, 'GET', '/_emulator/faults');
    assert.equal((listed.json as { faults: { seen: number }[] }).faults[0]?.seen, 1);
    assert.equal((await adminCall(fixture.emulator.url, 'POST', '/_emulator/faults/clear')).status, 200);
    assert.deepEqual((await again).pipelines, []);
    assert.throws(() => fixture.emulator.faults.add({ operation: '*', kind: 'hold', times: 1 }), /times does not apply/);
  });

  it('clear() removes every fault', async () => {
    fixture.emulator.faults.add({ operation: '*', kind: 'error' });
    fixture.emulator.faults.clear();
    await list();
  });

  it('rejects invalid fault specs', () => {
    assert.throws(() => fixture.emulator.faults.add({ operation: '*', kind: 'delay' }), /delayMs/);
    assert.throws(() => fixture.emulator.faults.add({ operation: '', kind: 'error' }), /operation/);
  });

  it('is settable over HTTP: POST/GET/DELETE /_emulator/faults', async () => {
    const added = await adminCall(fixture.emulator.url, 'POST', '/_emulator/faults', [
      { operation: 'ListPipelines', kind: 'error', status: 503, errorType: 'ServiceUnavailableException' },
      { operation: 'GetPipelineState', kind: 'throttle' },
    ]);
    assert.equal(added.status, 200);
    const faults = (added.json as { faults: { id: string }[] }).faults;
    assert.equal(faults.length, 2);
    await rejectsWith(list(), 'ServiceUnavailableException', 503);
    const listed = await adminCall(fixture.emulator.url, 'GET', '/_emulator/faults');
    assert.equal((listed.json as { faults: { seen: number }[] }).faults[0]!.seen, 1);
    assert.equal((await adminCall(fixture.emulator.url, 'DELETE', `/_emulator/faults/${faults[0]!.id}`)).status, 200);
    await list();
    await rejectsWith(fixture.clients.codepipeline.send(new GetPipelineStateCommand({ name: 'x' })), 'ThrottlingException');
    await adminCall(fixture.emulator.url, 'DELETE', '/_emulator/faults');
    await rejectsWith(fixture.clients.codepipeline.send(new GetPipelineStateCommand({ name: 'x' })), 'PipelineNotFoundException');
    const bad = await adminCall(fixture.emulator.url, 'POST', '/_emulator/faults', { operation: 'x', kind: 'explode' });
    assert.equal(bad.status, 400);
  });
});
