import { execFile } from 'node:child_process';

/** A full commit id (SHA-1 or SHA-256 repositories). */
export function parseCommitId(output: string): string | undefined {
  const line = output.trim().split(/\r?\n/, 1)[0]?.trim() ?? '';
  return /^[0-9a-f]{40}$|^[0-9a-f]{64}$/i.test(line) ? line.toLowerCase() : undefined;
}

/** `git rev-parse HEAD` in `cwd`; undefined when git is missing, cwd is no repository or HEAD is unborn. */
export function readHeadCommit(cwd: string, timeoutMs = 5000): Promise<string | undefined> {
  return new Promise((resolve) => {
    try {
      execFile('git', ['rev-parse', '--verify', '--quiet', 'HEAD'], { cwd, timeout: timeoutMs, windowsHide: true }, (error, stdout) => {
        resolve(error ? undefined : parseCommitId(String(stdout)));
      });
    } catch {
      resolve(undefined);
    }
  });
}
