import { LIMITS } from './limits';
import type { MapNode, Node, Pair, ScalarNode, SeqNode } from './tree';
import { keyTextOf } from './tree';

/**
 * A fast parser for the block-style YAML that buildspecs and appspecs are written in: block mappings and
 * sequences, plain and single-line quoted scalars, literal and folded block scalars, comments.
 *
 * It returns undefined ("bail out") for anything outside that subset or anything that might be an error --
 * anchors, tags, flow collections, multi-line plain or quoted scalars, tabs, directives, several documents --
 * and the caller then uses the complete `yaml` library, which also produces the error messages. Within the
 * subset it yields exactly the tree the `yaml` library yields (verified by differential tests), about 10-20x
 * faster, because the library's lexer/CST/composer pipeline dominates validation time on large files.
 */
export function parseFastYaml(text: string): Node | null | undefined {
  // Characters that force the complete parser: tabs, control characters, BOM, lone CR, directives/flow/anchors
  // are handled per position below.
  if (UNSUPPORTED_CHARS.test(text)) return undefined;
  try {
    return new FastParser(text).parseDocument();
  } catch (err) {
    if (err === BAIL) return undefined;
    throw err;
  }
}

// eslint-disable-next-line no-control-regex
const UNSUPPORTED_CHARS = /[\x00-\x08\x0b\x0c\x0e-\x1f\ufeff\x7f]|\r(?!\n)/;

const BAIL = new Error('bail');

const SPACE = 32;
const NL = 10;
const CR = 13;
const HASH = 35;
const COLON = 58;
const DASH = 45;
const SQ = 39;
const DQ = 34;
const MAX_KEY_LENGTH = 1024;

class FastParser {
  private readonly n: number;
  /** Tabs are fine inside block scalars; anywhere else they are left to the complete parser. */
  private readonly hasTabs: boolean;
  /** Start of the first line not consumed yet. */
  private line = 0;
  private depth = 0;

  constructor(private readonly text: string) {
    this.n = text.length;
    this.hasTabs = text.includes('\t');
  }

  private rejectTabs(ls: number): void {
    if (this.hasTabs && this.text.slice(ls, this.lineEnd(ls)).includes('\t')) throw BAIL;
  }

  parseDocument(): Node | null {
    let ls = this.skipInsignificant(0);
    if (ls >= this.n) return null;
    const t = this.text;
    if (t.charCodeAt(ls) === 37 /* % */) throw BAIL;
    if (this.isDocMarker(ls)) {
      if (!t.startsWith('---', ls)) throw BAIL;
      // Only `---` alone or followed by a comment; content after the marker is left to the full parser.
      const after = this.skipSpaces(ls + 3);
      if (after < this.lineEnd(ls) && !(t.charCodeAt(after) === HASH && after > ls + 3)) throw BAIL;
      ls = this.skipInsignificant(this.nextLine(ls));
      if (ls >= this.n) throw BAIL; // an explicit empty document is a null scalar, not an empty file
    }
    const root = this.parseNodeAt(ls, -1);
    if (this.skipInsignificant(this.line) < this.n) throw BAIL;
    return root;
  }

  // ---- lines -------------------------------------------------------------------------------------------

  private nextLine(ls: number): number {
    const nl = this.text.indexOf('\n', ls);
    return nl === -1 ? this.n : nl + 1;
  }

  /** End of the line's content, before `\r\n` or `\n`. */
  private lineEnd(ls: number): number {
    const nl = this.text.indexOf('\n', ls);
    const end = nl === -1 ? this.n : nl;
    return end > ls && this.text.charCodeAt(end - 1) === CR ? end - 1 : end;
  }

  private skipSpaces(off: number): number {
    const t = this.text;
    while (off < this.n && t.charCodeAt(off) === SPACE) off++;
    return off;
  }

  private indentOf(ls: number): number {
    return this.skipSpaces(ls) - ls;
  }

