// Offset-based text helpers shared by the config editors. Every editor works on the original string
// and splices it, so anything it does not touch stays byte-identical.

/** The line terminator a file uses (the first one found), "\n" for files without one. */
export function detectEol(text: string): string {
  const i = text.indexOf('\n');
  return i > 0 && text[i - 1] === '\r' ? '\r\n' : '\n';
}

export interface LineInfo {
  /** Offset of the first character of the line. */
  start: number;
  /** Offset just past the last character, before the terminator. */
  end: number;
  /** Offset just past the terminator (== end on the last line without one). */
  next: number;
  text: string;
}

/** Splits into lines with offsets; "" has no lines, "a\n" has one. */
export function lines(text: string): LineInfo[] {
  const out: LineInfo[] = [];
  let start = 0;
  while (start < text.length) {
    const nl = text.indexOf('\n', start);
    if (nl < 0) {
      out.push({ start, end: text.length, next: text.length, text: text.slice(start) });
      break;
    }
    const end = nl > start && text[nl - 1] === '\r' ? nl - 1 : nl;
    out.push({ start, end, next: nl + 1, text: text.slice(start, end) });
    start = nl + 1;
  }
  return out;
}

export function lineStartAt(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Offset of the end of the line holding `offset` (before its terminator). */
export function lineEndAt(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  if (nl < 0) return text.length;
  return nl > 0 && text[nl - 1] === '\r' ? nl - 1 : nl;
}

/** Offset of the start of the line after the one holding `offset` (text.length at the end). */
export function nextLineStart(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl < 0 ? text.length : nl + 1;
}

export function splice(text: string, start: number, end: number, insert: string): string {
  return text.slice(0, start) + insert + text.slice(end);
}

/**
 * Inserts whole lines at a line boundary. At the end of a file that lacks a final newline the
 * new lines go after a newline and the file still lacks one, so removeLines() is the exact inverse.
 */
export function insertLines(text: string, at: number, newLines: readonly string[], eol = detectEol(text)): string {
  if (newLines.length === 0) return text;
  if (at === text.length && text.length > 0 && !text.endsWith('\n')) {
    // A trailing bare "\r" plus "\n" would read back as one CRLF terminator; keep it separate.
    const sep = text.endsWith('\r') ? '\r\n' : eol;
    return text + sep + newLines.join(eol);
  }
  return splice(text, at, at, newLines.join(eol) + eol);
}

/**
 * Removes the lines from the one starting at `start` to the one holding `lastLineEnd` (an offset on
 * the last line, typically its end), terminators included; the inverse of insertLines().
 */
export function removeLines(text: string, start: number, lastLineEnd: number): string {
  const end = lineEndAt(text, lastLineEnd);
  if (end === text.length) {
    // The last line has no terminator: take the one before it instead, as insertLines() added it.
    if (start === 0) return text.slice(end);
    const before = text[start - 2] === '\r' ? start - 2 : start - 1;
    return text.slice(0, before) + text.slice(end);
  }
  return text.slice(0, start) + text.slice(nextLineStart(text, end));
}

/** Leading whitespace of a line. */
export function indentOf(line: string): string {
  return /^[ \t]*/.exec(line)?.[0] ?? '';
}

export function isBlank(line: string): boolean {
  return line.trim() === '';
}
