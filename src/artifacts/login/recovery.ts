// Repairs what an interrupted change left (VS Code was closed, the extension host crashed, the
// machine lost power between writing config files and committing the record). Every change saves the
// record it is about to make true before it writes a config file (write-ahead), so the record always
// knows every entry that may be on disk:
// - a login that never committed (it is in `logins` but has no `active` entry) is undone, exactly as
//   a logout would: whatever part of it reached the disk goes, what it replaced comes back;
// - a refresh or re-login that never committed (`pending` names a committed login) may have written
//   the new token to some files and not to others: for each entry the record takes the fingerprint
//   that is on disk, the new one or the one from before, so a later logout recognises it.
import { fingerprint } from '../config/edit';
import { EDITORS } from '../config/formats';
import { applyLogout, readConfig } from './engine';
import type { LoginEdits, Manifest, PendingChange } from './manifest';
import type { ConfigFs } from './node-fs';

export interface Repair {
  /** The same object when there was nothing to repair. */
  manifest: Manifest;
  /** Logins that never committed and were undone (their tokens can go too). */
  undone: string[];
  messages: string[];
}

const sameAddress = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);
const describe = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/** Makes each entry of an unfinished refresh record the value that actually reached its file. */
async function reconcile(login: LoginEdits, pending: PendingChange, fs: ConfigFs): Promise<LoginEdits> {
  const files = [];
  for (const edit of login.files) {
    const disk = await readConfig(fs, edit).catch(() => undefined);
    if (!disk) {
      files.push(edit);
      continue;
    }
    const entries = edit.undo.entries.map((e) => {
      const current = EDITORS[edit.format].read(disk.decoded.text, e.address);
      if (!current || fingerprint(current.value, e.secret) === e.written) return e;
      const before = pending.previous?.find((p) => p.path === edit.path && sameAddress(p.address, e.address));
      return before && fingerprint(current.value, e.secret) === before.written ? { ...e, written: before.written } : e;
    });
    files.push({ ...edit, undo: { ...edit.undo, entries } });
  }
  return { ...login, files };
}

export async function recoverInterrupted(manifest: Manifest, fs: ConfigFs): Promise<Repair> {
  const active = new Set((manifest.active ?? []).map((m) => m.id));
  const unfinished = manifest.logins.filter((l) => !active.has(l.id));
  const { pending } = manifest;
  if (!pending && unfinished.length === 0) return { manifest, undone: [], messages: [] };

  let m: Manifest = { ...manifest };
  delete m.pending;
  const messages: string[] = [];
  const refreshed = pending && active.has(pending.id) ? m.logins.find((l) => l.id === pending.id) : undefined;
  if (pending && refreshed) {
    const fixed = await reconcile(refreshed, pending, fs);
    m = { ...m, logins: m.logins.map((l) => (l.id === pending.id ? fixed : l)) };
    messages.push(`A token refresh of ${pending.id} was interrupted; the record now matches the files.`);
  }
  const undone: string[] = [];
  for (const login of unfinished) {
    try {
      const out = await applyLogout(login.id, m, fs);
      m = out.manifest;
      undone.push(login.id);
      const files = out.changes.map((c) => `${c.path} ${c.action}`).join('; ');
      messages.push(`A login (${login.id}) was interrupted before it finished; it was undone${files ? `: ${files}` : ''}.`);
    } catch (err) {
      messages.push(`A login (${login.id}) was interrupted before it finished and could not be undone: ${describe(err)}`);
    }
  }
  return { manifest: m, undone, messages };
}
