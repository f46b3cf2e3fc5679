// Every client Conveyor builds stamps a failed call with its operation, and listings read their pages
// through the SDK's paginators with a cap — against the emulator, through real SDK clients.
import * as assert from 'node:assert/strict';
import { GetPipelineCommand, ListPipelinesCommand, paginateListPipelines } from '@aws-sdk/client-codepipeline';
import { ClientCache, failedCallOf, operationOf } from '../../../src/aws/clients';
import { collectPages } from '../../../src/aws/paging';
import { useEmulator } from '../emulator/core.helpers';

describe('AWS clients: the failing operation, and paging', function () {
  this.timeout(30_000);
  const fixture = useEmulator({ seed: { dataset: 'demo' }, speed: 0 });
  afterEach(() => fixture.emulator.faults.clear());

  function cache(trace?: (line: string) => void): ClientCache {
    const config = fixture.emulator.clientConfig();
    return new ClientCache(() => async () => config.credentials, undefined, trace);
  }
  const settings = (): { profile: string; region: string; endpointUrl: string; retryMode: 'standard'; maxAttempts: number } =>
    ({ profile: 'p', region: 'us-east-1', endpointUrl: fixture.emulator.url, retryMode: 'standard', maxAttempts: 1 });

  it('stamps the service and operation on an error the call raised', async () => {
    fixture.emulator.faults.add({ operation: 'ListPipelines', kind: 'error', status: 400, errorType: 'AccessDeniedException', message: 'injected', times: 1 });
    const client = cache().get('codepipeline', settings());
    const err = await client.send(new ListPipelinesCommand({})).then(() => undefined, (e: unknown) => e);
    assert.ok(err instanceof Error, 'the call failed');
    assert.equal(err.name, 'AccessDeniedException');
    assert.deepEqual(failedCallOf(err), { service: 'codepipeline', operation: 'ListPipelines' });
    assert.ok(!Object.keys(err).includes(String(Symbol.for('conveyor.failedCall'))), 'the stamp is not an own enumerable field');
  });

  it('stamps calls made by a paginator too, and leaves other errors alone', async () => {
    fixture.emulator.faults.add({ operation: 'ListPipelines', kind: 'throttle', afterCalls: 1 });
    const client = cache().get('codepipeline', settings());
    const err = await collectPages(paginateListPipelines({ client, pageSize: 5 }, {}), (p) => p.pipelines).then(() => undefined, (e: unknown) => e);
    assert.equal(operationOf(err), 'ListPipelines');
    assert.equal(operationOf(new Error('not from a client')), undefined);
    assert.equal(operationOf('a string'), undefined);
  });

  it('traces every call in one line: operation, profile, region, status, time; no parameter, no credential', async () => {
    const lines: string[] = [];
    const client = cache((line) => lines.push(line)).get('codepipeline', settings());
    await client.send(new ListPipelinesCommand({}));
    fixture.emulator.faults.add({ operation: 'GetPipeline', kind: 'error', status: 400, errorType: 'AccessDeniedException', message: 'injected', times: 1 });
    await client.send(new GetPipelineCommand({ name: 'secret-project-name' })).catch(() => undefined);
    assert.equal(lines.length, 2, lines.join('\n'));
    assert.match(lines[0] ?? '', /^codepipeline\.ListPipelines \(profile "p", us-east-1\): 200 in \d+ ms$/);
    assert.match(lines[1] ?? '', /^codepipeline\.GetPipeline \(profile "p", us-east-1\): failed: AccessDeniedException \(400\) in \d+ ms$/);
    const { credentials } = fixture.emulator.clientConfig();
    for (const line of lines) {
      assert.ok(!line.includes('secret-project-name') && !line.includes(credentials.secretAccessKey) && !line.includes(credentials.accessKeyId), line);
    }
  });

  it('collects every page, and stops at the page cap', async () => {
    const client = cache().get('codepipeline', settings());
    const all = await collectPages(paginateListPipelines({ client, pageSize: 5 }, {}), (p) => p.pipelines);
    assert.equal(all.length, 12, 'the demo account has 12 pipelines: three pages of five');
    const capped = await collectPages(paginateListPipelines({ client, pageSize: 5 }, {}), (p) => p.pipelines, 2);
    assert.equal(capped.length, 10);
  });
});
