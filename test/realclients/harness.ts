// Real package managers against the emulator's CodeArtifact endpoints, configured only by what
// Conveyor's login core writes into a temporary HOME and project. Nothing here edits a config file.
import { CodeartifactClient } from '@aws-sdk/client-codeartifact';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { EMPTY_MANIFEST, type Manifest } from '../../src/artifacts/login/manifest';
import { nodeConfigFs } from '../../src/artifacts/login/node-fs';
import type { LoginRequest } from '../../src/artifacts/login/plan';
import { performLogin, performLogout, type LoginOutcome } from '../../src/artifacts/login/service';
import { createEmulator, type Emulator } from '../emulator/index';

export const ROOT = resolve(__dirname, '..', '..');
export const MAVEN_CACHE = join(homedir(), '.m2', 'repository');

export interface Run {
  code: number | null;
  output: string;
}

/** Async on purpose: the emulator answers from this same process. */
export function run(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs?: number }): Promise<Run> {
  return new Promise((resolveRun) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 240_000);
    child.stdout.on('data', (d: Buffer) => { output += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { output += d.toString(); });
    child.on('error', (err) => { clearTimeout(timer); resolveRun({ code: -1, output: String(err) }); });
    child.on('close', (code) => { clearTimeout(timer); resolveRun({ code, output }); });
  });
}

/**
 * Where a tool lives: the project's node_modules/.bin (pnpm, Yarn as devDependencies), then /usr/bin
 * (Debian's python3, twine, poetry, mvn), then PATH. pyenv shims are skipped: with a temporary HOME
 * they cannot find their versions.
 */
export function findTool(name: string): string | undefined {
  const dirs = [join(ROOT, 'node_modules', '.bin'), '/usr/bin', '/usr/local/bin', ...(process.env.PATH ?? '').split(delimiter)]
    .filter((d) => d !== '' && !d.includes('.pyenv'));
  for (const d of dirs) if (existsSync(join(d, name))) return join(d, name);
  return undefined;
}

/** A clean environment: no package-manager settings inherited from the machine or from `npm test`. */
export function cleanEnv(home: string, extra: Record<string, string>): NodeJS.ProcessEnv {
  const keep = ['LANG', 'LC_ALL', 'TMPDIR', 'TERM', 'SYSTEMROOT', 'JAVA_HOME'];
  const env: NodeJS.ProcessEnv = {};
  for (const k of keep) if (process.env[k] !== undefined) env[k] = process.env[k];
  const path = [join(ROOT, 'node_modules', '.bin'), dirname(process.execPath), '/usr/local/bin', '/usr/bin', '/bin'];
  return {
    ...env, PATH: path.join(delimiter), HOME: home, USERPROFILE: home,
    XDG_CONFIG_HOME: join(home, '.config'), XDG_CACHE_HOME: join(home, '.cache'), XDG_DATA_HOME: join(home, '.local', 'share'),
    npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false',
    ...extra,
  };
}

export interface Workspace {
  home: string;
  project: string;
}

export class Harness {
  emu!: Emulator;
  client!: CodeartifactClient;
  private root = '';
  private n = 0;

  async start(): Promise<void> {
    // public:maven-central is backed by this machine's Maven cache, so mvn gets its plugins offline.
    this.emu = await createEmulator({ seed: { dataset: 'demo', ...(existsSync(MAVEN_CACHE) ? { mavenCentralDirectory: MAVEN_CACHE } : {}) }, speed: 0 });
    this.client = new CodeartifactClient(this.emu.clientConfig());
    this.root = mkdtempSync(join(tmpdir(), 'conveyor-realclients-'));
  }

  async stop(): Promise<void> {
    this.client?.destroy();
    await this.emu?.close();
    if (this.root) rmSync(this.root, { recursive: true, force: true });
  }

  workspace(name: string): Workspace {
    const base = join(this.root, `${++this.n}-${name}`);
    const ws = { home: join(base, 'home'), project: join(base, 'project') };
    mkdirSync(ws.home, { recursive: true });
    mkdirSync(ws.project, { recursive: true });
    return ws;
  }

  /** Logs in exactly as the command does (GetRepositoryEndpoint, GetAuthorizationToken, plan, apply). */
  async login(ws: Workspace, request: Partial<LoginRequest> & Pick<LoginRequest, 'tool' | 'placement' | 'repository'>, durationSeconds = 900, manifest: Manifest = EMPTY_MANIFEST): Promise<LoginOutcome> {
    return performLogin({
      client: this.client, fs: nodeConfigFs, now: () => this.emu.clock.now(),
      context: { home: ws.home, platform: process.platform, env: { XDG_CONFIG_HOME: join(ws.home, '.config') }, exists: (p) => existsSync(p) },
    }, { domain: 'acme', domainOwner: '111111111111', region: 'us-east-1', tokenVariable: 'CODEARTIFACT_AUTH_TOKEN', projectDir: ws.project, ...request }, durationSeconds, manifest);
  }

  async logout(outcome: LoginOutcome): Promise<Manifest> {
    return (await performLogout({ fs: nodeConfigFs }, outcome.id, outcome.manifest)).manifest;
  }

  /** Moves the emulator's clock past a 900-second token's expiry. */
  expireTokens(): void {
    this.emu.clock.advance(901_000);
  }
}

/** The files a login wrote, read back (for "only the token changed" checks). */
export function snapshot(outcome: LoginOutcome): Record<string, string> {
  return Object.fromEntries(outcome.changes.filter((c) => existsSync(c.path)).map((c) => [c.path, readFileSync(c.path, 'utf8')]));
}

export function tail(text: string, n = 2500): string {
  return text.length > n ? `…${text.slice(-n)}` : text;
}
