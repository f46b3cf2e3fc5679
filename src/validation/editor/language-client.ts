// The desktop client: conveyor-lint's language server runs in its own process (node IPC) and validates
// in a worker thread there, so no linter code runs on the extension host thread every extension shares.
import type * as vscode from 'vscode';
import { LanguageClient, type ServerOptions, TransportKind } from 'vscode-languageclient/node';
import type { Logger } from '../../core/log';
import { CLIENT_ID, CLIENT_NAME, clientOptions, type LanguageServerStatus, type RestartState, runClient } from './client-options';

/** The server bundle (built from packages/conveyor-lint/src/server-main.ts), relative to the extension. */
export const SERVER_MODULE = 'dist/server/conveyor-language-server.js';

/** Starts the server (`serverModule`, its bundle); `subscriptions` stop it and the client with it. */
export function startLanguageClient(serverModule: string, log: Logger, subscriptions: vscode.Disposable[]): LanguageServerStatus {
  const serverOptions: ServerOptions = { module: serverModule, transport: TransportKind.ipc };
  const state: RestartState = { restarts: 0 };
  return runClient(new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions(state, log)), state, log, subscriptions);
}
