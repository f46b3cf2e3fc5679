import * as fs from 'node:fs';
import * as path from 'node:path';
import { kindFromFileName } from '../engine/detect';

const SKIP = new Set(['node_modules', '.git', '.hg', '.svn']);

/** Buildspec and appspec files under a folder, by name, skipping node_modules and VCS folders. */
export function findSpecFiles(root: string): string[] {
  const out: string[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const dir = stack.pop();
    if (dir === undefined) break;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIP.has(entry.name)) stack.push(full);
      } else if (entry.isFile() && kindFromFileName(entry.name)) {
        out.push(full);
      }
    }
  }
  return out.sort();
}
