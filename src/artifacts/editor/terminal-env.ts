// Puts the logins' variables into integrated terminals: a project's login only into the terminals of
// the workspace folder that holds the project (a scoped collection), a login made without a folder
// into every terminal of the window; logins of projects this window does not have open into none.
import * as vscode from 'vscode';
import { redactor } from '../../core/redact';
import type { LoginMeta } from '../login/manifest';
import { planLogin, type LoginRequest, type PlanContext } from '../login/plan';
import { terminalVariables } from '../login/terminal-scope';

export async function applyTerminalEnvironment(collection: vscode.GlobalEnvironmentVariableCollection, metas: readonly LoginMeta[],
  token: (id: string) => Promise<string | undefined>, context: PlanContext): Promise<void> {
  const logins: { request: LoginRequest; variables: Record<string, string> }[] = [];
  for (const meta of metas) {
    const value = await token(meta.id);
    if (!value) continue;
    redactor.addSecret(value); // also a token another window refreshed
    try {
      logins.push({ request: meta.request, variables: planLogin(meta.request, context).environment(value) });
    } catch {
      // A login this version cannot plan any more contributes nothing.
    }
  }
  collection.clear();
  collection.description = undefined;
  const folders = vscode.workspace.workspaceFolders ?? [];
  for (const group of terminalVariables(logins, folders.map((f) => f.uri.fsPath))) {
    const folder = folders.find((f) => f.uri.fsPath === group.folder);
    const target = folder ? collection.getScoped({ workspaceFolder: folder }) : collection;
    for (const [name, value] of Object.entries(group.variables)) target.replace(name, value);
    target.description = `CodeArtifact tokens for ${folder ? `terminals in ${folder.name}` : 'integrated terminals'}: ${Object.keys(group.variables).join(', ')}`;
  }
}
