// The web client (vscode.dev, github.dev): the same language server, in a web worker.
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import type { Logger } from '../../core/log';
import { CLIENT_ID, CLIENT_NAME, clientOptions, type LanguageServerStatus, type RestartState, runClient } from './client-options';

/** The web worker bundle (built from packages/conveyor-lint/src/server-browser.ts), relative to the extension. */
const BROWSER_SERVER = 'dist/web/conveyor-language-server.js';

export function startBrowserLanguageClient(extensionUri: vscode.Uri, log: Logger, subscriptions: vscode.Disposable[]): LanguageServerStatus {
  const worker = new Worker(vscode.Uri.joinPath(extensionUri, BROWSER_SERVER).toString(true));
  const state: RestartState = { restarts: 0 };
  return runClient(new LanguageClient(CLIENT_ID, CLIENT_NAME, clientOptions(state, log), worker), state, log, subscriptions);
}
