// What the language client is the same in the desktop and web builds: the documents it hands to the
// server, the settings it syncs, how it restarts a server that died, and the editor-only touches.
import * as vscode from 'vscode';
import {
  type BaseLanguageClient, CloseAction, type CloseHandlerResult, DidChangeWatchedFilesNotification, ErrorAction, type ErrorHandler,
  type FileEvent, FileChangeType, type LanguageClientOptions, type Middleware,
} from 'vscode-languageclient/node';
import type { Logger } from '../../core/log';
import { EDITABLE_SCHEMES, SPEC_LANGUAGES } from './detect-document';
import { SECTION } from './settings';

export const CLIENT_ID = 'conveyor-validation';
export const CLIENT_NAME = 'Conveyor Buildspec/Appspec Language Server';

/** Restarts allowed within RESTART_WINDOW_MS before the client gives up on a crashing server. */
const MAX_RESTARTS = 4;
const RESTART_WINDOW_MS = 3 * 60_000;

/** What the host tests read: how often the server was restarted, and what the log said about it. */
export interface LanguageServerStatus {
  readonly client: BaseLanguageClient;
  restarts: number;
  lastNotice?: string;
}

export type RestartState = Omit<LanguageServerStatus, 'client'>;

/**
 * Restarts a server that stopped on its own (crashed, killed), saying so in the Conveyor log, up to
 * MAX_RESTARTS times in RESTART_WINDOW_MS; then stops and says why.
 */
function restartingErrorHandler(state: RestartState, log: Logger): ErrorHandler {
  const recent: number[] = [];
  return {
    error: (_error, _message, count) => ({ action: count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown }),
    closed: (): CloseHandlerResult => {
      const now = Date.now();
      while (recent.length > 0 && now - (recent[0] ?? now) > RESTART_WINDOW_MS) recent.shift();
      if (recent.length >= MAX_RESTARTS) {
        const message = `The buildspec/appspec language server stopped ${MAX_RESTARTS + 1} times in 3 minutes and was not restarted: buildspecs and appspecs are not checked until the window is reloaded.`;
        state.lastNotice = message;
        log.error(message);
        return { action: CloseAction.DoNotRestart, message };
      }
      recent.push(now);
      state.restarts++;
      const message = `The buildspec/appspec language server stopped unexpectedly; restarting it (${recent.length} of ${MAX_RESTARTS} restarts allowed in 3 minutes).`;
      state.lastNotice = message;
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

export function clientOptions(state: RestartState, log: Logger): LanguageClientOptions {
  return {
    documentSelector: [...EDITABLE_SCHEMES].flatMap((scheme) => [...SPEC_LANGUAGES].map((language) => ({ scheme, language }))),
    // The server reads the settings per document (workspace/configuration) and is told when they change.
    synchronize: { configurationSection: SECTION },
    diagnosticCollectionName: CLIENT_ID,
    errorHandler: restartingErrorHandler(state, log),
    middleware,
  };
}

/** Starts the client, stopped by `subscriptions`; VS Code's file operations reach the server (appspec hook scripts). */
export function runClient(client: BaseLanguageClient, state: RestartState, log: Logger, subscriptions: vscode.Disposable[]): LanguageServerStatus {
  subscriptions.push(
    { dispose: () => void client.stop().catch(() => undefined) },
    vscode.workspace.onDidCreateFiles((e) => notifyFiles(client, e.files, FileChangeType.Created)),
    vscode.workspace.onDidDeleteFiles((e) => notifyFiles(client, e.files, FileChangeType.Deleted)),
    vscode.workspace.onDidRenameFiles((e) => notifyFiles(client, e.files.flatMap((f) => [f.oldUri, f.newUri]), FileChangeType.Changed)),
  );
  client.start().then(
    () => log.info('Buildspec and appspec language server started'),
    (err: unknown) => log.error(`The buildspec/appspec language server did not start: ${err instanceof Error ? err.message : String(err)}`),
  );
  return Object.assign(state, { client });
}

function notifyFiles(client: BaseLanguageClient, uris: readonly vscode.Uri[], type: FileChangeType): void {
  if (!client.isRunning()) return;
  const changes: FileEvent[] = uris.map((uri) => ({ uri: uri.toString(), type }));
  client.sendNotification(DidChangeWatchedFilesNotification.type, { changes }).catch(() => undefined);
}
