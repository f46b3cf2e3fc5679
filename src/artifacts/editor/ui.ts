// Everything the Artifacts commands ask or tell the person, behind one interface: host tests script
// it (a modal dialog would block an unattended run); the editor's own UI otherwise.
import * as vscode from 'vscode';

export interface PickItem<T> {
  label: string;
  description?: string;
  detail?: string;
  value: T;
}

export interface ArtifactsUi {
  pick<T>(items: readonly PickItem<T>[], options: { title: string; placeholder?: string; active?: T }): Promise<T | undefined>;
  input(options: { title: string; prompt?: string; value?: string; placeholder?: string; validate?: (value: string) => string | undefined }): Promise<string | undefined>;
  /** A modal question with one action button; true when it was pressed. */
  confirm(message: string, action: string): Promise<boolean>;
  /** A notification; buttons call back without the command waiting for them. */
  notify(level: 'info' | 'warning' | 'error', message: string, buttons?: readonly string[], onButton?: (button: string) => void): void;
  withProgress<T>(title: string, task: () => Promise<T>): Promise<T>;
  copy(text: string): Promise<void>;
  open(uri: vscode.Uri, options?: { preview?: boolean; language?: string }): Promise<void>;
}

export function createVscodeUi(): ArtifactsUi {
  return {
    async pick(items, options) {
      type Item = vscode.QuickPickItem & { value: (typeof items)[number]['value'] };
      const qp = vscode.window.createQuickPick<Item>();
      qp.title = options.title;
      qp.placeholder = options.placeholder ?? '';
      qp.matchOnDescription = true;
      qp.items = items.map((i) => ({ label: i.label, ...(i.description ? { description: i.description } : {}), ...(i.detail ? { detail: i.detail } : {}), value: i.value }));
      const active = qp.items.find((i) => options.active !== undefined && i.value === options.active);
      if (active) qp.activeItems = [active];
      return new Promise((resolve) => {
        let done = false;
        qp.onDidAccept(() => {
          done = true;
          resolve(qp.selectedItems[0]?.value ?? qp.activeItems[0]?.value);
          qp.hide();
        });
        qp.onDidHide(() => {
          if (!done) resolve(undefined);
          qp.dispose();
        });
        qp.show();
      });
    },
    async input(options) {
      return vscode.window.showInputBox({
        title: options.title, ...(options.prompt ? { prompt: options.prompt } : {}), ...(options.value !== undefined ? { value: options.value } : {}),
        ...(options.placeholder ? { placeHolder: options.placeholder } : {}), ignoreFocusOut: true,
        ...(options.validate ? { validateInput: options.validate } : {}),
      });
    },
    async confirm(message, action) {
      return (await vscode.window.showWarningMessage(message, { modal: true }, action)) === action;
    },
    notify(level, message, buttons = [], onButton) {
      const show = level === 'error' ? vscode.window.showErrorMessage : level === 'warning' ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
      void show(message, ...buttons).then((b) => { if (b && onButton) onButton(b); });
    },
    async withProgress(title, task) {
      return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: false }, task);
    },
    async copy(text) {
      await vscode.env.clipboard.writeText(text);
    },
    async open(uri, options) {
      let doc = await vscode.workspace.openTextDocument(uri);
      if (options?.language && doc.languageId !== options.language) doc = await vscode.languages.setTextDocumentLanguage(doc, options.language);
      await vscode.window.showTextDocument(doc, { preview: options?.preview ?? true });
    },
  };
}
