import * as vscode from 'vscode';
import { DisposableStore } from '../../core/disposables';
import type { Logger } from '../../core/log';
import type { WorkspaceFile } from '../model/resolve';

const SOURCE_GLOB = '**/*.{py,java}';
const EXCLUDE = '**/{node_modules,.git,.venv,venv,.tox,__pycache__,build,target,dist,out,.gradle,.idea}/**';
const MAX_FILES = 100_000;

/** The workspace's Python and Java files, listed once and re-listed after files are added or removed. */
export class WorkspaceFiles implements vscode.Disposable {
  private files: Promise<WorkspaceFile[]> | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables = new DisposableStore();

  constructor(private readonly log: Logger) {
    const watcher = vscode.workspace.createFileSystemWatcher(SOURCE_GLOB, false, true, false);
    const invalidate = (): void => {
      if (this.files === undefined) return;
      this.files = undefined;
      this.changed.fire();
    };
    this.disposables.addAll(watcher, watcher.onDidCreate(invalidate), watcher.onDidDelete(invalidate), vscode.workspace.onDidChangeWorkspaceFolders(invalidate), this.changed);
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
