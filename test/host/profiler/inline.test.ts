import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { revertDocument } from '../editors';
import { activateConveyor, closeAllEditors, debugState, setSetting, waitFor, waitForPanel, workspacePath } from './helpers';

async function lenses(uri: vscode.Uri): Promise<{ line: number; title: string }[]> {
  const result = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
  return (result ?? []).filter((l) => l.command?.command === 'conveyor.profiler.revealInFlameGraph')
    .map((l) => ({ line: l.range.start.line, title: l.command!.title })).sort((a, b) => a.line - b.line);
}

async function hoverText(uri: vscode.Uri, line: number, character: number): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(line, character));
  return (hovers ?? []).flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

async function heatOf(uri: vscode.Uri): Promise<{ startLine: number; endLine: number; label: string }[]> {
  // label: the share shown at the end of the hot line
  return ((await debugState()).heat[uri.toString()] ?? []).map(({ startLine, endLine, label }) => ({ startLine, endLine, label }));
}

describe('Profiler: inline heat, CodeLens, hovers and diagnostics', function () {
  this.timeout(60_000);
  const service = (): vscode.Uri => vscode.Uri.file(workspacePath('shop', 'orders', 'service.py'));

  before(async () => {
    await activateConveyor();
    await setSetting('conveyor.profiler.counter', undefined);
    await setSetting('conveyor.profiler.inlineHeat', undefined);
    await vscode.commands.executeCommand('conveyor.profiler.openProfileFile', workspacePath('profiles', 'shop-python.json'));
    await waitForPanel('Flame: shop-python.json');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(service()), { preview: false });
  });

  after(async () => {
    await setSetting('conveyor.profiler.counter', undefined);
    await setSetting('conveyor.profiler.inlineHeat', undefined);
    await closeAllEditors();
  });

  it('puts a CodeLens above each profiled function (CPU falls back to wall time for Python)', async () => {
    const found = await lenses(service());
    assert.deepEqual(found, [
      { line: 11, title: '97.0% total · 2.0% self · Wall time · 58 min 12 sec' },
      { line: 17, title: '20.0% total · 0% self · Wall time · 12 min' },
      { line: 23, title: '25.0% total · 0% self · Wall time · 15 min' },
      { line: 28, title: '97.0% total · 0% self · Wall time · 58 min 12 sec' },
    ]);
  });

  it('heats the executing lines the profile names, labelled with the view they count', async () => {
    assert.deepEqual(await heatOf(service()), [
      { startLine: 12, endLine: 14, label: '97.0% Wall time · 58 min 12 sec · lines 13–15 together' },
      { startLine: 18, endLine: 18, label: '20.0% Wall time · 12 min' },
      { startLine: 24, endLine: 24, label: '25.0% Wall time · 15 min' },
      { startLine: 31, endLine: 31, label: '97.0% Wall time · 58 min 12 sec' },
    ]);
  });

  it('shows callees as an escaped SVG flame graph in the hover', async () => {
    const fn = await hoverText(service(), 11, 10);
    assert.match(fn, /\*\*OrderService\\\.place\\_order\*\* — 97\.0% total · 2\.0% self · Wall time · 58 min 12 sec/);
    const data = /data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)/.exec(fn)?.[1];
    assert.ok(data, 'the hover has an SVG image');
    const svg = Buffer.from(data, 'base64').toString('utf8');
    assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.match(svg, /shop\.pricing:compute_total/);
    assert.match(svg, /&lt;Sleep&gt;/, 'frame names are escaped');
    assert.doesNotMatch(svg, /<Sleep>/);
    assert.match(fn, /command:conveyor\.profiler\.revealInFlameGraph/);
    const line = await hoverText(service(), 13, 4);
    assert.match(line, /\*\*Lines 13–15\*\* — 97\.0% of Wall time samples pass here/);
  });

  it('places the recommendation on the function that calls into the matched frames', async () => {
    await debugState();
    const diags = vscode.languages.getDiagnostics(service()).filter((d) => d.source === 'CodeGuru Profiler');
    assert.equal(diags.length, 1);
    assert.equal(diags[0]!.severity, vscode.DiagnosticSeverity.Information);
    assert.equal(diags[0]!.range.start.line, 17);
    assert.match(diags[0]!.message, /^Expensive JSON decoding: A large share of time is spent decoding JSON\. 20\.0% /);
    assert.equal(diags[0]!.code, 'python-json-decode');
  });

  it('moves heat with edits, drops replaced lines, and recomputes on revert', async () => {
    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === service().toString())!;
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), '# a new first line\n'));
    assert.deepEqual((await heatOf(service())).map((m) => m.startLine), [13, 19, 25, 32]);
    await editor.edit((b) => b.delete(new vscode.Range(19, 0, 20, 0)));
    assert.deepEqual((await heatOf(service())).map((m) => m.startLine), [13, 24, 31], 'the deleted hot line lost its mark');
    const moved = await lenses(service());
    assert.deepEqual(moved.map((l) => l.line), [12, 18, 23, 28], 'CodeLenses follow the definitions');
    // Recomputed while the edits are unsaved (as when another profile opens or the sources are listed
    // again): the profile's lines are those of the file on disk, placed onto the edited text.
    assert.equal(await vscode.commands.executeCommand('conveyor.profiler.toggleHeat'), false);
    await waitFor('the heat to go', async () => (await debugState()).heat[service().toString()] === undefined);
    assert.equal(await vscode.commands.executeCommand('conveyor.profiler.toggleHeat'), true);
    await waitFor('the heat to be recomputed', async () => (await heatOf(service())).length > 0);
    assert.deepEqual((await heatOf(service())).map((m) => m.startLine), [13, 24, 31], 'recomputed on unsaved edits');
    await revertDocument(service());
    let heat: { startLine: number }[] = [];
    await waitFor('heat to come back after revert', async () => (heat = await heatOf(service())).length === 4, {
      seen: () => `heat on lines ${heat.map((m) => m.startLine).join(', ') || 'none'}, ${editor.document.lineCount} lines in the editor`,
    });
    assert.deepEqual((await heatOf(service())).map((m) => m.startLine), [12, 18, 24, 31]);
  });

  it('turns inline heat off and on with the toggle command', async () => {
    assert.equal(await vscode.commands.executeCommand('conveyor.profiler.toggleHeat'), false);
    assert.deepEqual(await lenses(service()), []);
    assert.equal((await debugState()).inlineHeat, false);
    assert.equal(await vscode.commands.executeCommand('conveyor.profiler.toggleHeat'), true);
    assert.equal((await lenses(service())).length, 4);
  });

  it('follows the counter setting live (Java profile: CPU, then latency)', async () => {
    await vscode.commands.executeCommand('conveyor.profiler.openProfileFile', workspacePath('profiles', 'shop-java.json'));
    await waitForPanel('Flame: shop-java.json');
    const java = vscode.Uri.file(workspacePath('java', 'src', 'main', 'java', 'com', 'example', 'shop', 'OrderController.java'));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(java), { preview: false });
    const cpu = await lenses(java);
    assert.deepEqual(cpu.find((l) => l.line === 8), { line: 8, title: '97.6% total · 6.1% self · CPU time · 1 min 20 sec' });
    assert.ok(cpu.some((l) => l.line === 13 && l.title.startsWith('λ ')), 'the lambda is credited to process()');
    assert.ok(cpu.some((l) => l.line === 18), 'the inner class method');
    await setSetting('conveyor.profiler.counter', 'latency');
    await waitFor('the CodeLens to switch to latency', async () => (await lenses(java)).some((l) => l.title === '44.0% total · 2.7% self · Latency · 1 min 20 sec'));
    await waitForPanel('Flame: shop-java.json', (s) => s.nodes > 0);
    const heat = (await debugState()).heat[java.toString()] ?? [];
    assert.ok(heat.some((m) => m.startLine === 8 && m.endLine > 8 && m.label === '44.0% Latency · 1 min 20 sec · whole function (the profile has no line numbers)'), JSON.stringify(heat));
  });
});
