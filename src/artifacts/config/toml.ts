// TOML, line by line, for the two shapes Poetry needs: a key in a table (`[http-basic.codeartifact]`
// in auth.toml) and a key in one entry of an array of tables (`[[tool.poetry.source]]` whose
// `name = "codeartifact"`, in pyproject.toml). Multi-line strings and arrays are skipped correctly.
// Addresses: ['[a.b]', key] or ['[[a.b]]', 'selectorKey=selectorValue', key]; values are TOML literals.
import type { ContainerRemoval, CreatedContainer, FormatEditor, WriteResult } from './edit';
import { ConfigEditError } from './edit';
import { indentOf, insertLines, isBlank, lineEndAt, lines, lineStartAt, nextLineStart, removeLines, splice, type LineInfo } from './text';

interface KeyValue {
  key: string[];
  first: LineInfo;
  last: LineInfo;
  valueStart: number;
  valueEnd: number;
  value: string;
}

interface Block {
  kind: 'root' | 'table' | 'array';
  name: string[];
  header?: LineInfo;
  entries: KeyValue[];
  body: LineInfo[];
}

/** Splits a dotted key (`a."b.c".d`) into its parts. */
export function dottedKey(src: string): string[] | undefined {
  const parts: string[] = [];
  let i = 0;
  const s = src.trim();
  while (i <= s.length) {
    while (s[i] === ' ' || s[i] === '\t') i++;
    const c = s[i];
    if (c === '"' || c === "'") {
      const close = s.indexOf(c, i + 1);
      if (close < 0) return undefined;
      const inner = s.slice(i + 1, close);
      parts.push(c === '"' ? unquoteBasic(inner) : inner);
      i = close + 1;
    } else {
      const m = /^[A-Za-z0-9_-]+/.exec(s.slice(i));
      if (!m) return undefined;
      parts.push(m[0]);
      i += m[0].length;
    }
    while (s[i] === ' ' || s[i] === '\t') i++;
    if (i >= s.length) return parts;
    if (s[i] !== '.') return undefined;
    i++;
  }
  return parts;
}

function unquoteBasic(inner: string): string {
  try {
    const v: unknown = JSON.parse(`"${inner}"`);
    return typeof v === 'string' ? v : inner;
  } catch {
    return inner;
  }
}

/** The string a single-line TOML string literal holds, or undefined for other values. */
export function tomlString(literal: string): string | undefined {
  const t = literal.trim();
  if (t.length >= 2 && t.startsWith('"') && t.endsWith('"') && !t.startsWith('"""')) return unquoteBasic(t.slice(1, -1));
  if (t.length >= 2 && t.startsWith("'") && t.endsWith("'") && !t.startsWith("'''")) return t.slice(1, -1);
  return undefined;
}

interface ScanState {
  multiline?: '"""' | "'''";
  depth: number;
}

/**
 * Scans value text from `from`, tracking strings, brackets and comments. Returns where the value's
 * source ends on this line (comment excluded) and the state to carry to the next line.
 */
function scanValue(text: string, state: ScanState): { end: number; state: ScanState } {
  let i = 0;
  let end = 0;
  let { multiline, depth } = state;
  while (i < text.length) {
    if (multiline) {
      const close = text.indexOf(multiline, i);
      if (close < 0) return { end: text.length, state: { multiline, depth } };
      i = close + 3;
      while (text[i] === multiline[0]) i++; // up to two quotes may sit before the delimiter
      multiline = undefined;
      end = i;
      continue;
    }
    const c = text[i] ?? '';
    if (c === '#') break;
    if (text.startsWith('"""', i) || text.startsWith("'''", i)) {
      multiline = text.startsWith('"""', i) ? '"""' : "'''";
      i += 3;
      continue;
    }
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < text.length && text[j] !== c) j += c === '"' && text[j] === '\\' ? 2 : 1;
      i = j + 1;
      end = Math.min(i, text.length);
      continue;
    }
    if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') depth = Math.max(0, depth - 1);
    i++;
    if (!/\s/.test(c)) end = i;
  }
  return { end, state: { ...(multiline ? { multiline } : {}), depth } };
}

