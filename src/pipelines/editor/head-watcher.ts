// The workspace's HEAD commit: from the built-in Git extension when it is there (it also tells us when
// HEAD moves), else `git rev-parse HEAD` re-read when files under .git change.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { DisposableStore } from '../../core/disposables';
import type { Logger } from '../../core/log';
import { readHeadCommit } from '../git/head';

/** The slice of the vscode.git API (version 1) used here. */
interface GitRepository {
  rootUri: vscode.Uri;
  state: { HEAD?: { commit?: string }; onDidChange: vscode.Event<void> };
}
interface GitApi {
  repositories: GitRepository[];
  onDidOpenRepository: vscode.Event<GitRepository>;
}
interface GitExtension {
  getAPI(version: 1): GitApi;
}

function isGitExtension(v: unknown): v is GitExtension {
  return typeof v === 'object' && v !== null && typeof (v as { getAPI?: unknown }).getAPI === 'function';
}

export class HeadWatcher implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<string | undefined>();
  readonly onDidChange = this.emitter.event;
  private current: string | undefined;
  private readonly subscriptions = new DisposableStore();
  private debounce: NodeJS.Timeout | undefined;

  constructor(private readonly log: Logger) {}

  get head(): string | undefined {
    return this.current;
  }

  async start(): Promise<void> {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder || folder.uri.scheme !== 'file') return;
    if (await this.tryGitExtension(folder.uri)) return;
    this.log.debug('Git extension unavailable: reading HEAD with git rev-parse');
    const refresh = (): void => {
      clearTimeout(this.debounce);
      this.debounce = setTimeout(() => void readHeadCommit(folder.uri.fsPath).then((h) => this.set(h)), 300);
    };
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, '.git/{HEAD,refs/**,packed-refs}'));
    this.subscriptions.addAll(watcher, watcher.onDidChange(refresh), watcher.onDidCreate(refresh), watcher.onDidDelete(refresh),
      vscode.window.onDidChangeWindowState((s) => { if (s.focused) refresh(); }));
    this.set(await readHeadCommit(folder.uri.fsPath));
  }

  private async tryGitExtension(folder: vscode.Uri): Promise<boolean> {
    try {
      const ext = vscode.extensions.getExtension('vscode.git');
      if (!ext) return false;
      const exports: unknown = ext.isActive ? ext.exports : await ext.activate();
      if (!isGitExtension(exports)) return false;
      const api = exports.getAPI(1);
      const inFolder = (r: GitRepository): boolean => {
        const rel = path.relative(r.rootUri.fsPath, folder.fsPath);
        return !rel.startsWith('..') && !path.isAbsolute(rel);
      };
      const attach = (repo: GitRepository): void => {
        this.subscriptions.addAll(repo.state.onDidChange(() => this.set(repo.state.HEAD?.commit)));
        this.set(repo.state.HEAD?.commit);
      };
      const existing = api.repositories.find(inFolder);
      if (existing) attach(existing);
      else {
        // The repository may open after activation; fall back to rev-parse meanwhile.
        this.set(await readHeadCommit(folder.fsPath));
        this.subscriptions.addAll(api.onDidOpenRepository((r) => { if (inFolder(r)) attach(r); }));
      }
      return true;
    } catch (err) {
      this.log.warn(`Git extension API failed (${String(err)}); using git rev-parse`);
      return false;
    }
  }

  private set(head: string | undefined): void {
    const next = head?.toLowerCase();
    if (next === this.current) return;
    this.current = next;
    this.emitter.fire(next);
  }

  dispose(): void {
    clearTimeout(this.debounce);
    this.emitter.dispose();
    this.subscriptions.dispose();
  }
}
