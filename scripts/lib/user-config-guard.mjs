// Tests run on developers' machines: none of them may touch the real user's AWS or package-manager
// configuration. `npm test` fingerprints those files before the first tier and fails the run, naming
// the file, if a tier changed, created or removed one.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function userConfigFiles(env = process.env, home = os.homedir()) {
  const xdg = env.XDG_CONFIG_HOME ?? path.join(home, '.config');
  const files = [
    '.npmrc', '.yarnrc', '.yarnrc.yml', '.pypirc', '.netrc', '.aws/config', '.aws/credentials',
    '.m2/settings.xml', '.gradle/gradle.properties', '.gradle/init.d/codeartifact.gradle', '.nuget/NuGet/NuGet.Config',
    '.pip/pip.conf', '.swiftpm/configuration/registries.json',
  ].map((f) => path.join(home, f));
  files.push(path.join(xdg, 'pip', 'pip.conf'), path.join(xdg, 'pypoetry', 'config.toml'), path.join(xdg, 'pypoetry', 'auth.toml'),
    path.join(xdg, 'NuGet', 'NuGet.Config'));
  if (env.npm_config_userconfig) files.push(env.npm_config_userconfig);
  return [...new Set(files)];
}

function fingerprint(file) {
  try {
    return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
  } catch (err) {
    return err.code === 'ENOENT' ? 'absent' : `unreadable (${err.code})`;
  }
}

export function snapshotUserConfig(files = userConfigFiles()) {
  return new Map(files.flatMap((f) => [[f, fingerprint(f)], [`${f}.conveyor-backup`, fingerprint(`${f}.conveyor-backup`)]]));
}

/** The files whose content differs from `before`. */
export function changedUserConfig(before) {
  return [...before].filter(([file, print]) => fingerprint(file) !== print).map(([file]) => file);
}
