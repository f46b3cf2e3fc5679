// Everything a feature asks or tells the person, behind one interface with one spelling of every option.
// Production uses `createEditorUi` (VS Code's pickers, dialogs and notifications); host tests implement
// the same interface with a script (test/host/scripted-ui.ts), since a modal dialog would block them.
import type * as vscode from 'vscode';
import type { AwsErrorTarget } from '../aws/access';
import type { Flow } from '../core/flow';

export interface PickItem<T> {
  label: string;
  description?: string;
  detail?: string;
  value: T;
}

export interface PickOptions<T> {
  title: string;
  placeholder?: string;
  /** The item highlighted first. */
  active?: T;
}

export interface InputOptions {
  title: string;
  prompt?: string;
  value?: string;
  placeholder?: string;
  /** A message while the text can't be accepted; undefined when it can. */
  validate?: (value: string) => string | undefined;
}

export interface ConfirmOptions {
  /** The button that confirms, e.g. "Stop". */
  action: string;
  /** Shown under the question. */
  detail?: string;
}

export type NotifyLevel = 'info' | 'warning' | 'error';

/** Where progress shows: a notification, the status bar, or a view's progress bar. */
export type ProgressLocation = 'notification' | 'window' | { view: string };

export interface OpenDocumentOptions {
  preview?: boolean;
  /** Shows a Markdown document rendered (VS Code's Markdown preview) instead of its source. */
  rendered?: boolean;
  /** Sets the document's language after opening (e.g. `yaml` for an untitled buildspec). */
  language?: string;
  /** Selects this range (0-based lines and characters). */
  selection?: { line: number; character: number; endLine: number; endCharacter: number };
}

/** The failing operation is taken from the error when a client recorded it; `operation` is the fallback. */
export type AwsErrorContext = AwsErrorTarget;

export interface EditorUi {
  pick<T>(items: readonly PickItem<T>[], options: PickOptions<T>): Promise<T | undefined>;
  input(options: InputOptions): Promise<string | undefined>;
  /** A modal question; true only when `options.action` was chosen. */
  confirm(message: string, options: ConfirmOptions): Promise<boolean>;
  /** A non-blocking notification; `onButton` runs if a button is chosen later. */
  notify(level: NotifyLevel, message: string, buttons?: readonly string[], onButton?: (button: string) => void): void;
  withProgress<T>(title: string, task: () => Promise<T>, location?: ProgressLocation): Promise<T>;
  copy(text: string): Promise<void>;
  openExternal(url: string): Promise<void>;
  openDocument(uri: vscode.Uri, options?: OpenDocumentOptions): Promise<void>;
  /** Explains an AWS error with its next steps (sign in, choose a profile, retry…); never blocks. */
  reportAwsError(error: unknown, context: AwsErrorContext, retry?: () => void): void;
  /** Runs a multi-step flow ("Step n of N", Back); undefined when the person cancels. */
  runFlow<R>(flow: Flow<R>): Promise<R | undefined>;
}
