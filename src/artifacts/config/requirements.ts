// pip requirements files: option lines `--index-url URL` / `-i URL` / `--extra-index-url URL` (with a
// space or `=`). pip expands `${VAR}` in these files, so a committed line can reference the token.
// Addresses: ['index-url'] (the last one wins) or ['extra-index-url', identity].
import type { ContainerRemoval, FormatEditor, WriteResult } from './edit';
import { ConfigEditError } from './edit';
import { urlIdentity } from './ini';
import { insertLines, lines, removeLines, splice, type LineInfo } from './text';

interface OptionLine {
  line: LineInfo;
  option: 'index-url' | 'extra-index-url';
  url: string;
  urlStart: number;
}

const OPTION = /^(\s*)(-i|--index-url|--extra-index-url)(=|\s+)(\S+)/;

function parse(text: string): OptionLine[] {
  const out: OptionLine[] = [];
  let continued = false;
  for (const line of lines(text)) {
    const wasContinued = continued;
    continued = /\\$/.test(line.text);
    if (wasContinued) continue;
    const m = OPTION.exec(line.text);
    if (!m || m[4] === undefined) continue;
    if (m[4].startsWith('#')) continue;
    const option = m[2] === '--extra-index-url' ? 'extra-index-url' : 'index-url';
    out.push({ line, option, url: m[4], urlStart: line.start + m[0].length - m[4].length });
  }
  return out;
}

function find(text: string, address: readonly string[]): OptionLine | undefined {
  const [option, identity] = address;
  if (option === 'index-url' && address.length === 1) return parse(text).filter((o) => o.option === 'index-url').at(-1);
  if (option === 'extra-index-url' && identity !== undefined && address.length === 2) {
    return parse(text).find((o) => o.option === 'extra-index-url' && urlIdentity(o.url) === identity);
  }
  throw new ConfigEditError(`Invalid requirements address ${address.join('.')}`);
}

export const requirementsEditor: FormatEditor = {
  read(text, address) {
    const o = find(text, address);
    return o ? { value: o.url, raw: o.line.text } : undefined;
  },

  write(text, address, value): WriteResult {
    if (/\s/.test(value) || value === '') throw new ConfigEditError('An index URL cannot contain spaces');
    const o = find(text, address);
    if (o) return { text: splice(text, o.urlStart, o.urlStart + o.url.length, value), created: [] };
    return { text: insertLines(text, 0, [`--${address[0] ?? 'index-url'} ${value}`]), created: [] };
  },

  restore(text, address, raw) {
    const o = find(text, address);
    return o ? splice(text, o.line.start, o.line.end, raw) : text;
  },

  remove(text, address) {
    const o = find(text, address);
    return o ? removeLines(text, o.line.start, o.line.end) : text;
  },

  removeIfEmpty(): ContainerRemoval {
    return 'absent';
  },
};
