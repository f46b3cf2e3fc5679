// Starting the language server's process: as vscode-languageclient forks a node module over IPC, but
// callable before the client library is loaded, so that the server boots (in its own process, on
// another core) while the extension host loads the client.
import { type ChildProcess, fork } from 'node:child_process';
import * as path from 'node:path';

/** The server bundle (built from packages/conveyor-lint/src/server-main.ts), relative to the extension. */
export const SERVER_MODULE = 'dist/server/conveyor-language-server.js';

/**
 * A fresh server process speaking LSP over node IPC; it exits when told to (or when this process ends).
 * `compileCache`: a folder where the server's Node (22.1 and later) keeps V8's compiled code of its
 * bundle between windows; only the server's own process uses it.
 */
export function forkLanguageServer(serverModule: string, compileCache: string): ChildProcess {
  return fork(serverModule, ['--node-ipc', `--clientProcessId=${process.pid}`], {
    // Not the extension host's own flags (e.g. --inspect); in Electron, run as plain Node.
    execArgv: [],
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1', ELECTRON_NO_ASAR: '1', NODE_COMPILE_CACHE: compileCache },
    silent: true,
  });
}

/** The server's compile cache, under the extension's global storage. */
export const compileCacheIn = (globalStorage: string): string => path.join(globalStorage, 'language-server-compile-cache');
