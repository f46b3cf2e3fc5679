// ANSI escape handling for build logs: SGR colour/style codes become style spans over plain text;
// every other control sequence (cursor moves, erase, OSC titles and hyperlinks, charset switches) is
// dropped, and carriage-return progress lines keep only what a terminal would finally show.

export type AnsiColor = { kind: 'basic'; index: number } | { kind: 'rgb'; r: number; g: number; b: number };

export interface AnsiStyle {
  fg?: AnsiColor;
  bg?: AnsiColor;
  bold?: boolean;
  dim?: boolean;
  italic?: boolean;
  underline?: boolean;
  inverse?: boolean;
  strike?: boolean;
}

export interface StyledSpan {
  /** Offsets into the line's plain text. */
  start: number;
  end: number;
  style: AnsiStyle;
}

export interface ParsedLine {
  text: string;
  spans: StyledSpan[];
  /** The style in effect after the line; colours carry over to the next line as in a terminal. */
  endStyle: AnsiStyle;
}

const ESC = '\u001b';

function isEmpty(style: AnsiStyle): boolean {
  return Object.keys(style).length === 0;
}

/** xterm's 256-colour palette: 16 basic, a 6×6×6 cube, then 24 greys. */
export function color256(n: number): AnsiColor {
  if (n < 16) return { kind: 'basic', index: n };
  if (n < 232) {
    const i = n - 16;
    const level = (v: number): number => (v === 0 ? 0 : 55 + v * 40);
    return { kind: 'rgb', r: level(Math.floor(i / 36)), g: level(Math.floor(i / 6) % 6), b: level(i % 6) };
  }
  const grey = 8 + (n - 232) * 10;
  return { kind: 'rgb', r: grey, g: grey, b: grey };
}

function byte(v: number | undefined): number {
  return Math.min(255, Math.max(0, v ?? 0));
}

/** Applies one SGR parameter list to a style; returns the new style (never mutates). */
export function applySgr(style: AnsiStyle, params: number[]): AnsiStyle {
  const s: AnsiStyle = { ...style };
  const list = params.length ? params : [0];
  for (let i = 0; i < list.length; i++) {
    const p = list[i] ?? 0;
    if (p === 0) {
      for (const k of Object.keys(s)) delete (s as Record<string, unknown>)[k];
    } else if (p === 1) s.bold = true;
    else if (p === 2) s.dim = true;
    else if (p === 3) s.italic = true;
    else if (p === 4) s.underline = true;
    else if (p === 7) s.inverse = true;
    else if (p === 9) s.strike = true;
    else if (p === 22) { delete s.bold; delete s.dim; }
    else if (p === 23) delete s.italic;
    else if (p === 24) delete s.underline;
    else if (p === 27) delete s.inverse;
    else if (p === 29) delete s.strike;
    else if (p >= 30 && p <= 37) s.fg = { kind: 'basic', index: p - 30 };
    else if (p >= 90 && p <= 97) s.fg = { kind: 'basic', index: p - 90 + 8 };
    else if (p >= 40 && p <= 47) s.bg = { kind: 'basic', index: p - 40 };
    else if (p >= 100 && p <= 107) s.bg = { kind: 'basic', index: p - 100 + 8 };
    else if (p === 39) delete s.fg;
    else if (p === 49) delete s.bg;
    else if (p === 38 || p === 48) {
      const mode = list[i + 1];
      let color: AnsiColor | undefined;
      if (mode === 5) {
        color = color256(byte(list[i + 2]));
        i += 2;
      } else if (mode === 2) {
        color = { kind: 'rgb', r: byte(list[i + 2]), g: byte(list[i + 3]), b: byte(list[i + 4]) };
        i += 4;
      } else {
        i += 1;
      }
      if (color) {
        if (p === 38) s.fg = color;
        else s.bg = color;
      }
    }
    // Anything else (blink, fonts, frames…) has no rendering here and is ignored.
  }
  return s;
}

