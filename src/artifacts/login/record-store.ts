// The login record on disk, shared by every VS Code window: one JSON file in global storage (mode
// 0600, never a token) plus the secret store for tokens and replaced credentials. Views read it
// without a lock; every change is a transaction: under the inter-process lock, from a fresh read,
// after repairing whatever an interrupted change left, and each save checks that the file is still
// the generation it read (compare-and-swap) while the lock is still held.
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { withLock, type HeldLock, type LockOptions } from './lock';
import { EMPTY_MANIFEST, joinSecrets, parseManifest, secretKeys, splitSecrets, type LoginMeta, type Manifest } from './manifest';
import type { ConfigFs } from './node-fs';
import { recoverInterrupted } from './recovery';

/** Where tokens and replaced credentials live (VS Code's SecretStorage in the editor). */
export interface SecretVault {
  get(key: string): PromiseLike<string | undefined>;
  store(key: string, value: string): PromiseLike<void>;
  delete(key: string): PromiseLike<void>;
}

export const RECORD_FILE = 'codeartifact-manifest.json';
export const LOCK_FILE = 'codeartifact-manifest.lock';
export const TOKEN_PREFIX = 'conveyor.codeartifact.token/';
const PRIOR_PREFIX = 'conveyor.codeartifact.prior/';

/** Another process saved the record after this one read it: nothing more was saved. */
export class RecordChangedError extends Error {
  constructor() {
    super('The CodeArtifact login record was changed by another window meanwhile; nothing more was saved. Try again.');
    this.name = 'RecordChangedError';
  }
}

export interface RecordTransaction {
  /** The record as saved last (repaired first if a change was interrupted), replaced credentials joined back. */
  readonly manifest: Manifest;
  /** Saves the record: before config files change (write-ahead) and once they have. */
  save(next: Manifest): Promise<void>;
}

export interface RecordStoreOptions {
  lock?: Partial<LockOptions>;
  /** Logins an older version kept elsewhere (globalState): adopted by the first transaction. */
  legacyLogins?: () => readonly LoginMeta[];
  /** Told what repairing an interrupted change did. */
  onRepair?: (message: string) => void;
}

interface Loaded {
  manifest: Manifest;
  generation: number;
  /** Hashed keys of the replaced credentials in the secret store, with their values. */
  priors: Map<string, string>;
}

/** Secret keys stay short and free of paths. */
function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 32);
}

export class LoginRecordStore {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly dir: string, private readonly fs: ConfigFs, private readonly vault: SecretVault, private readonly options: RecordStoreOptions = {}) {}

  get recordPath(): string {
    return path.join(this.dir, RECORD_FILE);
  }

  /** The record as saved last, for display (no lock: it may change right after; replaced credentials are not read). */
  async read(): Promise<Manifest> {
    const { manifest } = await this.load(false);
    return manifest.active === undefined ? { ...manifest, active: [...(this.options.legacyLogins?.() ?? [])] } : manifest;
  }

  /** Adopts older versions' logins and repairs an interrupted change now, if the record needs it. */
  async repairIfNeeded(): Promise<void> {
    const { manifest: m } = await this.load(false);
    const active = new Set((m.active ?? []).map((a) => a.id));
    const adopt = m.active === undefined && (this.options.legacyLogins?.() ?? []).length > 0;
    if (adopt || m.pending || m.logins.some((l) => !active.has(l.id))) await this.transact(async () => undefined);
  }

  /** Runs `task` as the only writer of the record, across every window; transactions of this window queue up. */
  transact<T>(task: (tx: RecordTransaction) => Promise<T>): Promise<T> {
    const run = (): Promise<T> => this.locked(task);
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  async token(id: string): Promise<string | undefined> {
    return this.vault.get(TOKEN_PREFIX + hashKey(id));
  }

  async setToken(id: string, token: string): Promise<void> {
    await this.vault.store(TOKEN_PREFIX + hashKey(id), token);
  }

  async deleteToken(id: string): Promise<void> {
    await this.vault.delete(TOKEN_PREFIX + hashKey(id));
  }

  /** Whether a secret-store key is the token of some login (another window stored or deleted it). */
  static isTokenKey(key: string): boolean {
    return key.startsWith(TOKEN_PREFIX);
  }

  private async locked<T>(task: (tx: RecordTransaction) => Promise<T>): Promise<T> {
    await this.fs.mkdirp(this.dir);
    return withLock(path.join(this.dir, LOCK_FILE), async (lock) => {
      let loaded = await this.load(true);
      const save = async (next: Manifest): Promise<void> => {
        loaded = await this.write(next, loaded, lock);
      };
      const repaired = await this.repair(loaded.manifest);
      if (repaired !== loaded.manifest) await save(repaired);
      return task({ get manifest() { return loaded.manifest; }, save });
    }, this.options.lock);
  }

  private async readFile(): Promise<{ raw: unknown; generation: number } | undefined> {
    const bytes = await this.fs.read(this.recordPath);
    if (bytes === undefined) return undefined;
    try {
      const raw: unknown = JSON.parse(Buffer.from(bytes).toString('utf8'));
      const generation = typeof raw === 'object' && raw !== null ? (raw as { generation?: unknown }).generation : undefined;
      return { raw, generation: typeof generation === 'number' ? generation : 0 };
    } catch {
      return { raw: undefined, generation: 0 };
    }
  }

  private async load(withPriors: boolean): Promise<Loaded> {
    const file = await this.readFile();
    if (!file) return { manifest: EMPTY_MANIFEST, generation: 0, priors: new Map() };
    const stored = parseManifest(file.raw);
    const priors = new Map<string, string>();
    if (withPriors) {
      for (const key of secretKeys(stored).map(hashKey)) {
        const value = await this.vault.get(PRIOR_PREFIX + key);
        if (value !== undefined) priors.set(key, value);
      }
    }
    return { manifest: withPriors ? joinSecrets(stored, (k) => priors.get(hashKey(k))) : stored, generation: file.generation, priors };
  }

  private async write(next: Manifest, loaded: Loaded, lock: HeldLock): Promise<Loaded> {
    await lock.check();
    if (((await this.readFile())?.generation ?? 0) !== loaded.generation) throw new RecordChangedError();
    const { manifest: stored, secrets } = splitSecrets(next);
    const priors = new Map(Object.entries(secrets).map(([k, v]) => [hashKey(k), v]));
    // New credentials go to the secret store before the record refers to them; old ones go after it no longer does.
    for (const [key, value] of priors) if (loaded.priors.get(key) !== value) await this.vault.store(PRIOR_PREFIX + key, value);
    const generation = loaded.generation + 1;
    await this.fs.writeAtomic(this.recordPath, Buffer.from(`${JSON.stringify({ ...stored, generation }, null, 2)}\n`), 0o600);
    for (const key of loaded.priors.keys()) if (!priors.has(key)) await this.vault.delete(PRIOR_PREFIX + key);
    return { manifest: next, generation, priors };
  }

  /** Adopts an older version's logins, then repairs what an interrupted change left. */
  private async repair(manifest: Manifest): Promise<Manifest> {
    let m = manifest;
    if (m.active === undefined) m = { ...m, active: [...(this.options.legacyLogins?.() ?? [])] };
    const out = await recoverInterrupted(m, this.fs);
    for (const message of out.messages) this.options.onRepair?.(message);
    for (const id of out.undone) await this.deleteToken(id);
    return out.manifest === manifest ? manifest : out.manifest;
  }
}