  /** The first line at or after `ls` with content other than spaces and comments; `n` at the end. */
  private skipInsignificant(ls: number): number {
    const t = this.text;
    while (ls < this.n) {
      this.rejectTabs(ls);
      const first = this.skipSpaces(ls);
      const c = first < this.n ? t.charCodeAt(first) : NL;
      if (c !== NL && c !== CR && c !== HASH) return ls;
      ls = this.nextLine(ls);
    }
    return this.n;
  }

  private isDocMarker(ls: number): boolean {
    const t = this.text;
    if (!(t.startsWith('---', ls) || t.startsWith('...', ls))) return false;
    const c = ls + 3 < this.n ? t.charCodeAt(ls + 3) : NL;
    return c === SPACE || c === NL || c === CR;
  }

  /** Whether `off` starts `-` followed by a space or the end of the line. */
  private isSeqIndicator(off: number): boolean {
    if (this.text.charCodeAt(off) !== DASH) return false;
    const c = off + 1 < this.n ? this.text.charCodeAt(off + 1) : NL;
    return c === SPACE || c === NL || c === CR;
  }

  // ---- block structure ---------------------------------------------------------------------------------

  /** A node starting at the first content of line `ls`, which is indented more than `parentIndent`. */
  private parseNodeAt(ls: number, parentIndent: number): Node {
    // Deep documents go to the complete parser's depth check, which reports them.
    if (++this.depth > LIMITS.maxDepth) throw BAIL;
    try {
      return this.parseNodeAtDepth(ls, parentIndent);
    } finally {
      this.depth--;
    }
  }

  private parseNodeAtDepth(ls: number, parentIndent: number): Node {
    const indent = this.indentOf(ls);
    const off = ls + indent;
    if (indent === 0 && this.isDocMarker(ls)) throw BAIL;
    if (this.isSeqIndicator(off)) return this.parseSeq(ls, indent);
    const key = this.scanKey(off);
    if (key) return this.parseMap(off, indent, key);
    // A scalar alone on its line(s).
    const node = this.parseInlineScalar(off, parentIndent);
    return node;
  }

  private parseMap(firstKeyOff: number, indent: number, firstKey: KeyScan): MapNode {
    const pairs: Pair[] = [];
    let keyOff: number;
    let key: KeyScan | undefined = firstKey;
    for (;;) {
      if (!key) throw BAIL;
      const value = this.parseValueAfterIndicator(key.colon + 1, indent, true);
      pairs.push({ key: key.node, keyText: keyTextOf(key.node), value });
      const ls = this.skipInsignificant(this.line);
      if (ls >= this.n) break;
      const i = this.indentOf(ls);
      if (i < indent) break;
      if (i > indent) throw BAIL;
      if (i === 0 && this.isDocMarker(ls)) throw BAIL;
      keyOff = ls + i;
      if (this.isSeqIndicator(keyOff)) {
        // A sequence entry at the indentation of mapping keys: belongs to an enclosing compact sequence
        // only if this map is itself a compact mapping in a sequence item at a smaller indent.
        break;
      }
      key = this.scanKey(keyOff);
    }
    const last = pairs[pairs.length - 1];
    return { kind: 'map', pairs, flow: false, start: firstKeyOff, end: last ? Math.max(last.value.end, last.key.end) : firstKeyOff };
  }

