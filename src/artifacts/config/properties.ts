// Java .properties (gradle.properties) as java.util.Properties.load reads it: logical lines continued
// by an odd number of trailing backslashes, `#`/`!` comments, key ended by an unescaped `=`, `:` or
// whitespace, the last occurrence of a key wins. Addresses are [key].
import type { ContainerRemoval, FormatEditor, WriteResult } from './edit';
import { ConfigEditError } from './edit';
import { insertLines, lines, lineStartAt, removeLines, splice, type LineInfo } from './text';

const AFTER_CONTINUATION = 'after-continuation';

interface Entry {
  key: string;
  value: string;
  first: LineInfo;
  last: LineInfo;
  /** Offset in the file where the value's source starts, when it starts on the first physical line. */
  valueStart: number | undefined;
}

const WS = new Set([' ', '\t', '\f']);

function continues(line: string): boolean {
  let n = 0;
  for (let i = line.length - 1; i >= 0 && line[i] === '\\'; i--) n++;
  return n % 2 === 1;
}

function unescape(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i] ?? '';
    if (c !== '\\') {
      out += c;
      continue;
    }
    const n = s[++i];
    if (n === undefined) break;
    if (n === 'u' && /^[0-9a-fA-F]{4}$/.test(s.slice(i + 1, i + 5))) {
      out += String.fromCharCode(parseInt(s.slice(i + 1, i + 5), 16));
      i += 4;
    } else out += n === 't' ? '\t' : n === 'n' ? '\n' : n === 'r' ? '\r' : n === 'f' ? '\f' : n;
  }
  return out;
}

/** Splits one physical-or-logical line into key and value, as Properties.load does. */
function splitKeyValue(logical: string): { key: string; valueOffset: number } {
  let i = 0;
  while (i < logical.length && WS.has(logical[i] ?? '')) i++;
  const keyStart = i;
  let esc = false;
  for (; i < logical.length; i++) {
    const c = logical[i] ?? '';
    if (esc) esc = false;
    else if (c === '\\') esc = true;
    else if (c === '=' || c === ':' || WS.has(c)) break;
  }
  const key = logical.slice(keyStart, i);
  while (i < logical.length && WS.has(logical[i] ?? '')) i++;
  if (logical[i] === '=' || logical[i] === ':') {
    i++;
    while (i < logical.length && WS.has(logical[i] ?? '')) i++;
  }
  return { key: unescape(key), valueOffset: i };
}

function parse(text: string): Entry[] {
  const all = lines(text);
  const entries: Entry[] = [];
  for (let i = 0; i < all.length; i++) {
    const first = all[i];
    if (!first) continue;
    const lead = first.text.trimStart();
    if (lead === '' || lead.startsWith('#') || lead.startsWith('!')) continue;
    let logical = first.text;
    let last = first;
    while (continues(last.text) && i + 1 < all.length) {
      const nextLine = all[++i];
      if (!nextLine) break;
      logical = logical.slice(0, -1) + nextLine.text.replace(/^[ \t\f]*/, '');
      last = nextLine;
    }
    if (continues(logical)) logical = logical.slice(0, -1);
    const { key, valueOffset } = splitKeyValue(logical);
    const onFirstLine = valueOffset <= first.text.length - (continues(first.text) && last !== first ? 1 : 0);
    entries.push({ key, value: unescape(logical.slice(valueOffset)), first, last,
      valueStart: onFirstLine ? first.start + valueOffset : undefined });
  }
  return entries;
}

function escapeKey(key: string): string {
  return key.replace(/[\\=:#! \t\f]/g, (c) => `\\${c}`);
}

/** Escapes a value; non-ASCII becomes \uXXXX because Gradle reads the file as ISO-8859-1. */
export function escapePropertyValue(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i] ?? '';
    const code = c.charCodeAt(0);
    if (c === '\\') out += '\\\\';
    else if (c === '\n') out += '\\n';
    else if (c === '\r') out += '\\r';
    else if (c === '\t') out += '\\t';
    else if (c === '\f') out += '\\f';
    else if (c === ' ' && i === 0) out += '\\ ';
    else if (code < 0x20 || code > 0x7e) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += c;
  }
  return out;
}

function keyOf(address: readonly string[]): string {
  const [key] = address;
  if (key === undefined || address.length !== 1 || key === '') throw new ConfigEditError(`Invalid properties address ${address.join('.')}`);
  return key;
}

function find(text: string, key: string): Entry | undefined {
  const entries = parse(text);
  for (let i = entries.length - 1; i >= 0; i--) if (entries[i]?.key === key) return entries[i];
  return undefined;
}

export const propertiesEditor: FormatEditor = {
  read(text, address) {
    const e = find(text, keyOf(address));
    return e ? { value: e.value, raw: text.slice(e.first.start, e.last.end) } : undefined;
  },

  write(text, address, value): WriteResult {
    const key = keyOf(address);
    const e = find(text, key);
    const rendered = escapePropertyValue(value);
    if (e) {
      return e.valueStart !== undefined
        ? { text: splice(text, e.valueStart, e.last.end, rendered), created: [] }
        : { text: splice(text, e.first.start, e.last.end, `${escapeKey(key)}=${rendered}`), created: [] };
    }
    // A file whose last line continues would swallow the new line; a blank line ends that value.
    const lastLine = lines(text).at(-1);
    const afterContinuation = lastLine !== undefined && continues(lastLine.text);
    const added = [...(afterContinuation ? [''] : []), `${escapeKey(key)}=${rendered}`];
    return { text: insertLines(text, text.length, added), created: [], ...(afterContinuation ? { shape: AFTER_CONTINUATION } : {}) };
  },

  restore(text, address, raw) {
    const e = find(text, keyOf(address));
    return e ? splice(text, e.first.start, e.last.end, raw) : text;
  },

  remove(text, address, shape) {
    const e = find(text, keyOf(address));
    if (!e) return text;
    const start = shape === AFTER_CONTINUATION && e.first.start > 0 ? lineStartAt(text, e.first.start - 1) : e.first.start;
    return removeLines(text, start, e.last.end);
  },

  removeIfEmpty(): ContainerRemoval {
    return 'absent';
  },
};
