// .npmrc (npm, pnpm): the `ini` package's dialect as npm reads it. Addresses are [key], e.g.
// ['registry'], ['@scope:registry'], ['//host/npm/repo/:_authToken']; only top-level keys (before any
// [section]) count, the last occurrence wins, values are unquoted and `;`/`#` start a comment.
import type { ContainerRemoval, FormatEditor, WriteResult } from './edit';
import { ConfigEditError } from './edit';
import { insertLines, lines, nextLineStart, removeLines, splice, type LineInfo } from './text';

interface Entry {
  line: LineInfo;
  key: string;
  value: string;
  /** Offsets of the value's source text (quotes included, inline comment excluded). */
  valueStart: number;
  valueEnd: number;
}

const SECTION = /^\[([^\]]*)\]\s*$/;

function isQuoted(v: string): boolean {
  return v.length > 1 && ((v.startsWith('"') && v.endsWith('"')) || (v.startsWith("'") && v.endsWith("'")));
}

/** `ini`'s unsafe(): unquote, or cut at an unescaped `;`/`#` and unescape. */
export function unsafeIni(raw: string): string {
  const v = raw.trim();
  if (isQuoted(v)) {
    const inner = v.startsWith("'") ? v.slice(1, -1) : v;
    try {
      const parsed: unknown = JSON.parse(inner);
      return typeof parsed === 'string' ? parsed : inner;
    } catch {
      return inner;
    }
  }
  let out = '';
  let esc = false;
  for (const c of v) {
    if (esc) {
      out += ';#\\'.includes(c) ? c : `\\${c}`;
      esc = false;
    } else if (c === ';' || c === '#') break;
    else if (c === '\\') esc = true;
    else out += c;
  }
  if (esc) out += '\\';
  return out.trim();
}

/** Where an unquoted value's comment starts (or its end). */
function valueExtent(rest: string): number {
  const trimmed = rest.trimEnd();
  if (isQuoted(trimmed.trim())) return trimmed.length;
  let esc = false;
  for (let i = 0; i < rest.length; i++) {
    const c = rest[i];
    if (esc) esc = false;
    else if (c === '\\') esc = true;
    else if (c === ';' || c === '#') return rest.slice(0, i).trimEnd().length;
  }
  return trimmed.length;
}

function parse(text: string): { entries: Entry[]; firstSection: LineInfo | undefined } {
  const entries: Entry[] = [];
  for (const line of lines(text)) {
    const t = line.text;
    if (/^\s*[;#]/.test(t) || t.trim() === '') continue;
    if (SECTION.test(t)) return { entries, firstSection: line };
    const eq = t.indexOf('=');
    const key = unsafeIni(eq < 0 ? t : t.slice(0, eq));
    if (eq < 0) {
      entries.push({ line, key, value: 'true', valueStart: line.end, valueEnd: line.end });
      continue;
    }
    const rest = t.slice(eq + 1);
    const lead = rest.length - rest.trimStart().length;
    const valueStart = line.start + eq + 1 + lead;
    const valueEnd = valueStart + valueExtent(rest.slice(lead));
    entries.push({ line, key, value: unsafeIni(rest), valueStart, valueEnd });
  }
  return { entries, firstSection: undefined };
}

/** Renders a value so that unsafeIni() reads it back unchanged. */
export function quoteIni(value: string): string {
  return value === '' || /[;#"'\\\r\n]/.test(value) || value.trim() !== value || value === 'true' || value === 'false' || value === 'null'
    ? JSON.stringify(value)
    : value;
}

function keyOf(address: readonly string[]): string {
  const [key] = address;
  if (key === undefined || address.length !== 1) throw new ConfigEditError(`Invalid .npmrc address ${address.join('.')}`);
  if (key.includes('=') || /[\r\n]/.test(key) || key.trim() !== key || key.startsWith('[')) {
    throw new ConfigEditError(`"${key}" cannot be written as an .npmrc key`);
  }
  return key;
}

function find(text: string, address: readonly string[]): Entry | undefined {
  const key = keyOf(address);
  const { entries } = parse(text);
  for (let i = entries.length - 1; i >= 0; i--) if (entries[i]?.key === key) return entries[i];
  return undefined;
}

export const npmrcEditor: FormatEditor = {
  read(text, address) {
    const e = find(text, address);
    return e ? { value: e.value, raw: e.line.text } : undefined;
  },

  write(text, address, value): WriteResult {
    const key = keyOf(address);
    const existing = find(text, address);
    if (existing) {
      const before = existing.valueStart === existing.line.end && !existing.line.text.includes('=') ? '=' : '';
      return { text: splice(text, existing.valueStart, existing.valueEnd, before + quoteIni(value)), created: [] };
    }
    const { entries, firstSection } = parse(text);
    const last = entries[entries.length - 1];
    const at = !firstSection ? text.length : last ? nextLineStart(text, last.line.end) : firstSection.start;
    return { text: insertLines(text, at, [`${key}=${quoteIni(value)}`]), created: [] };
  },

  restore(text, address, raw) {
    const e = find(text, address);
    return e ? splice(text, e.line.start, e.line.end, raw) : text;
  },

  remove(text, address) {
    const e = find(text, address);
    return e ? removeLines(text, e.line.start, e.line.end) : text;
  },

  removeIfEmpty(): ContainerRemoval {
    return 'absent';
  },
};
