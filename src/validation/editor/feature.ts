// The buildspec/appspec bundle: loaded when such a document is opened (see detect-document.ts). It holds
// only the language client; the linter runs in the language server's own process.
import type * as vscode from 'vscode';
import { DisposableStore } from '../../core/disposables';
import type { Feature, FeatureHost } from '../../editor/feature';
import type { LanguageServerStatus } from './client-options';
import type * as LanguageClientModule from './language-client';
import { compileCacheIn, forkLanguageServer, SERVER_MODULE } from './server-process';

export interface ValidationFeature extends Feature {
  /** For the host tests: the client and its restarts. */
  readonly languageServer: LanguageServerStatus;
}

export function activate(host: FeatureHost): ValidationFeature {
  const serverModule = host.context.asAbsolutePath(SERVER_MODULE);
  const compileCache = compileCacheIn(host.context.globalStorageUri.fsPath);
  // The server boots in its own process while this thread loads the client library (the build keeps the
  // require below lazy: the library is loaded when it runs, not when this bundle is).
  const server = forkLanguageServer(serverModule, compileCache);
  const subscriptions: vscode.Disposable[] = [];
  try {
    const { startLanguageClient } = require('./language-client') as typeof LanguageClientModule;
    const languageServer = startLanguageClient({ module: serverModule, compileCache, first: server }, host.log, subscriptions);
    const store = new DisposableStore();
    store.addAll(...subscriptions);
    return { commands: {}, languageServer, dispose: () => store.dispose() };
  } catch (err) {
    server.kill();
    throw err;
  }
}
