// The web client (vscode.dev, github.dev): the same language server, in a web worker.
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import type { Logger } from '../../core/log';
import { CLIENT_ID, CLIENT_NAME, clientOptions, type LanguageServerStatus, type RestartState, runClient } from './client-options';

/** The web worker bundle (built from packages/conveyor-lint/src/server-browser.ts), relative to the extension. */
const BROWSER_SERVER = 'dist/web/conveyor-language-server.js';

/**
 * A worker running the server. On vscode.dev the extension's files have https: URLs a worker loads; an
 * extension installed on a remote server (code-server, a remote opened in a browser) has vscode-remote:
 * URIs, from which VS Code does not create workers: the worker then starts from the script's bytes.
 */
async function serverWorker(extensionUri: vscode.Uri): Promise<Worker> {
  const uri = vscode.Uri.joinPath(extensionUri, BROWSER_SERVER);
  if (uri.scheme === 'https' || uri.scheme === 'http') return new Worker(uri.toString(true));
  const script = await vscode.workspace.fs.readFile(uri);
  return new Worker(URL.createObjectURL(new Blob([new TextDecoder().decode(script)], { type: 'text/javascript' })));
}

export async function startBrowserLanguageClient(extensionUri: vscode.Uri, log: Logger, subscriptions: vscode.Disposable[]): Promise<LanguageServerStatus> {
  const worker = await serverWorker(extensionUri);
  const state: RestartState = { restarts: 0 };
  return runClient(new LanguageClient(CLIENT_ID, CLIENT_NAME, clientOptions(state, log), worker), state, log, subscriptions);
}
