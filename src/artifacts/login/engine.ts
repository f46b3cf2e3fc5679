// Applies a login plan to the disk and undoes it: every file is computed first (an edit that cannot
// be undone exactly aborts the whole login before anything is written), then written atomically; the
// first edit of a file keeps a backup; logout puts back exactly what was there.
import * as path from 'node:path';
import { applyEdits, ConfigEditError, fingerprint, revertEdits, type FileUndo } from '../config/edit';
import { EDITORS } from '../config/formats';
import { loginsTouching, type FileRecord, type LoginEdits, type LoginFileEdits, type Manifest } from './manifest';
import type { ConfigFs } from './node-fs';
import { loginId, type LoginPlan } from './plan';

export const BACKUP_SUFFIX = '.conveyor-backup';
const TOKEN_MODE = 0o600;
const DEFAULT_MODE = 0o644;

export type FileAction = 'created' | 'updated' | 'unchanged' | 'restored' | 'deleted' | 'missing';

export interface FileChange {
  path: string;
  action: FileAction;
  /** A backup made by this operation. */
  backup?: string;
  /** Entries logout left alone, one line each. */
  kept?: string[];
}

/** Another active login already manages an entry this one needs. */
export class LoginConflictError extends Error {
  constructor(readonly otherLogins: string[], readonly file: string) {
    super(`${file} already has entries managed by another Conveyor login; log out of it first`);
    this.name = 'LoginConflictError';
  }
}

const sameAddress = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

interface Computed {
  plan: LoginPlan['files'][number];
  real: string;
  before: string | undefined;
  text: string;
  undo: FileUndo;
}

/** Logs in: edits every planned file (or none), records the edits in the manifest. */
export async function applyLogin(plan: LoginPlan, token: string, manifest: Manifest, fs: ConfigFs): Promise<{ manifest: Manifest; changes: FileChange[] }> {
  const id = loginId(plan.request);
  const previous = manifest.logins.find((l) => l.id === id);
  const computed: Computed[] = [];
  for (const file of plan.files) {
    const real = await fs.realpath(file.path);
    const ops = file.ops(token);
    for (const other of manifest.logins) {
      if (other.id === id) continue;
      const edits = other.files.find((f) => f.path === real);
      // Two logins may share an entry only when they want the very same value (e.g. ${VAR}).
      const clash = edits?.undo.entries.some((e) => ops.some((op) => sameAddress(op.address, e.address) && fingerprint(op.value, op.secret ?? false) !== e.written));
      if (clash) throw new LoginConflictError([other.id], real);
    }
    const before = await fs.read(real);
    const base = before ?? file.skeleton;
    const prevUndo = previous?.files.find((f) => f.path === real)?.undo;
    try {
      const { text, undo } = applyEdits(EDITORS[file.format], base, ops, prevUndo);
      computed.push({ plan: file, real, before, text, undo });
    } catch (err) {
      if (err instanceof ConfigEditError) throw new ConfigEditError(`${real}: ${err.message}`);
      throw err;
    }
  }

  const records = new Map(manifest.files.map((r) => [r.path, r]));
  const changes: FileChange[] = [];
  const written: Computed[] = [];
  try {
    for (const c of computed) {
      const currentMode = await fs.mode(c.real);
      const wantedMode = c.plan.tokenBearing ? TOKEN_MODE : currentMode ?? DEFAULT_MODE;
      let record = records.get(c.real);
      let backup: string | undefined;
      if (!record) {
        const createdDirs = c.before === undefined ? await fs.mkdirp(path.dirname(c.real)) : [];
        if (c.before !== undefined && await fs.copyIfAbsent(c.real, c.real + BACKUP_SUFFIX, TOKEN_MODE)) backup = c.real + BACKUP_SUFFIX;
        record = { path: c.real, existed: c.before !== undefined, ...(currentMode !== undefined ? { mode: currentMode } : {}),
          ...(backup ? { backup } : {}), skeleton: c.before === undefined ? c.plan.skeleton : '', createdDirs };
        records.set(c.real, record);
      }
      if (c.text === c.before) {
        if (currentMode !== undefined && currentMode !== wantedMode) await fs.chmod(c.real, wantedMode);
        changes.push({ path: c.real, action: 'unchanged' });
        continue;
      }
      await fs.writeAtomic(c.real, c.text, wantedMode);
      written.push(c);
      changes.push({ path: c.real, action: c.before === undefined ? 'created' : 'updated', ...(backup ? { backup } : {}) });
    }
  } catch (err) {
    // Put back what this login already wrote; the files it did not reach were never touched.
    for (const c of written.reverse()) {
      if (c.before === undefined) await fs.remove(c.real).catch(() => undefined);
      else await fs.writeAtomic(c.real, c.before, (await fs.mode(c.real)) ?? DEFAULT_MODE).catch(() => undefined);
    }
    throw err;
  }

  const edits: LoginEdits = {
    id,
    files: computed.map((c): LoginFileEdits => ({ path: c.real, format: c.plan.format, tokenBearing: c.plan.tokenBearing, undo: c.undo })),
  };
  const logins = previous ? manifest.logins.map((l) => (l.id === id ? edits : l)) : [...manifest.logins, edits];
  const used = new Set(logins.flatMap((l) => l.files.map((f) => f.path)));
  return { manifest: { ...manifest, logins, files: [...records.values()].filter((r) => used.has(r.path)) }, changes };
}

