import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activateConveyor, closeAllEditors, debugState, setSetting, waitFor, waitForPanel, type TreeSnapshot } from './helpers';

interface OpenResult { title: string; frames: number }

describe('Profiler view against the emulator', function () {
  this.timeout(120_000);
  before(async function () {
    const url = process.env.CONVEYOR_EMULATOR_URL;
    if (!url) this.skip();
    await activateConveyor();
    // conveyor.aws.endpointUrl is machine-overridable: a remote host (code-server) ignores it in user
    // settings, so point this workspace at the emulator explicitly.
    await vscode.workspace.getConfiguration().update('conveyor.aws.endpointUrl', url, vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand('conveyor.profiler.refresh');
  });
  after(async () => {
    await vscode.workspace.getConfiguration().update('conveyor.aws.endpointUrl', undefined, vscode.ConfigurationTarget.Workspace);
    await setSetting('conveyor.aws.profile', undefined);
    await closeAllEditors();
  });

  const rootItems = async (): Promise<TreeSnapshot[]> => (await debugState({ tree: true })).tree ?? [];

  it('lists profiling groups with compute platform and last report, then time ranges', async () => {
    const groups = await rootItems();
    const api = groups.find((g) => g.label === 'orders-api');
    assert.ok(api, `groups: ${groups.map((g) => g.label).join(', ')}`);
    assert.match(api.description, /last report|no reports yet/);
    const lambda = groups.find((g) => g.label === 'billing-lambda');
    assert.match(lambda?.description ?? '', /^(last report .+|no reports yet) · Lambda$/);
    const children = api.children ?? [];
    assert.deepEqual(children.filter((c) => c.contextValue === 'conveyor.profiler.range').map((c) => c.label), ['Last hour', 'Last day', 'Last week']);
    assert.ok(children.some((c) => c.label === 'Recommendations'));
    assert.ok(children.some((c) => c.label === 'Findings reports'));
  });

  it('opens a time range as a flame graph whose frames resolve to the workspace', async () => {
    const end = new Date();
    const result = await vscode.commands.executeCommand<OpenResult>('conveyor.profiler.openRange', { group: 'orders-api', start: new Date(end.getTime() - 3_600_000), end, label: 'Last hour' });
    assert.ok(result && result.frames > 10, JSON.stringify(result));
    const { stats } = await waitForPanel('Flame: orders-api · Last hour', (s) => s.mine > 0);
    assert.ok(stats.mine >= 10, `mine ${stats.mine}`);
    // The demo workspace's orders-api service (test/fixtures/workspace/app), which the profile was taken from.
    const root = vscode.workspace.workspaceFolders![0]!.uri.fsPath;
    const service = vscode.Uri.file(path.join(root, 'app', 'orders', 'service.py'));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(service));
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', service);
    assert.ok((lenses ?? []).some((l) => l.range.start.line === 27 && /total · .* self · Wall time/.test(l.command?.title ?? '')),
      JSON.stringify((lenses ?? []).map((l) => [l.range.start.line, l.command?.title])));
    const heat = (await debugState()).heat[service.toString()] ?? [];
    assert.ok(heat.length >= 2, `heat on the hot lines: ${JSON.stringify(heat)}`);
    await waitFor('the recommendation diagnostic', async () => {
      await debugState();
      return vscode.languages.getDiagnostics(service).some((d) => d.source === 'CodeGuru Profiler' && d.range.start.line === 50);
    }, 20_000);
  });

  it('shows an error item with the explained message when the credentials fail', async () => {
    await setSetting('conveyor.aws.profile', 'expired');
    await waitFor('the error item', async () => (await rootItems()).some((i) => i.contextValue === 'conveyor.profiler.error'), 20_000);
    const error = (await rootItems()).find((i) => i.contextValue === 'conveyor.profiler.error')!;
    assert.equal(error.label, 'Couldn’t list profiling groups');
    assert.match(error.description, /expired/i);
  });
});
