// Whether the Artifacts feature must start with VS Code: a CodeArtifact login to refresh and hand to
// terminals, or an interrupted change of the login record to repair. Small on purpose: the activation
// shell reads it without loading the feature (unit-tested against the record's own names).
import * as fs from 'node:fs';
import * as path from 'node:path';
import type * as vscode from 'vscode';

/** The login record in global storage (login/record-store.ts RECORD_FILE). */
export const RECORD_FILE = 'codeartifact-manifest.json';
/** Where versions before the shared record kept the logins (editor/store.ts LEGACY_LOGINS_KEY). */
export const LEGACY_LOGINS_KEY = 'conveyor.codeartifact.logins';

function nonEmpty(value: unknown): boolean {
  return Array.isArray(value) && value.length > 0;
}

export function hasLoginState(context: Pick<vscode.ExtensionContext, 'globalState'> & { globalStorageUri: { fsPath: string } }): boolean {
  if (nonEmpty(context.globalState.get<unknown>(LEGACY_LOGINS_KEY))) return true;
  const record = path.join(context.globalStorageUri.fsPath, RECORD_FILE);
  let text: string;
  try {
    text = fs.readFileSync(record, 'utf8');
  } catch {
    return false;
  }
  try {
    const o = JSON.parse(text) as { active?: unknown; logins?: unknown; pending?: unknown };
    return nonEmpty(o.active) || nonEmpty(o.logins) || (o.pending !== undefined && o.pending !== null);
  } catch {
    return true; // unreadable: the feature explains or repairs it
  }
}
