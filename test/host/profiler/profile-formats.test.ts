import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activateConveyor, closeAllEditors, debugState, waitFor, waitForPanel, workspacePath } from './helpers';

interface OpenResult { key: string; title: string; frames: number; samples: number[]; counters: string[] }

const FIXTURES = process.env.CONVEYOR_FIXTURES ?? path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures');

async function lenses(uri: vscode.Uri): Promise<{ line: number; title: string }[]> {
  const result = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
  return (result ?? []).filter((l) => l.command?.command === 'conveyor.profiler.revealInFlameGraph')
    .map((l) => ({ line: l.range.start.line, title: l.command!.title })).sort((a, b) => a.line - b.line);
}

/** A Go package and a Node script copied into the workspace, profiled by the real tools. */
describe('Profiler: pprof, .cpuprofile and JFR in the editor', function () {
  this.timeout(240_000);
  const goDir = (): string => workspacePath('real-go');
  const nodeDir = (): string => workspacePath('real-node');

  before(async () => {
    await activateConveyor();
    fs.cpSync(path.join(FIXTURES, 'profiler', 'real', 'go'), goDir(), { recursive: true });
    fs.cpSync(path.join(FIXTURES, 'profiler', 'real', 'node'), nodeDir(), { recursive: true });
    const env = { ...process.env, GOCACHE: path.join(goDir(), '.cache'), GOPATH: path.join(goDir(), '.gopath'), GOFLAGS: '-mod=mod', GOTOOLCHAIN: 'local', GOPROXY: 'off' };
    execFileSync('go', ['test', '-count=1', `-cpuprofile=${path.join(goDir(), 'cpu.pprof')}`, '.'], { cwd: goDir(), env, stdio: 'pipe' });
    fs.rmSync(path.join(goDir(), '.cache'), { recursive: true, force: true });
    execFileSync(process.execPath, ['--no-turbo-inlining', '--cpu-prof', `--cpu-prof-dir=${nodeDir()}`, '--cpu-prof-name=hot.cpuprofile', 'hot.js'],
      { cwd: nodeDir(), stdio: 'pipe', env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
  });

  after(closeAllEditors);

  it('opens a go test -cpuprofile pprof: cpu counter, Checksum heat per line and a CodeLens in hot.go', async () => {
    const result = await vscode.commands.executeCommand<OpenResult>('conveyor.profiler.openProfileFile', path.join(goDir(), 'cpu.pprof'));
    assert.ok(result, 'opened');
    assert.deepEqual(result.counters, ['samples', 'cpu']);
    await waitForPanel('Flame: cpu.pprof', (s) => s.nodes === result.frames && s.mine > 0);
    const hot = vscode.Uri.file(path.join(goDir(), 'hot.go'));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(hot), { preview: false });
    await waitFor('a CodeLens on Checksum', async () => (await lenses(hot)).some((l) => l.line === 3 && / total · .* self · CPU time · /.test(l.title)));
    await waitFor('per-line heat in Checksum', async () => {
      const heat = (await debugState()).heat[hot.toString()] ?? [];
      return heat.some((m) => m.startLine >= 5 && m.startLine <= 8 && m.startLine === m.endLine && !m.label.includes('whole function'));
    });
  });

  it('opens a node --cpu-prof profile with the flame graph editor and resolves checksum to hot.js', async () => {
    const file = vscode.Uri.file(path.join(nodeDir(), 'hot.cpuprofile'));
    await vscode.commands.executeCommand('vscode.openWith', file, 'conveyor.profiler.profileEditor');
    await waitForPanel('Flame: hot.cpuprofile', (s) => s.nodes > 3 && s.mine > 0);
    const hot = vscode.Uri.file(path.join(nodeDir(), 'hot.js'));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(hot), { preview: false });
    await waitFor('a CodeLens on checksum', async () => (await lenses(hot)).some((l) => l.line === 2 && / · Time · /.test(l.title)));
  });

  it('compares two pprof files, and refuses to compare a pprof with a .cpuprofile', async () => {
    const pprof = path.join(goDir(), 'cpu.pprof');
    const other = path.join(goDir(), 'cpu-copy.pprof');
    fs.copyFileSync(pprof, other);
    const same = await vscode.commands.executeCommand<OpenResult>('conveyor.profiler.compareProfileFiles', pprof, other);
    assert.ok(same, 'compared');
    await waitForPanel('Flame Δ: cpu-copy.pprof', (s) => s.diff && s.nodes > 0);
    const mixed = await vscode.commands.executeCommand<OpenResult | undefined>('conveyor.profiler.compareProfileFiles', pprof, path.join(nodeDir(), 'hot.cpuprofile'));
    assert.equal(mixed, undefined, 'different formats are not compared');
  });

  it('says what is missing for a file that is no profile', async () => {
    const junk = path.join(goDir(), 'notes.txt');
    fs.writeFileSync(junk, 'just some words\nand more words\n');
    const result = await vscode.commands.executeCommand<OpenResult | undefined>('conveyor.profiler.openProfileFile', junk);
    assert.equal(result, undefined);
    await waitFor('the panel for it', async () => (await debugState()).panels.some((p) => p.title === 'Flame: notes.txt'));
  });
});
