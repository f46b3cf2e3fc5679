import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';
import { serveValidationWorker, WorkerValidator } from './worker-validator';

/** A validation that takes longer is stopped and reported as not validated (the largest corpus file takes ~1 s). */
const TIME_LIMIT_MS = 30_000;

/**
 * `conveyor-language-server --stdio` (or --node-ipc, --socket=<port>). The same script (`entry`, the file
 * that calls this) is the validation worker: in a worker thread it serves validations instead.
 */
export function main(entry: string): void {
  if (serveValidationWorker()) return;
  const validator = new WorkerValidator(entry, TIME_LIMIT_MS);
  validator.start();
  const connection = createConnection(ProposedFeatures.all);
  startServer(connection, {
    validator,
    revisionRootOf: (uri) => (uri.startsWith('file:') ? path.dirname(fileURLToPath(uri)) : undefined),
  });
}
