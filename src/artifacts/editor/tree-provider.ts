// The Artifacts view: renders the pure model's nodes as TreeItems.
import * as vscode from 'vscode';
import { SHOW_ERROR_DETAILS } from '../../aws/error-rows';
import { loginBadge } from '../tree/login-badge';
import { errorDetailsOf, type ArtifactsModel } from '../tree/model';
import type { ArtifactNode } from '../tree/nodes';

export class ArtifactsTreeProvider implements vscode.TreeDataProvider<ArtifactNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<ArtifactNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly parents = new Map<string, ArtifactNode | undefined>();

  /**
   * `profile`: the profile the view lists, named by an error row's details (for Run aws sso login);
   * `logins`: the active CodeArtifact logins, shown on their repositories' rows.
   */
  constructor(readonly model: ArtifactsModel, private readonly profile: () => string | undefined,
    private readonly logins: () => Parameters<typeof loginBadge>[1] = () => []) {}

  refresh(node?: ArtifactNode): void {
    this.emitter.fire(node);
  }

  getTreeItem(node: ArtifactNode): vscode.TreeItem {
    const item = new vscode.TreeItem(node.label, node.collapsible ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.id = node.id;
    if (node.description !== undefined) item.description = node.description;
    if (node.tooltip !== undefined) item.tooltip = node.tooltip;
    item.contextValue = node.contextValue;
    const color = node.data.kind === 'error' ? new vscode.ThemeColor('errorForeground')
      : node.data.kind === 'version' && node.data.status && node.data.status !== 'Published' ? new vscode.ThemeColor('disabledForeground') : undefined;
    item.iconPath = new vscode.ThemeIcon(node.icon, color);
    const badge = node.data.kind === 'repository' ? loginBadge(node.data.ref, this.logins()) : undefined;
    if (badge) {
      item.description = [badge, node.description].filter(Boolean).join(' · ');
      item.iconPath = new vscode.ThemeIcon('key');
    }
    if (node.data.kind === 'loadMore') item.command = { command: 'conveyor.artifacts.loadMore', title: 'Load more', arguments: [node] };
    if (node.data.kind === 'version') item.command = { command: 'conveyor.artifacts.showDetails', title: 'Show details', arguments: [node] };
    const details = errorDetailsOf(node, this.profile(), this.getParent(node));
    if (details) item.command = { command: SHOW_ERROR_DETAILS, title: 'Show Details', arguments: [details] };
    return item;
  }

  async getChildren(node?: ArtifactNode): Promise<ArtifactNode[]> {
    // No profile at all: no rows, so VS Code shows the view's "Choose an AWS profile" welcome (not an error row).
    if (!node && this.profile() === undefined) return [];
    const children = node ? await this.model.children(node) : await this.model.roots();
    for (const c of children) this.parents.set(c.id, node);
    return children;
  }

  getParent(node: ArtifactNode): ArtifactNode | undefined {
    return this.parents.get(node.id);
  }

  dispose(): void {
    this.emitter.dispose();
  }
}
