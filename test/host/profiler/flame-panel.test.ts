import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activateConveyor, closeAllEditors, debugState, waitForPanel, workspacePath } from './helpers';

interface OpenResult { key: string; title: string; frames: number; samples: number[]; counters: string[] }

describe('Profiler: flame graph panels', function () {
  this.timeout(60_000);
  before(async () => { await activateConveyor(); });
  after(closeAllEditors);

  it('opens a CodeGuru profile from a path and draws it, my code resolved', async () => {
    const result = await vscode.commands.executeCommand<OpenResult>('conveyor.profiler.openProfileFile', workspacePath('profiles', 'shop-python.json'));
    assert.ok(result, 'the command returns what it opened');
    assert.equal(result.title, 'shop-python.json');
    assert.deepEqual(result.counters, ['WALL_TIME']);
    assert.deepEqual(result.samples, [100]);
    const { stats, cspViolations } = await waitForPanel('Flame: shop-python.json', (s) => s.nodes === result.frames && s.mine > 0);
    assert.ok(stats.rects >= result.frames - 1, JSON.stringify(stats));
    assert.ok(stats.labels > 0);
    assert.equal(stats.mine, 7, 'the seven shop.* frames resolve to the workspace');
    assert.equal(cspViolations, 0);
  });

  it('draws frames named like HTML and scripts as text, nothing runs', async () => {
    const result = await vscode.commands.executeCommand<OpenResult>('conveyor.profiler.openProfileFile', vscode.Uri.file(workspacePath('profiles', 'hostile.json')));
    const { stats, cspViolations } = await waitForPanel('Flame: hostile.json', (s) => s.nodes === result.frames);
    assert.deepEqual(stats.injected, { img: 0, script: 0, svg: 0, iframe: 0 });
    assert.equal(cspViolations, 0);
    assert.ok(stats.labels >= 5);
  });

  it('opens collapsed stacks, and offers the flame graph editor for .folded files', async () => {
    const folded = path.join(process.env.CONVEYOR_FIXTURES ?? path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures'), 'profiler', 'sample.folded');
    const result = await vscode.commands.executeCommand<OpenResult>('conveyor.profiler.openProfileFile', folded);
    assert.deepEqual(result.counters, ['SAMPLES']);
    await waitForPanel('Flame: sample.folded', (s) => s.nodes === result.frames);
    await closeAllEditors();
    await vscode.commands.executeCommand('vscode.openWith', vscode.Uri.file(folded), 'conveyor.profiler.foldedEditor');
    const { stats } = await waitForPanel('Flame: sample.folded', (s) => s.nodes === result.frames);
    assert.equal((await debugState()).panels.length, 1, 'only the custom editor is open');
    assert.ok(stats.rects > 0);
  });

  it('compares two profiles as a differential flame graph', async () => {
    const base = workspacePath('profiles', 'shop-python.json');
    const result = await vscode.commands.executeCommand<OpenResult>('conveyor.profiler.compareProfileFiles', base, base);
    assert.ok(result);
    const { stats } = await waitForPanel('Flame Δ: shop-python.json', (s) => s.diff);
    assert.ok(stats.rects > 0);
  });

  it('says which file is missing', async () => {
    const missing = workspacePath('profiles', 'gone.json');
    assert.equal(await vscode.commands.executeCommand<OpenResult | undefined>('conveyor.profiler.openProfileFile', missing), undefined);
    const panel = (await debugState()).panels.find((p) => p.title === 'Flame: gone.json');
    assert.equal(panel?.error, `Could not open gone.json: ${missing} does not exist`);
  });

  it('reads a file: URI from the disk and any other through its file system provider, alike', async () => {
    const file = workspacePath('profiles', 'shop-python.json');
    const fromDisk = await vscode.commands.executeCommand<OpenResult>('conveyor.profiler.openProfileFile', file);
    const scheme = 'conveyor-test-profiles';
    const reads: string[] = [];
    const provider = vscode.workspace.registerFileSystemProvider(scheme, {
      onDidChangeFile: new vscode.EventEmitter<vscode.FileChangeEvent[]>().event,
      watch: () => new vscode.Disposable(() => undefined),
      stat: (uri) => {
        const s = fs.statSync(uri.path);
        return { type: vscode.FileType.File, ctime: s.ctimeMs, mtime: s.mtimeMs, size: s.size };
      },
      readFile: (uri) => { reads.push(path.basename(uri.path)); return fs.readFileSync(uri.path); },
      readDirectory: () => [], createDirectory: () => undefined, writeFile: () => undefined, delete: () => undefined, rename: () => undefined,
    }, { isReadonly: true });
    try {
      const elsewhere = await vscode.commands.executeCommand<OpenResult>('conveyor.profiler.openProfileFile', vscode.Uri.from({ scheme, path: file }));
      assert.ok(reads.includes('shop-python.json'), `read through the provider: ${reads.join(', ')}`);
      assert.deepEqual({ ...elsewhere, key: '' }, { ...fromDisk, key: '' });
    } finally {
      provider.dispose();
    }
  });

  it('reveals a function in the flame graph (the CodeLens command)', async () => {
    await vscode.commands.executeCommand('conveyor.profiler.openProfileFile', workspacePath('profiles', 'shop-python.json'));
    await vscode.commands.executeCommand('conveyor.profiler.revealInFlameGraph', 'shop.pricing:TaxTable:lookup');
    await waitForPanel('Flame: shop-python.json', (s) => s.zoomedTo === 'shop.pricing:TaxTable:lookup');
  });
});
