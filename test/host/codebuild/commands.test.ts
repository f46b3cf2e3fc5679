// The CodeBuild commands against the emulator, driven the way a person would from the palette, a
// context menu or the buildspec CodeLens (pickers and dialogs answered by a script).
import * as assert from 'node:assert/strict';
import { nodeIds } from '../../../src/codebuild/model/keys';
import type { TreeNode } from '../../../src/codebuild/model/tree';
import { admin, emulatorUrl, releaseEmulator, DEMO } from '../pipelines/helpers';
import { ACCEPT_ACTIVE, BACK } from '../scripted-ui';
import { eventually } from '../waits';
import { codebuildRig, key, T, type CodeBuildRig } from './helpers';

const projectNode = (name: string): TreeNode => ({ kind: 'project', id: nodeIds.project(key(name)), key: key(name) });
const buildNode = (name: string, buildId: string): TreeNode => ({ kind: 'build', id: nodeIds.build(key(name), buildId), key: key(name), buildId });

const LOCAL_BUILDSPEC = 'version: 0.2\nphases:\n  build:\n    commands:\n      - echo "from the workspace"\n';

describe('CodeBuild commands (emulator)', function () {
  this.timeout(120_000);
  let r: CodeBuildRig;

  before(async function () {
    if (!emulatorUrl()) this.skip();
    await admin('POST', 'reset');
  });
  beforeEach(async () => {
    r = await codebuildRig();
    await r.explorer.getChildren();
  });
  afterEach(async () => {
    r.dispose();
    if (emulatorUrl()) await admin('POST', 'faults/clear');
  });
  after(async () => {
    if (emulatorUrl()) await admin('POST', 'reset');
    await releaseEmulator();
  });

  it('Start Build from the palette with overrides: source version, environment variables, the workspace buildspec', async () => {
    r.buildspecs.push({ label: 'buildspec.yml', text: LOCAL_BUILDSPEC });
    r.ui.answer('orders-api-unit-tests', 'Start with overrides…', 'release/2.0', 'STAGE=test, LOG_LEVEL=debug', "The workspace's buildspec.yml");
    const id = await r.builds.startBuild();
    assert.ok(id, 'a build id');
    assert.equal(r.ui.pending, 0);
    assert.deepEqual(r.ui.of('confirm'), [], 'starting needs no confirmation');
    const [build] = await r.api.getBuilds([id]);
    assert.equal(build?.sourceVersion, 'release/2.0');
    assert.deepEqual(build?.environmentVariables.filter((v) => ['STAGE', 'LOG_LEVEL'].includes(v.name)).map((v) => `${v.name}=${v.value}`).sort(), ['LOG_LEVEL=debug', 'STAGE=test']);
    assert.equal(build?.buildspec, LOCAL_BUILDSPEC, 'the workspace file ran instead of the project\'s buildspec');
    assert.match(r.ui.of('notify').join('\n'), /Started build #\d+ of orders-api-unit-tests with the local buildspec\.yml/);
    assert.deepEqual(r.started, [id], 'its end will be news');
    assert.equal(r.explorer.store.lastBuild(key('orders-api-unit-tests'))?.id, id, 'the project\'s row shows the new build');
    const row = r.explorer.present(buildNode('orders-api-unit-tests', id));
    assert.match(row.description ?? '', /local buildspec/, 'the row says it ran a local buildspec');
  });

  it('Start Build is one flow: the step counter with its total, Back keeps the flow, the buildspec the project builds preselected', async () => {
    r.buildspecs.push({ label: 'buildspec.yml', text: 'version: 0.2\n' }, { label: 'ci/buildspec.yml', text: LOCAL_BUILDSPEC, matchesProject: true });
    r.ui.answer('Start with overrides…', 'v1', BACK, 'v2', '', ACCEPT_ACTIVE);
    const id = await r.builds.startBuild({ ...DEMO, projectName: 'orders-api-unit-tests' });
    assert.ok(id, 'a build id');
    assert.equal(r.ui.pending, 0);
    const steps = r.ui.calls.filter((c) => c.kind === 'step');
    assert.deepEqual(steps.map((c) => c.text.split(': ').slice(0, 2).join(': ')), [
      'Step 1/1: Start Build', 'Step 2/4: Start Build', 'Step 3/4: Start Build', 'Step 2/4: Start Build', 'Step 3/4: Start Build', 'Step 4/4: Start Build',
    ]);
    assert.deepEqual(steps.map((c) => c.text.split(': ')[2]), ['orders-api-unit-tests', 'source version', 'environment variables', 'source version', 'environment variables', 'buildspec']);
    assert.equal(steps[0]?.active, 'Start', 'starting as the project is comes first');
    assert.equal(steps.at(-1)?.active, "The workspace's ci/buildspec.yml", 'the workspace file the project builds is preselected');
    assert.deepEqual(r.ui.of('pick'), [], 'no prompt outside the flow');
    const [build] = await r.api.getBuilds([id]);
    assert.equal(build?.sourceVersion, 'v2', 'the answer after Back');
    assert.equal(build?.buildspec, LOCAL_BUILDSPEC);
  });

  it('cancelling Start Build at any step starts nothing', async () => {
    const before = (await r.api.listProjectBuildIds('orders-api-unit-tests')).items.length;
    r.ui.answer('Start with overrides…', 'v1');
    assert.equal(await r.builds.startBuild({ ...DEMO, projectName: 'orders-api-unit-tests' }), undefined);
    assert.match(r.ui.of('step').at(-1) ?? '', /^Step 3\/3: Start Build: environment variables/, 'cancelled at the third step');
    assert.equal(await r.builds.startBuild({ ...DEMO, projectName: 'orders-api-unit-tests' }), undefined, 'cancelled at the first step');
    assert.deepEqual(r.started, []);
    assert.deepEqual(r.ui.of('progress'), [], 'no StartBuild call');
    assert.equal((await r.api.listProjectBuildIds('orders-api-unit-tests')).items.length, before);
  });

  it('Start Build with arguments (the CodeLens) asks nothing; a bad override is refused before any call', async () => {
    const id = await r.builds.startBuild({ ...DEMO, projectName: 'orders-api-unit-tests', quick: true });
    assert.ok(id);
    assert.deepEqual(r.ui.of('pick'), []);
    const before = (await r.api.listProjectBuildIds('orders-api-unit-tests')).items.length;
    const refused = await r.builds.startBuild({ ...DEMO, projectName: 'orders-api-unit-tests', environmentVariables: 'CODEBUILD_X=1' });
    assert.equal(refused, undefined);
    assert.match(r.ui.of('notify').at(-1) ?? '', /^error: Start Build: CODEBUILD_X: names starting with CODEBUILD_ are reserved/);
    assert.equal((await r.api.listProjectBuildIds('orders-api-unit-tests')).items.length, before, 'nothing started');
  });

  it('Stop Build confirms in a modal first; declined, the build keeps running', async () => {
    const id = await r.builds.startBuild({ ...DEMO, projectName: 'orders-api-unit-tests', quick: true });
    assert.ok(id);
    await r.explorer.build(T, id);
    r.ui.answer(false);
    assert.equal(await r.builds.stopBuild(buildNode('orders-api-unit-tests', id)), false);
    assert.match(r.ui.of('confirm')[0] ?? '', /^Stop orders-api-unit-tests #\d+\?$/);
    assert.equal((await r.api.getBuilds([id]))[0]?.status, 'IN_PROGRESS');
    r.ui.answer(true);
    assert.equal(await r.builds.stopBuild(buildNode('orders-api-unit-tests', id)), true);
    await eventually('the build to stop', async () => (await r.api.getBuilds([id]))[0]?.status === 'STOPPED');
    assert.equal(r.explorer.store.build(T, id)?.status, 'STOPPED', 'the row was refreshed from StopBuild\'s answer');
    const asked = r.ui.of('confirm').length;
    assert.equal(await r.builds.stopBuild(buildNode('orders-api-unit-tests', id)), false);
    assert.equal(r.ui.of('confirm').length, asked, 'a finished build is not stopped again');
    assert.match(r.ui.of('notify').at(-1) ?? '', /^info: orders-api-unit-tests #\d+ is not running \(Stopped\)\.$/);
  });

  it('Retry Build retries a failed build and says which one it retried', async () => {
    await r.explorer.getChildren(projectNode('orders-api-unit-tests'));
    const failed = r.explorer.tree.shownBuildIds(key('orders-api-unit-tests')).map((id) => r.explorer.store.build(T, id)).find((b) => b?.status === 'FAILED');
    assert.ok(failed, 'the demo project has a failed build');
    const id = await r.builds.retryBuild(buildNode('orders-api-unit-tests', failed.id));
    assert.ok(id && id !== failed.id);
    assert.match(r.ui.of('notify').at(-1) ?? '', new RegExp(`^info: Started orders-api-unit-tests #\\d+ \\(a retry of orders-api-unit-tests #${failed.number}\\)\\.$`));
    const [retried] = await r.api.getBuilds([id]);
    assert.equal(retried?.resolvedSourceVersion ?? retried?.sourceVersion, failed.resolvedSourceVersion ?? failed.sourceVersion, 'the same source');
  });

  it('Start Batch Build on a batch project, then Stop Batch', async () => {
    const id = await r.builds.startBatchBuild({ ...DEMO, projectName: 'storefront-web-e2e', quick: true });
    assert.ok(id);
    const [batch] = await r.api.getBatches([id]);
    assert.equal(batch?.projectName, 'storefront-web-e2e');
    r.ui.answer(true);
    assert.equal(await r.builds.stopBuild({ ...DEMO, batchId: id }), true);
    assert.match(r.ui.of('confirm').at(-1) ?? '', /^Stop storefront-web-e2e batch #\d+\?$/);
    await eventually('the batch to stop', async () => (await r.api.getBatches([id]))[0]?.status === 'STOPPED');
  });

  it('Show Build opens the details document; Show Build Logs opens the log document', async () => {
    await r.explorer.getChildren(projectNode('orders-api-unit-tests'));
    const [latest] = r.explorer.tree.shownBuildIds(key('orders-api-unit-tests'));
    assert.ok(latest);
    await r.view.showBuild(buildNode('orders-api-unit-tests', latest));
    assert.deepEqual(r.opened, [{ target: T, id: latest, batch: false }]);
    await r.view.showBuildLogs(buildNode('orders-api-unit-tests', latest));
    assert.deepEqual(r.executed, [{ command: 'conveyor.logs.showActionLogs', args: [{ ...DEMO, externalExecutionId: latest, provider: 'CodeBuild' }] }]);
  });

  it('a failed StartBuild is explained, with nothing started', async () => {
    await admin('POST', 'faults', { operation: 'StartBuild', kind: 'error', status: 400, errorType: 'AccountLimitExceededException', message: 'Cannot have more than 60 active builds for the account' });
    const id = await r.builds.startBuild({ ...DEMO, projectName: 'orders-api-unit-tests', quick: true });
    assert.equal(id, undefined);
    assert.match(r.ui.of('error')[0] ?? '', /^StartBuild: .*60 active builds/);
    assert.deepEqual(r.started, []);
  });
});