/** Logs out: undoes the login's edits file by file and forgets it. Files no other login uses go back to how they were. */
export async function applyLogout(id: string, manifest: Manifest, fs: ConfigFs): Promise<{ manifest: Manifest; changes: FileChange[] }> {
  const login = manifest.logins.find((l) => l.id === id);
  if (!login) return { manifest, changes: [] };
  let logins = manifest.logins.filter((l) => l.id !== id);
  let files = [...manifest.files];
  const changes: FileChange[] = [];
  for (const edit of [...login.files].reverse()) {
    const current = await fs.read(edit.path);
    if (current === undefined) {
      changes.push({ path: edit.path, action: 'missing' });
      continue;
    }
    const others = loginsTouching({ ...manifest, logins }, edit.path, id);
    // Entries another login shares (same address, same value) stay; that login inherits the true prior.
    const sharedWith = (e: FileUndo['entries'][number]): LoginEdits | undefined => others.find((o) => o.files.some((f) => f.path === edit.path
      && f.undo.entries.some((x) => sameAddress(x.address, e.address) && x.written === e.written)));
    const own = edit.undo.entries.filter((e) => !sharedWith(e));
    const order = (loginIdOf: string): number => manifest.logins.findIndex((l) => l.id === loginIdOf);
    for (const e of edit.undo.entries) {
      const heirOfEntry = sharedWith(e);
      // The login that came first recorded what was there before either: only then is there a prior to pass on.
      if (!heirOfEntry || order(heirOfEntry.id) < order(id)) continue;
      logins = logins.map((l) => (l.id !== heirOfEntry.id ? l : {
        ...l, files: l.files.map((f) => (f.path !== edit.path ? f : {
          ...f, undo: { ...f.undo, entries: f.undo.entries.map((x) => (sameAddress(x.address, e.address) ? { ...x, prior: e.prior, priorSecret: e.priorSecret, ...(e.shape !== undefined ? { shape: e.shape } : {}) } : x)) },
        })),
      }));
    }
    const result = revertEdits(EDITORS[edit.format], current, { ...edit.undo, entries: own });
    const heir = others[0];
    if (heir && result.remaining.length > 0) {
      // Containers this login created that others still use now belong to one of them.
      logins = logins.map((l) => (l.id !== heir.id ? l : {
        ...l, files: l.files.map((f) => (f.path !== edit.path ? f : { ...f, undo: { ...f.undo, created: [...result.remaining, ...f.undo.created] } })),
      }));
    }
    const record = files.find((r) => r.path === edit.path);
    const kept = result.kept.length > 0 ? { kept: result.kept } : {};
    if (others.length > 0 || !record) {
      if (result.text !== current) await fs.writeAtomic(edit.path, result.text, (await fs.mode(edit.path)) ?? DEFAULT_MODE);
      changes.push({ path: edit.path, action: result.text !== current ? 'updated' : 'unchanged', ...kept });
      continue;
    }
    files = files.filter((r) => r.path !== edit.path);
    changes.push(await finishFile(record, current, result.text, fs, kept));
  }
  return { manifest: { ...manifest, logins, files }, changes };
}

/** The last login of a file is gone: delete what Conveyor created, or restore content and mode. */
async function finishFile(record: FileRecord, current: string, text: string, fs: ConfigFs, kept: { kept?: string[] }): Promise<FileChange> {
  if (!record.existed && (text === record.skeleton || text === '')) {
    await fs.remove(record.path);
    for (const dir of [...record.createdDirs].reverse()) await fs.rmdirIfEmpty(dir);
    return { path: record.path, action: 'deleted', ...kept };
  }
  const mode = record.mode ?? (await fs.mode(record.path)) ?? DEFAULT_MODE;
  if (text !== current) await fs.writeAtomic(record.path, text, mode);
  else if ((await fs.mode(record.path)) !== mode) await fs.chmod(record.path, mode);
  if (record.backup && (await fs.read(record.backup)) === text) await fs.remove(record.backup);
  return { path: record.path, action: 'restored', ...kept };
}
