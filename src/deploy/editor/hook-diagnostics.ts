// The appspec hook diagnostics in the editor: "AfterInstall failed in deployment d-… on i-…
// (ScriptFailed)" on the hook line of the workspace appspec that drove the group's latest deployment,
// recomputed when the failures change and when an appspec is edited, created or deleted. Each offers
// quick fixes: the failed event's log and the deployment's details.
import * as vscode from 'vscode';
import { hookDiagnosticActions, hookDiagnostics, type HookDiagnostic, type LatestFailures } from '../appspec/hook-diagnostics';
import { DisposableStore } from '../../core/disposables';
import { findWorkspaceAppSpecs, isAppSpecUri } from './workspace-appspecs';

export const DIAGNOSTIC_SOURCE = 'CodeDeploy';

export class HookDiagnosticsView implements vscode.Disposable, vscode.CodeActionProvider {
  private readonly collection = vscode.languages.createDiagnosticCollection('conveyor-deploy');
  private readonly disposables = new DisposableStore();
  private readonly emitter = new vscode.EventEmitter<void>();
  /** Fires after each update (host tests wait on it). */
  readonly onDidUpdate = this.emitter.event;
  private shown = new Map<string, HookDiagnostic[]>();
  /** What each shown diagnostic stands for (by document, line and message), to offer its quick fixes. */
  private sources = new Map<string, HookDiagnostic>();
  private pending: Promise<void> = Promise.resolve();
  private queued = false;

  constructor(private readonly failures: LatestFailures, private readonly enabled: () => boolean) {
    this.disposables.add(this.collection);
    this.disposables.add(this.emitter);
    const onAppSpec = (uri: vscode.Uri): void => { if (isAppSpecUri(uri) && this.failures.keys().length) void this.update(); };
    this.disposables.add(vscode.workspace.onDidChangeTextDocument((e) => onAppSpec(e.document.uri)));
    this.disposables.add(vscode.workspace.onDidSaveTextDocument((d) => onAppSpec(d.uri)));
    const watcher = this.disposables.add(vscode.workspace.createFileSystemWatcher('**/appspec.{yml,yaml,json}'));
    this.disposables.add(watcher.onDidCreate(onAppSpec));
    this.disposables.add(watcher.onDidDelete(onAppSpec));
    this.disposables.add(vscode.languages.registerCodeActionsProvider({ pattern: '**/appspec.{yml,yaml,json}' }, this,
      { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }));
  }

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    return context.diagnostics.flatMap((diagnostic) => {
      const source = diagnostic.source === DIAGNOSTIC_SOURCE ? this.sources.get(sourceKey(document.uri, diagnostic.range.start.line, diagnostic.message)) : undefined;
      return source ? hookDiagnosticActions(source).map((a) => {
        const action = new vscode.CodeAction(a.title, vscode.CodeActionKind.QuickFix);
        action.command = { command: a.command, title: a.title, arguments: [a.args] };
        action.diagnostics = [diagnostic];
        return action;
      }) : [];
    });
  }

  /** The diagnostics shown now, by workspace path. */
  get current(): ReadonlyMap<string, readonly HookDiagnostic[]> {
    return this.shown;
  }

  /**
   * Recomputes every appspec's diagnostics. Updates run one after another, and requests made while
   * one waits to start join it (typing in an appspec does not queue a scan per keystroke).
   */
  update(): Promise<void> {
    if (this.queued) return this.pending;
    this.queued = true;
    const run = (): Promise<void> => {
      this.queued = false;
      return this.recompute();
    };
    this.pending = this.pending.then(run, run);
    return this.pending;
  }

  private async recompute(): Promise<void> {
    const entries = this.enabled() ? this.failures.entries() : [];
    if (entries.length === 0) {
      this.shown = new Map();
      this.sources = new Map();
      this.collection.clear();
      this.emitter.fire();
      return;
    }
    const { candidates, uris } = await findWorkspaceAppSpecs();
    this.shown = hookDiagnostics(entries, candidates);
    const sources = new Map<string, HookDiagnostic>();
    this.collection.clear();
    for (const [path, list] of this.shown) {
      const uri = uris.get(path);
      if (!uri) continue;
      this.collection.set(uri, list.map(toDiagnostic));
      for (const d of list) sources.set(sourceKey(uri, d.line, d.message), d);
    }
    this.sources = sources;
    this.emitter.fire();
  }

  dispose(): void {
    this.disposables.dispose();
  }
}

const sourceKey = (uri: vscode.Uri, line: number, message: string): string => JSON.stringify([uri.toString(), line, message]);

function toDiagnostic(d: HookDiagnostic): vscode.Diagnostic {
  const severity = d.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning;
  const diagnostic = new vscode.Diagnostic(new vscode.Range(d.line, d.character, d.line, d.endCharacter), d.message, severity);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = d.code;
  return diagnostic;
}
