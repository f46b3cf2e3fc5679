// The CodeBuild view on the kit's tree pattern (ModelTreeProvider): the explorer lists and presents nodes; change ids
// from the explorer become refreshes of exactly those nodes.
import type { Disposable } from '../../core/disposables';
import { parseTreeId } from '../../core/tree';
import type { TreeModel } from '../../editor/tree';
import { ROOT_ID, type CodeBuildExplorer } from '../model/explorer';
import { parentOf } from '../model/keys';
import type { TreeNode } from '../model/tree';
import type { ProjectKey } from '../model/types';

/** The explorer as the kit's TreeModel. */
export function treeModelOf(explorer: CodeBuildExplorer, isWatched: (key: ProjectKey) => boolean): TreeModel<TreeNode> {
  return {
    children: (node) => explorer.getChildren(node),
    present(node) {
      const p = explorer.present(node);
      if (node.kind !== 'project' || !isWatched(node.key)) return p;
      return { ...p, contextValue: `${p.contextValue}:watched`, tooltip: `${p.tooltip ?? ''}\n\n$(eye) Watched: Conveyor tells you when its builds end.` };
    },
    parent(node) {
      const id = node.kind === 'message' ? node.parentId : parentOf(node.id);
      const found = id === undefined ? undefined : explorer.tree.get(id);
      // A single root account is not a node of its own: its projects are the top level.
      return found && !(found.kind === 'target' && !explorer.tree.multiRoot) ? found : undefined;
    },
    onDidChange(listener): Disposable {
      return explorer.onDidChange((ids) => {
        if (ids.includes(ROOT_ID)) {
          listener(undefined);
          return;
        }
        const nodes: TreeNode[] = [];
        for (const id of ids) {
          const node = explorer.tree.get(id);
          // The single root's change (or a node the view never showed) means the top level.
          if (!node || (node.kind === 'target' && !explorer.tree.multiRoot)) {
            if (!node && !isTargetId(id)) continue;
            listener(undefined);
            return;
          }
          nodes.push(node);
        }
        if (nodes.length) listener(nodes);
      });
    },
  };
}

function isTargetId(id: string): boolean {
  return parseTreeId(id)?.kind === 'T';
}
