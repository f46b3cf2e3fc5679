/**
 * Where the cursor is in a YAML document, read from indentation alone so that it works on the
 * half-typed (often invalid) text the editor has while the user types.
 */
export interface YamlCursor {
  /** Keys and sequence items (as 0) from the root to the mapping (or list item) the cursor is in. */
  path: (string | number)[];
  /** At the start of an entry (a key, or a list item's value) or after `key: ` (value position). */
  position: 'key' | 'value';
  /** Value position: the key whose value is being typed. */
  key?: string;
  /** Whether the cursor line starts a list item (`- `). */
  inItem: boolean;
  /** The partial word before the cursor, which a completion replaces. */
  prefix: string;
  prefixStart: number;
  /** Column of the keys of the current mapping. */
  indent: number;
  /** Keys already present in the current mapping. */
  siblings: Set<string>;
}

interface LineInfo {
  lead: number;
  /** Columns of the `-` markers at the start of the content. */
  dashes: number[];
  /** Column where the key or value starts (after the markers). */
  contentCol: number;
  key?: string;
  blank: boolean;
}

const KEY = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"\-?:,[\]{}|>&*!%@`][^#]*?|-[^\s#][^#]*?)\s*:(?:\s|$)/;

function unquote(key: string): string {
  if (key.startsWith('"') && key.endsWith('"')) return key.slice(1, -1);
  if (key.startsWith("'") && key.endsWith("'")) return key.slice(1, -1).replace(/''/g, "'");
  return key;
}

function analyse(line: string): LineInfo {
  const trimmed = line.trimStart();
  const lead = line.length - trimmed.length;
  if (trimmed === '' || trimmed.startsWith('#')) return { lead, dashes: [], contentCol: lead, blank: true };
  const dashes: number[] = [];
  let col = lead;
  while (line[col] === '-' && (col + 1 >= line.length || line[col + 1] === ' ')) {
    dashes.push(col);
    col++;
    while (line[col] === ' ') col++;
  }
  const m = KEY.exec(line.slice(col));
  return { lead, dashes, contentCol: col, ...(m?.[1] ? { key: unquote(m[1]) } : {}), blank: false };
}

export function yamlCursor(text: string, offset: number): YamlCursor {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const cur = text.slice(lineStart, offset);
  const info = analyse(cur);
  const rest = cur.slice(info.contentCol);
  const valueMatch = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"][^#]*?)\s*:\s+(.*)$/.exec(rest);
  const position: 'key' | 'value' = valueMatch ? 'value' : 'key';
  const typed = valueMatch ? (valueMatch[2] ?? '') : rest;
  const prefix = typed.replace(/^["']/, '');
  const suffixPath: (string | number)[] = info.dashes.map(() => 0);

  // Walk up, from the innermost container outwards.
  type State = { kind: 'map'; col: number } | { kind: 'seq'; dashCol: number };
  let state: State = info.dashes.length > 0 ? { kind: 'seq', dashCol: info.dashes[0] ?? 0 } : { kind: 'map', col: info.lead };
  const reversed: (string | number)[] = [];
  const siblings = new Set<string>();
  let collecting = info.dashes.length === 0;
  let end = lineStart;
  while (end > 0) {
    const start = text.lastIndexOf('\n', end - 2) + 1;
    const line = text.slice(start, end - 1).replace(/\r$/, '');
    end = start;
    const l = analyse(line);
    if (l.blank) continue;
    if (state.kind === 'map') {
      if (l.contentCol > state.col) continue;
      if (l.contentCol === state.col && l.key !== undefined) {
        if (collecting) siblings.add(l.key);
        if (l.dashes.length > 0) {
          // `- key:` starts the mapping we are in: it is an item of a list.
          collecting = false;
          for (let i = 0; i < l.dashes.length; i++) reversed.push(0);
          state = { kind: 'seq', dashCol: l.dashes[0] ?? 0 };
        }
        continue;
      }
      if (l.contentCol === state.col) continue; // a scalar list item or junk at this level
      collecting = false;
      if (l.key !== undefined) {
        reversed.push(l.key);
        for (let i = 0; i < l.dashes.length; i++) reversed.push(0);
        state = l.dashes.length > 0 ? { kind: 'seq', dashCol: l.dashes[0] ?? 0 } : { kind: 'map', col: l.contentCol };
        continue;
      }
      if (l.dashes.length > 0) {
        for (let i = 0; i < l.dashes.length; i++) reversed.push(0);
        state = { kind: 'seq', dashCol: l.dashes[0] ?? 0 };
      }
      continue;
    }
    // In a list whose dashes are at state.dashCol.
    if (l.lead > state.dashCol) continue;
    if (l.lead === state.dashCol && l.dashes.length > 0) continue; // a sibling item
    if (l.key !== undefined && l.contentCol <= state.dashCol) {
      reversed.push(l.key);
      for (let i = 0; i < l.dashes.length; i++) reversed.push(0);
      state = l.dashes.length > 0 ? { kind: 'seq', dashCol: l.dashes[0] ?? 0 } : { kind: 'map', col: l.contentCol };
      continue;
    }
    if (l.dashes.length > 0) {
      for (let i = 0; i < l.dashes.length; i++) reversed.push(0);
      state = { kind: 'seq', dashCol: l.dashes[0] ?? 0 };
    }
  }
  const path = [...reversed.reverse(), ...suffixPath];
  return {
    path,
    position,
    ...(valueMatch?.[1] ? { key: unquote(valueMatch[1]) } : {}),
    inItem: info.dashes.length > 0,
    prefix,
    prefixStart: offset - prefix.length,
    indent: info.contentCol,
    siblings,
  };
}
