// Everything the pipeline commands ask of the person, behind one interface: the real one uses VS Code's
// pickers and dialogs; host tests script the answers (a modal dialog would block an unattended run).
import * as vscode from 'vscode';
import type { AwsAccess } from '../../aws/access';
import type { ServiceId } from '../../aws/clients';

export interface PickItem<T> {
  label: string;
  description?: string;
  detail?: string;
  value: T;
  picked?: boolean;
}

export interface InputOptions {
  title: string;
  prompt: string;
  value?: string;
  placeHolder?: string;
  validate?: (value: string) => string | undefined;
}

export interface ErrorContext {
  service: ServiceId;
  operation: string;
  target?: { profile: string; region: string };
}

export interface PipelinesUi {
  pick<T>(items: readonly PickItem<T>[], options: { title: string; placeHolder?: string }): Promise<T | undefined>;
  input(options: InputOptions): Promise<string | undefined>;
  /** A modal confirmation; resolves true only when `action` was chosen. */
  confirm(message: string, detail: string, action: string): Promise<boolean>;
  /** A non-blocking notification; `onButton` runs if a button is chosen later. */
  notify(level: 'info' | 'warning' | 'error', message: string, buttons?: readonly string[], onButton?: (button: string) => void): void;
  /** Explains an AWS error with its actions (sign in, select profile…); never blocks the caller. */
  reportAwsError(error: unknown, context: ErrorContext, retry?: () => void): void;
  withProgress<T>(title: string, task: () => Promise<T>): Promise<T>;
  openExternal(url: string): Promise<void>;
  copy(text: string): Promise<void>;
}

export function createVscodeUi(aws: AwsAccess): PipelinesUi {
  return {
    async pick(items, options) {
      const picked = await vscode.window.showQuickPick(items.map((i) => ({ ...i, value: undefined, item: i })), {
        title: options.title, placeHolder: options.placeHolder, matchOnDescription: true, matchOnDetail: true, ignoreFocusOut: true,
      });
      return picked?.item.value;
    },
    input(options) {
      return Promise.resolve(vscode.window.showInputBox({
        title: options.title, prompt: options.prompt, value: options.value, placeHolder: options.placeHolder, ignoreFocusOut: true,
        ...(options.validate ? { validateInput: (v: string) => options.validate?.(v) ?? null } : {}),
      }));
    },
    async confirm(message, detail, action) {
      const chosen = await vscode.window.showWarningMessage(message, { modal: true, detail }, action);
      return chosen === action;
    },
    notify(level, message, buttons = [], onButton) {
      const show = level === 'error' ? vscode.window.showErrorMessage : level === 'warning' ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
      void Promise.resolve(show(message, ...buttons)).then((b) => {
        if (b) onButton?.(b);
      });
    },
    reportAwsError(error, context, retry) {
      void aws.showError(error, context).then((choice) => {
        if (choice === 'retry') retry?.();
      });
    },
    withProgress(title, task) {
      return Promise.resolve(vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: false }, () => task()));
    },
    async openExternal(url) {
      await vscode.env.openExternal(vscode.Uri.parse(url, true));
    },
    async copy(text) {
      await vscode.env.clipboard.writeText(text);
    },
  };
}
