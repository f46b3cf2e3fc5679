// Runs first in the host (folder `_cold` sorts first): activation loads only the shell, and each
// feature — its bundle and its AWS SDK clients — loads on its first use and works: a view opened, a
// command run, a document of its kind opened, a custom editor opened. Validation is the exception: the
// workspace has a buildspec, so its language server starts right after activation.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { GetPipelineStateCommand } from '@aws-sdk/client-codepipeline';
import * as vscode from 'vscode';
import { activateConveyor, EXTENSION_ID, loadedFeatures, waitFor } from '../foundation/helpers';
import { admin, DEMO, emulatorUrl, releaseEmulator, useEmulator } from '../pipelines/helpers';
import { serverProcesses } from '../validation/helpers';
import { eventuallyValue } from '../waits';

/** The extension's JavaScript files this host has loaded, relative to its dist folder. */
function loadedFiles(): string[] {
  const dist = path.join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'dist') + path.sep;
  return Object.keys(require.cache).filter((f) => f.startsWith(dist)).map((f) => f.slice(dist.length).split(path.sep).join('/')).sort();
}

async function firstUse(feature: string, use: () => Promise<void>): Promise<void> {
  assert.ok(!(await loadedFeatures()).includes(feature), `${feature} was already loaded: the host is not cold`);
  await use();
  assert.ok((await loadedFeatures()).includes(feature), `${feature} was used but not loaded`);
}

function fixture(...parts: string[]): vscode.Uri {
  return vscode.Uri.file(path.join(vscode.workspace.workspaceFolders![0]!.uri.fsPath, ...parts));
}

