// Stand-ins the shell registers at activation for a feature's views, documents and custom editors:
// the first time VS Code asks one of them for something, the feature is loaded (`load`, which waits
// for what features need, e.g. the AWS session) and takes over.
import { channel } from 'node:diagnostics_channel';
import * as vscode from 'vscode';
import { DisposableStore } from '../core/disposables';
import { SHOW_LOG_COMMAND } from './commands';

/** Published when VS Code asks a view for its top rows (the activation benchmark's timeline subscribes). */
export const VIEW_ROWS_CHANNEL = 'conveyor:view-rows';
const viewRows = channel(VIEW_ROWS_CHANNEL);

/** The single row a view shows when its feature could not start. */
const FAILED = Symbol('feature failed to start');
type Element = unknown;

export class LazyTreeProvider implements vscode.TreeDataProvider<Element>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<Element>(); // Element is unknown: it covers the arrays and undefined
  readonly onDidChangeTreeData = this.emitter.event;
  private target: vscode.TreeDataProvider<Element> | undefined;
  private readonly subscriptions = new DisposableStore();
  private failure: string | undefined;
  private loading: Promise<vscode.TreeDataProvider<Element> | undefined> | undefined;

  /** `load` loads the feature, which attaches its provider (or rejects). */
  constructor(private readonly feature: string, private readonly load: () => Promise<void>) {
    this.subscriptions.add(this.emitter);
  }

  attach(provider: vscode.TreeDataProvider<Element>): void {
    this.target = provider;
    if (provider.onDidChangeTreeData) this.subscriptions.add(provider.onDidChangeTreeData((e) => this.emitter.fire(e)));
    this.emitter.fire(undefined);
  }

  private ensure(): Promise<vscode.TreeDataProvider<Element> | undefined> {
    this.loading ??= this.load().then(() => this.target, (err: unknown) => {
      this.failure = err instanceof Error ? err.message : String(err);
      return undefined;
    });
    return this.loading;
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
    if (element === undefined && viewRows.hasSubscribers) viewRows.publish({ feature: this.feature, loaded: this.target !== undefined });
    if (this.target) return this.target.getChildren(element);
    return this.ensure().then((target) => (target ? target.getChildren(element) : element === undefined ? [FAILED] : []));
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

  constructor(readonly dropMimeTypes: readonly string[], private readonly load: () => Promise<void>) {}

  attach(controller: vscode.TreeDragAndDropController<Element>): void {
    this.target = controller;
  }

  async handleDrop(target: Element, data: vscode.DataTransfer, token: vscode.CancellationToken): Promise<void> {
    if (!this.target) await this.load();
    await this.target?.handleDrop?.(target === FAILED ? undefined : target, data, token);
  }
}

export class LazyDocumentProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.emitter.event;
  private target: vscode.TextDocumentContentProvider | undefined;
  private readonly subscriptions = new DisposableStore();

  constructor(private readonly load: () => Promise<vscode.TextDocumentContentProvider | undefined>) {
    this.subscriptions.add(this.emitter);
  }

  provideTextDocumentContent(uri: vscode.Uri, token: vscode.CancellationToken): vscode.ProviderResult<string> {
    if (this.target) return this.target.provideTextDocumentContent(uri, token);
    return this.load().then((target) => {
      if (!target) throw new Error(`Nothing provides ${uri.scheme}: documents.`);
      if (!this.target) {
        this.target = target;
        if (target.onDidChange) this.subscriptions.add(target.onDidChange((u) => this.emitter.fire(u)));
      }
      return target.provideTextDocumentContent(uri, token);
    });
  }

  dispose(): void {
    this.subscriptions.dispose();
  }
}

export class LazyCustomEditor implements vscode.CustomReadonlyEditorProvider {
  constructor(private readonly load: () => Promise<vscode.CustomReadonlyEditorProvider | undefined>) {}

  private async target(viewType: string): Promise<vscode.CustomReadonlyEditorProvider> {
    const target = await this.load();
    if (!target) throw new Error(`Nothing provides the ${viewType} editor.`);
    return target;
  }

  async openCustomDocument(uri: vscode.Uri, context: vscode.CustomDocumentOpenContext, token: vscode.CancellationToken): Promise<vscode.CustomDocument> {
    return (await this.target(uri.toString())).openCustomDocument(uri, context, token);
  }

  async resolveCustomEditor(document: vscode.CustomDocument, panel: vscode.WebviewPanel, token: vscode.CancellationToken): Promise<void> {
    await (await this.target(panel.viewType)).resolveCustomEditor(document, panel, token);
  }
}
