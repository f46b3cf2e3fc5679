// The activation shell's feature registry in the real extension host: activation does not wait for the
// AWS session, so a feature used early (a command run, a document of its scheme opened) loads only once
// the session has read the settings and ~/.aws files, then runs as if it had been there all along.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { AwsSession } from '../../../src/aws/editor/session';
import { silentLogger } from '../../../src/core/log';
import type { Feature, FeatureModule } from '../../../src/editor/feature';
import { LazyFeatures, type FeatureDeclaration } from '../../../src/editor/lazy-features';
import { createEditorUi } from '../../../src/editor/vscode-ui';
import { eventually } from '../waits';

const COMMAND = 'conveyor.test.lazyFeatures.echo';
const LOCAL_COMMAND = 'conveyor.test.lazyFeatures.local';
const SCHEME = 'conveyor-test-lazy';

/** The session's readiness as the registry sees it: counts who waits on it, resolves on release(). */
function gate(): { ready: PromiseLike<void>; waiting: () => number; release: () => void } {
  let release: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => { release = resolve; });
  let waiting = 0;
  const ready: PromiseLike<void> = {
    then: (onFulfilled, onRejected) => { waiting++; return opened.then(onFulfilled, onRejected); },
  };
  return { ready, waiting: () => waiting, release: () => release() };
}

function memento(): vscode.Memento {
  const state = new Map<string, unknown>();
  return {
    keys: () => [...state.keys()],
    get: <T>(key: string, defaultValue?: T) => (state.has(key) ? state.get(key) as T : defaultValue),
    update: async (key: string, value: unknown) => { state.set(key, value); },
  };
}

