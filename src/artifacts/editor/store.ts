// Where active logins live between sessions: metadata in globalState, the record of file edits in a
// manifest file in global storage (mode 0600), tokens and replaced credentials in SecretStorage.
// Nothing that holds a token goes to globalState, settings or the manifest.
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import type * as vscode from 'vscode';
import type { AwsTarget } from '../../aws/access';
import { EMPTY_MANIFEST, joinSecrets, parseManifest, splitSecrets, type Manifest } from '../login/manifest';
import type { ConfigFs } from '../login/node-fs';
import type { LoginRequest } from '../login/plan';
import { LOGINS_KEY } from './startup';

export interface LoginMeta {
  id: string;
  request: LoginRequest;
  /** The profile and region the token was issued for; refreshes use the same. */
  target: AwsTarget;
  issuedAt: number;
  expiresAt: number;
  /** Names (never values) of the terminal variables this login sets. */
  environmentNames: string[];
  /** The files it edited, for the status bar and "Log out". */
  files: string[];
}

const PRIOR_KEYS = 'conveyor.codeartifact.priorSecretKeys';
const TOKEN_PREFIX = 'conveyor.codeartifact.token/';
const PRIOR_PREFIX = 'conveyor.codeartifact.prior/';
export const MANIFEST_FILE = 'codeartifact-manifest.json';

export type StoreContext = Pick<vscode.ExtensionContext, 'globalState' | 'secrets'> & { globalStoragePath: string };

function isMeta(v: unknown): v is LoginMeta {
  if (typeof v !== 'object' || v === null) return false;
  const m = v as Partial<LoginMeta>;
  return typeof m.id === 'string' && typeof m.request === 'object' && m.request !== null && typeof m.expiresAt === 'number' && typeof m.target === 'object';
}

/** Serialises every change: logins, refreshes and logouts never interleave. */
export class LoginStore {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly ctx: StoreContext, private readonly fs: ConfigFs) {}

  /** Runs `task` after every earlier one finished. */
  exclusive<T>(task: () => Promise<T>): Promise<T> {
    const next = this.queue.then(task, task);
    this.queue = next.catch(() => undefined);
    return next;
  }

  logins(): LoginMeta[] {
    const raw = this.ctx.globalState.get<unknown>(LOGINS_KEY);
    return Array.isArray(raw) ? raw.filter(isMeta) : [];
  }

  async saveLogins(logins: readonly LoginMeta[]): Promise<void> {
    await this.ctx.globalState.update(LOGINS_KEY, logins);
  }

  private get manifestPath(): string {
    return path.join(this.ctx.globalStoragePath, MANIFEST_FILE);
  }

  async manifest(): Promise<Manifest> {
    const text = await this.fs.read(this.manifestPath);
    if (text === undefined) return EMPTY_MANIFEST;
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      return EMPTY_MANIFEST;
    }
    const stored = parseManifest(raw);
    const keys = this.priorKeys();
    const values = new Map<string, string>();
    for (const key of keys) {
      const v = await this.ctx.secrets.get(PRIOR_PREFIX + key);
      if (v !== undefined) values.set(key, v);
    }
    return joinSecrets(stored, (k) => values.get(hashKey(k)));
  }

  async saveManifest(manifest: Manifest): Promise<void> {
    const { manifest: stored, secrets } = splitSecrets(manifest);
    const wanted = new Map(Object.entries(secrets).map(([k, v]) => [hashKey(k), v]));
    for (const [key, value] of wanted) await this.ctx.secrets.store(PRIOR_PREFIX + key, value);
    for (const old of this.priorKeys()) if (!wanted.has(old)) await this.ctx.secrets.delete(PRIOR_PREFIX + old);
    await this.ctx.globalState.update(PRIOR_KEYS, [...wanted.keys()]);
    await this.fs.mkdirp(this.ctx.globalStoragePath);
    await this.fs.writeAtomic(this.manifestPath, `${JSON.stringify(stored, null, 2)}\n`, 0o600);
  }

  private priorKeys(): string[] {
    const raw = this.ctx.globalState.get<unknown>(PRIOR_KEYS);
    return Array.isArray(raw) ? raw.filter((k): k is string => typeof k === 'string') : [];
  }

  async token(id: string): Promise<string | undefined> {
    return this.ctx.secrets.get(TOKEN_PREFIX + hashKey(id));
  }

  async setToken(id: string, token: string): Promise<void> {
    await this.ctx.secrets.store(TOKEN_PREFIX + hashKey(id), token);
  }

  async deleteToken(id: string): Promise<void> {
    await this.ctx.secrets.delete(TOKEN_PREFIX + hashKey(id));
  }
}

/** Secret keys stay short and free of paths. */
function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 32);
}
