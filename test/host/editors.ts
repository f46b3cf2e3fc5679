// Putting editors back between host tests by document, never by "whatever editor is active": on a
// busy machine a panel or another editor may have taken the focus by the time a test ends, and a
// revert of the active editor then leaves the changed document for the next test to trip over.
import * as vscode from 'vscode';
import { eventually } from './waits';

/** Makes `document` the active editor and waits until it is. */
async function activate(document: vscode.TextDocument): Promise<void> {
  await vscode.window.showTextDocument(document, { preview: false });
  await eventually(`${document.uri.toString()} to be the active editor`, () => vscode.window.activeTextEditor?.document === document,
    { seen: () => `active: ${vscode.window.activeTextEditor?.document.uri.toString() ?? 'no text editor'}` });
}

/** Reverts `uri` to what is on disk, if it has unsaved changes. */
export async function revertDocument(uri: vscode.Uri): Promise<void> {
  const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (!document?.isDirty) return;
  await activate(document);
  await vscode.commands.executeCommand('workbench.action.files.revert');
  await eventually(`${uri.toString()} to be reverted`, () => !document.isDirty);
}

/**
 * Reverts every document with unsaved changes (closing untitled ones), then closes all editors, and
 * waits until the extension host has dropped the untitled documents: the next untitled document takes
 * the same name (`untitled:Untitled-1`), and until the old one is gone `openTextDocument({ content })`
 * hands back the old document for that name (VS Code's ensureDocumentData answers from its cache).
 */
export async function revertAndCloseAll(): Promise<void> {
  const untitled: vscode.TextDocument[] = [];
  for (const document of vscode.workspace.textDocuments.filter((d) => d.isDirty)) {
    if (document.isUntitled) untitled.push(document);
    await activate(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await eventually(`${document.uri.toString()} to be reverted`, () => !document.isDirty || document.isClosed);
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await eventually('the reverted untitled documents to be closed in the extension host', () => untitled.every((d) => d.isClosed),
    { seen: () => `still open: ${untitled.filter((d) => !d.isClosed).map((d) => d.uri.toString()).join(', ')}` });
}
