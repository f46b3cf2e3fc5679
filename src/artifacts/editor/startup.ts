// Whether the Artifacts feature must start with VS Code: a CodeArtifact login to refresh and hand to
// terminals. Small on purpose: the activation shell reads it without loading the feature.
import type * as vscode from 'vscode';

export const LOGINS_KEY = 'conveyor.codeartifact.logins';

export function hasActiveLogins(globalState: Pick<vscode.Memento, 'get'>): boolean {
  const logins = globalState.get<unknown>(LOGINS_KEY);
  return Array.isArray(logins) && logins.length > 0;
}