describe('Lazy features wait for the AWS session', function () {
  this.timeout(60_000);
  const disposables: vscode.Disposable[] = [];
  afterEach(() => { for (const d of disposables.splice(0)) d.dispose(); });

  function registry(ready: PromiseLike<void>, loads: string[], options: Pick<FeatureDeclaration, 'usesAws' | 'wantsDocument' | 'workspaceContains' | 'localCommands'> = {}): LazyFeatures {
    const aws = new AwsSession(silentLogger, { state: memento(), allowEndpoint: async () => false });
    disposables.push(aws);
    const feature: Feature = {
      commands: { [COMMAND]: (text: unknown) => `echo ${String(text)}`, [LOCAL_COMMAND]: () => 'local' },
      documents: { [SCHEME]: { provideTextDocumentContent: (uri) => `content of ${uri.path}` } },
      dispose: () => undefined,
    };
    const declaration: FeatureDeclaration = {
      id: 'probe', commands: [COMMAND, LOCAL_COMMAND], schemes: [SCHEME], ...options,
      load: (): FeatureModule => ({ activate: () => { loads.push('probe'); return feature; } }),
    };
    // The registry only hands the context to features' activate() and neededAtStartup, which this one ignores.
    const context = { subscriptions: [] } as unknown as vscode.ExtensionContext;
    const features = new LazyFeatures({
      context, log: silentLogger, aws, awsReady: ready, ui: createEditorUi({ aws }), beforeAwsLoad: () => loads.push('credentials'),
    }, [declaration]);
    disposables.push(features);
    return features;
  }

  it('a command run before the session is ready loads its feature after, then runs', async () => {
    const { ready, waiting, release } = gate();
    const loads: string[] = [];
    const features = registry(ready, loads);
    const result = vscode.commands.executeCommand<string>(COMMAND, 'hi');
    await eventually('the command to wait for the AWS session', () => waiting() > 0);
    assert.deepEqual(loads, [], 'the feature loaded before the session was ready');
    assert.deepEqual(features.loaded, []);
    release();
    assert.equal(await result, 'echo hi');
    assert.deepEqual(loads, ['credentials', 'probe']);
    assert.deepEqual(features.loaded, ['probe']);
  });

  it('a command that makes requests starts reading credentials as its feature loads; a local command, a loaded feature and a feature without AWS do not', async () => {
    const loads: string[] = [];
    registry(Promise.resolve(), loads, { localCommands: [LOCAL_COMMAND] });
    assert.equal(await vscode.commands.executeCommand<string>(COMMAND, 'a'), 'echo a');
    assert.deepEqual(loads, ['credentials', 'probe'], 'credentials are read ahead, before the bundle loads');
    assert.equal(await vscode.commands.executeCommand<string>(COMMAND, 'b'), 'echo b');
    assert.deepEqual(loads, ['credentials', 'probe'], 'a loaded feature read them again');
    for (const d of disposables.splice(0)) d.dispose();
    const local: string[] = [];
    registry(Promise.resolve(), local, { localCommands: [LOCAL_COMMAND] });
    assert.equal(await vscode.commands.executeCommand<string>(LOCAL_COMMAND), 'local');
    assert.deepEqual(local, ['probe'], 'a local command read credentials');
    for (const d of disposables.splice(0)) d.dispose();
    const noAws: string[] = [];
    registry(Promise.resolve(), noAws, { usesAws: false });
    assert.equal(await vscode.commands.executeCommand<string>(COMMAND, 'c'), 'echo c');
    assert.deepEqual(noAws, ['probe'], 'a feature without AWS read credentials');
    assert.throws(() => registry(Promise.resolve(), [], { localCommands: ['conveyor.test.lazyFeatures.nope'] }),
      /declares local commands it does not have: conveyor\.test\.lazyFeatures\.nope/);
  });

  it('a document of its scheme opened before the session is ready gets its content after', async () => {
    const { ready, waiting, release } = gate();
    const loads: string[] = [];
    registry(ready, loads);
    const document = vscode.workspace.openTextDocument(vscode.Uri.parse(`${SCHEME}:/early`));
    await eventually('the document provider to wait for the AWS session', () => waiting() > 0);
    assert.deepEqual(loads, []);
    release();
    assert.equal((await document).getText(), 'content of /early');
    assert.deepEqual(loads, ['credentials', 'probe'], 'its content is fetched from AWS: credentials are read ahead');
  });

  it('a feature that does not use AWS (validation) loads and runs without waiting for the session', async () => {
    const { ready, waiting } = gate();
    const loads: string[] = [];
    const features = registry(ready, loads, { usesAws: false });
    assert.equal(await vscode.commands.executeCommand<string>(COMMAND, 'early'), 'echo early');
    assert.deepEqual(features.loaded, ['probe']);
    assert.equal(waiting(), 0, 'it waited for the AWS session');
  });

  it('a document it wants that is open at startup (a restored buildspec) loads it without waiting for the session', async () => {
    const marker = `restored ${Date.now()}`;
    await vscode.workspace.openTextDocument({ content: marker });
    const { ready, waiting } = gate();
    const loads: string[] = [];
    const features = registry(ready, loads, { usesAws: false, wantsDocument: (d) => d.getText() === marker });
    assert.deepEqual(loads, [], 'loaded during activation');
    void features.startNeeded();
    await eventually('the feature to load for the open document', () => loads.length > 0);
    assert.deepEqual(loads, ['probe']);
    assert.equal(waiting(), 0);
  });

  it('a feature that uses AWS and wants a document open at startup loads once the session is ready', async () => {
    const marker = `restored for AWS ${Date.now()}`;
    await vscode.workspace.openTextDocument({ content: marker });
    const { ready, waiting, release } = gate();
    const loads: string[] = [];
    const features = registry(ready, loads, { wantsDocument: (d) => d.getText() === marker });
    void features.startNeeded();
    await eventually('the startup check to wait for the AWS session', () => waiting() > 0);
    assert.deepEqual(loads, []);
    release();
    await eventually('the feature to load once the session is ready', () => loads.length > 0);
    assert.deepEqual(loads, ['probe']);
  });

  it('a workspace with a file it handles loads it after startup, no document opened; one without, not', async () => {
    const { ready } = gate();
    const none: string[] = [];
    // The host tests' workspace has a buildspec under validation/ and none named like this.
    await registry(ready, none, { usesAws: false, workspaceContains: () => ['**/no-such-file-*.nothing', '**/no-such-folder/**/buildspec.yml'] }).startNeeded();
    assert.deepEqual(none, [], 'loaded for a workspace without its files');
    for (const d of disposables.splice(0)) d.dispose();
    const loads: string[] = [];
    const features = registry(ready, loads, { usesAws: false, workspaceContains: () => ['**/no-such-file-*.nothing', '**/buildspec.yml'] });
    assert.deepEqual(loads, [], 'loaded during activation');
    await features.startNeeded();
    assert.deepEqual(loads, ['probe']);
  });
});
