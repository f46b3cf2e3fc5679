import * as vscode from 'vscode';
import type { Logger } from '../../core/log';
import { toDiagnostic } from './convert';
import type { SpecDocuments } from './documents';

const DEBOUNCE_MS = 200;

/**
 * Keeps the Problems of buildspecs, appspecs and templates current: at once on open and save, debounced
 * while typing. Each update replaces the document's diagnostics in one `set`, so nothing flickers.
 */
export class DiagnosticsUpdater implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('conveyor-validation');
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(private readonly documents: SpecDocuments, private readonly log: Logger) {}

  schedule(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    const pending = this.timers.get(key);
    if (pending) clearTimeout(pending);
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      this.update(document);
    }, DEBOUNCE_MS));
  }

  update(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    const pending = this.timers.get(key);
    if (pending) {
      clearTimeout(pending);
      this.timers.delete(key);
    }
    if (document.isClosed) return;
    try {
      const started = Date.now();
      const report = this.documents.report(document);
      if (!report) {
        this.collection.delete(document.uri);
        return;
      }
      this.collection.set(document.uri, report.diagnostics.map(toDiagnostic));
      const ms = Date.now() - started;
      if (ms > 100) this.log.debug(`Validated ${vscode.workspace.asRelativePath(document.uri)} as ${report.kind} in ${ms} ms`);
    } catch (err) {
      this.log.error(err instanceof Error ? err : String(err));
    }
  }

  forget(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    const pending = this.timers.get(key);
    if (pending) clearTimeout(pending);
    this.timers.delete(key);
    this.collection.delete(document.uri);
    // A new untitled document may already have taken this URI (its open can arrive before this close).
    const successor = vscode.workspace.textDocuments.find((d) => d !== document && !d.isClosed && d.uri.toString() === key);
    if (successor) this.update(successor);
  }

  updateAll(): void {
    for (const document of vscode.workspace.textDocuments) this.update(document);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    this.collection.dispose();
  }
}
