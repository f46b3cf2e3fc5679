// The web build's workspace sources (vscode.dev, github.dev, a remote in the browser): whatever scheme the
// workspace folders have, read through vscode.workspace.fs. The resolver reads Go, Rust and C/C++ files
// for symbol lookups synchronously, so those are read ahead when the file list is made.
import * as vscode from 'vscode';
import type { WorkspaceFile } from '../model/resolve';
import { MAX_SCANNED_BYTES, type SourceAccess } from './workspace-files';

/** Files the resolver looks symbols up in (resolve.ts: Go, Rust, C/C++), read ahead up to this many. */
const SYMBOL_FILES = /\.(go|rs|c|cc|cpp|cxx|h|hh|hpp|hxx)$/i;
const MAX_READ_AHEAD = 500;
const PARALLEL_READS = 8;

function folderOf(uri: vscode.Uri): vscode.WorkspaceFolder | undefined {
  return vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === uri.scheme && f.uri.authority === uri.authority
    && (uri.path === f.uri.path || uri.path.startsWith(`${f.uri.path.replace(/\/$/, '')}/`)));
}

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    const bytes = await vscode.workspace.fs.readFile(uri);
    return bytes.length > MAX_SCANNED_BYTES ? undefined : new TextDecoder('utf-8').decode(bytes);
  } catch {
    return undefined;
  }
}

export function webSources(): SourceAccess {
  let texts = new Map<string, string>();
  const uriOf = (path: string): vscode.Uri => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    const folder = folders.find((f) => path.startsWith(`${f.uri.path.replace(/\/$/, '')}/`)) ?? folders[0];
    return folder ? folder.uri.with({ path }) : vscode.Uri.file(path);
  };
  return {
    handles: (uri) => folderOf(uri) !== undefined,
    pathOf: (uri) => uri.path,
    uriOf,
    keyOf: (path) => path,
    readText: (path) => texts.get(path),
    prepare: async (files: readonly WorkspaceFile[]) => {
      const wanted = files.filter((f) => SYMBOL_FILES.test(f.path)).slice(0, MAX_READ_AHEAD);
      const next = new Map<string, string>();
      let at = 0;
      const worker = async (): Promise<void> => {
        while (at < wanted.length) {
          const file = wanted[at++]!;
          const text = texts.get(file.path) ?? await readText(uriOf(file.path));
          if (text !== undefined) next.set(file.path, text);
        }
      };
      await Promise.all(Array.from({ length: PARALLEL_READS }, worker));
      texts = next;
    },
    readSaved: readText,
    // Telling needs a read, which is asynchronous here: the marks are moved through the edit instead.
    sameAsSaved: () => false,
  };
}
