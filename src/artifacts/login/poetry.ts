// Which pyproject.toml keys the installed Poetry understands: `default`/`secondary` before 1.5, the
// `priority` key after. The version comes from `poetry --version`, asked through a runner.
import { execFile } from 'node:child_process';

export type PoetryStyle = 'legacy' | 'priority';

/** "Poetry (version 1.8.3)" → priority; 1.4 or older → legacy; unknown → priority (the current form). */
export function poetryStyleOf(versionText: string | undefined): PoetryStyle {
  const m = versionText ? /(\d+)\.(\d+)/.exec(versionText) : null;
  return m && (Number(m[1]) < 1 || (Number(m[1]) === 1 && Number(m[2]) < 5)) ? 'legacy' : 'priority';
}

/** `poetry --version` of the Poetry on PATH, or undefined when there is none (or it takes over 5 s). */
export function askPoetryVersion(): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile('poetry', ['--version'], { timeout: 5000 }, (err, stdout) => resolve(err ? undefined : stdout));
  });
}