function parse(text: string): Block[] {
  const root: Block = { kind: 'root', name: [], entries: [], body: [] };
  const blocks: Block[] = [root];
  let current = root;
  let open: { kv: KeyValue; state: ScanState } | undefined;
  for (const line of lines(text)) {
    current.body.push(line);
    if (open) {
      const r = scanValue(line.text, open.state);
      open.kv.last = line;
      if (r.end > 0) open.kv.valueEnd = line.start + r.end;
      open.kv.value = text.slice(open.kv.valueStart, open.kv.valueEnd);
      open = r.state.multiline || r.state.depth > 0 ? { kv: open.kv, state: r.state } : undefined;
      continue;
    }
    const t = line.text.trim();
    if (t === '' || t.startsWith('#')) continue;
    const header = /^\s*(\[\[?)([^\]]*)(\]\]?)\s*(#.*)?$/.exec(line.text);
    if (header && header[1] !== undefined && header[2] !== undefined && header[1].length === (header[3] ?? '').length) {
      const name = dottedKey(header[2]);
      if (name) {
        current.body.pop();
        current = { kind: header[1] === '[[' ? 'array' : 'table', name, header: line, entries: [], body: [] };
        blocks.push(current);
        continue;
      }
    }
    const eq = findEquals(line.text);
    if (eq < 0) continue;
    const key = dottedKey(line.text.slice(0, eq));
    if (!key) continue;
    let vs = eq + 1;
    while (line.text[vs] === ' ' || line.text[vs] === '\t') vs++;
    const r = scanValue(line.text.slice(vs), { depth: 0 });
    const kv: KeyValue = { key, first: line, last: line, valueStart: line.start + vs, valueEnd: line.start + vs + r.end, value: '' };
    kv.value = text.slice(kv.valueStart, kv.valueEnd);
    current.entries.push(kv);
    if (r.state.multiline || r.state.depth > 0) open = { kv, state: r.state };
  }
  return blocks;
}

function findEquals(line: string): number {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '=') return i;
  }
  return -1;
}

interface Target {
  kind: 'table' | 'array';
  name: string[];
  selector?: { key: string; value: string };
  key: string;
}

function target(address: readonly string[]): Target {
  const [head, second, third] = address;
  const m = head ? /^(\[\[?)(.+?)(\]\]?)$/.exec(head) : null;
  const name = m?.[2] ? dottedKey(m[2]) : undefined;
  if (!m || !name || m[1]?.length !== m[3]?.length) throw new ConfigEditError(`Invalid TOML address ${address.join(' ')}`);
  if (m[1] === '[[') {
    const sel = second ? /^([A-Za-z0-9_-]+)=(.+)$/.exec(second) : null;
    if (!sel?.[1] || sel[2] === undefined || third === undefined || address.length !== 3) throw new ConfigEditError(`Invalid TOML address ${address.join(' ')}`);
    return { kind: 'array', name, selector: { key: sel[1], value: sel[2] }, key: third };
  }
  if (second === undefined || address.length !== 2) throw new ConfigEditError(`Invalid TOML address ${address.join(' ')}`);
  return { kind: 'table', name, key: second };
}

const sameParts = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((p, i) => p === b[i]);

function findBlock(blocks: Block[], t: Pick<Target, 'kind' | 'name' | 'selector'>): Block | undefined {
  return blocks.find((b) => b.kind === t.kind && sameParts(b.name, t.name)
    && (!t.selector || b.entries.some((e) => sameParts(e.key, [t.selector?.key ?? '']) && tomlString(e.value) === t.selector?.value)));
}

function findEntry(block: Block, key: string): KeyValue | undefined {
  return block.entries.find((e) => sameParts(e.key, [key]));
}

