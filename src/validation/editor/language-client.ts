// The desktop client: conveyor-lint's language server runs in its own process (node IPC) and validates
// in a worker thread there, so no linter code runs on the extension host thread every extension shares.
import type { ChildProcess } from 'node:child_process';
import type * as vscode from 'vscode';
import { IPCMessageReader, IPCMessageWriter, LanguageClient, type MessageTransports } from 'vscode-languageclient/node';
import type { Logger } from '../../core/log';
import { CLIENT_ID, CLIENT_NAME, clientOptions, type LanguageServerStatus, type RestartState, runClient } from './client-options';
import { forkLanguageServer } from './server-process';

/**
 * Starts the client on `server.first` (forked before this module loaded), then on a fresh fork of
 * `server.module` each time the server is restarted; `subscriptions` stop the client and its server.
 */
export function startLanguageClient(server: { module: string; compileCache: string; first: ChildProcess }, log: Logger, subscriptions: vscode.Disposable[]): LanguageServerStatus {
  let next: ChildProcess | undefined = server.first;
  let current: ChildProcess | undefined;
  const state: RestartState = { restarts: 0 };
  const client = new LanguageClient(CLIENT_ID, CLIENT_NAME, (): Promise<MessageTransports> => {
    const started = next ?? forkLanguageServer(server.module, server.compileCache);
    current = started;
    next = undefined;
    started.stderr?.on('data', (data: Buffer) => client.outputChannel.append(data.toString()));
    started.stdout?.on('data', (data: Buffer) => client.outputChannel.append(data.toString()));
    return Promise.resolve({ reader: new IPCMessageReader(started), writer: new IPCMessageWriter(started) });
  }, clientOptions(state, log));
  const status = runClient(client, state, log, subscriptions);
  // The client stops the server with shutdown and exit; one that does not exit by then is ended.
  const running = (p: ChildProcess | undefined): p is ChildProcess => p !== undefined && p.exitCode === null && p.signalCode === null;
  subscriptions.push({ dispose: () => {
    for (const p of [next, current]) if (running(p)) setTimeout(() => { if (running(p)) p.kill(); }, 2000).unref();
  } });
  return status;
}
