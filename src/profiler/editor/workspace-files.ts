import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { DisposableStore } from '../../core/disposables';
import type { Logger } from '../../core/log';
import type { WorkspaceFile } from '../model/resolve';

/** Languages the profile formats carry: Python, Java/Kotlin, Go (and go.mod), JS/TS, Rust, C/C++. */
const SOURCE_GLOB = '**/{*.py,*.java,*.kt,*.go,go.mod,*.js,*.mjs,*.cjs,*.jsx,*.ts,*.mts,*.cts,*.tsx,*.rs,*.c,*.cc,*.cpp,*.cxx,*.h,*.hh,*.hpp,*.hxx}';
/** Symbol lookups (Go, Rust, C++) read files up to this size. */
const MAX_SCANNED_BYTES = 2 * 1024 * 1024;

/** A workspace file's text for symbol lookups, or undefined (missing, unreadable or too large). */
export function readSourceText(fsPath: string): string | undefined {
  try {
    if (fs.statSync(fsPath).size > MAX_SCANNED_BYTES) return undefined;
    return fs.readFileSync(fsPath, 'utf8');
  } catch {
    return undefined;
  }
}
const EXCLUDE = '**/{node_modules,.git,.venv,venv,.tox,__pycache__,build,target,dist,out,.gradle,.idea}/**';
const MAX_FILES = 100_000;

/** The workspace's source files, listed once and re-listed after files are added or removed. */
export class WorkspaceFiles implements vscode.Disposable {
  private files: Promise<WorkspaceFile[]> | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables = new DisposableStore();

  constructor(private readonly log: Logger) {
    const watcher = vscode.workspace.createFileSystemWatcher(SOURCE_GLOB, false, true, false);
    const invalidate = (): void => this.invalidate();
    this.disposables.addAll(watcher, watcher.onDidCreate(invalidate), watcher.onDidDelete(invalidate),
      vscode.workspace.onDidChangeWorkspaceFolders(invalidate), this.changed);
  }

  /**
   * Lists the files again now, for a profile being opened: it was often written by a build or test
   * that also created the sources, before the file watcher reports them. Listeners hear of it only
   * when the list really changed (a refresh restarts every editor's heat).
   */
  rescan(): void {
    const previous = this.files;
    if (previous === undefined) return;
    const next = this.scan();
    this.files = next;
    void Promise.all([previous, next]).then(([a, b]) => {
      if (this.files !== next) return;
      const before = new Set(a.map((f) => f.path));
      if (a.length !== b.length || b.some((f) => !before.has(f.path))) this.changed.fire();
    }, () => undefined);
  }

  /** Lists the files again on next use (the watcher saw a file come or go). */
  invalidate(): void {
    if (this.files === undefined) return;
    this.files = undefined;
    this.changed.fire();
  }

  list(): Promise<WorkspaceFile[]> {
    this.files ??= this.scan();
    return this.files;
  }

  private async scan(): Promise<WorkspaceFile[]> {
    const started = Date.now();
    const uris = await vscode.workspace.findFiles(SOURCE_GLOB, EXCLUDE, MAX_FILES);
    const files = uris.filter((u) => u.scheme === 'file').map((uri) => ({
      path: uri.fsPath.replace(/\\/g, '/'),
      rel: vscode.workspace.asRelativePath(uri, false).replace(/\\/g, '/'),
    }));
    this.log.debug(`profiler: indexed ${files.length} source files in ${Date.now() - started} ms`);
    return files;
  }

  dispose(): void {
    this.disposables.dispose();
  }
}
