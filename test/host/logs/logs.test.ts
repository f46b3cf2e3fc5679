// Build logs inside a real extension host: a `conveyor-log:` document for a pipeline's CodeBuild action,
// its phase folding and outline, "go to the failing command" in the workspace's buildspec.yml, and
// "load older".
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { LogsFeature } from '../../../src/logs/editor/feature';
import { admin, releaseEmulator, DEMO, emulatorUrl, eventually, useEmulator } from '../pipelines/helpers';
import { activateConveyor, extensionFeature } from '../foundation/helpers';
import { CodePipelineClient, GetPipelineStateCommand } from '@aws-sdk/client-codepipeline';

async function buildIdOf(client: CodePipelineClient, pipeline: string, stage: string): Promise<string> {
  const state = await client.send(new GetPipelineStateCommand({ name: pipeline }));
  const id = state.stageStates?.find((s) => s.stageName === stage)?.actionStates?.[0]?.latestExecution?.externalExecutionId;
  assert.ok(id);
  return id;
}

describe('Build logs documents (emulator)', function () {
  this.timeout(120_000);
  let feature: LogsFeature;
  let client: CodePipelineClient;

  async function run<T>(command: string, arg: unknown): Promise<T> {
    return vscode.commands.executeCommand<T>(command, arg);
  }

  before(async function () {
    if (!emulatorUrl()) this.skip();
    await useEmulator();
    await admin('POST', 'reset');
    const api = await activateConveyor();
    client = api.aws.client('codepipeline', DEMO);
    feature = await extensionFeature<LogsFeature>('logs');
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    if (emulatorUrl()) await admin('POST', 'reset');
    await releaseEmulator();
  });

  it('opens the failed build of payments-api with folding and an outline by phase', async () => {
    const buildId = await buildIdOf(client, 'payments-api', 'Build');
    const uri = await run<vscode.Uri>('conveyor.logs.showActionLogs', { ...DEMO, externalExecutionId: buildId, provider: 'CodeBuild', actionName: 'Unit-Tests' });
    assert.equal(uri.scheme, 'conveyor-log');
    assert.match(uri.path, /^\/Build logs\/payments-api-unit-tests\/payments-api-unit-tests #[0-9a-f]{8}\.log$/, 'the tab names the project and the build');
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    assert.ok(doc);
    assert.match(doc.getText(), /Running command npm test/);
    assert.ok(!doc.getText().includes('\u001b['), 'ANSI escapes are stripped from the text');
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString());
    const failingLine = doc.getText().split('\n').findIndex((l) => l.endsWith('Running command npm test'));
    assert.equal(vscode.window.activeTextEditor?.selection.active.line, failingLine, 'opens at the failing command');
    // A language of its own, so VS Code wraps it from its first layout ("[conveyor-build-log]" default) and
    // the person can change that per language like any other.
    assert.equal(doc.languageId, 'conveyor-build-log');
    assert.equal(vscode.workspace.getConfiguration('editor', doc).get('wordWrap'), 'on', 'build logs wrap by default');
    assert.equal(vscode.workspace.getConfiguration('editor', { languageId: 'log' }).get('wordWrap'), 'off', 'other log files are left alone');
    await eventually('the failing command in view', () =>
      vscode.window.activeTextEditor?.visibleRanges.some((r) => r.start.line <= failingLine && failingLine <= r.end.line) === true);
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
    assert.deepEqual(symbols.map((s) => s.name), ['DOWNLOAD_SOURCE', 'INSTALL', 'PRE_BUILD', 'BUILD', 'POST_BUILD', 'UPLOAD_ARTIFACTS']);
    const build = symbols.find((s) => s.name === 'BUILD');
    assert.match(build?.detail ?? '', /^failed · \d+ (s|min)/);
    assert.deepEqual(build?.children.map((c) => [c.name, c.detail]), [['npm test', 'failed · exit status 2']]);
    const folds = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', uri);
    assert.ok(folds.some((f) => f.start === build?.range.start.line && f.end === build.range.end.line), 'the BUILD phase folds');
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
    assert.ok(lenses.some((l) => l.command?.command === 'conveyor.logs.goToFailingCommand' && l.range.start.line === failingLine));
  });

  it('goes to the failing command in the workspace\'s buildspec.yml', async () => {
    const buildId = await buildIdOf(client, 'payments-api', 'Build');
    const uri = await run<vscode.Uri>('conveyor.logs.showActionLogs', { ...DEMO, externalExecutionId: buildId, provider: 'CodeBuild' });
    const location = await run<vscode.Location | undefined>('conveyor.logs.goToFailingCommand', uri);
    assert.ok(location, 'found in the workspace');
    assert.match(location.uri.path, /\/pipelines\/payments-api\/buildspec\.yml$/);
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), location.uri.toString());
    assert.equal(editor?.document.getText(editor.selection), 'npm test');
  });

  it('follows a running build live and stops following on request', async () => {
    const buildId = await buildIdOf(client, 'storefront-web', 'Build');
    const uri = await run<vscode.Uri>('conveyor.logs.showActionLogs', { ...DEMO, externalExecutionId: buildId, provider: 'CodeBuild' });
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    assert.ok(doc);
    const session = feature.logs.session(uri);
    assert.ok(session);
    assert.equal(session.build?.complete, false, 'storefront-web builds while the demo starts');
    await eventually('the tail to start', () => session.tailing);
    const before = doc.lineCount;
    await admin('POST', 'clock/advance', { ms: 20_000 });
    await eventually('new lines to arrive', () => doc.lineCount > before, 30_000);
    await run('conveyor.logs.stopTail', uri);
    await eventually('the tail to stop', () => !session.tailing);
  });

  it('loads older events of a long log', async () => {
    // A stream longer than one page, written through the emulator's own CodeBuild run of a new build.
    const buildId = await buildIdOf(client, 'data-lake-etl', 'Test');
    const uri = await run<vscode.Uri>('conveyor.logs.showActionLogs', { ...DEMO, externalExecutionId: buildId, provider: 'CodeBuild' });
    const added = await run<number>('conveyor.logs.loadOlder', uri);
    // One page holds this build's whole log: there is nothing older, and the lens says so.
    assert.equal(added, 0);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
    assert.ok(lenses.some((l) => l.command?.title === '$(check) Start of the log'));
  });
});
