import {
  type CancellationToken, CodeActionKind, type Connection, type InitializeParams, type InitializeResult, LSPErrorCodes,
  ResponseError, TextDocuments, TextDocumentSyncKind,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { complete } from '../language/completion';
import { foldingRanges } from '../language/folding';
import { hover } from '../language/hover';
import { documentSymbols } from '../language/symbols';
import type { ValidationReport } from '../validate';
import { codeActionsFor, toLspCompletion, toLspDiagnostic, toLspFolding, toLspSymbol } from './convert';
import { SETTINGS_SECTION, settingsFrom, type ValidationSettings, validationSection } from './settings';
import { jobFor, kindOf, type Validator } from './validator';

export interface ServerOptions {
  validator: Validator;
  /** The folder hook scripts are looked up in (the appspec's, on disk); undefined where there is no disk. */
  revisionRootOf?: (uri: string) => string | undefined;
}

/** Answers a request only after the messages already received (e.g. its $/cancelRequest) have been read. */
async function unlessCancelled<T>(token: CancellationToken, answer: () => T): Promise<T> {
  await new Promise<void>((resolve) => setTimeout(resolve, 0));
  if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled');
  return answer();
}

/**
 * The buildspec/appspec language server: diagnostics (validated off the request thread), completion,
 * hover, quick fixes, outline and folding, with the `conveyor.validation` settings read through
 * workspace/configuration per document (or from initializationOptions / didChangeConfiguration for
 * clients without it).
 */
export function startServer(connection: Connection, options: ServerOptions): void {
  const documents = new TextDocuments(TextDocument);
  const settingsCache = new Map<string, Promise<ValidationSettings>>();
  const inFlight = new Set<string>();
  const rerun = new Set<string>();
  const waitingForValidation = new Map<string, (() => void)[]>();
  let pullConfiguration = false;
  let pushedSettings: unknown;
  let folders: string[] = [];

  const settingsFor = (uri: string): Promise<ValidationSettings> => {
    let settings = settingsCache.get(uri);
    if (!settings) {
      settings = pullConfiguration
        ? connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION }).then(settingsFrom, () => settingsFrom(pushedSettings))
        : Promise.resolve(settingsFrom(pushedSettings));
      settingsCache.set(uri, settings);
    }
    return settings;
  };

  /** Workspace-relative where possible: associations are globs relative to the workspace. */
  const pathOf = (uri: string): string => {
    const folder = folders.find((f) => uri.startsWith(`${f}/`));
    const raw = folder ? uri.slice(folder.length + 1) : uri.replace(/^[a-z][a-z0-9+.-]*:(\/\/[^/]*)?/i, '');
    try {
      return decodeURIComponent(raw);
    } catch {
      return raw;
    }
  };

  const specKind = async (uri: string): Promise<{ document: TextDocument; kind: 'buildspec' | 'appspec' } | undefined> => {
    const document = documents.get(uri);
    if (!document) return undefined;
    const settings = await settingsFor(uri);
    if (!settings.enabled) return undefined;
    const kind = kindOf(jobFor(document.getText(), pathOf(uri), settings));
    return kind === 'buildspec' || kind === 'appspec' ? { document, kind } : undefined;
  };

  /**
   * Resolves when the document has no validation running or queued. Its outline and folding are answered
   * after its diagnostics: VS Code asks for both right after each edit, and computing them meanwhile (a
   * second parse of the same text on this thread) takes CPU from the validation and holds up publishing its
   * result. Completion and hover, which someone is waiting for, never wait.
   */
  const afterValidation = (uri: string): Promise<void> => {
    if (!inFlight.has(uri)) return Promise.resolve();
    return new Promise((resolve) => {
      const waiting = waitingForValidation.get(uri);
      if (waiting) waiting.push(resolve);
      else waitingForValidation.set(uri, [resolve]);
    });
  };

  /**
   * Validates the document's current text and publishes the result if the text is still current: one
   * validation per document at a time, and one more afterwards when it changed meanwhile (a reopened
   * document is a new TextDocument, so a result for the text of a closed one is never published).
   */
  const revalidate = async (uri: string): Promise<void> => {
    if (inFlight.has(uri)) {
      rerun.add(uri);
      return;
    }
    const document = documents.get(uri);
    if (!document) return;
    inFlight.add(uri);
    try {
      const version = document.version;
      const settings = await settingsFor(uri);
      const report: ValidationReport | undefined = settings.enabled
        ? await options.validator.validate(jobFor(document.getText(), pathOf(uri), settings, options.revisionRootOf?.(uri)))
        : { kind: undefined, diagnostics: [] };
      if (report && documents.get(uri) === document && document.version === version) {
        await connection.sendDiagnostics({ uri, version, diagnostics: report.diagnostics.map(toLspDiagnostic) });
      } else {
        rerun.add(uri);
      }
    } catch (err) {
      connection.console.error(`conveyor-lint: validating ${uri} failed: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      inFlight.delete(uri);
      if (rerun.delete(uri) && documents.get(uri)) {
        void revalidate(uri);
      } else {
        for (const resolve of waitingForValidation.get(uri) ?? []) resolve();
        waitingForValidation.delete(uri);
      }
    }
  };

  const revalidateAll = (): void => {
    settingsCache.clear();
    for (const d of documents.all()) void revalidate(d.uri);
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    pullConfiguration = params.capabilities.workspace?.configuration === true;
    pushedSettings = validationSection(params.initializationOptions) ?? (params.initializationOptions as { validation?: unknown } | null)?.validation;
    folders = (params.workspaceFolders ?? []).map((f) => f.uri.replace(/\/$/, ''));
    if (folders.length === 0 && params.rootUri) folders = [params.rootUri.replace(/\/$/, '')];
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: [':', '-', '"'] },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        documentSymbolProvider: { label: 'Conveyor' },
        foldingRangeProvider: true,
      },
      serverInfo: { name: 'conveyor-language-server' },
    };
  });

  connection.onDidChangeConfiguration((params) => {
    const section = validationSection(params.settings);
    if (section !== undefined) pushedSettings = section;
    revalidateAll();
  });
  // Hook scripts appearing or disappearing change appspec findings (clients that watch files say so).
  connection.onDidChangeWatchedFiles(() => revalidateAll());

  documents.onDidOpen((e) => {
    settingsCache.delete(e.document.uri);
    void revalidate(e.document.uri);
  });
  documents.onDidChangeContent((e) => void revalidate(e.document.uri));
  documents.onDidClose((e) => {
    settingsCache.delete(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.onCompletion(async (params, token) => {
    const spec = await specKind(params.textDocument.uri);
    if (!spec) return null;
    return unlessCancelled(token, () => complete(spec.document.getText(), spec.document.offsetAt(params.position), { kind: spec.kind, path: pathOf(spec.document.uri) })
      .map(toLspCompletion));
  });

  connection.onHover(async (params, token) => {
    const spec = await specKind(params.textDocument.uri);
    if (!spec) return null;
    const h = await unlessCancelled(token, () => hover(spec.document.getText(), spec.document.offsetAt(params.position), { kind: spec.kind, path: pathOf(spec.document.uri) }));
    return h ? { contents: { kind: 'markdown', value: h.contents }, range: h.range } : null;
  });

  connection.onDocumentSymbol(async (params, token) => {
    await afterValidation(params.textDocument.uri);
    const spec = await specKind(params.textDocument.uri);
    if (!spec) return null;
    return unlessCancelled(token, () => documentSymbols(spec.document.getText(), { kind: spec.kind, path: pathOf(spec.document.uri) }).map(toLspSymbol));
  });

  connection.onFoldingRanges(async (params, token) => {
    await afterValidation(params.textDocument.uri);
    const spec = await specKind(params.textDocument.uri);
    if (!spec) return null;
    return unlessCancelled(token, () => foldingRanges(spec.document.getText(), { kind: spec.kind, path: pathOf(spec.document.uri) }).map(toLspFolding));
  });

  connection.onCodeAction((params) => codeActionsFor(params.textDocument.uri, params.context.diagnostics));

  documents.listen(connection);
  connection.listen();
}
