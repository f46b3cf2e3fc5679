// The editor side of buildspec/appspec support: a client of conveyor-lint's language server, which runs
// in its own process (node IPC) and validates in a worker thread there, so nothing of it runs on the
// extension host thread that every extension shares.
import * as vscode from 'vscode';
import {
  CloseAction, type CloseHandlerResult, DidChangeWatchedFilesNotification, ErrorAction, type ErrorHandler, type FileEvent,
  FileChangeType, LanguageClient, type LanguageClientOptions, type Middleware, type ServerOptions, TransportKind,
} from 'vscode-languageclient/node';
import type { Logger } from '../../core/log';
import { EDITABLE_SCHEMES, SPEC_LANGUAGES } from './detect-document';
import { SECTION } from './settings';

/** The server bundle (built from packages/conveyor-lint/src/server-main.ts), relative to the extension. */
export const SERVER_MODULE = 'dist/server/conveyor-language-server.js';

/** Restarts allowed within RESTART_WINDOW_MS before the client gives up on a crashing server. */
const MAX_RESTARTS = 4;
const RESTART_WINDOW_MS = 3 * 60_000;

/** What the host tests read: how often the server was restarted, and what the log said about it. */
export interface LanguageServerStatus {
  readonly client: LanguageClient;
  restarts: number;
  lastNotice?: string;
}

/**
 * Restarts a server that stopped on its own (crashed, killed), saying so in the Conveyor log, up to
 * MAX_RESTARTS times in RESTART_WINDOW_MS; then stops and says why.
 */
function restartingErrorHandler(status: Omit<LanguageServerStatus, 'client'>, log: Logger): ErrorHandler {
  const recent: number[] = [];
  return {
    error: (_error, _message, count) => ({ action: count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown }),
    closed: (): CloseHandlerResult => {
      const now = Date.now();
      while (recent.length > 0 && now - (recent[0] ?? now) > RESTART_WINDOW_MS) recent.shift();
      if (recent.length >= MAX_RESTARTS) {
        const message = `The buildspec/appspec language server stopped ${MAX_RESTARTS + 1} times in 3 minutes and was not restarted: buildspecs and appspecs are not checked until the window is reloaded.`;
        status.lastNotice = message;
        log.error(message);
        return { action: CloseAction.DoNotRestart, message };
      }
      recent.push(now);
      status.restarts++;
      const message = `The buildspec/appspec language server stopped unexpectedly; restarting it (${recent.length} of ${MAX_RESTARTS} restarts allowed in 3 minutes).`;
      status.lastNotice = message;
      log.warn(message);
      return { action: CloseAction.Restart, message, handled: true };
    },
  };
}

/** Keys that open a block put the cursor on the next line: completions are asked for there right away. */
const opensBlock = (text: string): boolean => text.endsWith('\n') || /\n\s*(- )?$/.test(text);

const middleware: Middleware = {
  provideCompletionItem: async (document, position, context, token, next) => {
    const result = await next(document, position, context, token);
    const items = Array.isArray(result) ? result : result?.items ?? [];
    for (const item of items) {
      if (typeof item.insertText === 'string' && opensBlock(item.insertText)) item.command = { command: 'editor.action.triggerSuggest', title: 'Suggest' };
    }
    return result;
  },
};

/** Starts the server (`serverModule`, its bundle); `subscriptions` stop it and the client with it. */
export function startLanguageClient(serverModule: string, log: Logger, subscriptions: vscode.Disposable[]): LanguageServerStatus {
  const serverOptions: ServerOptions = { module: serverModule, transport: TransportKind.ipc };
  const state: Omit<LanguageServerStatus, 'client'> = { restarts: 0 };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [...EDITABLE_SCHEMES].flatMap((scheme) => [...SPEC_LANGUAGES].map((language) => ({ scheme, language }))),
    // The server reads the settings per document (workspace/configuration) and is told when they change.
    synchronize: { configurationSection: SECTION },
    diagnosticCollectionName: 'conveyor-validation',
    errorHandler: restartingErrorHandler(state, log),
    middleware,
  };
  const client = new LanguageClient('conveyor-validation', 'Conveyor Buildspec/Appspec Language Server', serverOptions, clientOptions);
  const status: LanguageServerStatus = Object.assign(state, { client });
  subscriptions.push(
    { dispose: () => void client.stop().catch(() => undefined) },
    // Hook scripts appearing or disappearing change appspec findings.
    vscode.workspace.onDidCreateFiles((e) => notifyFiles(client, e.files, FileChangeType.Created)),
    vscode.workspace.onDidDeleteFiles((e) => notifyFiles(client, e.files, FileChangeType.Deleted)),
    vscode.workspace.onDidRenameFiles((e) => notifyFiles(client, e.files.flatMap((f) => [f.oldUri, f.newUri]), FileChangeType.Changed)),
  );
  client.start().then(
    () => log.info('Buildspec and appspec language server started'),
    (err: unknown) => log.error(`The buildspec/appspec language server did not start: ${err instanceof Error ? err.message : String(err)}`),
  );
  return status;
}

function notifyFiles(client: LanguageClient, uris: readonly vscode.Uri[], type: FileChangeType): void {
  if (!client.isRunning()) return;
  const changes: FileEvent[] = uris.map((uri) => ({ uri: uri.toString(), type }));
  client.sendNotification(DidChangeWatchedFilesNotification.type, { changes }).catch(() => undefined);
}
