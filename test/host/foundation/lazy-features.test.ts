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

  function registry(ready: PromiseLike<void>, loads: string[]): LazyFeatures {
    const aws = new AwsSession(silentLogger, { state: memento(), allowEndpoint: async () => false });
    const feature: Feature = {
      commands: { [COMMAND]: (text: unknown) => `echo ${String(text)}` },
      documents: { [SCHEME]: { provideTextDocumentContent: (uri) => `content of ${uri.path}` } },
      dispose: () => undefined,
    };
    const declaration: FeatureDeclaration = {
      id: 'probe', commands: [COMMAND], schemes: [SCHEME],
      load: (): FeatureModule => ({ activate: () => { loads.push('probe'); return feature; } }),
    };
    // The registry only hands the context to features' activate() and neededAtStartup, which this one ignores.
    const context = { subscriptions: [] } as unknown as vscode.ExtensionContext;
    const features = new LazyFeatures({ context, log: silentLogger, aws, awsReady: ready, ui: createEditorUi({ aws }) }, [declaration]);
    disposables.push(features, aws);
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
    assert.deepEqual(loads, ['probe']);
    assert.deepEqual(features.loaded, ['probe']);
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
    assert.deepEqual(loads, ['probe']);
  });
});
