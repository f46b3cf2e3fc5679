// The record of what every active login changed on disk, kept in the extension's global storage.
// It never holds a token; values a login replaced that may be secrets (an older _authToken, say) are
// split out before storing (the adapter keeps them in SecretStorage) and joined back for logout.
import type { FileUndo, UndoEntry } from '../config/edit';
import type { ConfigFormat } from '../config/formats';

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
}

export interface LoginEdits {
  id: string;
  files: LoginFileEdits[];
}

export interface Manifest {
  version: 1;
  logins: LoginEdits[];
  files: FileRecord[];
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

/** Reads a stored manifest defensively; anything unrecognisable becomes an empty manifest. */
export function parseManifest(raw: unknown): Manifest {
  if (!isObject(raw) || raw.version !== 1 || !Array.isArray(raw.logins) || !Array.isArray(raw.files)) return EMPTY_MANIFEST;
  return raw as unknown as Manifest;
}

/** The other logins that edit a file, for handing over shared containers. */
export function loginsTouching(manifest: Manifest, file: string, except: string): LoginEdits[] {
  return manifest.logins.filter((l) => l.id !== except && l.files.some((f) => f.path === file));
}
