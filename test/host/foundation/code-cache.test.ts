// The V8 code cache of the lazy bundles (src/editor/code-cache-loader.ts): a bundle loaded once has a
// cache that the next extension host compiles it with, and a garbled cache file costs nothing but the
// cache: the bundle loads and works, and its cache is written again (a cache V8 refuses: the unit tests).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { codeCacheFileName, codeCacheKey, decodeCodeCache } from '../../../src/core/code-cache';
import { compileInFreshIsolate } from '../../unit/core/fresh-isolate';
import { eventuallyValue } from '../waits';
import { activateConveyor, EXTENSION_ID } from './helpers';

interface Bundles { cacheDir?: string; loads: { file: string; cache: string }[] }

const dist = (): string => path.join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'dist');

async function bundles(): Promise<Bundles & { cacheDir: string }> {
  const state = await vscode.commands.executeCommand<Bundles>('conveyor.internal.bundles');
  assert.ok(state?.cacheDir, 'the extension has no code cache folder');
  return { ...state, cacheDir: state.cacheDir };
}

const keyOf = (file: string): string => {
  const stat = fs.statSync(path.join(dist(), file));
  return codeCacheKey({ file, size: stat.size, mtimeMs: stat.mtimeMs, v8: process.versions.v8 });
};

/** What the next extension host does with the cache file this one wrote: compiles the bundle with it. */
async function compileWithCache(cacheDir: string, file: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(path.join(cacheDir, codeCacheFileName(file)));
  } catch {
    return 'no cache file';
  }
  const decoded = decodeCodeCache(bytes, keyOf(file));
  if (!('data' in decoded)) return decoded.unusable;
  const full = path.join(dist(), file);
  return compileInFreshIsolate(full, fs.readFileSync(full, 'utf8'), decoded.data);
}

/** Loads `file` through the extension's bundle loader as if for the first time; then puts back the module this host had. */
async function loadAgain(file: string): Promise<Bundles & { exports: string[] }> {
  const full = path.join(dist(), file);
  const had = require.cache[full];
  delete require.cache[full];
  try {
    const state = await vscode.commands.executeCommand<Bundles & { exports?: string[] }>('conveyor.internal.bundles', file);
    return { loads: state?.loads ?? [], exports: state?.exports ?? [] };
  } finally {
    if (had) require.cache[full] = had;
  }
}

describe('The code cache of the lazy bundles', function () {
  this.timeout(60_000);

  it('a feature loaded once leaves a cache that the next host compiles it with', async () => {
    await activateConveyor();
    await vscode.commands.executeCommand('conveyor.internal.features', 'scaffold');
    const { cacheDir, loads } = await bundles();
    assert.ok(loads.some((l) => l.file === 'features/scaffold.js'), `not loaded by the bundle loader: ${JSON.stringify(loads)}`);
    await eventuallyValue('the scaffold bundle\'s cache to be written and accepted by V8',
      () => compileWithCache(cacheDir, 'features/scaffold.js'), (use) => use === 'accepted', 30_000);
  });

  it('a garbled cache file is ignored: the bundle loads and its cache is written again', async () => {
    await activateConveyor();
    const { cacheDir } = await bundles();
    const file = 'sdk/client-sts.js';
    fs.mkdirSync(cacheDir, { recursive: true });
    fs.writeFileSync(path.join(cacheDir, codeCacheFileName(file)), Buffer.from('CONVEYOR-V8C1 and then not a cache at all'));
    const { loads, exports } = await loadAgain(file);
    assert.ok(exports.includes('STSClient'), `${file} did not load: ${exports.slice(0, 5).join(', ')}`);
    assert.equal(loads.filter((l) => l.file === file).at(-1)?.cache, 'corrupt', JSON.stringify(loads));
    await eventuallyValue(`${file}'s cache to be written again and accepted by V8`, () => compileWithCache(cacheDir, file), (use) => use === 'accepted', 30_000);
  });
});
