// One npm install shared by every generated TypeScript project: the union of their dependencies is
// installed once into ~/.cache/conveyor-test/cdk-deps-<hash> and each project symlinks its node_modules.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

interface PackageJson { dependencies?: Record<string, string>; devDependencies?: Record<string, string> }

export function cacheRoot(): string {
  return process.env.CONVEYOR_CACHE_DIR
    ?? path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'conveyor-test');
}

export function unionOf(packages: PackageJson[]): Record<string, string> {
  const all: Record<string, string> = {};
  for (const pkg of packages) {
    for (const [name, version] of Object.entries({ ...pkg.dependencies, ...pkg.devDependencies })) {
      const existing = all[name];
      if (existing && existing !== version) throw new Error(`${name}: generated projects disagree (${existing} vs ${version})`);
      all[name] = version;
    }
  }
  return Object.fromEntries(Object.entries(all).sort(([a], [b]) => a.localeCompare(b)));
}

/** Installs (once per dependency set) and returns the node_modules folder to link. */
export function ensureSharedDeps(dependencies: Record<string, string>, log: (line: string) => void): string {
  const hash = createHash('sha256').update(JSON.stringify(dependencies)).digest('hex').slice(0, 16);
  const dir = path.join(cacheRoot(), `cdk-deps-${hash}`);
  const marker = path.join(dir, '.installed');
  if (fs.existsSync(marker)) return path.join(dir, 'node_modules');
  const staging = `${dir}.tmp-${process.pid}`;
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(staging, { recursive: true });
  fs.writeFileSync(path.join(staging, 'package.json'), JSON.stringify({ name: 'cdk-deps', private: true, dependencies }, null, 2));
  log(`installing ${Object.keys(dependencies).length} packages into ${dir} (once)`);
  const res = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: staging, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, npm_config_update_notifier: 'false' },
  });
  if (res.status !== 0) throw new Error(`npm install failed (${res.status}):\n${res.stdout}\n${res.stderr}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.renameSync(staging, dir);
  fs.writeFileSync(marker, new Date().toISOString());
  return path.join(dir, 'node_modules');
}
