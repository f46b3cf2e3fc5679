// Reads a workspace folder for tool detection: names at the root and one level down, plus the small
// manifests the rules look into.
import * as vscode from 'vscode';
import type { WorkspaceListing } from '../detect/detect';

const SKIP = new Set(['node_modules', '.git', '.venv', 'venv', 'target', 'build', 'dist', 'out', '.gradle', '.idea', '.vscode']);
const READ = new Set(['package.json', 'pyproject.toml', '.npmrc']);
const MAX_READ = 256 * 1024;

export async function listWorkspace(folder: vscode.Uri): Promise<WorkspaceListing> {
  const files: string[] = [];
  const contents = new Map<string, string>();
  const visit = async (dir: vscode.Uri, prefix: string, depth: number): Promise<void> => {
    let entries: [string, vscode.FileType][];
    try {
      entries = await vscode.workspace.fs.readDirectory(dir);
    } catch {
      return;
    }
    for (const [name, type] of entries) {
      const rel = prefix ? `${prefix}/${name}` : name;
      if (type & vscode.FileType.Directory) {
        if (depth > 0 && !SKIP.has(name)) await visit(vscode.Uri.joinPath(dir, name), rel, depth - 1);
        continue;
      }
      files.push(rel);
      if (READ.has(name)) {
        try {
          const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(dir, name));
          if (bytes.byteLength <= MAX_READ) contents.set(rel, new TextDecoder().decode(bytes));
        } catch {
          // unreadable: the rules do without its content
        }
      }
    }
  };
  await visit(folder, '', 1);
  return { files, read: (f) => contents.get(f) };
}
