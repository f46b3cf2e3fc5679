// INI as Python's configparser reads it (pip.conf, .pypirc): `[section]` headers, `key = value` or
// `key: value`, full-line `#`/`;` comments, and multi-line values continued on lines indented deeper
// than the key (blank and comment lines inside a value are skipped, they do not end it).
// Addresses: [section, key] for a value; [section, key, '+', identity] for one whitespace-separated
// item of a list value (pip's extra-index-url, .pypirc's index-servers).
import type { ContainerRemoval, CreatedContainer, FormatEditor, WriteResult } from './edit';
import { ConfigEditError } from './edit';
import { indentOf, insertLines, isBlank, lineEndAt, lines, lineStartAt, nextLineStart, removeLines, splice, type LineInfo } from './text';

interface Option {
  section: string;
  key: string;
  line: LineInfo;
  /** Offset where the first line's value starts (after the delimiter and spaces). */
  valueStart: number;
  /** Continuation lines holding part of the value (blank/comment lines excluded). */
  continuations: LineInfo[];
}

interface Section {
  name: string;
  header: LineInfo;
  options: Option[];
  /** Every line up to the next header, comments and blanks included. */
  body: LineInfo[];
}

export interface IniDialect {
  /** How the program compares keys (configparser lower-cases; pip also maps `_` to `-`). */
  normalizeKey(key: string): string;
  /** How an existing list item is recognised again (e.g. a URL without its credentials). */
  itemIdentity(item: string): string;
}

function parse(text: string, dialect: IniDialect): Section[] {
  const sections: Section[] = [];
  let current: Section | undefined;
  let option: Option | undefined;
  let indentLevel = Number.MAX_SAFE_INTEGER;
  for (const line of lines(text)) {
    const stripped = line.text.trim();
    if (stripped === '' || stripped.startsWith('#') || stripped.startsWith(';')) {
      current?.body.push(line);
      continue;
    }
    const indent = indentOf(line.text).length;
    if (current && option && indent > indentLevel) {
      current.body.push(line);
      option.continuations.push(line);
      continue;
    }
    indentLevel = indent;
    const close = stripped.lastIndexOf(']');
    if (stripped.startsWith('[') && close > 1) {
      current = { name: stripped.slice(1, close), header: line, options: [], body: [] };
      sections.push(current);
      option = undefined;
      continue;
    }
    if (!current) continue; // configparser would reject the file; nothing to address here
    current.body.push(line);
    const m = /^(.*?)\s*([=:])\s*/.exec(stripped);
    if (!m || m[1] === undefined) {
      option = undefined;
      continue;
    }
    const offsetInLine = line.text.indexOf(stripped) + m[0].length;
    option = { section: current.name, key: dialect.normalizeKey(m[1].trimEnd()), line, valueStart: line.start + offsetInLine, continuations: [] };
    current.options.push(option);
  }
  return sections;
}

function optionEnd(o: Option): number {
  return (o.continuations[o.continuations.length - 1] ?? o.line).end;
}

function optionValue(text: string, o: Option): string {
  const first = text.slice(o.valueStart, o.line.end).trim();
  return [first, ...o.continuations.map((c) => c.text.trim())].join('\n');
}

interface Item {
  value: string;
  start: number;
  end: number;
  /** The item is alone on a continuation line. */
  line?: LineInfo;
}

function items(text: string, o: Option): Item[] {
  const out: Item[] = [];
  const scan = (from: number, to: number, line?: LineInfo): void => {
    const re = /\S+/g;
    const chunk = text.slice(from, to);
    const found = [...chunk.matchAll(re)];
    for (const m of found) {
      out.push({ value: m[0], start: from + (m.index ?? 0), end: from + (m.index ?? 0) + m[0].length,
        ...(line && found.length === 1 ? { line } : {}) });
    }
  };
  scan(o.valueStart, o.line.end);
  for (const c of o.continuations) scan(c.start, c.end, c);
  return out;
}

function splitAddress(address: readonly string[]): { section: string; key: string; item?: string } {
  const [section, key, plus, item] = address;
  if (section === undefined || key === undefined || (address.length !== 2 && (address.length !== 4 || plus !== '+' || item === undefined))) {
    throw new ConfigEditError(`Invalid INI address ${address.join('.')}`);
  }
  if (/[\]\r\n]/.test(section) || /[=:\r\n]/.test(key) || key.trim() !== key || key === '' || key.startsWith('[')) {
    throw new ConfigEditError(`[${section}] ${key} cannot be written as an INI entry`);
  }
  return item === undefined ? { section, key } : { section, key, item };
}

function escapeValue(value: string): string {
  if (/[\r\n]/.test(value) || value.trim() !== value) throw new ConfigEditError('INI values cannot span lines or have surrounding spaces');
  return value;
}

