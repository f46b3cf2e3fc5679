// The `conveyor-log:` documents: one read-only document per log stream, backed by a LogSession that
// loads, pages back and live-tails it; ANSI colours as decorations; editors that were at the end keep
// following new lines.
import * as vscode from 'vscode';
import type { AwsAccess } from '../../aws/access';
import { explainAwsError } from '../../aws/errors';
import { DisposableStore } from '../../core/disposables';
import type { Logger } from '../../core/log';
import type { FeatureSettings } from '../../editor/settings';
import { LogSession } from '../session';
import type { LOGS_SETTINGS } from '../settings';
import { decodeLogQuery, encodeLogQuery, LOG_SCHEME, logDocumentPath, type LogDocumentParams } from '../uri';
import { LogDecorations } from './decorations';

export interface LogDocumentsDeps {
  log: Logger;
  aws: AwsAccess;
  settings: FeatureSettings<typeof LOGS_SETTINGS.schema>;
}

export class LogDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly sessions = new Map<string, LogSession>();
  private readonly changeEmitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changeEmitter.event;
  /** A session loaded, grew or changed state (code lenses follow it). */
  private readonly sessionEmitter = new vscode.EventEmitter<void>();
  readonly onDidChangeSession = this.sessionEmitter.event;
  private readonly decorations = new LogDecorations();
  private readonly disposables = new DisposableStore();
  /** Line counts as last provided, to keep following the end while tailing. */
  private readonly lineCounts = new Map<string, number>();

  constructor(private readonly deps: LogDocumentsDeps) {
    this.disposables.add(this.changeEmitter);
    this.disposables.add(this.sessionEmitter);
    this.disposables.add(this.decorations);
    this.disposables.add(vscode.workspace.onDidCloseTextDocument((doc) => this.closed(doc.uri)));
    this.disposables.add(vscode.workspace.onDidChangeTextDocument((e) => { if (e.document.uri.scheme === LOG_SCHEME) this.afterUpdate(e.document); }));
    this.disposables.add(vscode.window.onDidChangeVisibleTextEditors((editors) => { for (const e of editors) this.decorate(e); }));
    this.disposables.add(deps.settings.onDidChange(() => { for (const e of vscode.window.visibleTextEditors) this.decorate(e); }));
  }

  /** The session behind a log document. */
  session(uri: vscode.Uri): LogSession | undefined {
    return this.sessions.get(uri.toString());
  }

  private sessionFor(uri: vscode.Uri): LogSession | undefined {
    const key = uri.toString();
    const existing = this.sessions.get(key);
    if (existing) return existing;
    const params = decodeLogQuery(uri.query);
    if (!params) return undefined;
    const target = { profile: params.profile, region: params.region };
    const session = new LogSession(params, {
      logs: this.deps.aws.client('logs', target),
      codebuild: this.deps.aws.client('codebuild', target),
      log: this.deps.log,
      explain: (err, operation) => explainAwsError(err, { service: 'logs', operation, ...target }).message,
      useLiveTail: this.deps.settings.value.liveTail,
    });
    session.onDidChange(() => {
      this.changeEmitter.fire(uri);
      this.sessionEmitter.fire();
    });
    this.sessions.set(key, session);
    return session;
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const session = this.sessionFor(uri);
    if (!session) return 'This is not a Conveyor log link.';
    await session.load();
    return session.text();
  }

  /** Opens a log: a finished build at its failing command (or its end), a running one at the end. */
  async open(params: LogDocumentParams): Promise<vscode.Uri> {
    const uri = vscode.Uri.from({ scheme: LOG_SCHEME, path: logDocumentPath(params), query: encodeLogQuery(params) });
    // The first page is requested now, not once the window has asked this host for the document's content.
    const session = this.sessionFor(uri);
    void session?.load();
    let doc: vscode.TextDocument;
    try {
      doc = await vscode.workspace.openTextDocument(uri);
    } catch (err) {
      if (session && !vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString())) this.closed(uri);
      throw err;
    }
    const editor = await vscode.window.showTextDocument(doc, { preview: false });
    this.decorate(editor);
    const failing = session?.failingCommand();
    const atFailure = failing !== undefined && !session?.tailing;
    const line = atFailure ? failing.line : Math.max(0, doc.lineCount - 1);
    editor.selection = new vscode.Selection(line, 0, line, 0);
    editor.revealRange(new vscode.Range(line, 0, line, 0), atFailure ? vscode.TextEditorRevealType.InCenter : vscode.TextEditorRevealType.Default);
    return uri;
  }

  /** A log document named by a command argument (URI or string), else the active editor's. */
  uriOf(arg: unknown): vscode.Uri | undefined {
    if (arg instanceof vscode.Uri) return arg;
    if (typeof arg === 'string') {
      try {
        return vscode.Uri.parse(arg, true);
      } catch {
        return undefined;
      }
    }
    const active = vscode.window.activeTextEditor?.document.uri;
    return active?.scheme === LOG_SCHEME ? active : undefined;
  }

  private decorate(editor: vscode.TextEditor): void {
    if (editor.document.uri.scheme !== LOG_SCHEME) return;
    const session = this.sessions.get(editor.document.uri.toString());
    if (session) this.decorations.apply(editor, session, this.deps.settings.value.ansiColors === 'render');
  }

  /** After new text arrived: re-decorate, and keep following the end in editors that were at the end. */
  private afterUpdate(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    const before = this.lineCounts.get(key) ?? 0;
    this.lineCounts.set(key, doc.lineCount);
    const session = this.sessions.get(key);
    for (const editor of vscode.window.visibleTextEditors) {
      if (editor.document !== doc) continue;
      this.decorate(editor);
      const lastVisible = editor.visibleRanges[editor.visibleRanges.length - 1]?.end.line ?? 0;
      if (session?.tailing && doc.lineCount > before && lastVisible >= before - 2) {
        const end = doc.lineCount - 1;
        editor.revealRange(new vscode.Range(end, 0, end, 0), vscode.TextEditorRevealType.Default);
      }
    }
  }

  private closed(uri: vscode.Uri): void {
    if (uri.scheme !== LOG_SCHEME) return;
    const key = uri.toString();
    this.sessions.get(key)?.dispose();
    this.sessions.delete(key);
    this.lineCounts.delete(key);
  }

  dispose(): void {
    for (const s of this.sessions.values()) s.dispose();
    this.sessions.clear();
    this.disposables.dispose();
  }
}
