// The scale dataset: 5,000 pipelines, listed and inspected correctly through the real SDK.
import assert from 'node:assert/strict';
import { GetPipelineStateCommand, ListPipelineExecutionsCommand, ListPipelinesCommand, paginateListPipelines } from '@aws-sdk/client-codepipeline';
import { useEmulator } from './core.helpers';

describe('emulator: CodePipeline scale dataset (5,000 pipelines)', function () {
  this.timeout(120_000);
  const fixture = useEmulator({ seed: { dataset: 'scale', pipelines: 5_000, packageVersions: 500 }, speed: 0 });

  it('pages through all 5,000 pipelines in name order without repeats', async () => {
    const names: string[] = [];
    let pages = 0;
    for await (const page of paginateListPipelines({ client: fixture.clients.codepipeline, pageSize: 1000 }, {})) {
      pages++;
      names.push(...page.pipelines!.map((p) => p.name!));
    }
    assert.equal(pages, 5);
    assert.equal(names.length, 5_000);
    assert.equal(new Set(names).size, 5_000);
    assert.deepEqual(names, [...names].sort());
    const first = await fixture.clients.codepipeline.send(new ListPipelinesCommand({}));
    assert.equal(first.pipelines!.length, 100, 'the default page size');
    assert.ok(first.nextToken);
  });

  it('answers GetPipelineState and ListPipelineExecutions for pipelines anywhere in the list', async () => {
    const names = [...fixture.emulator.state.codepipeline.region('111111111111', 'us-east-1').sortedNames];
    for (const name of [names[0]!, names[2_500]!, names[4_999]!]) {
      const state = await fixture.clients.codepipeline.send(new GetPipelineStateCommand({ name }));
      assert.equal(state.pipelineName, name);
      assert.deepEqual(state.stageStates!.map((s) => s.stageName), ['Source', 'Test', 'Deploy']);
      assert.ok(state.stageStates!.every((s) => s.latestExecution), `${name} has run`);
      const execs = await fixture.clients.codepipeline.send(new ListPipelineExecutionsCommand({ pipelineName: name }));
      assert.equal(execs.pipelineExecutionSummaries!.length, 1);
      assert.ok(['Succeeded', 'Failed'].includes(execs.pipelineExecutionSummaries![0]!.status!));
    }
  });
});
