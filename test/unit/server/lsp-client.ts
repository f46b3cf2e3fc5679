// A language client for tests: a real server process over stdio, spoken to with vscode-jsonrpc, with the
// diagnostics it publishes kept per URI and waited on by condition (never by time).
import { type ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CancellationTokenSource, createMessageConnection, type MessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { Diagnostic, InitializeResult, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

export const ROOT = path.resolve(__dirname, '../../..');
/** The server from its TypeScript sources (the tarball test runs the built one). */
export const SOURCE_SERVER = [process.execPath, '--import', pathToFileURL(path.join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href,
  path.join(ROOT, 'packages/conveyor-lint/src/server-main.ts'), '--stdio'];

export interface ClientOptions {
  /** What workspace/configuration answers for `conveyor.validation`; undefined: the client does not support it. */
  configuration?: () => unknown;
  initializationOptions?: unknown;
  rootUri?: string;
}

interface Waiter { check: () => boolean; resolve: () => void }

export class TestClient {
  readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  readonly configurationRequests: unknown[] = [];
  private readonly waiters = new Set<Waiter>();
  private stderr = '';
  private exited = false;

  private constructor(readonly process: ChildProcess, readonly connection: MessageConnection) {}

  static async start(command: readonly string[], options: ClientOptions = {}, cwd = ROOT): Promise<{ client: TestClient; init: InitializeResult }> {
    const [exe, ...args] = command;
    const child = spawn(exe ?? process.execPath, args, { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    if (!child.stdout || !child.stdin) throw new Error('no stdio');
    const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const client = new TestClient(child, connection);
    child.stderr?.on('data', (d: Buffer) => {
      client.stderr += d.toString();
    });
    child.on('exit', () => {
      client.exited = true;
      client.notify();
    });
    connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      client.diagnostics.set(p.uri, p);
      client.notify();
    });
    connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => {
      client.configurationRequests.push(p);
      client.notify();
      return p.items.map(() => options.configuration?.() ?? null);
    });
    connection.onRequest('client/registerCapability', () => null);
    connection.onNotification('window/logMessage', () => undefined);
    connection.listen();
    const init = await connection.sendRequest<InitializeResult>('initialize', {
      processId: process.pid, rootUri: options.rootUri ?? null, workspaceFolders: null,
      capabilities: { workspace: { configuration: options.configuration !== undefined, didChangeConfiguration: { dynamicRegistration: false } },
        textDocument: { publishDiagnostics: { versionSupport: true }, codeAction: { dataSupport: true } } },
      ...(options.initializationOptions !== undefined ? { initializationOptions: options.initializationOptions } : {}),
    });
    await connection.sendNotification('initialized', {});
    return { client, init };
  }

  get log(): string {
    return this.stderr;
  }

  get alive(): boolean {
    return !this.exited;
  }

  async open(uri: string, text: string, languageId = 'yaml', version = 1): Promise<void> {
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  async change(uri: string, text: string, version: number): Promise<void> {
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  request<R>(method: string, params: unknown, token?: CancellationTokenSource): Promise<R> {
    return token ? this.connection.sendRequest<R>(method, params, token.token) : this.connection.sendRequest<R>(method, params);
  }

  /** Resolves when the server has published diagnostics for `uri` (at `version`, when given) that satisfy `accept`. */
  async diagnosticsOf(uri: string, accept: (ds: Diagnostic[]) => boolean = () => true, version?: number): Promise<Diagnostic[]> {
    const ok = (): boolean => {
      const p = this.diagnostics.get(uri);
      return p !== undefined && (version === undefined || p.version === version) && accept(p.diagnostics);
    };
    await this.until(ok, `diagnostics of ${uri}`);
    return this.diagnostics.get(uri)?.diagnostics ?? [];
  }

  until(check: () => boolean, what: string): Promise<void> {
    if (check()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const waiter: Waiter = { check: () => {
        if (this.exited && !check()) {
          this.waiters.delete(waiter);
          reject(new Error(`the server exited while waiting for ${what}:\n${this.stderr}`));
          return true;
        }
        return check();
      }, resolve };
      this.waiters.add(waiter);
    });
  }

  async stop(): Promise<void> {
    if (this.exited) return;
    await this.connection.sendRequest('shutdown');
    await this.connection.sendNotification('exit');
    await this.until(() => this.exited, 'exit');
    this.connection.dispose();
  }

  private notify(): void {
    for (const w of [...this.waiters]) {
      if (w.check()) {
        this.waiters.delete(w);
        w.resolve();
      }
    }
  }
}

export { CancellationTokenSource };
