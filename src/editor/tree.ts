// The one tree pattern: a pure model lists nodes and presents each one (src/core/tree.ts); this
// provider turns presentations into TreeItems and the model's change events into refreshes.
import * as vscode from 'vscode';
import type { Disposable } from '../core/disposables';
import type { NodePresentation } from '../core/tree';

const COLLAPSIBLE: Record<NodePresentation['collapsible'], vscode.TreeItemCollapsibleState> = {
  none: vscode.TreeItemCollapsibleState.None,
  collapsed: vscode.TreeItemCollapsibleState.Collapsed,
  expanded: vscode.TreeItemCollapsibleState.Expanded,
};

export function toTreeItem(p: NodePresentation, node: unknown): vscode.TreeItem {
  const item = new vscode.TreeItem(p.label, COLLAPSIBLE[p.collapsible]);
  item.id = p.id;
  if (p.description) item.description = p.description;
  item.contextValue = p.contextValue;
  if (p.icon) item.iconPath = new vscode.ThemeIcon(p.icon.id, p.icon.color ? new vscode.ThemeColor(p.icon.color) : undefined);
  if (p.tooltip) {
    const md = new vscode.MarkdownString(p.tooltip, true);
    md.isTrusted = false;
    item.tooltip = md;
  }
  if (p.command) item.command = { command: p.command.id, title: p.command.title, arguments: [...(p.command.args ?? [node])] };
  return item;
}

/** What a view shows, without editor types. */
export interface TreeModel<N> {
  children(node?: N): Promise<readonly N[]>;
  present(node: N): NodePresentation;
  parent?(node: N): N | undefined;
  /** `undefined`: everything changed. */
  onDidChange(listener: (nodes: readonly N[] | undefined) => void): Disposable;
}

/**
 * The expansion the person chose, by item id. VS Code keeps it while a node stays in the tree; a node that
 * comes back (a profile switch and back, a list that failed and loaded again) opens as it was left.
 */
export class ExpansionMemory<N> {
  private readonly expanded = new Set<string>();

  /** `restored` hears of each node shown expanded from memory (the explorer then loads and polls it). */
  constructor(private readonly restored: (node: N) => void = () => undefined) {}

  set(id: string, expanded: boolean): void {
    if (expanded) this.expanded.add(id);
    else this.expanded.delete(id);
  }

  has(id: string): boolean {
    return this.expanded.has(id);
  }

  /** The presentation, expanded when the person left it expanded. */
  present(p: NodePresentation, node: N): NodePresentation {
    if (p.collapsible !== 'collapsed' || !this.expanded.has(p.id)) return p;
    this.restored(node);
    return { ...p, collapsible: 'expanded' };
  }
}

export class ModelTreeProvider<N> implements vscode.TreeDataProvider<N>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<N | N[] | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly subscription: Disposable;

  constructor(private readonly model: TreeModel<N>, private readonly expansion?: ExpansionMemory<N>) {
    this.subscription = model.onDidChange((nodes) => this.emitter.fire(nodes ? [...nodes] : undefined));
  }

  getTreeItem(node: N): vscode.TreeItem {
    const p = this.model.present(node);
    return toTreeItem(this.expansion ? this.expansion.present(p, node) : p, node);
  }

  async getChildren(node?: N): Promise<N[]> {
    return [...await this.model.children(node)];
  }

  getParent(node: N): N | undefined {
    return this.model.parent?.(node);
  }

  /** Re-renders the given nodes, or everything. */
  refresh(nodes?: readonly N[]): void {
    this.emitter.fire(nodes ? [...nodes] : undefined);
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }
}
