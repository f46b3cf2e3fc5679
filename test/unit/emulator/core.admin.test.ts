// The admin API other processes use: info, stats, clock, reset.
import assert from 'node:assert/strict';
import { GetPipelineExecutionCommand, ListPipelineExecutionsCommand, ListPipelinesCommand, StartPipelineExecutionCommand } from '@aws-sdk/client-codepipeline';
import { adminCall, useEmulator } from './core.helpers';

describe('emulator core: admin API', function () {
  this.timeout(30_000);
  const fixture = useEmulator({ seed: { dataset: 'demo' }, speed: 0 });

  it('describes itself: URL, accounts, and every operation of every service', async () => {
    const { json } = await adminCall(fixture.emulator.url, 'GET', '/_emulator/info');
    const info = json as { url: string; operations: string[]; accounts: Record<string, { accountId: string }> };
    assert.equal(info.url, fixture.emulator.url);
    assert.equal(info.accounts.main!.accountId, '111111111111');
    for (const op of ['codepipeline:ListPipelines', 'codebuild:BatchGetBuilds', 'logs:StartLiveTail', 'codeartifact:ListDomains', 'codeguru-profiler:GetProfile']) {
      assert.ok(info.operations.includes(op), op);
    }
  });

  it('counts requests per operation and service, and resets the counters', async () => {
    await adminCall(fixture.emulator.url, 'DELETE', '/_emulator/stats');
    await fixture.clients.codepipeline.send(new ListPipelinesCommand({}));
    await fixture.clients.codepipeline.send(new ListPipelinesCommand({}));
    await fixture.clients.codepipeline.send(new ListPipelineExecutionsCommand({ pipelineName: 'docs-site' }));
    const { json } = await adminCall(fixture.emulator.url, 'GET', '/_emulator/stats');
    assert.deepEqual(json, {
      total: 3,
      operations: { ListPipelines: 2, ListPipelineExecutions: 1 },
      services: { codepipeline: { ListPipelines: 2, ListPipelineExecutions: 1 } },
      raw: {},
    });
    await adminCall(fixture.emulator.url, 'POST', '/_emulator/stats/reset');
    assert.equal((fixture.emulator.stats.read()).total, 0);
  });

  it('advances simulated time over HTTP', async () => {
    const { pipelineExecutionId } = await fixture.clients.codepipeline.send(new StartPipelineExecutionCommand({ name: 'docs-site' }));
    const before = fixture.emulator.clock.now();
    const res = await adminCall(fixture.emulator.url, 'POST', '/_emulator/clock/advance', { ms: 3_600_000 });
    assert.equal((res.json as { now: number }).now, before + 3_600_000);
    const exec = await fixture.clients.codepipeline.send(new GetPipelineExecutionCommand({ pipelineName: 'docs-site', pipelineExecutionId }));
    assert.equal(exec.pipelineExecution!.status, 'Succeeded');
    assert.equal((await adminCall(fixture.emulator.url, 'POST', '/_emulator/clock/advance', { ms: -1 })).status, 400);
  });

  it('resets to the seed: new executions and faults are gone', async () => {
    const count = async () => (await fixture.clients.codepipeline.send(new ListPipelineExecutionsCommand({ pipelineName: 'payments-api' }))).pipelineExecutionSummaries!.length;
    const seeded = await count();
    await fixture.clients.codepipeline.send(new StartPipelineExecutionCommand({ name: 'payments-api' }));
    assert.equal(await count(), seeded + 1);
    fixture.emulator.faults.add({ operation: 'Nothing', kind: 'error' });
    const res = await adminCall(fixture.emulator.url, 'POST', '/_emulator/reset');
    assert.equal(res.status, 200);
    assert.equal(await count(), seeded);
    assert.equal(fixture.emulator.faults.list().length, 0);
  });

  it('answers unknown admin paths with 404', async () => {
    const res = await fetch(`${fixture.emulator.url}/_emulator/nope`);
    assert.equal(res.status, 404);
  });
});
