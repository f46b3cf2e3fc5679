// Which open documents are buildspecs, appspecs or templates with inline buildspecs: by name, by the
// `conveyor.validation.files` associations, or by content. Small on purpose: the activation shell
// uses it to load validation only when such a document is opened.
import * as vscode from 'vscode';
import { detectKind, type SpecKind } from 'conveyor-lint/detect';
import { workspaceSpecGlobs } from '../workspace-globs';
import { readSettings } from './settings';

/** The documents the language client hands to the server are those of these schemes and languages. */
export const EDITABLE_SCHEMES: ReadonlySet<string> = new Set(['file', 'untitled', 'vscode-remote', 'vscode-vfs']);

export const SPEC_LANGUAGES: ReadonlySet<string> = new Set(['yaml', 'json', 'jsonc', 'plaintext', 'dockercompose', 'github-actions-workflow']);

export function detectDocumentKind(document: vscode.TextDocument): SpecKind | undefined {
  // Only what the person edits: not the git:/diff copies VS Code opens for quick diff and history,
  // whose problems would show twice.
  if (!EDITABLE_SCHEMES.has(document.uri.scheme) || !SPEC_LANGUAGES.has(document.languageId)) return undefined;
  const settings = readSettings(document.uri);
  if (!settings.enabled) return undefined;
  const relative = vscode.workspace.asRelativePath(document.uri, false);
  const kind = detectKind(document.getText(), { path: relative, associations: settings.files, byContent: settings.detectByContent });
  if (kind === 'cloudformation' && !settings.cloudFormation) return undefined;
  return kind;
}

/** The globs of the files whose presence in the workspace starts validation; none when it is off. */
export function workspaceSpecPatterns(): string[] {
  const settings = readSettings();
  return settings.enabled ? workspaceSpecGlobs(settings.files) : [];
}
