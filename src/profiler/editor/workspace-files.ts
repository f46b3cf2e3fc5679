import * as vscode from 'vscode';
import { DisposableStore } from '../../core/disposables';
import type { Logger } from '../../core/log';
import type { WorkspaceFile } from '../model/resolve';

/** Languages the profile formats carry: Python, Java/Kotlin, Go (and go.mod), JS/TS, Rust, C/C++. */
const SOURCE_GLOB = '**/{*.py,*.java,*.kt,*.go,go.mod,*.js,*.mjs,*.cjs,*.jsx,*.ts,*.mts,*.cts,*.tsx,*.rs,*.c,*.cc,*.cpp,*.cxx,*.h,*.hh,*.hpp,*.hxx}';
/** Symbol lookups (Go, Rust, C++) read files up to this size. */
export const MAX_SCANNED_BYTES = 2 * 1024 * 1024;

/**
 * How the profiler reaches workspace sources: the disk on the desktop (node-sources.ts), vscode.workspace.fs
 * in the web build (web-sources.ts), where the workspace is not on a local disk.
 */
export interface SourceAccess {
  /** Whether a document at `uri` is a workspace source the profiler resolves and annotates. */
  handles(uri: vscode.Uri): boolean;
  /** The path the resolver knows the file by (absolute, forward slashes). */
  pathOf(uri: vscode.Uri): string;
  /** The file at a resolver path. */
  uriOf(path: string): vscode.Uri;
  /** A comparable form of a path (case-folded where the file system ignores case). */
  keyOf(path: string): string;
  /** A source file's text for symbol lookups (synchronous: the resolver runs in one pass), or undefined. */
  readText(path: string): string | undefined;
  /** Called with each new file list before the resolver uses readText on it (the web reads ahead). */
  prepare(files: readonly WorkspaceFile[]): Promise<void>;
  /** The text the file holds on disk (a dirty document's profiled text), or undefined. */
  readSaved(uri: vscode.Uri): Promise<string | undefined>;
  /** Whether `text` is what the file holds on disk, when that is cheap to tell (else false). */
  sameAsSaved(uri: vscode.Uri, text: string): boolean;
}
const EXCLUDE = '**/{node_modules,.git,.venv,venv,.tox,__pycache__,build,target,dist,out,.gradle,.idea}/**';
const MAX_FILES = 100_000;

/** The workspace's source files, listed once and re-listed after files are added or removed. */
export class WorkspaceFiles implements vscode.Disposable {
  private files: Promise<WorkspaceFile[]> | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables = new DisposableStore();

  constructor(private readonly log: Logger, readonly access: SourceAccess) {
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
    const files = uris.filter((u) => this.access.handles(u)).map((uri) => ({
      path: this.access.pathOf(uri),
      rel: vscode.workspace.asRelativePath(uri, false).replace(/\\/g, '/'),
    }));
    await this.access.prepare(files);
    this.log.debug(`profiler: indexed ${files.length} source files in ${Date.now() - started} ms`);
    return files;
  }

  dispose(): void {
    this.disposables.dispose();
  }
}
