// The buildspec/appspec validation bundle: loaded when such a document is opened (see
// detect-document.ts), with the YAML parser, the schemas and the rules.
import type * as vscode from 'vscode';
import { DisposableStore } from '../../core/disposables';
import type { Feature, FeatureHost } from '../../editor/feature';
import { registerValidation } from './register';

export function activate(host: FeatureHost): Feature {
  const subscriptions: vscode.Disposable[] = [];
  registerValidation({ subscriptions }, host.log);
  const store = new DisposableStore();
  store.addAll(...subscriptions);
  return { commands: {}, dispose: () => store.dispose() };
}
