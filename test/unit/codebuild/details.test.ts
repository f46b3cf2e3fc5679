// The build and batch details documents, rendered from the emulator's demo builds.
import * as assert from 'node:assert/strict';
import { CodeBuildClient } from '@aws-sdk/client-codebuild';
import { createCodeBuildApi, type CodeBuildApi } from '../../../src/codebuild/model/api';
import { idOfArn } from '../../../src/codebuild/model/types';
import { renderBatchDetails, renderBuildDetails } from '../../../src/codebuild/present/build-details';
import { createEmulator, type Emulator } from '../../emulator/index';

describe('CodeBuild details documents', function () {
  this.timeout(60_000);
  let emu: Emulator;
  let client: CodeBuildClient;
  let api: CodeBuildApi;

  before(async () => {
    emu = await createEmulator({ seed: { dataset: 'demo' }, speed: 0 });
    client = new CodeBuildClient(emu.clientConfig());
    api = createCodeBuildApi(client);
  });
  after(async () => {
    client.destroy();
    await emu.close();
  });

  it('a failed build: status with the failing phase, initiator, versions, phases with durations, reports', async () => {
    const [id] = (await api.listProjectBuildIds('orders-api-unit-tests')).items;
    const [build] = await api.getBuilds([id!]);
    const [project] = await api.getProjects(['orders-api-unit-tests']);
    const reports = await api.getReports(build!.reportArns);
    const md = renderBuildDetails(build!, { region: 'us-east-1', now: emu.clock.now(), project: project!, reports });
    assert.match(md, /^# orders-api-unit-tests #10\n/);
    assert.match(md, /\*\*Status:\*\* Failed — Build failed: COMMAND\\_EXECUTION\\_ERROR: Error while executing command: python -m pytest/);
    assert.match(md, /\*\*Took:\*\* 1 min 11 sec/);
    assert.match(md, /\*\*Initiator:\*\* GitHub-Hookshot\/8f2c1a4/);
    assert.match(md, /\*\*Source version:\*\* `refs\/heads\/main` → `f7c05b2e7cb6deaab678f22b3557de0fdf438e44`/);
    assert.match(md, /\*\*Buildspec:\*\* `buildspec\.yml`/);
    assert.match(md, /\*\*Environment variables:\*\* PYTHONDONTWRITEBYTECODE=`1`/);
    assert.match(md, /\*\*Log:\*\* \[\/aws\/codebuild\/orders-api-unit-tests \/ [0-9a-f-]+\]\(https:\/\/us-east-1\.console\.aws\.amazon\.com\/cloudwatch\//);
    assert.match(md, /```text\nSubmitted +\|█ +\| 382 ms\nQueued +\|█ +\| 2 sec\n/);
    assert.match(md, /\| Failed \| Build \| [0-9:]+ UTC \| 18 sec \| COMMAND\\_EXECUTION\\_ERROR: /);
    assert.match(md, /\| orders-api-unit-tests-pytest\\_reports \| Tests \| FAILED \| 25 passed, 2 failed, 1 error, 2 skipped \|/);
    assert.match(md, /\| orders-api-unit-tests-coverage \| Coverage \| SUCCEEDED \| 81\.4% lines · 81\.8% branches \|/);
    assert.doesNotMatch(md, /## Buildspec/, 'a buildspec path is not shown as a document');
  });

  it('a build with a local buildspec override shows it', async () => {
    const spec = 'version: 0.2\nphases:\n  build:\n    commands:\n      - echo "```"\n';
    const started = await api.startBuild('orders-api-unit-tests', { buildspecOverride: spec, environmentVariables: [{ name: 'DB', value: 'orders/db', type: 'SECRETS_MANAGER' }] });
    const [project] = await api.getProjects(['orders-api-unit-tests']);
    const md = renderBuildDetails(started!, { region: 'us-east-1', now: emu.clock.now(), project: project! });
    assert.match(md, /^# orders-api-unit-tests #11/);
    assert.match(md, /\*\*Buildspec:\*\* an override \(not the project's\), below/);
    assert.match(md, /DB \(secrets manager\)/);
    assert.doesNotMatch(md, /orders\/db/, 'a secret reference\'s value is not shown');
    assert.match(md, /## Buildspec\n\n````yaml\nversion: 0\.2\n[\s\S]*echo "```"\n````/);
  });

  it('a batch build graph: every group with its dependencies, attempts and failures', async () => {
    const [batchId] = (await api.listProjectBatchIds('storefront-web-e2e', 1)).items;
    const [batch] = await api.getBatches([batchId!]);
    const builds = await api.getBuilds(batch!.groups.map((g) => idOfArn(g.current!.arn)));
    const md = renderBatchDetails(batch!, (arn) => builds.find((b) => b.arn === arn), { region: 'us-east-1', now: emu.clock.now() });
    assert.match(md, /^# storefront-web-e2e batch #2/);
    assert.match(md, /\*\*Status:\*\* Failed · build graph/);
    assert.match(md, /## Builds \(graph\)/);
    assert.match(md, /\| Succeeded \| unit\\_tests \| lint \| [^|]+ \| 1 \|/);
    assert.match(md, /\| Failed \| e2e\\_chrome \| build \| [^|]+ \| 1 \| Build failed/);
    assert.match(md, /\| Succeeded \| e2e\\_firefox \| build \| [^|]+ \| 1 \| failure ignored/);
  });
});
