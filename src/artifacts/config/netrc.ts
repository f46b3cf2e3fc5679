// .netrc: whitespace-separated tokens `machine <host> login <l> password <p>` (plus `account`,
// `default`, `macdef` bodies that run to the next blank line, and `#` comment lines). The first entry
// for a host wins, as in curl. Addresses: [host] for the entry, [host, 'login'|'password'] for a value.
import type { ContainerRemoval, FormatEditor, WriteResult } from './edit';
import { ConfigEditError } from './edit';
import { insertLines, lineEndAt, lineStartAt, removeLines, splice } from './text';

interface Token {
  text: string;
  start: number;
  end: number;
}

interface Machine {
  name: Token;
  keyword: Token;
  /** Property keyword → its value token. */
  props: Map<string, { keyword: Token; value: Token }>;
  tokens: Token[];
}

function tokenize(text: string): { tokens: Token[]; endsInMacro: boolean } {
  const out: Token[] = [];
  let i = 0;
  let inMacdef = false;
  while (i < text.length) {
    if (inMacdef) {
      // A macro body ends at the first empty line.
      const lineEnd = text.indexOf('\n', i);
      if (lineEnd < 0) break;
      const next = lineEnd + 1;
      if (next >= text.length) break;
      const following = text.slice(next, lineEndAt(text, next));
      i = next;
      if (following === '') inMacdef = false;
      continue;
    }
    const c = text[i] ?? '';
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '#' && text.slice(lineStartAt(text, i), i).trim() === '') {
      i = lineEndAt(text, i);
      continue;
    }
    let j = i;
    while (j < text.length && !/\s/.test(text[j] ?? '')) j++;
    const token = { text: text.slice(i, j), start: i, end: j };
    out.push(token);
    const prev = out[out.length - 2];
    if (prev?.text === 'macdef') inMacdef = true;
    i = j;
  }
  return { tokens: out, endsInMacro: inMacdef };
}

const PROPERTIES = ['login', 'password', 'account', 'port', 'protocol'];

/** The `default` keyword (not a value that happens to read "default"), if the file has one. */
function defaultEntry(tokens: readonly Token[]): Token | undefined {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]?.text;
    if (t === 'default') return tokens[i];
    if (t === 'machine' || t === 'macdef' || (t !== undefined && PROPERTIES.includes(t))) i++;
  }
  return undefined;
}

function machines(text: string): Machine[] {
  const { tokens } = tokenize(text);
  const out: Machine[] = [];
  let current: Machine | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t) continue;
    if (t.text === 'machine' || t.text === 'default' || t.text === 'macdef') {
      current = undefined;
      if (t.text === 'machine') {
        const name = tokens[i + 1];
        if (!name) break;
        current = { keyword: t, name, props: new Map(), tokens: [t, name] };
        out.push(current);
        i++;
      } else if (t.text === 'macdef') i++;
      continue;
    }
    const value = tokens[i + 1];
    if (current && value && PROPERTIES.includes(t.text)) {
      if (!current.props.has(t.text)) current.props.set(t.text, { keyword: t, value });
      current.tokens.push(t, value);
      i++;
    }
  }
  return out;
}

function split(address: readonly string[]): { host: string; prop?: 'login' | 'password' } {
  const [host, prop] = address;
  if (host === undefined || address.length > 2 || (prop !== undefined && prop !== 'login' && prop !== 'password')) {
    throw new ConfigEditError(`Invalid .netrc address ${address.join('.')}`);
  }
  return prop ? { host, prop } : { host };
}

function checkToken(value: string): string {
  if (value === '' || /\s/.test(value) || value.startsWith('#')) throw new ConfigEditError('.netrc values cannot be empty or contain spaces');
  return value;
}

const find = (text: string, host: string): Machine | undefined => machines(text).find((m) => m.name.text === host);

export const netrcEditor: FormatEditor = {
  read(text, address) {
    const { host, prop } = split(address);
    const m = find(text, host);
    if (!m || !prop) return undefined;
    const p = m.props.get(prop);
    return p ? { value: p.value.text, raw: p.value.text } : undefined;
  },

  write(text, address, value): WriteResult {
    const { host, prop } = split(address);
    checkToken(host);
    if (!prop) throw new ConfigEditError('A .netrc write needs login or password');
    const v = checkToken(value);
    // Tools disagree on which of several entries for one host wins (curl: the first, Python: the last).
    const entries = machines(text).filter((x) => x.name.text === host).length;
    if (entries > 1) throw new ConfigEditError(`.netrc has ${entries} entries for ${host}; keep one of them and log in again`);
    const m = find(text, host);
    if (!m) {
      // `default` must stay the last entry (netrc(5); SwiftPM rejects the whole file otherwise): a new
      // machine goes on its own line before the line that holds `default`.
      const { tokens, endsInMacro } = tokenize(text);
      const fallback = defaultEntry(tokens);
      if (fallback) {
        return { text: insertLines(text, lineStartAt(text, fallback.start), [`machine ${host} ${prop} ${v}`]), created: [{ address: [host] }] };
      }
      // After an unterminated macdef body the new line would belong to the macro: end it first.
      const blankLineBefore = endsInMacro;
      const added = [...(blankLineBefore ? [''] : []), `machine ${host} ${prop} ${v}`];
      return { text: insertLines(text, text.length, added), created: [{ address: [host], ...(blankLineBefore ? { blankLineBefore } : {}) }] };
    }
    const p = m.props.get(prop);
    if (p) return { text: splice(text, p.value.start, p.value.end, v), created: [] };
    const last = m.tokens[m.tokens.length - 1] ?? m.name;
    return { text: splice(text, last.end, last.end, ` ${prop} ${v}`), created: [] };
  },

  restore(text, address, raw) {
    const { host, prop } = split(address);
    const p = prop ? find(text, host)?.props.get(prop) : undefined;
    return p ? splice(text, p.value.start, p.value.end, raw) : text;
  },

  remove(text, address) {
    const { host, prop } = split(address);
    const p = prop ? find(text, host)?.props.get(prop) : undefined;
    if (!p) return text;
    const start = text[p.keyword.start - 1] === ' ' ? p.keyword.start - 1 : p.keyword.start;
    return splice(text, start, p.value.end, '');
  },

  removeIfEmpty(text, container): ContainerRemoval {
    const [host] = container.address;
    if (host === undefined) return 'absent';
    const m = find(text, host);
    if (!m) return 'absent';
    if (m.tokens.length > 2) return 'in-use';
    const lineStart = lineStartAt(text, m.keyword.start);
    const lineEnd = lineEndAt(text, m.name.end);
    const alone = text.slice(lineStart, m.keyword.start).trim() === '' && text.slice(m.name.end, lineEnd).trim() === '';
    if (!alone) return { text: splice(text, m.keyword.start, m.name.end, '') };
    const start = container.blankLineBefore && lineStart > 0 ? lineStartAt(text, lineStart - 1) : lineStart;
    return { text: removeLines(text, start, lineEnd) };
  },
};
