// Applies a login plan to the disk and undoes it: every file is read as bytes, decoded (or refused),
// edited and encoded first (an edit that cannot be undone exactly aborts the whole login before
// anything is written), then written atomically; the first edit of a file keeps a backup; logout puts
// back exactly what was there, byte for byte.
import * as path from 'node:path';
import { applyEdits, ConfigEditError, fingerprint, revertEdits, type FileUndo } from '../config/edit';
import { checkEdit, checkRoundTrip, ConfigEncodingError, decodeConfig, encodeConfig, isAscii, sameBytes, type DecodedFile, type FileEncoding } from '../config/encoding';
import { EDITORS } from '../config/formats';
import { loginsTouching, type FileRecord, type LoginEdits, type LoginFileEdits, type Manifest } from './manifest';
import type { ConfigFs } from './node-fs';
import { loginId, type FilePlan, type LoginPlan } from './plan';
import { environmentConflicts } from './terminal-scope';

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

/** Another active login already manages an entry or a terminal variable this one needs. */
export class LoginConflictError extends Error {
  /** `file`: the config file both edit; `variables`: the terminal variables both set (then `file` is undefined). */
  constructor(readonly otherLogins: string[], readonly file: string | undefined, readonly variables: readonly string[] = []) {
    super(file !== undefined
      ? `${file} already has entries managed by another Conveyor login; log out of it first`
      : `the terminal variable${variables.length > 1 ? 's' : ''} ${variables.join(', ')} ${variables.length > 1 ? 'are' : 'is'} already set by another Conveyor login in the same terminals; log out of it first`);
    this.name = 'LoginConflictError';
  }
}

export interface ApplyHooks {
  /** Gets the record the login is about to make true before the first byte is written (write-ahead). */
  beforeWrite?(next: Manifest): Promise<void>;
}

const sameAddress = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

interface Computed {
  plan: FilePlan;
  real: string;
  before: Uint8Array | undefined;
  /** Permission bits before the login. */
  mode: number | undefined;
  bytes: Uint8Array;
  undo: FileUndo;
  encoding: FileEncoding;
}

function withPath(file: string, err: unknown): unknown {
  if (err instanceof ConfigEncodingError) return new ConfigEncodingError(`${file}: ${err.message}`);
  if (err instanceof ConfigEditError) return new ConfigEditError(`${file}: ${err.message}`);
  return err;
}

/**
 * Decodes a file; `recorded` is its encoding when a login first edited it. A single-byte file whose
 * only non-ASCII bytes were in a value the login replaced is plain ASCII now, which reads as UTF-8:
 * it is still the single-byte file it was, and what logout puts back must be encoded that way.
 */
function decode(file: string, bytes: Uint8Array, format: FilePlan['format'], recorded?: FileEncoding): DecodedFile {
  let decoded: DecodedFile;
  try {
    decoded = decodeConfig(bytes, format);
  } catch (err) {
    throw withPath(file, err);
  }
  return recorded === 'single-byte' && decoded.encoding === 'utf-8' && isAscii(decoded.text) ? { ...decoded, encoding: recorded } : decoded;
}

async function computeFile(file: FilePlan, token: string, id: string, manifest: Manifest, previous: LoginEdits | undefined, fs: ConfigFs): Promise<Computed> {
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
  const mode = await fs.mode(real);
  const earlier = previous?.files.find((f) => f.path === real);
  const decoded: DecodedFile = before === undefined ? { text: file.skeleton, encoding: 'utf-8' } : decode(real, before, file.format, earlier?.encoding);
  try {
    const { text, undo } = applyEdits(EDITORS[file.format], decoded.text, ops, earlier?.undo);
    checkEdit(decoded.text, text, decoded.encoding);
    return { plan: file, real, before, mode, bytes: encodeConfig(text, decoded.encoding), undo, encoding: earlier?.encoding ?? decoded.encoding };
  } catch (err) {
    throw withPath(real, err);
  }
}

/** The folders mkdirp would create for `dir`, outermost first. */
async function missingDirs(dir: string, fs: ConfigFs): Promise<string[]> {
  const missing: string[] = [];
  for (let d = dir; (await fs.mode(d)) === undefined; d = path.dirname(d)) {
    missing.unshift(d);
    if (path.dirname(d) === d) break;
  }
  return missing;
}