describe('A cold extension host: every feature works on first use', function () {
  this.timeout(120_000);

  before(async function () {
    await activateConveyor();
    // The whole point is a cold host: in a run that filters tests (--grep), something else may have loaded features.
    if ((await loadedFeatures()).some((f) => f !== 'validation')) this.skip();
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    if (emulatorUrl()) await admin('POST', 'reset');
    await releaseEmulator();
    await vscode.workspace.getConfiguration('conveyor.codebuild').update('codeLens.enabled', undefined, vscode.ConfigurationTarget.Global);
  });

  it('activation loads the shell and nothing else (but validation, for the workspace\'s buildspec, and the AWS session\'s reader of ~/.aws after it)', async () => {
    assert.deepEqual((await loadedFeatures()).filter((f) => f !== 'validation'), []);
    const validation = ['features/validation.js', 'vendor/vscode-languageclient-node.js'];
    // The session reads the AWS config files right after activation returned (activateConveyor waited for it).
    assert.deepEqual(loadedFiles().filter((f) => !validation.includes(f)), ['extension.js', 'vendor/smithy-shared-ini-file-loader.js']);
  });

  it('validation: a workspace with a buildspec starts its server with no document opened; opening it shows its problems', async () => {
    // With the CodeBuild CodeLens on, a workspace buildspec also loads the CodeBuild feature (and its SDK client).
    await vscode.workspace.getConfiguration('conveyor.codebuild').update('codeLens.enabled', false, vscode.ConfigurationTarget.Global);
    const uri = fixture('validation', 'buildspec.yml');
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()), 'the buildspec is already open');
    await eventuallyValue('the language server to be forked for the workspace', serverProcesses, (pids) => pids.length === 1, 30_000);
    assert.ok((await loadedFeatures()).includes('validation'));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await waitFor('the buildspec problems', () => vscode.languages.getDiagnostics(uri).some((d) => d.source === 'conveyor'), 20_000);
    assert.ok(!loadedFiles().some((f) => f.startsWith('sdk/')), 'validation needs no AWS SDK');
    assert.ok(!loadedFiles().includes('features/codebuild.js'), 'the CodeBuild CodeLens is off: its feature stays unloaded');
  });

  it('profiler: a profile opened in the flame graph editor loads it, without the AWS SDK', async () => {
    await firstUse('profiler', async () => {
      const folded = path.join(process.env.CONVEYOR_FIXTURES ?? path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures'), 'profiler', 'sample.folded');
      await vscode.commands.executeCommand('vscode.openWith', vscode.Uri.file(folded), 'conveyor.profiler.foldedEditor');
      await waitFor('the flame graph to render', async () => {
        const state = await vscode.commands.executeCommand<{ panels: { title: string; stats?: { rects: number } }[] }>('conveyor.profiler.debugState');
        return state?.panels.some((p) => p.title === 'Flame: sample.folded' && (p.stats?.rects ?? 0) > 0) ?? false;
      }, 30_000);
    });
    assert.ok(!loadedFiles().some((f) => f.startsWith('sdk/')), `a profile file needs no AWS SDK: ${loadedFiles().join(', ')}`);
  });

  it('logs: a logs command loads it and opens the build log', async function () {
    if (!emulatorUrl()) this.skip();
    await useEmulator();
    const api = await activateConveyor();
    const state = await api.aws.client('codepipeline', DEMO).send(new GetPipelineStateCommand({ name: 'payments-api' }));
    const buildId = state.stageStates?.find((s) => s.stageName === 'Build')?.actionStates?.[0]?.latestExecution?.externalExecutionId;
    assert.ok(buildId);
    await firstUse('logs', async () => {
      const uri = await vscode.commands.executeCommand<vscode.Uri>('conveyor.logs.showActionLogs', { ...DEMO, externalExecutionId: buildId, provider: 'CodeBuild' });
      assert.equal(uri?.scheme, 'conveyor-log');
      assert.match(vscode.window.activeTextEditor?.document.getText() ?? '', /Running command npm test/);
    });
  });

  it('artifacts: a command loads it', async () => {
    await firstUse('artifacts', async () => {
      await vscode.commands.executeCommand('conveyor.artifacts.clearFilter');
      const state = await vscode.commands.executeCommand<{ logins: unknown[] }>('conveyor.artifacts.internal.state');
      assert.deepEqual(state?.logins, []);
    });
  });

  it('scaffold: the command loads it and shows the wizard\'s first step', async () => {
    await firstUse('scaffold', async () => {
      let result: unknown = 'running';
      void vscode.commands.executeCommand('conveyor.scaffold.newCdkPipelineProject').then((r) => { result = r; });
      // Closing the wizard's first step ends the command without a project (before the step shows, it has nothing to close).
      await waitFor('the wizard to open and be closed', async () => {
        await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
        return result !== 'running';
      }, 20_000);
      assert.equal(result, undefined);
    });
  });

  it('pipelines: opening the Conveyor view loads it with the CodePipeline client and lists the account', async function () {
    if (!emulatorUrl()) this.skip();
    await useEmulator();
    await firstUse('pipelines', async () => {
      await vscode.commands.executeCommand('conveyor.pipelines.focus');
      await waitFor('the view to load the feature', async () => (await loadedFeatures()).includes('pipelines'), 20_000);
      await waitFor('the pipelines to be listed', async () => {
        const arn = await vscode.commands.executeCommand<string | undefined>('conveyor.pipelines.copyArn', { ...DEMO, pipelineName: 'docs-site' });
        return arn === 'arn:aws:codepipeline:us-east-1:111111111111:docs-site';
      }, 30_000);
    });
    const files = loadedFiles();
    assert.ok(files.includes('sdk/client-codepipeline.js') && files.includes('sdk/core.js'), files.join(', '));
  });

  it('the side bar opens with Deployments and CodeBuild collapsed: each loads its feature when it is opened', async function () {
    if (!emulatorUrl()) this.skip();
    const wanted = ['features/pipelines.js', 'features/deploy.js', 'features/codebuild.js'];
    const loads = async (): Promise<string[]> => (await vscode.commands.executeCommand<{ loads: { file: string }[] }>('conveyor.internal.bundles'))?.loads
      .map((l) => l.file).filter((f) => wanted.includes(f)) ?? [];
    // Pipelines (on top) opened the side bar above and listed the account; the two collapsed views asked for nothing.
    assert.deepEqual(await loads(), ['features/pipelines.js']);
    await vscode.commands.executeCommand('conveyor.deploy.focus');
    assert.deepEqual(await eventuallyValue('the Deployments view to load its feature', loads, (files) => files.length === 2, 30_000), wanted.slice(0, 2));
    await vscode.commands.executeCommand('conveyor.codebuild.focus');
    assert.deepEqual(await eventuallyValue('the CodeBuild view to load its feature', loads, (files) => files.length === 3, 30_000), wanted);
  });

  it('a command of a feature that is loaded runs without loading anything else', async () => {
    const before = loadedFiles();
    await vscode.commands.executeCommand('conveyor.pipelines.clearFilter');
    assert.deepEqual(loadedFiles(), before);
  });
});