  private parseSeq(firstLs: number, indent: number): SeqNode {
    const items: Node[] = [];
    let ls = firstLs;
    const start = firstLs + indent;
    for (;;) {
      const dash = ls + indent;
      const contentOff = this.skipSpaces(dash + 1);
      const end = this.lineEnd(ls);
      let item: Node;
      if (contentOff < end && this.text.charCodeAt(contentOff) !== HASH) {
        if (this.isSeqIndicator(contentOff)) throw BAIL; // `- - x`: compact nested sequence
        const key = this.scanKey(contentOff);
        if (key) {
          const column = contentOff - ls;
          if (++this.depth > LIMITS.maxDepth) throw BAIL;
          item = this.parseMap(contentOff, column, key);
          this.depth--;
        } else {
          item = this.parseValueAfterIndicator(dash + 1, indent, false);
        }
      } else {
        item = this.parseValueAfterIndicator(dash + 1, indent, false);
      }
      items.push(item);
      const next = this.skipInsignificant(this.line);
      if (next >= this.n) break;
      const i = this.indentOf(next);
      if (i < indent) break;
      if (i > indent) throw BAIL;
      if (i === 0 && this.isDocMarker(next)) throw BAIL;
      if (!this.isSeqIndicator(next + i)) break;
      ls = next;
    }
    const last = items[items.length - 1];
    return { kind: 'seq', items, flow: false, start, end: last ? Math.max(last.end, start + 1) : start + 1 };
  }

  /**
   * The value after `:` or `-` at `off`. `parentIndent` is the indentation of the collection the
   * indicator belongs to: block content on later lines must be indented more (except a sequence under a
   * mapping key, which may sit at the key's indentation).
   */
  private parseValueAfterIndicator(off: number, parentIndent: number, isMapValue: boolean): Node {
    const t = this.text;
    const ls = this.lineStartOf(off);
    const end = this.lineEnd(ls);
    const first = this.skipSpaces(off);
    if (first >= end || t.charCodeAt(first) === HASH) {
      if (first < end && first === off) throw BAIL; // `key:#x` is a plain scalar `key:#x`, never here
      const nextLs = this.nextLine(ls);
      const next = this.skipInsignificant(nextLs);
      if (next < this.n) {
        const i = this.indentOf(next);
        if (i > parentIndent) return this.parseNodeAt(next, parentIndent);
        if (isMapValue && i === parentIndent && this.isSeqIndicator(next + i)) return this.parseSeq(next, i);
      }
      this.line = nextLs;
      return { kind: 'scalar', value: null, style: 'plain', start: first, end: first };
    }
    if (first === off && off < end) throw BAIL; // indicator not followed by a space
    return this.parseInlineScalar(first, parentIndent);
  }

  private lineStartOf(off: number): number {
    return this.text.lastIndexOf('\n', off - 1) + 1;
  }

  /** A scalar starting at `off` and ending on the same line (or a block scalar); consumes its lines. */
  private parseInlineScalar(off: number, parentIndent: number): ScalarNode {
    const t = this.text;
    const c = t.charCodeAt(off);
    const ls = this.lineStartOf(off);
    const end = this.lineEnd(ls);
    let node: ScalarNode;
    if (c === 124 /* | */ || c === 62 /* > */) {
      return this.parseBlockScalar(off, end, parentIndent);
    } else if (c === SQ || c === DQ) {
      const q = c === SQ ? this.scanSingleQuoted(off, end) : this.scanDoubleQuoted(off, end);
      if (!q) throw BAIL;
      const rest = this.skipSpaces(q.end);
      if (rest < end && !(t.charCodeAt(rest) === HASH && rest > q.end)) throw BAIL;
      node = { kind: 'scalar', value: q.value, style: c === SQ ? 'single' : 'double', start: off, end: q.end };
    } else {
      if (!this.canStartPlain(off, end)) throw BAIL;
      const stop = this.plainEnd(off, end);
      if (stop.colon) throw BAIL; // `a: b: c`, or a key where a value was expected
      const raw = t.slice(off, stop.end);
      this.line = this.nextLine(ls);
      if (!stop.comment) {
        const more = this.plainContinuation(parentIndent);
        if (more) return { kind: 'scalar', value: raw + more.text, style: 'plain', start: off, end: more.end };
      }
      node = { kind: 'scalar', value: resolvePlain(raw), style: 'plain', start: off, end: stop.end };
      this.checkNothingMoreIndented(parentIndent);
      return node;
    }
    this.line = this.nextLine(ls);
    this.checkNothingMoreIndented(parentIndent);
    return node;
  }