async function newRecord(c: Computed, fs: ConfigFs): Promise<FileRecord> {
  const existed = c.before !== undefined;
  return {
    path: c.real, existed, ...(c.mode !== undefined ? { mode: c.mode } : {}),
    // An older backup left beside the file is adopted too: it goes only once the file is byte-identical to it.
    ...(existed ? { backup: c.real + BACKUP_SUFFIX } : {}),
    skeleton: existed ? '' : c.plan.skeleton, createdDirs: existed ? [] : await missingDirs(path.dirname(c.real), fs),
  };
}

/** Writes every computed file; on a failure, undoes every step already taken (content, mode, backups, folders). */
async function writeAll(computed: readonly Computed[], fresh: ReadonlyMap<string, FileRecord>, fs: ConfigFs): Promise<FileChange[]> {
  const changes: FileChange[] = [];
  const undo: (() => Promise<void>)[] = [];
  try {
    for (const c of computed) {
      const record = fresh.get(c.real);
      let backup: string | undefined;
      if (record) {
        const dirs = await fs.mkdirp(path.dirname(c.real));
        undo.push(async () => { for (const d of [...dirs].reverse()) await fs.rmdirIfEmpty(d); });
        if (record.backup && c.before !== undefined && await fs.copyIfAbsent(c.real, record.backup, TOKEN_MODE)) {
          const made = record.backup;
          backup = made;
          undo.push(() => fs.remove(made));
        }
      }
      const wantedMode = c.plan.tokenBearing ? TOKEN_MODE : c.mode ?? DEFAULT_MODE;
      const { before, mode } = c;
      if (before !== undefined && sameBytes(before, c.bytes)) {
        if (mode !== undefined && mode !== wantedMode) {
          await fs.chmod(c.real, wantedMode);
          undo.push(() => fs.chmod(c.real, mode));
        }
        changes.push({ path: c.real, action: 'unchanged' });
        continue;
      }
      await fs.writeAtomic(c.real, c.bytes, wantedMode);
      undo.push(before === undefined ? () => fs.remove(c.real) : () => fs.writeAtomic(c.real, before, mode ?? DEFAULT_MODE));
      changes.push({ path: c.real, action: before === undefined ? 'created' : 'updated', ...(backup ? { backup } : {}) });
    }
  } catch (err) {
    // Put back what this login already did; the files it did not reach were never touched.
    for (const step of undo.reverse()) await step().catch(() => undefined);
    throw err;
  }
  return changes;
}

/** Logs in: edits every planned file (or none), records the edits in the manifest. */
export async function applyLogin(plan: LoginPlan, token: string, manifest: Manifest, fs: ConfigFs, hooks: ApplyHooks = {}): Promise<{ manifest: Manifest; changes: FileChange[] }> {
  const id = loginId(plan.request);
  const previous = manifest.logins.find((l) => l.id === id);
  const conflicts = environmentConflicts(plan.request, id, Object.keys(plan.environment('')), manifest.active ?? []);
  if (conflicts.ids.length > 0) throw new LoginConflictError(conflicts.ids, undefined, conflicts.names);
  const computed: Computed[] = [];
  for (const file of plan.files) computed.push(await computeFile(file, token, id, manifest, previous, fs));

  const records = new Map(manifest.files.map((r) => [r.path, r]));
  const fresh = new Map<string, FileRecord>();
  for (const c of computed) {
    if (records.has(c.real) || fresh.has(c.real)) continue;
    const record = await newRecord(c, fs);
    records.set(c.real, record);
    fresh.set(c.real, record);
  }
  const edits: LoginEdits = {
    id,
    files: computed.map((c): LoginFileEdits => ({
      path: c.real, format: c.plan.format, tokenBearing: c.plan.tokenBearing, undo: c.undo, ...(c.encoding !== 'utf-8' ? { encoding: c.encoding } : {}),
    })),
  };
  const logins = previous ? manifest.logins.map((l) => (l.id === id ? edits : l)) : [...manifest.logins, edits];
  const used = new Set(logins.flatMap((l) => l.files.map((f) => f.path)));
  const next: Manifest = { ...manifest, logins, files: [...records.values()].filter((r) => used.has(r.path)) };
  await hooks.beforeWrite?.(next);
  return { manifest: next, changes: await writeAll(computed, fresh, fs) };
}

