// Writes a generated project to disk: never overwrites a file without a modal confirmation that
// lists every conflicting file; then offers to install dependencies.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { EditorUi } from '../../editor/ui';
import { conflictingFiles, type GeneratedProject } from '../generate/index';

/** Asks before overwriting; resolves to true only on an explicit "Overwrite". */
export type ConfirmOverwrite = (folder: string, files: string[]) => Promise<boolean>;

const MAX_LISTED = 15;

/** Asks before overwriting; true only on an explicit "Overwrite". */
export async function confirmOverwrite(ui: Pick<EditorUi, 'confirm'>, folder: string, files: readonly string[]): Promise<boolean> {
  const listed = files.slice(0, MAX_LISTED).map((f) => `• ${f}`).join('\n');
  const more = files.length > MAX_LISTED ? `\n…and ${files.length - MAX_LISTED} more` : '';
  return ui.confirm(`${folder} already has ${files.length} of the files this project needs. Overwrite them?`, { detail: `${listed}${more}`, action: 'Overwrite' });
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

export type WriteOutcome = { written: string[]; overwritten: string[] } | { cancelled: true; conflicts: string[] };

export async function writeProject(folder: string, project: GeneratedProject, confirm: ConfirmOverwrite): Promise<WriteOutcome> {
  const root = vscode.Uri.file(folder);
  const paths = Object.keys(project.files);
  const present = new Set<string>();
  await Promise.all(paths.map(async (p) => { if (await exists(vscode.Uri.joinPath(root, p))) present.add(p); }));
  const conflicts = conflictingFiles(project, (p) => present.has(p));
  if (conflicts.length > 0 && !(await confirm(folder, conflicts))) return { cancelled: true, conflicts };
  const encoder = new TextEncoder();
  for (const [relative, content] of Object.entries(project.files)) {
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(root, relative), encoder.encode(content));
  }
  return { written: paths, overwritten: conflicts };
}

/** Offers the install in a terminal (or the README) without waiting for the answer. */
export function offerInstall(ui: Pick<EditorUi, 'notify'>, folder: string, command: string): void {
  const run = `Run ${command.length > 40 ? 'install' : command}`;
  ui.notify('info', `Created the CDK pipeline project in ${path.basename(folder)}. Install its dependencies now?`, [run, 'Open README'], (choice) => {
    if (choice === 'Open README') {
      void vscode.commands.executeCommand('markdown.showPreview', vscode.Uri.joinPath(vscode.Uri.file(folder), 'README.md'));
      return;
    }
    const terminal = vscode.window.createTerminal({ name: 'CDK pipeline: install', cwd: folder });
    terminal.show();
    terminal.sendText(command, true);
  });
}