const bare = (k: string): string => (/^[A-Za-z0-9_-]+$/.test(k) ? k : JSON.stringify(k));

function checkLiteral(value: string): string {
  if (/[\r\n]/.test(value) || value.trim() === '') throw new ConfigEditError('TOML values written by Conveyor are single-line literals');
  return value;
}

export const tomlEditor: FormatEditor = {
  read(text, address) {
    const t = target(address);
    const block = findBlock(parse(text), t);
    const kv = block && findEntry(block, t.key);
    return kv ? { value: kv.value, raw: text.slice(kv.first.start, kv.last.end) } : undefined;
  },

  write(text, address, value): WriteResult {
    const t = target(address);
    const literal = checkLiteral(value);
    const blocks = parse(text);
    const block = findBlock(blocks, t);
    if (block) {
      const kv = findEntry(block, t.key);
      if (kv) return { text: splice(text, kv.valueStart, kv.valueEnd, literal), created: [] };
      const last = block.entries[block.entries.length - 1];
      const at = nextLineStart(text, (last?.last ?? block.header ?? { end: 0 }).end);
      return { text: insertLines(text, at, [`${last ? indentOf(last.first.text) : ''}${bare(t.key)} = ${literal}`]), created: [] };
    }
    // A key elsewhere that already defines this table would make a second definition invalid TOML.
    for (const b of blocks) {
      for (const e of b.entries) {
        const full = [...b.name, ...e.key];
        if (t.name.length >= full.length && sameParts(full, t.name.slice(0, full.length))) {
          throw new ConfigEditError(`${t.name.join('.')} is already defined inline (${full.join('.')}); add the entry there by hand`);
        }
      }
    }
    const header = `${t.kind === 'array' ? '[[' : '['}${t.name.map(bare).join('.')}${t.kind === 'array' ? ']]' : ']'}`;
    const lastLine = lines(text).at(-1);
    const blankLineBefore = lastLine !== undefined && !isBlank(lastLine.text);
    const added = [
      ...(blankLineBefore ? [''] : []),
      header,
      ...(t.selector ? [`${bare(t.selector.key)} = ${JSON.stringify(t.selector.value)}`] : []),
      `${bare(t.key)} = ${literal}`,
    ];
    const container: CreatedContainer = { address: address.slice(0, -1), ...(blankLineBefore ? { blankLineBefore } : {}) };
    return { text: insertLines(text, text.length, added), created: [container] };
  },

  restore(text, address, raw) {
    const t = target(address);
    const block = findBlock(parse(text), t);
    const kv = block && findEntry(block, t.key);
    return kv ? splice(text, kv.first.start, kv.last.end, raw) : text;
  },

  remove(text, address) {
    const t = target(address);
    const block = findBlock(parse(text), t);
    const kv = block && findEntry(block, t.key);
    return kv ? removeLines(text, kv.first.start, kv.last.end) : text;
  },

  removeIfEmpty(text, container): ContainerRemoval {
    const t = target([...container.address, '_']);
    const block = findBlock(parse(text), t);
    if (!block?.header) return 'absent';
    const own = (e: KeyValue): boolean => t.selector !== undefined && sameParts(e.key, [t.selector.key]);
    if (block.entries.some((e) => !own(e))) return 'in-use';
    if (block.body.some((l) => !isBlank(l.text) && !block.entries.some((e) => own(e) && e.first.start === l.start))) return 'in-use';
    let start = block.header.start;
    const lastBody = block.body[block.body.length - 1];
    const end = lastBody ? lastBody.end : block.header.end;
    if (container.blankLineBefore && start > 0) {
      const prevStart = lineStartAt(text, start - 1);
      if (isBlank(text.slice(prevStart, lineEndAt(text, prevStart)))) start = prevStart;
    }
    return { text: removeLines(text, start, end) };
  },
};