export interface OnDisk {
  bytes: Uint8Array;
  decoded: DecodedFile;
}

/** A config file's bytes and text, as a login with these edits reads it; undefined when it is missing. */
export async function readConfig(fs: ConfigFs, edit: Pick<LoginFileEdits, 'path' | 'format' | 'encoding'>): Promise<OnDisk | undefined> {
  const bytes = await fs.read(edit.path);
  return bytes === undefined ? undefined : { bytes, decoded: decode(edit.path, bytes, edit.format, edit.encoding) };
}

/** Logs out: undoes the login's edits file by file and forgets it. Files no other login uses go back to how they were. */
export async function applyLogout(id: string, manifest: Manifest, fs: ConfigFs): Promise<{ manifest: Manifest; changes: FileChange[] }> {
  const login = manifest.logins.find((l) => l.id === id);
  if (!login) return { manifest, changes: [] };
  // Every file is read and decoded first: one Conveyor cannot edit any more stops the logout before anything changes.
  const onDisk = new Map<string, OnDisk | undefined>();
  for (const edit of login.files) onDisk.set(edit.path, await readConfig(fs, edit));
  let logins = manifest.logins.filter((l) => l.id !== id);
  let files = [...manifest.files];
  const changes: FileChange[] = [];
  for (const edit of [...login.files].reverse()) {
    const disk = onDisk.get(edit.path);
    if (disk === undefined) {
      changes.push({ path: edit.path, action: 'missing' });
      continue;
    }
    const current = disk.decoded.text;
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
    checkRoundTrip(result.text, disk.decoded.encoding);
    const heir = others[0];
    if (heir && result.remaining.length > 0) {
      // Containers this login created that others still use now belong to one of them.
      logins = logins.map((l) => (l.id !== heir.id ? l : {
        ...l, files: l.files.map((f) => (f.path !== edit.path ? f : { ...f, undo: { ...f.undo, created: [...result.remaining, ...f.undo.created] } })),
      }));
    }
    const record = files.find((r) => r.path === edit.path);
    if (others.length > 0 || !record) {
      const bytes = encodeConfig(result.text, disk.decoded.encoding);
      const changed = !sameBytes(bytes, disk.bytes);
      if (changed) await fs.writeAtomic(edit.path, bytes, (await fs.mode(edit.path)) ?? DEFAULT_MODE);
      changes.push({ path: edit.path, action: changed ? 'updated' : 'unchanged', ...(result.kept.length > 0 ? { kept: result.kept } : {}) });
      continue;
    }
    files = files.filter((r) => r.path !== edit.path);
    changes.push(await finishFile(record, disk, result.text, fs, result.kept));
  }
  return { manifest: { ...manifest, logins, files }, changes };
}

/** The last login of a file is gone: delete what Conveyor created, or restore content and mode; the backup goes once the file is byte-identical to it. */
async function finishFile(record: FileRecord, disk: OnDisk, text: string, fs: ConfigFs, kept: string[]): Promise<FileChange> {
  const keptList = (more: string[] = []): { kept?: string[] } => (kept.length + more.length > 0 ? { kept: [...kept, ...more] } : {});
  if (!record.existed && (text === record.skeleton || text === '')) {
    await fs.remove(record.path);
    for (const dir of [...record.createdDirs].reverse()) await fs.rmdirIfEmpty(dir);
    return { path: record.path, action: 'deleted', ...keptList() };
  }
  const mode = record.mode ?? (await fs.mode(record.path)) ?? DEFAULT_MODE;
  const bytes = encodeConfig(text, disk.decoded.encoding);
  if (!sameBytes(bytes, disk.bytes)) await fs.writeAtomic(record.path, bytes, mode);
  else if ((await fs.mode(record.path)) !== mode) await fs.chmod(record.path, mode);
  const backupNote: string[] = [];
  if (record.backup) {
    const backup = await fs.read(record.backup);
    if (backup !== undefined && sameBytes(backup, bytes)) await fs.remove(record.backup);
    else if (backup !== undefined) backupNote.push(`the backup ${path.basename(record.backup)} was kept: the file is not byte-identical to it`);
  }
  return { path: record.path, action: 'restored', ...keptList(backupNote) };
}
