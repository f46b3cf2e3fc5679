// The contract between the activation shell and a feature. The shell registers every contribution at
// activation (commands, views, URI schemes, custom editors) and loads a feature's code — its own bundle,
// with its AWS SDK clients — only when one of them is first used; `activate` then gets a host and
// returns what the contributions delegate to.
import type * as vscode from 'vscode';
import type { AwsAccess } from '../aws/access';
import type { Logger } from '../core/log';
import type { CommandTable } from './commands';
import type { EditorUi } from './ui';

export interface FeatureHost {
  readonly context: vscode.ExtensionContext;
  readonly log: Logger;
  readonly aws: AwsAccess;
  readonly ui: EditorUi;
  /** The view the shell created at activation, from now on filled by `provider` (and taking drops with `drop`). */
  treeView<N>(viewId: string, provider: vscode.TreeDataProvider<N>, drop?: vscode.TreeDragAndDropController<N>): vscode.TreeView<N>;
}

export interface Feature extends vscode.Disposable {
  /** Every command the feature declares, by id. */
  readonly commands: CommandTable;
  /** The content of the URI schemes the feature declares, e.g. `conveyor-log`. */
  readonly documents?: Readonly<Record<string, vscode.TextDocumentContentProvider>>;
  /** The custom editors the feature declares, by view type. */
  readonly customEditors?: Readonly<Record<string, vscode.CustomReadonlyEditorProvider>>;
}

/** What a feature bundle exports. */
export interface FeatureModule {
  activate(host: FeatureHost): Feature;
}
