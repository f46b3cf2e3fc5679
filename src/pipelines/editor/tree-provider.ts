// The VS Code side of the Pipelines tree: turns explorer nodes into TreeItems and the explorer's
// change ids into onDidChangeTreeData events for exactly those nodes.
import * as vscode from 'vscode';
import { parentOf } from '../model/diff';
import { ROOT_ID, type PipelineExplorer } from '../model/explorer';
import type { TreeNode } from '../model/tree';
import { parseTreeId } from '../../core/tree';
import { toTreeItem, type ExpansionMemory } from '../../editor/tree';

export class PipelinesTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<TreeNode | TreeNode[] | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  /** Descriptions as last rendered, so the minute tick refreshes only rows whose "5 min ago" moved. */
  private readonly rendered = new Map<string, string>();
  private readonly subscription: { dispose(): void };
  /** Every batch of node ids the provider fired (host tests check that only changed nodes refresh). */
  readonly fired: string[][] = [];

  constructor(private readonly explorer: PipelineExplorer, private readonly expansion?: ExpansionMemory<TreeNode>) {
    this.subscription = explorer.onDidChange((ids) => this.refreshNodes(ids));
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    const p = this.explorer.present(node);
    this.rendered.set(p.id, p.description ?? '');
    return toTreeItem(this.expansion ? this.expansion.present(p, node) : p, node);
  }

  getChildren(node?: TreeNode): Promise<TreeNode[]> {
    return this.explorer.getChildren(node);
  }

  getParent(node: TreeNode): TreeNode | undefined {
    const parent = parentOf(node.id);
    if (parent === undefined) return undefined;
    const found = this.explorer.tree.get(parent);
    return found && !(found.kind === 'target' && !this.explorer.tree.multiRoot) ? found : undefined;
  }

  /** Re-renders rows whose relative time text changed (called every minute while visible). */
  tick(): void {
    const changed: string[] = [];
    for (const [id, description] of this.rendered) {
      const node = this.explorer.tree.get(id);
      if (!node) continue;
      if ((this.explorer.present(node).description ?? '') !== description) changed.push(id);
    }
    if (changed.length) this.refreshNodes(changed);
  }

  refreshAll(): void {
    this.record([ROOT_ID]);
    this.emitter.fire(undefined);
  }

  /** Fires a change for the nodes with these ids (those the view has seen). */
  refreshNodes(ids: readonly string[]): void {
    if (ids.includes(ROOT_ID)) {
      this.refreshAll();
      return;
    }
    const nodes: TreeNode[] = [];
    for (const id of ids) {
      const node = this.explorer.tree.get(id);
      if (!node) {
        // A single root is not a node of its own: its change means the top level.
        if (isTargetId(id) && !this.explorer.tree.multiRoot) {
          this.refreshAll();
          return;
        }
        continue;
      }
      nodes.push(node);
    }
    if (!nodes.length) return;
    this.record(nodes.map((n) => n.id));
    this.emitter.fire(nodes);
  }

  private record(ids: string[]): void {
    this.fired.push(ids);
    if (this.fired.length > 500) this.fired.splice(0, this.fired.length - 500);
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }
}

function isTargetId(id: string): boolean {
  return parseTreeId(id)?.kind === 'T';
}