export function createIniEditor(dialect: IniDialect): FormatEditor {
  const findOption = (sections: Section[], section: string, key: string): Option | undefined => {
    const k = dialect.normalizeKey(key);
    let found: Option | undefined;
    for (const s of sections) if (s.name === section) for (const o of s.options) if (o.key === k) found = o;
    return found;
  };
  const findItem = (text: string, o: Option, identity: string): Item | undefined =>
    items(text, o).find((i) => dialect.itemIdentity(i.value) === identity);
  const lastSection = (sections: Section[], name: string): Section | undefined =>
    [...sections].reverse().find((s) => s.name === name);

  const insertOption = (text: string, sections: Section[], section: string, line: string): WriteResult => {
    const s = lastSection(sections, section);
    if (s) {
      const last = s.options[s.options.length - 1];
      const at = nextLineStart(text, last ? optionEnd(last) : s.header.end);
      // In a section without options, the next header may be indented: a shallower option line
      // would turn it into a continuation of the new value.
      const following = lines(text.slice(at)).find((l) => !isBlank(l.text) && !/^\s*[#;]/.test(l.text));
      const indent = last ? indentOf(last.line.text) : following ? indentOf(following.text) : indentOf(s.header.text);
      return { text: insertLines(text, at, [indent + line]), created: [] };
    }
    const lastLine = lines(text).at(-1);
    const blankLineBefore = lastLine !== undefined && !isBlank(lastLine.text);
    const added = [...(blankLineBefore ? [''] : []), `[${section}]`, line];
    const created: CreatedContainer = { address: [section], ...(blankLineBefore ? { blankLineBefore } : {}) };
    return { text: insertLines(text, text.length, added), created: [created] };
  };

  return {
    read(text, address) {
      const { section, key, item } = splitAddress(address);
      const o = findOption(parse(text, dialect), section, key);
      if (!o) return undefined;
      if (item === undefined) return { value: optionValue(text, o), raw: text.slice(o.line.start, optionEnd(o)) };
      const found = findItem(text, o, item);
      return found ? { value: found.value, raw: found.value } : undefined;
    },

    write(text, address, value) {
      const { section, key, item } = splitAddress(address);
      const v = escapeValue(value);
      const sections = parse(text, dialect);
      const o = findOption(sections, section, key);
      if (item === undefined) {
        if (o) return { text: splice(text, o.valueStart, optionEnd(o), v), created: [] };
        return insertOption(text, sections, section, `${key} = ${v}`);
      }
      if (/\s/.test(v)) throw new ConfigEditError('A list item cannot contain spaces');
      if (!o) {
        // A new list key: the item goes on a continuation line, as configparser itself writes lists.
        const inserted = insertOption(text, sections, section, `${key} =`);
        const again = findOption(parse(inserted.text, dialect), section, key);
        if (!again) throw new ConfigEditError(`Could not add ${key} to [${section}]`);
        const withItem = insertLines(inserted.text, nextLineStart(inserted.text, again.line.end), [`${indentOf(again.line.text)}    ${v}`]);
        return { text: withItem, created: [...inserted.created, { address: [section, key] }] };
      }
      const found = findItem(text, o, item);
      if (found) return { text: splice(text, found.start, found.end, v), created: [] };
      const lastCont = o.continuations[o.continuations.length - 1];
      const indent = lastCont ? indentOf(lastCont.text) : `${indentOf(o.line.text)}    `;
      return { text: insertLines(text, nextLineStart(text, optionEnd(o)), [indent + v]), created: [] };
    },

    restore(text, address, raw) {
      const { section, key, item } = splitAddress(address);
      const o = findOption(parse(text, dialect), section, key);
      if (!o) return text;
      if (item === undefined) return splice(text, o.line.start, optionEnd(o), raw);
      const found = findItem(text, o, item);
      return found ? splice(text, found.start, found.end, raw) : text;
    },

    remove(text, address) {
      const { section, key, item } = splitAddress(address);
      const o = findOption(parse(text, dialect), section, key);
      if (!o) return text;
      if (item === undefined) return removeLines(text, o.line.start, optionEnd(o));
      const found = findItem(text, o, item);
      if (!found) return text;
      if (found.line) return removeLines(text, found.line.start, found.line.end);
      // Inline among other items: take it and the whitespace before it.
      let start = found.start;
      while (start > o.valueStart && /[ \t]/.test(text[start - 1] ?? '')) start--;
      return splice(text, start, found.end, '');
    },

    removeIfEmpty(text, container): ContainerRemoval {
      const sections = parse(text, dialect);
      const [section, key] = container.address;
      if (section === undefined) return 'absent';
      if (key !== undefined) {
        const o = findOption(sections, section, key);
        if (!o) return 'absent';
        if (optionValue(text, o).trim() !== '') return 'in-use';
        return { text: removeLines(text, o.line.start, o.line.end) };
      }
      const s = lastSection(sections, section);
      if (!s) return 'absent';
      if (s.body.some((l) => !isBlank(l.text))) return 'in-use';
      // Remove the header and the blank lines that follow it inside the section.
      const lastBody = s.body[s.body.length - 1];
      let start = s.header.start;
      const end = lastBody ? lastBody.end : s.header.end;
      if (container.blankLineBefore && start > 0) {
        const prevStart = lineStartAt(text, start - 1);
        if (isBlank(text.slice(prevStart, lineEndAt(text, prevStart)))) start = prevStart;
      }
      return { text: removeLines(text, start, end) };
    },
  };
}

const urlIdentity = (item: string): string => item.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@\s]*@/i, '$1');

/** pip.conf: keys compare case-insensitively with `_` and `-` equal. */
export const pipConfEditor = createIniEditor({
  normalizeKey: (k) => k.toLowerCase().replace(/_/g, '-'),
  itemIdentity: urlIdentity,
});

/** .pypirc (twine): configparser's lower-cased keys. */
export const pypircEditor = createIniEditor({
  normalizeKey: (k) => k.toLowerCase(),
  itemIdentity: (item) => item,
});

export { urlIdentity };