/** Terminal overwrite semantics for `\r` within a line: later text replaces earlier columns. */
function resolveCarriageReturns(chars: { ch: string; style: AnsiStyle }[], crAt: number[]): { ch: string; style: AnsiStyle }[] {
  if (!crAt.length) return chars;
  let line: { ch: string; style: AnsiStyle }[] = [];
  let col = 0;
  let seg = 0;
  for (let i = 0; i <= chars.length; i++) {
    while (seg < crAt.length && crAt[seg] === i) {
      col = 0;
      seg++;
    }
    const c = chars[i];
    if (!c) break;
    line[col] = c;
    col++;
  }
  line = line.filter((c) => c !== undefined);
  return line;
}

/** Parses one line (no `\n` inside) with the style carried over from the previous line. */
export function parseAnsiLine(input: string, initial: AnsiStyle = {}): ParsedLine {
  let style = initial;
  const chars: { ch: string; style: AnsiStyle }[] = [];
  const crAt: number[] = [];
  let i = 0;
  while (i < input.length) {
    const ch = input[i] ?? '';
    const code = ch.charCodeAt(0);
    if (ch === ESC || code === 0x9b) {
      const csiStart = ch === ESC ? (input[i + 1] === '[' ? i + 2 : -1) : i + 1;
      if (csiStart >= 0) {
        let j = csiStart;
        while (j < input.length && /[0-?]/.test(input[j] ?? '')) j++;
        while (j < input.length && /[ -/]/.test(input[j] ?? '')) j++;
        const final = input[j];
        if (final !== undefined && /[@-~]/.test(final)) {
          if (final === 'm') {
            const raw = input.slice(csiStart, j);
            if (!/[<=>?]/.test(raw)) {
              style = applySgr(style, raw === '' ? [] : raw.split(/[;:]/).map((n) => (n === '' ? 0 : Number.parseInt(n, 10) || 0)));
            }
          }
          i = j + 1;
        } else {
          i = j; // unterminated: drop the introducer and what followed
        }
        continue;
      }
      const next = input[i + 1];
      if (next === ']' || next === 'P' || next === '_' || next === '^') {
        // OSC / DCS / APC / PM: up to BEL or ST (ESC \); OSC 8 hyperlinks keep their visible text.
        let j = i + 2;
        while (j < input.length && input[j] !== '\u0007' && !(input[j] === ESC && input[j + 1] === '\\')) j++;
        i = input[j] === '\u0007' ? j + 1 : j + 2;
        continue;
      }
      // Two- or three-character escapes: ESC ( B, ESC =, ESC 7 …
      i += next === '(' || next === ')' || next === '*' || next === '+' || next === '#' ? 3 : 2;
      continue;
    }
    if (ch === '\r') {
      crAt.push(chars.length);
      i++;
      continue;
    }
    if (ch === '\b') {
      chars.pop();
      i++;
      continue;
    }
    if ((code < 0x20 && ch !== '\t') || code === 0x7f || (code >= 0x80 && code < 0xa0)) {
      i++;
      continue;
    }
    chars.push({ ch, style });
    i++;
  }
  // A trailing \r (CRLF remnants) must not blank the line.
  while (crAt.length && crAt[crAt.length - 1] === chars.length) crAt.pop();
  const finalChars = resolveCarriageReturns(chars, crAt);
  let text = '';
  const spans: StyledSpan[] = [];
  for (const c of finalChars) {
    const at = text.length;
    text += c.ch;
    if (isEmpty(c.style)) continue;
    const last = spans[spans.length - 1];
    if (last && last.end === at && last.style === c.style) last.end = at + c.ch.length;
    else spans.push({ start: at, end: at + c.ch.length, style: c.style });
  }
  return { text, spans, endStyle: style };
}

/** Plain text of a whole (multi-line) string. */
export function stripAnsi(input: string): string {
  let style: AnsiStyle = {};
  return input.split('\n').map((line) => {
    const parsed = parseAnsiLine(line, style);
    style = parsed.endStyle;
    return parsed.text;
  }).join('\n');
}

/** Quick test so plain logs skip the parser. */
export function hasControlCharacters(input: string): boolean {
  // eslint-disable-next-line no-control-regex
  return /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(input);
}
