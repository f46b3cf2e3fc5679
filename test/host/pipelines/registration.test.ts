// The extension's own Pipelines feature: the view renders the demo account, and commands run with
// argument objects (no pickers).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PipelinesFeature } from '../../../src/pipelines/editor/pipelines-feature';
import { extensionFeature } from '../foundation/helpers';
import { admin, releaseEmulator, DEMO, emulatorUrl, eventually, useEmulator } from './helpers';

describe('Pipelines feature in the extension', function () {
  this.timeout(60_000);
  let feature: PipelinesFeature;

  before(async function () {
    if (!emulatorUrl()) this.skip();
    await useEmulator();
    feature = (await extensionFeature<{ pipelines: PipelinesFeature }>('pipelines')).pipelines;
  });
  after(async () => {
    if (emulatorUrl()) await admin('POST', 'reset');
    await releaseEmulator();
  });

  it('renders the demo account in the Pipelines view once it is shown', async () => {
    const f = feature;
    await vscode.commands.executeCommand('conveyor.pipelines.focus');
    await eventually('the view to show', () => f.treeView.visible);
    await eventually('the list', () => (f.explorer.store.target(f.explorer.store.targets()[0]?.key ?? '')?.names.length ?? 0) === 12);
    await eventually('statuses of the rows', () => f.explorer.store.allPipelines().every((p) => p.entry.recent !== undefined), 30_000);
  });

  it('runs commands with argument objects', async () => {
    const arn = await vscode.commands.executeCommand<string | undefined>('conveyor.pipelines.copyArn', { ...DEMO, pipelineName: 'docs-site' });
    assert.equal(arn, 'arn:aws:codepipeline:us-east-1:111111111111:docs-site');
    // Open in AWS Console asks the person before leaving the editor: commands.test.ts runs it with a scripted UI.
  });

  it('filters the view and says so in its message', async () => {
    await vscode.commands.executeCommand('conveyor.pipelines.filter', 'pay');
    assert.equal(feature.treeView.message, 'Filter “pay”: 1 of 12 pipelines');
    await vscode.commands.executeCommand('conveyor.pipelines.clearFilter');
    assert.equal(feature.treeView.message, '', 'no message once the filter is cleared');
  });

  it('shows an execution timeline as a read-only markdown document', async () => {
    await vscode.commands.executeCommand('conveyor.pipelines.showExecution', { ...DEMO, pipelineName: 'payments-api' });
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.scheme, 'conveyor-execution');
    assert.equal(editor?.document.languageId, 'markdown');
    assert.match(editor?.document.getText() ?? '', /## ❌ Build — Failed/);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
