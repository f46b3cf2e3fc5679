// The record of every active login: what it is (names only) and what it changed on disk, kept in one
// file in the extension's global storage that every VS Code window reads and writes under a lock.
// It never holds a token; values a login replaced that may be secrets (an older _authToken, say) are
// split out before storing (the adapter keeps them in SecretStorage) and joined back for logout.
import type { AwsTarget } from '../../aws/access';
import type { FileUndo, UndoEntry } from '../config/edit';
import type { FileEncoding } from '../config/encoding';
import type { ConfigFormat } from '../config/formats';
import type { LoginRequest } from './plan';

export interface FileRecord {
  /** The real path (symlinks resolved). */
  path: string;
  /** The file existed before Conveyor's first edit. */
  existed: boolean;
  /** Its permission bits before Conveyor's first edit. */
  mode?: number;
  /** Where the first edit kept a copy of the original. */
  backup?: string;
  /** What Conveyor created a missing file with (logout deletes the file when this is all that is left). */
  skeleton: string;
  /** Folders Conveyor created for the file, outermost first. */
  createdDirs: string[];
}

export interface LoginFileEdits {
  path: string;
  format: ConfigFormat;
  tokenBearing: boolean;
  undo: FileUndo;
  /** The file's encoding at this login's first edit (what its priors were read in); absent: UTF-8. */
  encoding?: FileEncoding;
}

export interface LoginEdits {
  id: string;
  files: LoginFileEdits[];
}

/** What a login is, for the views, the refresh timers and terminals. Names only, never a value. */
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

/** What one entry of a login held before a change in progress (a fingerprint for secrets). */
export interface WrittenBefore {
  path: string;
  address: string[];
  written: string;
}

/**
 * Write-ahead: the login whose files are being changed. The record already describes the files as
 * they will be; if the change never finishes, the next transaction repairs the record from the files.
 */
export interface PendingChange {
  id: string;
  /** For a refresh or re-login: what its entries held before, to recognise files the change never reached. */
  previous?: WrittenBefore[];
}

export interface Manifest {
  version: 1;
  logins: LoginEdits[];
  files: FileRecord[];
  /** The committed logins. A login in `logins` without one here never finished and is undone. Absent in records of older versions. */
  active?: LoginMeta[];
  pending?: PendingChange;
}

export const EMPTY_MANIFEST: Manifest = { version: 1, logins: [], files: [] };

interface StoredEntry extends UndoEntry {
  /** The prior value is in the secret store under this key. */
  priorRef?: string;
}

/** Moves possibly-secret prior values out of the manifest. Keys are stable per login, file and entry. */
export function splitSecrets(manifest: Manifest): { manifest: Manifest; secrets: Record<string, string> } {
  const secrets: Record<string, string> = {};
  const logins = manifest.logins.map((login) => ({
    ...login,
    files: login.files.map((f) => ({
      ...f,
      undo: {
        ...f.undo,
        entries: f.undo.entries.map((e): StoredEntry => {
          if (!e.priorSecret || e.prior === null) return e;
          const key = `${login.id}\u0000${f.path}\u0000${e.address.join('\u0001')}`;
          secrets[key] = e.prior;
          return { ...e, prior: null, priorRef: key };
        }),
      },
    })),
  }));
  return { manifest: { ...manifest, logins }, secrets };
}

/** Puts prior values back from the secret store; an entry whose secret is gone keeps the current value on logout. */
export function joinSecrets(manifest: Manifest, lookup: (key: string) => string | undefined): Manifest {
  return {
    ...manifest,
    logins: manifest.logins.map((login) => ({
      ...login,
      files: login.files.map((f) => ({
        ...f,
        undo: {
          ...f.undo,
          entries: f.undo.entries.map((e: StoredEntry): UndoEntry => {
            const { priorRef, ...entry } = e;
            if (priorRef === undefined) return entry;
            const prior = lookup(priorRef);
            // Without the old value, restoring is impossible: mark the entry so logout leaves it alone.
            return prior === undefined ? { ...entry, prior: null, written: `\u0000unrestorable:${entry.written}` } : { ...entry, prior };
          }),
        },
      })),
    })),
  };
}

/** The secret keys a stored manifest refers to (to delete the ones no longer needed). */
export function secretKeys(manifest: Manifest): string[] {
  return manifest.logins.flatMap((l) => l.files.flatMap((f) => f.undo.entries.flatMap((e: StoredEntry) => (e.priorRef ? [e.priorRef] : []))));
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isMeta(v: unknown): v is LoginMeta {
  return isObject(v) && typeof v.id === 'string' && isObject(v.request) && typeof v.expiresAt === 'number' && typeof v.issuedAt === 'number'
    && isObject(v.target) && Array.isArray(v.environmentNames) && Array.isArray(v.files);
}

/** Reads a stored manifest defensively; anything unrecognisable becomes an empty manifest. */
export function parseManifest(raw: unknown): Manifest {
  if (!isObject(raw) || raw.version !== 1 || !Array.isArray(raw.logins) || !Array.isArray(raw.files)) return EMPTY_MANIFEST;
  const { logins, files, active, pending } = raw;
  const manifest: Manifest = { version: 1, logins: logins as LoginEdits[], files: files as FileRecord[] };
  if (Array.isArray(active)) manifest.active = active.filter(isMeta);
  if (isObject(pending) && typeof pending.id === 'string') manifest.pending = pending as unknown as PendingChange;
  return manifest;
}

/** The other logins that edit a file, for handing over shared containers. */
export function loginsTouching(manifest: Manifest, file: string, except: string): LoginEdits[] {
  return manifest.logins.filter((l) => l.id !== except && l.files.some((f) => f.path === file));
}
