// A polling explorer's view in VS Code, the same for every AWS view that has one: the explorer hears
// what the view shows (visibility, expansion, window focus); the view shows a progress bar while the
// explorer loads what it waits for, how fresh the data is ("updated 12 s ago", "stale") in its
// description, and the filter in its message.
import * as vscode from 'vscode';
import type { Disposable } from '../core/disposables';
import { describeFreshness, type RootFreshness } from '../core/explorer';
import { filterMessage } from '../core/tree';
import type { ExpansionMemory } from './tree';

type Subscribe<T> = (listener: (value: T) => void) => Disposable;

/** What the view needs of an explorer (PollingExplorer has it all). */
export interface ViewedExplorer<N> {
  setViewVisible(visible: boolean): void;
  setWindowFocused(focused: boolean): void;
  setExpanded(node: N, expanded: boolean): void;
  freshness(): RootFreshness[];
  readonly busy: boolean;
  readonly onDidChangeBusy: Subscribe<boolean>;
  readonly onDidChangeFreshness: Subscribe<void>;
  readonly onDidChange: Subscribe<string[]>;
}

export interface FilterCounts {
  filter: string;
  matched: number;
  total: number;
  /** False while the list is still loading ("1,000+"). */
  complete: boolean;
}

export interface ExplorerViewOptions<N> {
  viewId: string;
  treeView: vscode.TreeView<N>;
  explorer: ViewedExplorer<N>;
  /** The explorer's clock. */
  now(): number;
  autoRefresh(): boolean;
  filter: { contextKey: string; noun: string; counts(): FilterCounts };
  /** Where the person's expansion is remembered by item id (the tree provider applies it). */
  expansion: ExpansionMemory<N>;
  idOf(node: N): string;
}

/** How often "updated 12 s ago" is re-rendered while the view is visible. */
const TICK_MS = 5_000;

export class ExplorerView<N> implements vscode.Disposable {
  private readonly subscriptions: Disposable[] = [];
  private endProgress: (() => void) | undefined;
  private progressShown = false;
  private disposed = false;

  constructor(private readonly o: ExplorerViewOptions<N>) {
    const { treeView, explorer } = o;
    this.subscriptions.push(
      treeView.onDidChangeVisibility((e) => {
        explorer.setViewVisible(e.visible);
        this.render();
      }),
      treeView.onDidExpandElement((e) => {
        o.expansion.set(o.idOf(e.element), true);
        explorer.setExpanded(e.element, true);
      }),
      treeView.onDidCollapseElement((e) => {
        o.expansion.set(o.idOf(e.element), false);
        explorer.setExpanded(e.element, false);
      }),
      vscode.window.onDidChangeWindowState((s) => explorer.setWindowFocused(s.focused)),
      explorer.onDidChangeBusy((busy) => this.progress(busy)),
      explorer.onDidChangeFreshness(() => this.render()),
      // The filter message counts matches: keep it right when a refresh adds or drops rows.
      explorer.onDidChange(() => {
        if (o.filter.counts().filter) this.render();
      }),
    );
    explorer.setWindowFocused(vscode.window.state.focused);
    explorer.setViewVisible(treeView.visible);
    const ticker = setInterval(() => {
      if (treeView.visible && vscode.window.state.focused) this.render();
    }, TICK_MS);
    this.subscriptions.push({ dispose: () => clearInterval(ticker) });
    if (explorer.busy) this.progress(true);
    this.render();
  }

  /** The person's expansion by item id (what the tree provider applies to rows shown again). */
  get expansion(): ExpansionMemory<N> {
    return this.o.expansion;
  }

  /** The filter changed: its context key (for the Clear Filter button) and the message. */
  filterChanged(): void {
    void vscode.commands.executeCommand('setContext', this.o.filter.contextKey, this.o.filter.counts().filter !== '');
    this.render();
  }

  /** Description (freshness) and message (filter, stale data) as they are now. */
  render(): void {
    const fresh = describeFreshness(this.o.explorer.freshness(), this.o.now(), this.o.autoRefresh());
    const c = this.o.filter.counts();
    const filter = filterMessage(c.filter, c.matched, c.total, this.o.filter.noun, c.complete);
    const message = [filter, fresh.message].filter(Boolean).join(' — ');
    this.o.treeView.description = fresh.description ?? '';
    this.o.treeView.message = message;
  }

  private progress(busy: boolean): void {
    if (!busy) {
      this.endProgress?.();
      this.endProgress = undefined;
      return;
    }
    if (this.progressShown) return;
    this.progressShown = true;
    void vscode.window.withProgress({ location: { viewId: this.o.viewId } }, () => new Promise<void>((resolve) => {
      // The task may start after the load already ended.
      if (this.o.explorer.busy && !this.disposed) this.endProgress = resolve;
      else resolve();
    })).then(() => {
      this.progressShown = false;
      if (this.o.explorer.busy && !this.disposed) this.progress(true);
    });
  }

  dispose(): void {
    this.disposed = true;
    this.endProgress?.();
    for (const s of this.subscriptions.splice(0)) s.dispose();
  }
}
