// registerPipelines / registerLogs: every command is registered, the Pipelines view renders the demo
// account, and commands run with argument objects (no pickers).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { silentLogger } from '../../../src/core/log';
import { LOG_COMMANDS, registerLogs } from '../../../src/logs/editor/register';
import { createPipelinesFeature, PIPELINE_COMMANDS, type PipelinesFeature } from '../../../src/pipelines/editor/register';
import { activateConveyor } from '../foundation/helpers';
import { admin, releaseEmulator, DEMO, emulatorUrl, eventually, MemoryMemento, ScriptedUi, useEmulator } from './helpers';

describe('Pipelines feature registration', function () {
  this.timeout(60_000);
  const subscriptions: { dispose(): void }[] = [];
  let feature: PipelinesFeature | undefined;
  let wired: PipelinesFeature | undefined;
  const ui = new ScriptedUi();

  before(async function () {
    if (!emulatorUrl()) this.skip();
    await useEmulator();
    const api = await activateConveyor();
    const registered = await vscode.commands.getCommands(true);
    // When the extension already wires the features, test those; otherwise register our own.
    feature = api.pipelines;
    wired = api.pipelines;
    if (!registered.includes('conveyor.pipelines.refresh')) {
      feature = createPipelinesFeature({ subscriptions, globalState: new MemoryMemento() }, { log: silentLogger, aws: api.aws, ui });
    }
    if (!registered.includes('conveyor.logs.showActionLogs')) {
      registerLogs({ subscriptions } as unknown as vscode.ExtensionContext, { log: silentLogger, aws: api.aws });
    }
  });
  after(async () => {
    for (const s of subscriptions.splice(0).reverse()) s.dispose();
    if (emulatorUrl()) await admin('POST', 'reset');
    await releaseEmulator();
  });

  it('registers every pipelines and logs command', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = [...PIPELINE_COMMANDS, ...LOG_COMMANDS].filter((c) => !registered.has(c));
    assert.deepEqual(missing, []);
  });

  it('renders the demo account in the Pipelines view once it is shown', async () => {
    assert.ok(feature, 'the extension wired the Pipelines feature');
    const f = feature;
    await vscode.commands.executeCommand('conveyor.pipelines.focus');
    await eventually('the view to show', () => f.treeView.visible);
    await eventually('the list', () => (f.explorer.store.target(f.explorer.store.targets()[0]?.key ?? '')?.names.length ?? 0) === 12);
    await eventually('statuses of the rows', () => f.explorer.store.allPipelines().every((p) => p.entry.recent !== undefined), 30_000);
  });

  it('runs commands with argument objects', async () => {
    const arn = await vscode.commands.executeCommand<string | undefined>('conveyor.pipelines.copyArn', { ...DEMO, pipelineName: 'docs-site' });
    assert.equal(arn, 'arn:aws:codepipeline:us-east-1:111111111111:docs-site');
    const url = await vscode.commands.executeCommand<string | undefined>('conveyor.pipelines.openInConsole', { ...DEMO, pipelineName: 'docs-site' });
    // Only the scripted UI reports the URL back; the real opener may ask the person first.
    if (feature !== wired) assert.equal(url, 'https://us-east-1.console.aws.amazon.com/codesuite/codepipeline/pipelines/docs-site/view?region=us-east-1');
  });

  it('filters the view and says so in its message', async () => {
    assert.ok(feature, 'the extension wired the Pipelines feature');
    await vscode.commands.executeCommand('conveyor.pipelines.filter', 'pay');
    assert.equal(feature.treeView.message, 'Filter “pay”: 1 of 12 pipelines');
    await vscode.commands.executeCommand('conveyor.pipelines.clearFilter');
    assert.equal(feature.treeView.message, undefined);
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
