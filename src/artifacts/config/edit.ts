// The login/logout engine shared by every config format: a format only knows how to read, write,
// restore and remove one entry; this module decides what to record so that logout puts back exactly
// what was there before the first login.
import { createHash } from 'node:crypto';

/** One value Conveyor wants in a config file. Addresses are format-specific (see each editor). */
export interface EditOp {
  address: readonly string[];
  value: string;
  /** The value is a credential: undo records keep only a fingerprint of it. */
  secret?: boolean;
  /**
   * The entry holds a credential, even when the value written is not one (a `${VAR}` reference):
   * what it held before may be a secret, and goes to the secret store, never into the record.
   */
  credential?: boolean;
}

export interface UndoEntry {
  address: string[];
  /** Raw source text the entry had before the first login; null when Conveyor added the entry. */
  prior: string | null;
  /** `prior` replaced a credential-bearing entry (or holds URL credentials), so it may itself be a secret. */
  priorSecret: boolean;
  secret: boolean;
  /** The value written, or `sha256:<hex>` of it for secrets. */
  written: string;
  /** Format-specific: the original text of the container the entry was inserted into, when it had to be reshaped. */
  shape?: string;
}

/** A section, table, map or element Conveyor created to hold its entries. */
export interface CreatedContainer {
  address: string[];
  /** Format-specific: the original text of the parent it was inserted into, when that had to be reshaped (e.g. `<servers/>`, `{}`). */
  shape?: string;
  /** A blank line was inserted before it to separate it from what precedes it. */
  blankLineBefore?: boolean;
}

/** Everything needed to undo one login's edits to one file. JSON-serialisable, never holds a token. */
export interface FileUndo {
  entries: UndoEntry[];
  created: CreatedContainer[];
}

/** What a file format offers the engine. Every method is pure and leaves other text untouched. */
export interface FormatEditor {
  /** The entry's logical value and its raw source text (what restore() accepts), if present. */
  read(text: string, address: readonly string[]): { value: string; raw: string } | undefined;
  /**
   * Sets the value in place, or inserts the entry (creating the containers it needs). `shape` is set
   * when the entry itself went into a container that had to be reshaped; remove() gets it back.
   */
  write(text: string, address: readonly string[], value: string): WriteResult;
  /** Replaces the entry with raw text read() returned earlier. */
  restore(text: string, address: readonly string[], raw: string): string;
  /** Removes an entry that write() inserted. */
  remove(text: string, address: readonly string[], shape?: string): string;
  /** Removes a container write() created, if nothing of anyone else's is left in it. */
  removeIfEmpty(text: string, container: CreatedContainer): ContainerRemoval;
}

export interface WriteResult {
  text: string;
  created: CreatedContainer[];
  shape?: string;
}

/** The new text, or why the container stays: someone else's entries are in it, or it is gone. */
export type ContainerRemoval = { text: string } | 'in-use' | 'absent';

/** A file that cannot be edited safely; nothing was written. */
export class ConfigEditError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigEditError';
  }
}

export function fingerprint(value: string, secret: boolean): string {
  return secret ? `sha256:${createHash('sha256').update(value).digest('hex')}` : value;
}

/** `scheme://user:password@host`: a URL that carries credentials. */
function hasUrlCredentials(text: string): boolean {
  return /[a-z][a-z0-9+.-]*:\/\/[^\s/@]*:[^\s@]*@/i.test(text);
}

const sameAddress = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((part, i) => part === b[i]);

function sameContainer(a: CreatedContainer, b: CreatedContainer): boolean {
  return sameAddress(a.address, b.address);
}

export interface ApplyResult {
  text: string;
  undo: FileUndo;
}

/**
 * Applies ops in order. `previous` is the undo record of an earlier login with the same identity:
 * its priors are kept (logout must restore the state before the first login) and values that are
 * already right stay untouched, so a re-login changes nothing but the token.
 */
export function applyEdits(editor: FormatEditor, original: string, ops: readonly EditOp[], previous?: FileUndo): ApplyResult {
  let text = original;
  const created: CreatedContainer[] = [...(previous?.created ?? [])];
  // Entries of the previous login that this plan no longer contains are undone first.
  const stale = (previous?.entries ?? []).filter((e) => !ops.some((op) => sameAddress(op.address, e.address)));
  if (stale.length > 0) text = revertEntries(editor, text, stale).text;
  const entries: UndoEntry[] = [];
  for (const op of ops) {
    const secret = op.secret ?? false;
    const earlier = previous?.entries.find((e) => sameAddress(e.address, op.address));
    const current = editor.read(text, op.address);
    let shape = earlier?.shape;
    if (current?.value !== op.value) {
      const result = editor.write(text, op.address, op.value);
      text = result.text;
      if (!current && result.shape !== undefined) shape = result.shape;
      for (const c of result.created) if (!created.some((x) => sameContainer(x, c))) created.push(c);
    }
    const prior = earlier ? earlier.prior : current ? current.raw : null;
    entries.push({
      address: [...op.address],
      prior,
      priorSecret: prior !== null && (earlier?.priorSecret === true || secret || op.credential === true || hasUrlCredentials(prior)),
      secret,
      written: fingerprint(op.value, secret),
      ...(shape !== undefined ? { shape } : {}),
    });
  }
  const undo = { entries, created };
  // Safety net: logout must give back what a logout before this edit would have. If an editor ever
  // got a file wrong, refuse the edit instead of writing something logout could not undo.
  const expected = previous ? revertEdits(editor, original, previous).text : original;
  if (revertEdits(editor, text, undo).text !== expected || ops.some((op) => editor.read(text, op.address)?.value !== op.value)) {
    throw new ConfigEditError('Conveyor could not edit this file in a way it can undo exactly; it was left unchanged');
  }
  return { text, undo };
}

export interface RevertResult {
  text: string;
  /** One line per entry left alone because it changed after login (shown to the person). */
  kept: string[];
  /** Created containers that still hold someone else's entries (handed to another login). */
  remaining: CreatedContainer[];
}

function revertEntries(editor: FormatEditor, original: string, entries: readonly UndoEntry[]): { text: string; kept: string[] } {
  let text = original;
  const kept: string[] = [];
  for (const entry of [...entries].reverse()) {
    const current = editor.read(text, entry.address);
    const label = entry.address.join(' › ');
    if (!current) {
      if (entry.prior !== null) kept.push(`${label} was removed after login; not restored`);
      continue;
    }
    if (fingerprint(current.value, entry.secret) !== entry.written) {
      // Already back to what it was (an interrupted logout, or a login that never reached the file): nothing to say.
      if (entry.prior === null || current.raw !== entry.prior) kept.push(`${label} was changed after login; left as it is`);
      continue;
    }
    text = entry.prior === null ? editor.remove(text, entry.address, entry.shape) : editor.restore(text, entry.address, entry.prior);
  }
  return { text, kept };
}

/** Undoes one login's edits: entries in reverse order, then the containers it created, newest first. */
export function revertEdits(editor: FormatEditor, original: string, undo: FileUndo): RevertResult {
  const { text: afterEntries, kept } = revertEntries(editor, original, undo.entries);
  let text = afterEntries;
  const remaining: CreatedContainer[] = [];
  // Reverse creation order: inner containers were created after (or with) their parents.
  for (const container of [...undo.created].reverse()) {
    const next = editor.removeIfEmpty(text, container);
    if (next === 'in-use') remaining.push(container);
    else if (next !== 'absent') text = next.text;
  }
  return { text, kept, remaining };
}