  /** After a complete scalar, a more-indented line would be a continuation or an error. */
  private checkNothingMoreIndented(parentIndent: number): void {
    const next = this.skipInsignificant(this.line);
    if (next < this.n && this.indentOf(next) > parentIndent) throw BAIL;
  }

  /**
   * Continuation lines of a multi-line plain scalar (lines indented more than the parent): folded into the
   * value with single spaces, blank lines becoming line feeds. Consumes the lines it folds.
   */
  private plainContinuation(parentIndent: number): { text: string; end: number } | undefined {
    const t = this.text;
    let text = '';
    let end = -1;
    let ls = this.line;
    let blanks = 0;
    while (ls < this.n) {
      this.rejectTabs(ls);
      const first = this.skipSpaces(ls);
      const le = this.lineEnd(ls);
      if (first >= le) {
        blanks++;
        ls = this.nextLine(ls);
        continue;
      }
      const indent = first - ls;
      if (indent <= parentIndent || t.charCodeAt(first) === HASH) break;
      if (indent === 0 && this.isDocMarker(ls)) throw BAIL;
      const stop = this.plainEnd(first, le);
      if (stop.colon) throw BAIL; // `key: value` inside a multi-line scalar is an error
      text += blanks > 0 ? '\n'.repeat(blanks) : ' ';
      text += t.slice(first, stop.end);
      end = stop.end;
      blanks = 0;
      ls = this.nextLine(ls);
      this.line = ls;
      if (stop.comment) break;
    }
    if (end < 0) return undefined;
    this.checkNothingMoreIndented(parentIndent);
    return { text, end };
  }

  private canStartPlain(off: number, end: number): boolean {
    const c = this.text.charCodeAt(off);
    switch (c) {
      case 91: case 93: case 123: case 125: case 44: // [ ] { } ,
      case HASH: case 38: case 42: case 33: case 124: case 62: // # & * ! | >
      case SQ: case DQ: case 37: case 64: case 96: // ' " % @ `
        return false;
      case DASH: case 63: case COLON: { // - ? :
        const d = off + 1 < end ? this.text.charCodeAt(off + 1) : NL;
        return d !== SPACE && d !== NL && d !== CR && off + 1 < end;
      }
      default:
        return true;
    }
  }

  /** End of a plain scalar on this line (trailing spaces and comment excluded); `colon` if `: ` occurs. */
  private plainEnd(off: number, end: number): { end: number; colon: boolean; comment: boolean } {
    const t = this.text;
    let last = off;
    for (let i = off; i < end; i++) {
      const c = t.charCodeAt(i);
      if (c === SPACE) continue;
      if (c === HASH && t.charCodeAt(i - 1) === SPACE) return { end: last, colon: false, comment: true };
      if (c === COLON) {
        const d = i + 1 < end ? t.charCodeAt(i + 1) : NL;
        if (d === SPACE || d === NL || d === CR) return { end: last, colon: true, comment: false };
      }
      last = i + 1;
    }
    return { end: last, colon: false, comment: false };
  }

