// The language server in a web worker (vscode.dev, github.dev): the same server, validating on the
// worker's own thread (a browser worker has no worker threads of its own and no disk to find hook
// scripts on), speaking to its client with postMessage.
import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from 'vscode-languageserver/browser';
import { startServer } from './server/server';
import { InlineValidator } from './server/validator';

/** The worker's global scope, which listens and posts like a MessagePort. */
const scope = globalThis as unknown as MessagePort;

startServer(createConnection(ProposedFeatures.all, new BrowserMessageReader(scope), new BrowserMessageWriter(scope)), { validator: new InlineValidator() });
