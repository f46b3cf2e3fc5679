// The scale dataset's CodeBuild side: 2,000 projects, each with a past build, listed and fetched
// through the real SDK the way a CodeBuild view pages them.
import assert from 'node:assert/strict';
import { BatchGetBuildsCommand, BatchGetProjectsCommand, ListBuildsForProjectCommand, paginateListProjects } from '@aws-sdk/client-codebuild';
import { useEmulator } from './core.helpers';

describe('emulator: CodeBuild scale dataset (2,000 projects)', function () {
  this.timeout(120_000);
  const fixture = useEmulator({ seed: { dataset: 'scale', pipelines: 10, projects: 2_000, packageVersions: 500 }, speed: 0 });

  it('pages through all 2,000 projects, gets them 100 at a time, and each has a latest build', async () => {
    const names: string[] = [];
    let pages = 0;
    for await (const page of paginateListProjects({ client: fixture.clients.codebuild }, {})) {
      pages++;
      names.push(...page.projects!);
    }
    const pipelineProjects = names.filter((n) => !/-\d{5}$/.test(n));
    assert.equal(names.length - pipelineProjects.length, 2_000);
    assert.equal(pages, Math.ceil(names.length / 100));
    assert.equal(new Set(names).size, names.length);
    for (const chunk of [names.slice(0, 100), names.slice(1_000, 1_100), names.slice(-100)]) {
      const { projects, projectsNotFound } = await fixture.clients.codebuild.send(new BatchGetProjectsCommand({ names: chunk }));
      assert.equal(projects!.length, chunk.length);
      assert.deepEqual(projectsNotFound, []);
    }
    for (const name of [names[0]!, names[1_234]!, names[names.length - 1]!].filter((n) => /-\d{5}$/.test(n))) {
      const { ids } = await fixture.clients.codebuild.send(new ListBuildsForProjectCommand({ projectName: name }));
      assert.ok(ids!.length >= 1, `${name} has built`);
      const { builds } = await fixture.clients.codebuild.send(new BatchGetBuildsCommand({ ids: ids!.slice(0, 1) }));
      assert.ok(['SUCCEEDED', 'FAILED'].includes(builds![0]!.buildStatus!));
    }
  });
});
