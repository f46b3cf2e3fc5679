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
