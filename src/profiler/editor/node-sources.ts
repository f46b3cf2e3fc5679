// The desktop's workspace sources: files on the local disk, read synchronously where the resolver needs it.
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { pathKey } from '../../core/paths';
import { MAX_SCANNED_BYTES, type SourceAccess } from './workspace-files';

/** A file's text, or undefined (missing, unreadable or too large). */
function readFileText(fsPath: string): string | undefined {
  try {
    if (fs.statSync(fsPath).size > MAX_SCANNED_BYTES) return undefined;
    return fs.readFileSync(fsPath, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * A file's bytes: a `file:` URI straight from the disk, anything else through vscode.workspace.fs. Each
 * workspace.fs read first asks the window (to activate providers of its scheme), and the window is slow
 * to answer while it opens the flame graph panel the file is read for.
 */
export async function readFileBytes(uri: vscode.Uri): Promise<Uint8Array> {
  if (uri.scheme !== 'file') return vscode.workspace.fs.readFile(uri);
  try {
    return await fs.promises.readFile(uri.fsPath);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const message = code === 'ENOENT' ? `${uri.fsPath} does not exist` : code === 'EISDIR' ? `${uri.fsPath} is a folder` : err instanceof Error ? err.message : String(err);
    throw new Error(message, { cause: err });
  }
}

export const nodeSources: SourceAccess = {
  handles: (uri) => uri.scheme === 'file',
  pathOf: (uri) => uri.fsPath.replace(/\\/g, '/'),
  uriOf: (path) => vscode.Uri.file(path),
  keyOf: (path) => pathKey(path),
  readText: readFileText,
  prepare: () => Promise.resolve(),
  readSaved: (uri) => Promise.resolve(readFileText(uri.fsPath)),
  // A stat first, so most edits cost no read.
  sameAsSaved: (uri, text) => {
    try {
      const size = fs.statSync(uri.fsPath).size;
      if (size !== Buffer.byteLength(text, 'utf8') || size > MAX_SCANNED_BYTES) return false;
      return fs.readFileSync(uri.fsPath, 'utf8') === text;
    } catch {
      return false;
    }
  },
};
