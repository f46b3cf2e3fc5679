import * as vscode from 'vscode';
import type { Logger } from '../../core/log';
import { DiagnosticsUpdater } from './diagnostics';
import { SpecDocuments } from './documents';
import { CompletionProvider, FoldingProvider, HoverProvider, QuickFixProvider, SymbolProvider } from './providers';
import { SECTION } from './settings';

/**
 * Buildspec and appspec support in the editor: Problems while typing, completion, hover, quick fixes,
 * outline and folding for YAML and JSON documents recognised by name, content or the
 * `conveyor.validation.files` setting, plus the inline buildspecs of CloudFormation templates.
 */
export function registerValidation(context: Pick<vscode.ExtensionContext, 'subscriptions'>, log: Logger): void {
  const documents = new SpecDocuments();
  const updater = new DiagnosticsUpdater(documents, log);
  const selector: vscode.DocumentSelector = [
    { language: 'yaml' }, { language: 'json' }, { language: 'jsonc' },
  ];
  context.subscriptions.push(
    updater,
    vscode.workspace.onDidOpenTextDocument((d) => updater.update(d)),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length > 0) updater.schedule(e.document);
    }),
    vscode.workspace.onDidSaveTextDocument((d) => {
      documents.invalidate(d);
      updater.update(d);
    }),
    vscode.workspace.onDidCloseTextDocument((d) => {
      documents.invalidate(d);
      updater.forget(d);
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration(SECTION)) return;
      documents.invalidate();
      updater.updateAll();
    }),
    // Hook scripts appearing or disappearing change appspec warnings.
    vscode.workspace.onDidCreateFiles(() => revalidateAppspecs()),
    vscode.workspace.onDidDeleteFiles(() => revalidateAppspecs()),
    vscode.workspace.onDidRenameFiles(() => revalidateAppspecs()),
    vscode.languages.registerCompletionItemProvider(selector, new CompletionProvider(documents), ':', '-', '"'),
    vscode.languages.registerHoverProvider(selector, new HoverProvider(documents)),
    vscode.languages.registerCodeActionsProvider(selector, new QuickFixProvider(documents), { providedCodeActionKinds: QuickFixProvider.kinds }),
    vscode.languages.registerDocumentSymbolProvider(selector, new SymbolProvider(documents), { label: 'Conveyor' }),
    vscode.languages.registerFoldingRangeProvider(selector, new FoldingProvider(documents)),
  );

  function revalidateAppspecs(): void {
    for (const d of vscode.workspace.textDocuments) {
      if (documents.kindOf(d) !== 'appspec') continue;
      documents.invalidate(d);
      updater.update(d);
    }
  }

  updater.updateAll();
  log.info('Buildspec and appspec validation ready');
}
