import { byteText, type ByteText } from './byte-text';
import { ProfileFormatError } from './profile';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
export const COLON = 0x3a;
export const COMMA = 0x2c;
export const LBRACE = 0x7b;
export const RBRACE = 0x7d;
const LBRACKET = 0x5b;
const RBRACKET = 0x5d;

function isJsonSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/**
 * JSON tokens read straight from bytes, at `pos`. Errors are ProfileFormatErrors that name the byte
 * offset. A hot loop may keep its own position in a local and hand over to these methods (set `pos`,
 * call, read `pos` back) for anything uncommon.
 */
export class JsonCursor {
  pos = 0;
  readonly end: number;
  readonly text: ByteText;
  // The last string scanned without decoding: bytes [sStart, sEnd), and whether it has escapes / non-ASCII.
  sStart = 0;
  sEnd = 0;
  sAscii = true;
  sEscaped = false;

  constructor(readonly bytes: Uint8Array) {
    this.text = byteText(bytes);
    this.end = bytes.length;
  }

  peek(): number {
    return this.pos < this.end ? this.bytes[this.pos]! : -1;
  }

  skipWs(): void {
    const bytes = this.bytes;
    let p = this.pos;
    while (p < this.end && isJsonSpace(bytes[p]!)) p++;
    this.pos = p;
  }

  expect(byte: number): void {
    if (this.peek() !== byte) this.fail(`expected '${String.fromCharCode(byte)}'`);
    this.pos++;
  }

  fail(what: string): never {
    throw new ProfileFormatError(`The profile is not valid JSON: ${what} at byte ${this.pos}.`);
  }

  /** Validates the string token at `pos` and moves past it, without decoding it (range and flags in s*). */
  scan(): void {
    if (this.peek() !== QUOTE) this.fail('expected a string');
    const bytes = this.bytes;
    const start = ++this.pos;
    let p = start;
    let isAscii = true;
    let escaped = false;
    for (;;) {
      if (p >= this.end) this.fail('unterminated string');
      const c = bytes[p]!;
      if (c === QUOTE) break;
      if (c === BACKSLASH) { escaped = true; p += 2; continue; }
      if (c < 0x20) { this.pos = p; this.fail('control character in a string'); }
      if (c >= 0x80) isAscii = false;
      p++;
    }
    this.pos = p + 1;
    this.sStart = start;
    this.sEnd = p;
    this.sAscii = isAscii;
    this.sEscaped = escaped;
  }

  /** The last scanned string's value. */
  decodeScanned(): string {
    if (this.sEscaped) {
      try {
        return JSON.parse(this.text.utf8(this.sStart - 1, this.sEnd + 1)) as string;
      } catch {
        this.pos = this.sStart;
        return this.fail('invalid escape in a string');
      }
    }
    return this.sAscii ? this.text.latin1(this.sStart, this.sEnd) : this.text.utf8(this.sStart, this.sEnd);
  }

  string(): string {
    this.scan();
    return this.decodeScanned();
  }

  /** A JSON number; digits-only values of up to 15 digits are read without making a string. */
  number(): number {
    const bytes = this.bytes;
    const start = this.pos;
    let p = start;
    let simple = true;
    let value = 0;
    if (bytes[p] === 0x2d) { p++; simple = false; }
    while (p < this.end) {
      const c = bytes[p]!;
      if (c >= 0x30 && c <= 0x39) { value = value * 10 + (c - 0x30); p++; continue; }
      if (c === 0x2e || c === 0x65 || c === 0x45 || c === 0x2b || c === 0x2d) { simple = false; p++; continue; }
      break;
    }
    this.pos = p;
    if (simple && p - start < 16) return value;
    const word = this.text.latin1(start, p);
    if (!JSON_NUMBER.test(word)) { this.pos = start; this.fail('invalid number'); }
    return Number(word);
  }

  /** The value at `pos` as a JavaScript value (for small members such as metadata). */
  value(): unknown {
    const from = this.pos;
    this.skipValue();
    return JSON.parse(this.text.utf8(from, this.pos)) as unknown;
  }

  /** Skips any JSON value (nesting tracked with a counter, so depth costs nothing). */
  skipValue(): void {
    const bytes = this.bytes;
    let depth = 0;
    for (;;) {
      this.skipWs();
      const c = this.peek();
      if (c === QUOTE) {
        this.scan();
      } else if (c === LBRACE || c === LBRACKET) {
        depth++;
        this.pos++;
        continue;
      } else if (c === RBRACE || c === RBRACKET) {
        if (depth === 0) this.fail('unexpected closing bracket');
        depth--;
        this.pos++;
      } else if (c === COMMA || c === COLON) {
        if (depth === 0) this.fail('unexpected separator');
        this.pos++;
        continue;
      } else if (c === -1) {
        this.fail('unexpected end');
      } else {
        const start = this.pos;
        let p = start;
        while (p < this.end) {
          const x = bytes[p]!;
          if (x === COMMA || x === RBRACE || x === RBRACKET || x === COLON || isJsonSpace(x)) break;
          p++;
        }
        const word = this.text.latin1(start, p);
        if (!(word === 'true' || word === 'false' || word === 'null' || JSON_NUMBER.test(word))) this.fail(`unexpected '${word.slice(0, 20)}'`);
        this.pos = p;
      }
      if (depth === 0) return;
    }
  }
}

const JSON_NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/;
