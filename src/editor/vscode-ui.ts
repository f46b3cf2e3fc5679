// The production EditorUi: VS Code's quick picks, input boxes, modal dialogs, notifications and progress.
import * as vscode from 'vscode';
import type { AwsAccess } from '../aws/access';
import { runFlowInQuickInput, type StepListener } from './flow-input';
import type { EditorUi, ProgressLocation } from './ui';

export interface EditorUiDeps {
  aws: Pick<AwsAccess, 'showError'>;
  /** Follows multi-step flows step by step (the real-quick-input host test). */
  onDidShowStep?: StepListener;
}

function progressLocation(location: ProgressLocation): vscode.ProgressOptions['location'] {
  if (location === 'notification') return vscode.ProgressLocation.Notification;
  if (location === 'window') return vscode.ProgressLocation.Window;
  return { viewId: location.view };
}

export function createEditorUi(deps: EditorUiDeps): EditorUi {
  return {
    pick(items, options) {
      type Item = vscode.QuickPickItem & { index: number };
      const qp = vscode.window.createQuickPick<Item>();
      qp.title = options.title;
      qp.placeholder = options.placeholder ?? '';
      qp.matchOnDescription = true;
      qp.matchOnDetail = true;
      qp.ignoreFocusOut = true;
      qp.items = items.map((i, index) => ({ label: i.label, ...(i.description ? { description: i.description } : {}), ...(i.detail ? { detail: i.detail } : {}), index }));
      const active = options.active === undefined ? -1 : items.findIndex((i) => i.value === options.active);
      const activeItem = qp.items[active];
      if (activeItem) qp.activeItems = [activeItem];
      return new Promise((resolve) => {
        let accepted = false;
        qp.onDidAccept(() => {
          const chosen = qp.selectedItems[0] ?? qp.activeItems[0];
          accepted = chosen !== undefined;
          resolve(chosen ? items[chosen.index]?.value : undefined);
          qp.hide();
        });
        qp.onDidHide(() => {
          if (!accepted) resolve(undefined);
          qp.dispose();
        });
        qp.show();
      });
    },
    async input(options) {
      return vscode.window.showInputBox({
        title: options.title, ignoreFocusOut: true,
        ...(options.prompt ? { prompt: options.prompt } : {}),
        ...(options.value !== undefined ? { value: options.value } : {}),
        ...(options.placeholder ? { placeHolder: options.placeholder } : {}),
        ...(options.validate ? { validateInput: (v: string) => options.validate?.(v) ?? null } : {}),
      });
    },
    async confirm(message, options) {
      const chosen = await vscode.window.showWarningMessage(message, { modal: true, ...(options.detail ? { detail: options.detail } : {}) }, options.action);
      return chosen === options.action;
    },
    notify(level, message, buttons = [], onButton) {
      const show = level === 'error' ? vscode.window.showErrorMessage : level === 'warning' ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
      void Promise.resolve(show(message, ...buttons)).then((b) => {
        if (b) onButton?.(b);
      });
    },
    async withProgress(title, task, location = 'notification') {
      return vscode.window.withProgress({ location: progressLocation(location), title, cancellable: false }, () => task());
    },
    async copy(text) {
      await vscode.env.clipboard.writeText(text);
    },
    async openExternal(url) {
      await vscode.env.openExternal(vscode.Uri.parse(url, true));
    },
    async openDocument(uri, options = {}) {
      let doc = await vscode.workspace.openTextDocument(uri);
      if (options.rendered) {
        await vscode.commands.executeCommand('markdown.showPreview', doc.uri);
        return;
      }
      if (options.language && doc.languageId !== options.language) doc = await vscode.languages.setTextDocumentLanguage(doc, options.language);
      const s = options.selection;
      await vscode.window.showTextDocument(doc, {
        preview: options.preview ?? true,
        ...(s ? { selection: new vscode.Range(s.line, s.character, s.endLine, s.endCharacter) } : {}),
      });
    },
    reportAwsError(error, context, retry) {
      void deps.aws.showError(error, context).then((choice) => {
        if (choice === 'retry') retry?.();
      });
    },
    runFlow(flow) {
      return runFlowInQuickInput(flow, deps.onDidShowStep);
    },
  };
}
