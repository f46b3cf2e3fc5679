// A lock shared by every VS Code window (every extension host process) of one user: a lock file
// created with O_EXCL, as git and npm do. The holder touches it every few seconds; a lock whose
// holder died (same host, no such process) or stopped touching it is stale and is broken. Breaking
// happens under a second lock file, so two waiters never both break it and one of them delete the
// other's fresh lock. Not a library (proper-lockfile): it installs process-wide exit and signal
// handlers, which do not belong in an extension host shared with other extensions.
import { randomBytes } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import * as os from 'node:os';

export interface LockOptions {
  /** A lock its holder has not touched for this long is stale. */
  staleMs: number;
  /** How often the holder touches its lock. */
  heartbeatMs: number;
  /** How long to wait for a busy lock before giving up. */
  timeoutMs: number;
  /** Called once when the lock is busy and this process starts to wait. */
  onWait?: (holder: LockHolder | undefined) => void;
}

export interface LockHolder {
  pid: number;
  host: string;
  nonce: string;
  since: number;
}

export const DEFAULT_LOCK_OPTIONS: LockOptions = { staleMs: 30_000, heartbeatMs: 5_000, timeoutMs: 120_000 };

export class LockTimeoutError extends Error {
  constructor(file: string, holder: LockHolder | undefined) {
    super(`Another VS Code window (process ${holder?.pid ?? 'unknown'}) has been changing CodeArtifact logins for too long (lock ${file}); try again`);
    this.name = 'LockTimeoutError';
  }
}

/** The lock was broken while this process held it (it stopped touching it for too long). */
export class LockLostError extends Error {
  constructor(file: string) {
    super(`The CodeArtifact login lock ${file} was taken over by another window; nothing more was saved`);
    this.name = 'LockLostError';
  }
}

export interface HeldLock {
  /** Throws LockLostError unless this process still holds the lock. */
  check(): Promise<void>;
}

const code = (err: unknown): string | undefined => (typeof err === 'object' && err !== null ? (err as { code?: string }).code : undefined);
const sleep = (ms: number): Promise<void> => new Promise((resolve) => { setTimeout(resolve, ms); });

async function readHolder(file: string): Promise<LockHolder | undefined> {
  try {
    const raw: unknown = JSON.parse(await fsp.readFile(file, 'utf8'));
    const h = raw as Partial<LockHolder>;
    return typeof h.pid === 'number' && typeof h.host === 'string' && typeof h.nonce === 'string' && typeof h.since === 'number' ? h as LockHolder : undefined;
  } catch {
    return undefined; // gone, or being written this very moment
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return code(err) === 'EPERM';
  }
}

async function isStale(file: string, holder: LockHolder | undefined, staleMs: number): Promise<boolean> {
  let touched: number;
  try {
    touched = (await fsp.stat(file)).mtimeMs;
  } catch (err) {
    if (code(err) === 'ENOENT') return false; // released meanwhile: just try again
    throw err;
  }
  if (Date.now() - touched > staleMs) return true;
  return holder !== undefined && holder.host === os.hostname() && holder.pid !== process.pid && !processAlive(holder.pid);
}

async function tryCreate(file: string, content: string): Promise<boolean> {
  let handle: fsp.FileHandle;
  try {
    handle = await fsp.open(file, 'wx', 0o600);
  } catch (err) {
    if (code(err) === 'EEXIST') return false;
    throw err;
  }
  try {
    await handle.writeFile(content);
  } finally {
    await handle.close();
  }
  return true;
}

/** Removes a stale lock, unless someone else is doing so or it changed hands since it was judged stale. */
async function breakStale(file: string, seen: LockHolder | undefined, staleMs: number): Promise<void> {
  const breaker = `${file}.break`;
  if (!await tryCreate(breaker, String(process.pid))) {
    // A breaker that died mid-way leaves its file; it is stale after the same time.
    if (await isStale(breaker, undefined, staleMs)) await fsp.rm(breaker, { force: true });
    return;
  }
  try {
    const now = await readHolder(file);
    if (now?.nonce === seen?.nonce && await isStale(file, now, staleMs)) await fsp.rm(file, { force: true });
  } finally {
    await fsp.rm(breaker, { force: true });
  }
}

/** Runs `task` while this process holds the lock file; other processes wait for it. */
export async function withLock<T>(file: string, task: (lock: HeldLock) => Promise<T>, options: Partial<LockOptions> = {}): Promise<T> {
  const o = { ...DEFAULT_LOCK_OPTIONS, ...options };
  const me: LockHolder = { pid: process.pid, host: os.hostname(), nonce: randomBytes(12).toString('hex'), since: Date.now() };
  const deadline = Date.now() + o.timeoutMs;
  let delay = 10;
  let waiting = false;
  while (!await tryCreate(file, JSON.stringify(me))) {
    const holder = await readHolder(file);
    if (await isStale(file, holder, o.staleMs)) {
      await breakStale(file, holder, o.staleMs);
      continue;
    }
    if (!waiting) o.onWait?.(holder);
    waiting = true;
    if (Date.now() > deadline) throw new LockTimeoutError(file, holder);
    await sleep(delay + Math.random() * delay);
    delay = Math.min(delay * 2, 200);
  }

  let lost = false;
  const beat = async (): Promise<void> => {
    const holder = await readHolder(file);
    if (holder?.nonce !== me.nonce) lost = true;
    else await fsp.utimes(file, new Date(), new Date()).catch(() => undefined);
  };
  const timer = setInterval(() => { void beat().catch(() => undefined); }, o.heartbeatMs);
  const lock: HeldLock = {
    async check() {
      if (lost || (await readHolder(file))?.nonce !== me.nonce) {
        lost = true;
        throw new LockLostError(file);
      }
    },
  };
  try {
    return await task(lock);
  } finally {
    clearInterval(timer);
    if ((await readHolder(file))?.nonce === me.nonce) await fsp.rm(file, { force: true });
  }
}
