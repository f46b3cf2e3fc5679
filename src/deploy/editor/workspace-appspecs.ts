// The workspace's appspec files as failure-link candidates: found by name, read from the open editor
// when there is one (unsaved edits count) and from disk otherwise.
import * as vscode from 'vscode';
import type { AppSpecCandidate } from '../appspec/failure-link';

const APPSPEC_GLOB = '**/appspec.{yml,yaml,json}';
const EXCLUDE_GLOB = '**/{node_modules,.git,cdk.out}/**';
/** Enough for any real repository; a workspace with more appspecs than this links the first ones. */
const MAX_FILES = 500;

export interface WorkspaceAppSpecs {
  candidates: AppSpecCandidate[];
  /** Candidate path → the file. */
  uris: Map<string, vscode.Uri>;
}

/** Workspace-relative with `/` (the folder name first in a multi-root workspace). */
export function workspacePath(uri: vscode.Uri): string {
  return vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1).replace(/\\/g, '/');
}

export function isAppSpecUri(uri: vscode.Uri): boolean {
  return /(^|\/)appspec\.(ya?ml|json)$/i.test(uri.path);
}

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return open.getText();
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

export async function findWorkspaceAppSpecs(): Promise<WorkspaceAppSpecs> {
  const found = await vscode.workspace.findFiles(APPSPEC_GLOB, EXCLUDE_GLOB, MAX_FILES);
  const candidates: AppSpecCandidate[] = [];
  const uris = new Map<string, vscode.Uri>();
  for (const uri of found.sort((a, b) => a.path.localeCompare(b.path))) {
    const text = await readText(uri);
    if (text === undefined) continue;
    const path = workspacePath(uri);
    candidates.push({ path, text });
    uris.set(path, uri);
  }
  return { candidates, uris };
}

/** A workspace path (as `scriptPathFor` builds it) back to a file, when it exists. */
export async function existingFile(appspec: vscode.Uri, appspecPath: string, relativePath: string): Promise<vscode.Uri | undefined> {
  const prefix = appspecPath.split('/').slice(0, -1).join('/');
  const rest = prefix && relativePath.startsWith(`${prefix}/`) ? relativePath.slice(prefix.length + 1) : undefined;
  if (rest === undefined) return undefined;
  const uri = vscode.Uri.joinPath(appspec, '..', ...rest.split('/'));
  try {
    await vscode.workspace.fs.stat(uri);
    return uri;
  } catch {
    return undefined;
  }
}