  /** If a mapping key (`key:` followed by space or end of line) starts at `off`, its node and colon. */
  private scanKey(off: number): KeyScan | undefined {
    const t = this.text;
    const ls = this.lineStartOf(off);
    const end = this.lineEnd(ls);
    const c = t.charCodeAt(off);
    if (c === SQ || c === DQ) {
      const q = c === SQ ? this.scanSingleQuoted(off, end) : this.scanDoubleQuoted(off, end);
      if (!q) return undefined;
      const after = this.skipSpaces(q.end);
      if (after < end && t.charCodeAt(after) === COLON) {
        const d = after + 1 < end ? t.charCodeAt(after + 1) : NL;
        if (d === SPACE || d === NL || d === CR) {
          if (q.end - off > MAX_KEY_LENGTH) throw BAIL;
          return { node: { kind: 'scalar', value: q.value, style: c === SQ ? 'single' : 'double', start: off, end: q.end }, colon: after };
        }
      }
      return undefined;
    }
    if (c === 63 /* ? */ && (off + 1 >= end || t.charCodeAt(off + 1) === SPACE)) throw BAIL; // explicit key
    if (c === COLON && (off + 1 >= end || t.charCodeAt(off + 1) === SPACE)) throw BAIL; // empty key
    if (!this.canStartPlain(off, end)) {
      // Flow collections, anchors, aliases, tags and the like, possibly as keys: not in this subset.
      if (c === 91 || c === 123 || c === 38 || c === 42 || c === 33 || c === 37 || c === 64 || c === 96) throw BAIL;
      return undefined;
    }
    const stop = this.plainEnd(off, end);
    if (!stop.colon) return undefined;
    const raw = t.slice(off, stop.end);
    if (stop.end - off > MAX_KEY_LENGTH) throw BAIL;
    let colon = stop.end;
    while (t.charCodeAt(colon) !== COLON) colon++;
    return { node: { kind: 'scalar', value: resolvePlain(raw), style: 'plain', start: off, end: stop.end }, colon };
  }

  private scanSingleQuoted(off: number, end: number): { value: string; end: number } | undefined {
    const t = this.text;
    let value = '';
    let i = off + 1;
    let chunk = i;
    while (i < end) {
      if (t.charCodeAt(i) === SQ) {
        if (i + 1 < end && t.charCodeAt(i + 1) === SQ) {
          value += t.slice(chunk, i + 1);
          i += 2;
          chunk = i;
          continue;
        }
        value += t.slice(chunk, i);
        return { value, end: i + 1 };
      }
      i++;
    }
    return undefined;
  }

  private scanDoubleQuoted(off: number, end: number): { value: string; end: number } | undefined {
    const t = this.text;
    let value = '';
    let i = off + 1;
    let chunk = i;
    while (i < end) {
      const c = t.charCodeAt(i);
      if (c === DQ) {
        value += t.slice(chunk, i);
        return { value, end: i + 1 };
      }
      if (c === 92 /* \ */) {
        value += t.slice(chunk, i);
        if (i + 1 >= end) return undefined; // escaped line break: multi-line
        const e = t[i + 1] ?? '';
        const simple = ESCAPES[e];
        if (simple !== undefined) {
          value += simple;
          i += 2;
        } else {
          const width = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0;
          if (width === 0) throw BAIL;
          const hex = t.slice(i + 2, i + 2 + width);
          if (hex.length !== width || !/^[0-9a-fA-F]+$/.test(hex)) throw BAIL;
          const code = parseInt(hex, 16);
          if (code > 0x10ffff) throw BAIL;
          value += String.fromCodePoint(code);
          i += 2 + width;
        }
        chunk = i;
        continue;
      }
      i++;
    }
    return undefined;
  }

  // ---- block scalars ----------------------------------------------------------------------------------

