// The demo's revisions are the sample workspace's files (test/fixtures/workspace/deploy/<app>/), so a
// failed lifecycle event in the emulator points at a hook and a script that exist in the workspace.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export const DEPLOY_FIXTURES = join(__dirname, '..', '..', '..', '..', 'fixtures', 'workspace', 'deploy');

function filesUnder(root: string, dir = root): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(root, path) : [relative(root, path).split('\\').join('/')];
  });
}

/** The appspec text and the bundle's file list of `deploy/<app>/`. */
export function workspaceRevision(app: string): { appspec: string; appspecFile: string; files: string[] } {
  const root = join(DEPLOY_FIXTURES, app);
  const appspecFile = ['appspec.yml', 'appspec.yaml', 'appspec.json'].find((f) => existsSync(join(root, f)));
  if (!appspecFile) throw new Error(`no appspec in ${root}`);
  return { appspec: readFileSync(join(root, appspecFile), 'utf8'), appspecFile, files: filesUnder(root) };
}
