// The web-worker build of the language server (packages/conveyor-lint/src/server-browser.ts): it bundles
// for the browser (esbuild fails on any Node built-in such as fs, child_process or worker_threads on its
// path) and, run as a worker whose global scope talks like a browser worker's (onmessage, postMessage),
// answers a client with diagnostics, completion and quick fixes.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import * as esbuild from 'esbuild';
import { createMessageConnection, type MessageConnection, PortMessageReader, PortMessageWriter } from 'vscode-jsonrpc/node';
import type { CodeAction, CompletionList, Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { ROOT } from './lsp-client';

/** What a browser gives a dedicated worker: `onmessage` for what its creator posts, and `postMessage`. */
const BROWSER_WORKER_SCOPE = `
const { parentPort } = require('node:worker_threads');
globalThis.addEventListener = () => undefined;
globalThis.postMessage = (data) => parentPort.postMessage(data);
parentPort.on('message', (data) => globalThis.onmessage?.({ data }));
`;

describe('The language server built for a web worker', function () {
  this.timeout(60_000);
  let worker: Worker;
  let connection: MessageConnection;
  const published = new Map<string, Diagnostic[]>();
  const waiters: (() => void)[] = [];

  before(async () => {
    const built = await esbuild.build({
      entryPoints: [path.join(ROOT, 'packages/conveyor-lint/src/server-browser.ts')], bundle: true, write: false,
      platform: 'browser', format: 'iife', target: 'es2022', conditions: ['conveyor-source'], logLevel: 'silent',
    });
    const code = built.outputFiles[0]?.text;
    assert.ok(code);
    worker = new Worker(`${BROWSER_WORKER_SCOPE}\n${code}`, { eval: true });
    connection = createMessageConnection(new PortMessageReader(worker), new PortMessageWriter(worker));
    connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      published.set(p.uri, p.diagnostics);
      for (const w of waiters.splice(0)) w();
    });
    connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({})));
    connection.listen();
    await connection.sendRequest('initialize', { processId: null, rootUri: null, workspaceFolders: null,
      capabilities: { workspace: { configuration: true }, textDocument: { codeAction: { dataSupport: true } } } });
    await connection.sendNotification('initialized', {});
  });
  after(async () => {
    connection?.dispose();
    await worker?.terminate();
  });

  async function diagnosticsOf(uri: string): Promise<Diagnostic[]> {
    while (!published.has(uri)) await new Promise<void>((resolve) => waiters.push(resolve));
    return published.get(uri) ?? [];
  }

  it('publishes a broken buildspec\'s problems, completes and offers the quick fix', async () => {
    const uri = 'vscode-vfs://github/acme/app/buildspec.yml';
    const text = 'version: 0.2\nphases:\n  biuld:\n    commands: [make]\n  \n';
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    const [problem, ...rest] = await diagnosticsOf(uri);
    assert.equal(rest.length, 0);
    assert.match(problem?.message ?? '', /Unknown key 'biuld' in phases\. Did you mean 'build'\?/);
    const completion = await connection.sendRequest<CompletionList | null>('textDocument/completion', { textDocument: { uri }, position: { line: 4, character: 2 } });
    const labels = (Array.isArray(completion) ? completion : completion?.items ?? []).map((i: { label: string }) => i.label);
    assert.ok(labels.includes('post_build'), labels.join(', '));
    const actions = await connection.sendRequest<CodeAction[]>('textDocument/codeAction',
      { textDocument: { uri }, range: problem?.range, context: { diagnostics: [problem] } });
    assert.ok(actions.some((a) => a.title === "Change to 'build'" && a.isPreferred), actions.map((a) => a.title).join(', '));
  });
});
