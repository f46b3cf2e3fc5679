// Stand-ins the shell registers at activation for a feature's views, documents and custom editors:
// the first time VS Code asks one of them for something, the feature is loaded and takes over.
import * as vscode from 'vscode';
import { DisposableStore } from '../core/disposables';
import { SHOW_LOG_COMMAND } from './commands';

/** The single row a view shows when its feature could not start. */
const FAILED = Symbol('feature failed to start');
type Element = unknown;

export class LazyTreeProvider implements vscode.TreeDataProvider<Element>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<Element>(); // Element is unknown: it covers the arrays and undefined
  readonly onDidChangeTreeData = this.emitter.event;
  private target: vscode.TreeDataProvider<Element> | undefined;
  private readonly subscriptions = new DisposableStore();
  private failure: string | undefined;

  /** `load` loads the feature, which attaches its provider (or throws). */
  constructor(private readonly feature: string, private readonly load: () => void) {
    this.subscriptions.add(this.emitter);
  }

  attach(provider: vscode.TreeDataProvider<Element>): void {
    this.target = provider;
    if (provider.onDidChangeTreeData) this.subscriptions.add(provider.onDidChangeTreeData((e) => this.emitter.fire(e)));
    this.emitter.fire(undefined);
  }

  private ensure(): vscode.TreeDataProvider<Element> | undefined {
    if (this.target || this.failure) return this.target;
    try {
      this.load();
    } catch (err) {
      this.failure = err instanceof Error ? err.message : String(err);
    }
    return this.target;
  }

  getTreeItem(element: Element): vscode.TreeItem | Thenable<vscode.TreeItem> {
    if (element === FAILED || !this.target) {
      const item = new vscode.TreeItem(`The ${this.feature} feature failed to start`);
      if (this.failure) item.description = this.failure;
      item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground'));
      item.command = { command: SHOW_LOG_COMMAND, title: 'Show Log' };
      return item;
    }
    return this.target.getTreeItem(element);
  }

  getChildren(element?: Element): vscode.ProviderResult<Element[]> {
    const target = this.ensure();
    if (!target) return element === undefined ? [FAILED] : [];
    return target.getChildren(element);
  }

  getParent(element: Element): vscode.ProviderResult<Element> {
    return element === FAILED ? undefined : this.target?.getParent?.(element);
  }

  resolveTreeItem(item: vscode.TreeItem, element: Element, token: vscode.CancellationToken): vscode.ProviderResult<vscode.TreeItem> {
    return element === FAILED || !this.target?.resolveTreeItem ? item : this.target.resolveTreeItem(item, element, token);
  }

  dispose(): void {
    this.subscriptions.dispose();
  }
}

/** Drops on a view before its feature loaded: the feature loads and takes them. */
export class LazyDropController implements vscode.TreeDragAndDropController<Element> {
  readonly dragMimeTypes: readonly string[] = [];
  private target: vscode.TreeDragAndDropController<Element> | undefined;

  constructor(readonly dropMimeTypes: readonly string[], private readonly load: () => void) {}

  attach(controller: vscode.TreeDragAndDropController<Element>): void {
    this.target = controller;
  }

  async handleDrop(target: Element, data: vscode.DataTransfer, token: vscode.CancellationToken): Promise<void> {
    if (!this.target) this.load();
    await this.target?.handleDrop?.(target === FAILED ? undefined : target, data, token);
  }
}

export class LazyDocumentProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.emitter.event;
  private target: vscode.TextDocumentContentProvider | undefined;
  private readonly subscriptions = new DisposableStore();

  constructor(private readonly load: () => vscode.TextDocumentContentProvider | undefined) {
    this.subscriptions.add(this.emitter);
  }

  provideTextDocumentContent(uri: vscode.Uri, token: vscode.CancellationToken): vscode.ProviderResult<string> {
    if (!this.target) {
      const target = this.load();
      if (!target) throw new Error(`Nothing provides ${uri.scheme}: documents.`);
      this.target = target;
      if (target.onDidChange) this.subscriptions.add(target.onDidChange((u) => this.emitter.fire(u)));
    }
    return this.target.provideTextDocumentContent(uri, token);
  }

  dispose(): void {
    this.subscriptions.dispose();
  }
}

export class LazyCustomEditor implements vscode.CustomReadonlyEditorProvider {
  constructor(private readonly load: () => vscode.CustomReadonlyEditorProvider | undefined) {}

  private target(viewType: string): vscode.CustomReadonlyEditorProvider {
    const target = this.load();
    if (!target) throw new Error(`Nothing provides the ${viewType} editor.`);
    return target;
  }

  openCustomDocument(uri: vscode.Uri, context: vscode.CustomDocumentOpenContext, token: vscode.CancellationToken): vscode.CustomDocument | Thenable<vscode.CustomDocument> {
    return this.target(uri.toString()).openCustomDocument(uri, context, token);
  }

  resolveCustomEditor(document: vscode.CustomDocument, panel: vscode.WebviewPanel, token: vscode.CancellationToken): Thenable<void> | void {
    return this.target(panel.viewType).resolveCustomEditor(document, panel, token);
  }
}
