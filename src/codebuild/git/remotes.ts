import { execFile } from 'node:child_process';
import { repoIdOf, type RepoId } from '../model/workspace-match';

/** The fetch URLs in `git remote -v` output, as repositories (duplicates and unknown URL forms dropped). */
export function parseRemotes(output: string): RepoId[] {
  const out: RepoId[] = [];
  for (const line of output.split(/\r?\n/)) {
    const m = /^\S+\s+(\S+)\s+\(fetch\)$/.exec(line.trim());
    const repo = m?.[1] ? repoIdOf(m[1]) : undefined;
    if (repo && !out.some((r) => r.host === repo.host && r.path === repo.path)) out.push(repo);
  }
  return out;
}

/** The repository root of `cwd` and its remotes; undefined when git is missing or cwd is no repository. */
export function readRepository(cwd: string, timeoutMs = 5000): Promise<{ root: string; remotes: RepoId[] } | undefined> {
  const git = (args: string[]): Promise<string | undefined> => new Promise((resolve) => {
    try {
      execFile('git', args, { cwd, timeout: timeoutMs, windowsHide: true }, (error, stdout) => resolve(error ? undefined : String(stdout)));
    } catch {
      resolve(undefined);
    }
  });
  return Promise.all([git(['rev-parse', '--show-toplevel']), git(['remote', '-v'])]).then(([root, remotes]) => {
    const top = root?.trim();
    return top ? { root: top, remotes: parseRemotes(remotes ?? '') } : undefined;
  });
}
