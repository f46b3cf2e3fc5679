// The buildspec/appspec bundle: loaded when such a document is opened (see detect-document.ts). It holds
// only the language client; the linter runs in the language server's own process.
import type * as vscode from 'vscode';
import { DisposableStore } from '../../core/disposables';
import type { Feature, FeatureHost } from '../../editor/feature';
import type { LanguageServerStatus } from './client-options';
import { SERVER_MODULE, startLanguageClient } from './language-client';

export interface ValidationFeature extends Feature {
  /** For the host tests: the client and its restarts. */
  readonly languageServer: LanguageServerStatus;
}

export function activate(host: FeatureHost): ValidationFeature {
  const subscriptions: vscode.Disposable[] = [];
  const languageServer = startLanguageClient(host.context.asAbsolutePath(SERVER_MODULE), host.log, subscriptions);
  const store = new DisposableStore();
  store.addAll(...subscriptions);
  return { commands: {}, languageServer, dispose: () => store.dispose() };
}