  private parseBlockScalar(off: number, headerEnd: number, parentIndent: number): ScalarNode {
    const t = this.text;
    const literal = t.charCodeAt(off) === 124;
    let i = off + 1;
    let chomp: 'clip' | 'strip' | 'keep' = 'clip';
    while (i < headerEnd) {
      const c = t.charCodeAt(i);
      if (c === DASH && chomp === 'clip') chomp = 'strip';
      else if (c === 43 /* + */ && chomp === 'clip') chomp = 'keep';
      else break;
      i++;
    }
    if (chomp === 'keep') throw BAIL;
    const afterHeader = this.skipSpaces(i);
    if (afterHeader < headerEnd && !(t.charCodeAt(afterHeader) === HASH && afterHeader > i)) throw BAIL; // indentation indicator, or junk
    const lines: (string | null)[] = [];
    let contentIndent = -1;
    let maxLeadingBlank = 0;
    let ls = this.nextLine(off);
    let endOffset = -1;
    let lastContentLs = -1;
    while (ls < this.n) {
      const sp = this.indentOf(ls);
      const le = this.lineEnd(ls);
      if (ls + sp >= le) {
        if (contentIndent >= 0 && sp > contentIndent) {
          // Spaces beyond the indentation are content in a literal scalar (unless trailing: see below).
          if (!literal) throw BAIL;
          lines.push(t.slice(ls + contentIndent, le));
          ls = this.nextLine(ls);
          continue;
        }
        if (contentIndent < 0) maxLeadingBlank = Math.max(maxLeadingBlank, sp);
        lines.push(null);
        ls = this.nextLine(ls);
        continue;
      }
      if (sp === 0 && this.isDocMarker(ls)) throw BAIL;
      if (contentIndent < 0) {
        if (sp <= parentIndent) break;
        if (maxLeadingBlank > sp) throw BAIL;
        contentIndent = sp;
      }
      if (sp < contentIndent) break;
      if (!literal && sp > contentIndent) throw BAIL; // more-indented lines in folded scalars
      lines.push(t.slice(ls + contentIndent, le));
      lastContentLs = ls;
      ls = this.nextLine(ls);
      endOffset = ls;
    }
    if (lastContentLs < 0) throw BAIL; // empty block scalar
    // Drop blank lines after the last content line: they belong to what follows (or to chomping).
    let lastIndex = lines.length - 1;
    while (lastIndex >= 0 && lines[lastIndex] === null) lastIndex--;
    const lastLine = lines[lastIndex];
    if (lastLine !== undefined && lastLine !== null && lastLine.trim() === '') throw BAIL; // trailing spaces-only line
    const body = lines.slice(0, lastIndex + 1);
    let value: string;
    if (literal) {
      value = body.map((l) => l ?? '').join('\n');
    } else {
      value = '';
      let pendingBreaks = 0;
      let seenText = false;
      for (const l of body) {
        if (l === null) {
          pendingBreaks++;
          continue;
        }
        if (seenText) value += pendingBreaks > 0 ? '\n'.repeat(pendingBreaks) : ' ';
        else value += '\n'.repeat(pendingBreaks);
        pendingBreaks = 0;
        value += l;
        seenText = true;
      }
    }
    // Like the `yaml` library, clip adds the final line break even when the file ends without one.
    if (chomp === 'clip') value += '\n';
    this.line = endOffset;
    return { kind: 'scalar', value, style: literal ? 'literal' : 'folded', start: off, end: endOffset };
  }
}

interface KeyScan {
  node: ScalarNode;
  colon: number;
}

const ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b',
  ' ': ' ', '"': '"', '/': '/', '\\': '\\', N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029',
};

/** YAML 1.2 core schema resolution of a plain scalar, as the `yaml` library does it by default. */
export function resolvePlain(raw: string): string | number | boolean | null {
  const c = raw.charCodeAt(0);
  // Fast exit for the common case: text that cannot be null, bool or number.
  if (!(c === 126 || c === 110 || c === 78 || c === 116 || c === 84 || c === 102 || c === 70 || c === 46 || c === 43 || c === DASH || (c >= 48 && c <= 57))) {
    return raw.length === 0 ? null : raw;
  }
  if (/^(?:~|[Nn]ull|NULL)?$/.test(raw)) return null;
  if (/^(?:[Tt]rue|TRUE)$/.test(raw)) return true;
  if (/^(?:[Ff]alse|FALSE)$/.test(raw)) return false;
  if (/^0o[0-7]+$/.test(raw)) return parseInt(raw.slice(2), 8);
  if (/^[-+]?[0-9]+$/.test(raw)) return Number(raw);
  if (/^0x[0-9a-fA-F]+$/.test(raw)) return parseInt(raw.slice(2), 16);
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(raw)) return parseFloat(raw);
  if (/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(raw)) return parseFloat(raw);
  if (/^[-+]?\.(?:inf|Inf|INF)$/.test(raw)) return raw.startsWith('-') ? -Infinity : Infinity;
  if (/^\.(?:nan|NaN|NAN)$/.test(raw)) return NaN;
  return raw;
}
