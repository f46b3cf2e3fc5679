import { Buffer } from 'node:buffer';
import { FrameTreeBuilder, MAX_NODES } from './frame-tree';
import { ProfileFormatError, WarningTally, makeProfile, type Profile, type ProfileMeta } from './profile';
import { ByteTable } from './byte-table';
import { fromCodeGuruDocument, readLines } from './codeguru-format';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const COMMA = 0x2c;
const LBRACE = 0x7b;
const RBRACE = 0x7d;
const LBRACKET = 0x5b;
const RBRACKET = 0x5d;
const MODE_NODE = 0;
const MODE_CHILDREN = 1;
const ascii = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));
const KEY_CHILDREN = ascii('children');
const KEY_COUNTS = ascii('counts');
const KEY_FILE = ascii('file');
const KEY_LINE = ascii('line');
/** Longer frame names are cut to this many characters. */
const MAX_NAME = 4096;

/**
 * Parses CodeGuru agent-format JSON straight from bytes into a FrameTree, without building the
 * document's objects: JSON.parse gives each `children` object (keyed by frame names) its own hidden
 * class, which makes a 200k-frame profile take seconds. One pass over the bytes with an explicit stack,
 * so nesting depth costs no recursion; unknown members are skipped, malformed values become warnings.
 */
export function parseCodeGuruBytes(bytes: Uint8Array, maxNodes = MAX_NODES): Profile {
  return new StreamParser(bytes, maxNodes).parse();
}

class StreamParser {
  private pos = 0;
  private readonly buf: Buffer;
  private readonly end: number;
  private readonly builder: FrameTreeBuilder;
  private readonly warnings = new WarningTally();
  private readonly frameNames: ByteTable;
  private readonly counterNames: ByteTable;
  private readonly words: DataView;
  // The last string scanned without decoding: bytes [sStart, sEnd), FNV-1a hash, flags.
  private sStart = 0;
  private sEnd = 0;
  private sHash = 0;
  private sAscii = true;
  private sEscaped = false;

  constructor(private readonly bytes: Uint8Array, private readonly maxNodes: number) {
    this.buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.end = bytes.length;
    // A frame costs ~60-80 bytes of JSON: size the tables once instead of growing them.
    this.builder = new FrameTreeBuilder(undefined, maxNodes, undefined, Math.ceil(bytes.length / 64));
    this.words = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.frameNames = new ByteTable(bytes);
    this.counterNames = new ByteTable(bytes);
  }

  parse(): Profile {
    const meta: ProfileMeta = {};
    let sawCallgraph = false;
    let bareNode = false;
    this.skipWs();
    if (this.peek() === 0xef && this.bytes[this.pos + 1] === 0xbb && this.bytes[this.pos + 2] === 0xbf) this.pos += 3;
    this.skipWs();
    if (this.peek() !== LBRACE) throw new ProfileFormatError('This is not a CodeGuru profile: the JSON is not an object.');
    this.pos++;
    let first = true;
    for (;;) {
      this.skipWs();
      if (this.peek() === RBRACE) { this.pos++; break; }
      if (!first) this.expect(COMMA);
      first = false;
      this.skipWs();
      const key = this.string();
      this.skipWs();
      this.expect(COLON);
      this.skipWs();
      if (key === 'callgraph') {
        if (this.peek() === LBRACE) { this.callgraph(); sawCallgraph = true; } else { this.skipValue(); this.warnings.add('"callgraph" is not an object'); sawCallgraph = true; }
      } else if (key === 'agentMetadata' || key === 'start' || key === 'end') {
        const from = this.pos;
        this.skipValue();
        this.meta(key, JSON.parse(this.buf.toString('utf8', from, this.pos)) as unknown, meta);
      } else {
        if (key === 'children' || key === 'counts') bareNode = true;
        this.skipValue();
      }
    }
    this.skipWs();
    if (this.pos < this.end) this.fail('unexpected content after the profile');
    if (!sawCallgraph) {
      // A bare call-graph node at the top: rare and small, so the general path is fine.
      if (bareNode) return fromCodeGuruDocument(JSON.parse(this.buf.toString('utf8')) as unknown, this.maxNodes);
      throw new ProfileFormatError('This is not a CodeGuru profile: it has no "callgraph".');
    }
    if (meta.durationMs === undefined && meta.startMs !== undefined && meta.endMs !== undefined && meta.endMs >= meta.startMs) meta.durationMs = meta.endMs - meta.startMs;
    if (this.builder.truncated) this.warnings.add(`the profile has more than ${this.maxNodes.toLocaleString('en-US')} frames; the rest were dropped`);
    return makeProfile('codeguru', this.builder.finish(), meta, this.warnings.list(), this.builder.truncated);
  }

  private meta(key: string, value: unknown, meta: ProfileMeta): void {
    const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
    if (key === 'start') { const v = num(value); if (v !== undefined) meta.startMs = v; return; }
    if (key === 'end') { const v = num(value); if (v !== undefined) meta.endMs = v; return; }
    // agentMetadata is small: reuse the object-based reader for identical results.
    const parsed = fromCodeGuruDocument({ agentMetadata: value, callgraph: {} });
    if (parsed.sampleWeights.size > 0 || (typeof value === 'object' && value !== null && 'sampleWeights' in value)) meta.sampleWeights = parsed.sampleWeights;
    for (const w of parsed.warnings) this.warnings.add(w);
    if (parsed.durationMs !== undefined) meta.durationMs = parsed.durationMs;
    if (parsed.agent !== undefined) meta.agent = parsed.agent;
    if (parsed.runtimeVersion !== undefined) meta.runtimeVersion = parsed.runtimeVersion;
    if (parsed.numTimesSampled !== undefined) meta.numTimesSampled = parsed.numTimesSampled;
  }

  /** The call graph: node objects and children objects, walked with an explicit stack. */
  private callgraph(): void {
    const b = this.builder;
    let stackNode = new Int32Array(256);
    let stackMode = new Uint8Array(256);
    let stackFirst = new Uint8Array(256);
    let sp = 0;
    const push = (node: number, mode: number): void => {
      if (sp === stackNode.length) {
        const grow = <T extends Int32Array | Uint8Array>(a: T, make: (n: number) => T): T => { const c = make(a.length * 2); c.set(a); return c; };
        stackNode = grow(stackNode, (n) => new Int32Array(n));
        stackMode = grow(stackMode, (n) => new Uint8Array(n));
        stackFirst = grow(stackFirst, (n) => new Uint8Array(n));
      }
      stackNode[sp] = node;
      stackMode[sp] = mode;
      stackFirst[sp] = 1;
      sp++;
    };
    push(0, MODE_NODE);
    this.pos++; // the root's '{'
    while (sp > 0) {
      const top = sp - 1;
      this.skipWs();
      if (this.peek() === RBRACE) {
        this.pos++;
        sp--;
        continue;
      }
      if (stackFirst[top] === 0) { this.expect(COMMA); this.skipWs(); }
      stackFirst[top] = 0;
      const node = stackNode[top]!;
      if (stackMode[top] === MODE_CHILDREN) {
        const nameId = this.frameName();
        this.skipWs();
        this.expect(COLON);
        this.skipWs();
        const child = node >= 0 ? b.appendChild(node, nameId) : -1;
        if (this.peek() === LBRACE && child >= 0) {
          this.pos++;
          push(child, MODE_NODE);
        } else {
          if (child >= 0 && this.peek() !== 0x6e /* null */) this.warnings.add('a frame is not an object; it was kept without data');
          this.skipValue();
        }
        continue;
      }
      this.scan();
      this.skipWs();
      this.expect(COLON);
      this.skipWs();
      if (this.keyIs(KEY_CHILDREN)) {
          if (this.peek() === LBRACE) {
            this.pos++;
            push(node, MODE_CHILDREN);
          } else {
            this.warnings.add('"children" is not an object; ignored');
            this.skipValue();
          }
      } else if (this.keyIs(KEY_COUNTS)) {
        if (this.peek() === LBRACE) this.counts(node);
        else { this.warnings.add('"counts" is not an object; ignored'); this.skipValue(); }
      } else if (this.keyIs(KEY_FILE)) {
        if (this.peek() === QUOTE) {
          const file = this.string();
          if (file.length > 0) b.setSource(node, file.slice(0, 4096), 0, 0);
        } else {
          this.skipValue();
        }
      } else if (this.keyIs(KEY_LINE)) {
        const from = this.pos;
        this.skipValue();
        const lines = readLines(JSON.parse(this.buf.toString('latin1', from, this.pos)) as unknown);
        if (lines) b.setSource(node, undefined, lines[0], lines[1]);
      } else {
        this.skipValue();
      }
    }
  }

  /** Whether the last scanned (unescaped) string is exactly `key`. */
  private keyIs(key: Uint8Array): boolean {
    if (this.sEscaped || this.sEnd - this.sStart !== key.length) return false;
    const bytes = this.bytes;
    for (let k = 0; k < key.length; k++) if (bytes[this.sStart + k] !== key[k]) return false;
    return true;
  }

  private decodeScanned(): string {
    if (this.sEscaped) {
      try {
        return JSON.parse(this.buf.toString('utf8', this.sStart - 1, this.sEnd + 1)) as string;
      } catch {
        this.pos = this.sStart;
        return this.fail('invalid escape in a string');
      }
    }
    return this.sAscii ? this.buf.toString('latin1', this.sStart, this.sEnd) : this.buf.toString('utf8', this.sStart, this.sEnd);
  }

  /**
   * Scans a frame name (a key of "children") and returns its name id. Names repeat: a name is looked
   * up by its bytes (found by a loop that only looks for the closing quote, hashed four bytes at a
   * time), and only a name not seen before is validated, decoded and interned.
   */
  private frameName(): number {
    if (this.peek() !== QUOTE) this.fail('expected a string');
    const bytes = this.bytes;
    const start = this.pos + 1;
    let p = start;
    while (p < this.end) {
      const c = bytes[p]!;
      if (c === QUOTE || c === BACKSLASH) break;
      p++;
    }
    const len = p - start;
    // Escaped (or unterminated: scan() reports it) and very long names bypass the table.
    if (p >= this.end || bytes[p] !== QUOTE || len > MAX_NAME) {
      this.scan();
      const name = this.decodeScanned();
      return this.builder.names.intern(name.length > MAX_NAME ? name.slice(0, MAX_NAME) : name);
    }
    const hash = wordHash(this.words, start, len);
    const known = this.frameNames.get(start, len, hash);
    if (known >= 0) {
      this.pos = p + 1;
      return known;
    }
    this.scan(); // the first sighting is validated like any string
    const id = this.builder.names.intern(this.decodeScanned());
    this.frameNames.set(start, len, hash, id);
    return id;
  }

  private counterId(): number {
    const len = this.sEnd - this.sStart;
    if (this.sEscaped) return this.builder.counterIndex(this.decodeScanned());
    const known = this.counterNames.get(this.sStart, len, this.sHash);
    if (known >= 0) return known;
    const id = this.builder.counterIndex(this.decodeScanned());
    this.counterNames.set(this.sStart, len, this.sHash, id);
    return id;
  }

  private counts(node: number): void {
    this.pos++;
    let first = true;
    for (;;) {
      this.skipWs();
      if (this.peek() === RBRACE) { this.pos++; return; }
      if (!first) { this.expect(COMMA); this.skipWs(); }
      first = false;
      this.scan();
      this.skipWs();
      this.expect(COLON);
      this.skipWs();
      const c = this.peek();
      if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
        const v = this.number();
        if (!Number.isFinite(v) || v < 0 || v > Number.MAX_SAFE_INTEGER) {
          this.warnings.add(`a count that is not a non-negative number was ignored (counter ${this.decodeScanned().slice(0, 40)})`);
        } else if (v > 0) {
          this.builder.addCount(node, this.counterId(), v);
        }
      } else {
        this.warnings.add(`a count that is not a non-negative number was ignored (counter ${this.decodeScanned().slice(0, 40)})`);
        this.skipValue();
      }
    }
  }

  // ---- tokens ----

  private peek(): number {
    return this.pos < this.end ? this.bytes[this.pos]! : -1;
  }

  private skipWs(): void {
    const bytes = this.bytes;
    let p = this.pos;
    while (p < this.end) {
      const c = bytes[p]!;
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) p++;
      else break;
    }
    this.pos = p;
  }

  private expect(byte: number): void {
    if (this.peek() !== byte) this.fail(`expected '${String.fromCharCode(byte)}'`);
    this.pos++;
  }

  private fail(what: string): never {
    throw new ProfileFormatError(`The profile is not valid JSON: ${what} at byte ${this.pos}.`);
  }

  /** Scans a string token without decoding it (range, hash, flags in s*). */
  private scan(): void {
    if (this.peek() !== QUOTE) this.fail('expected a string');
    const bytes = this.bytes;
    const start = ++this.pos;
    let p = start;
    let hash = 0x811c9dc5;
    let isAscii = true;
    let escaped = false;
    for (;;) {
      if (p >= this.end) this.fail('unterminated string');
      const c = bytes[p]!;
      if (c === QUOTE) break;
      if (c === BACKSLASH) { escaped = true; p += 2; continue; }
      if (c < 0x20) { this.pos = p; this.fail('control character in a string'); }
      if (c >= 0x80) isAscii = false;
      hash = Math.imul(hash ^ c, 0x01000193);
      p++;
    }
    this.pos = p + 1;
    this.sStart = start;
    this.sEnd = p;
    this.sHash = hash >>> 0;
    this.sAscii = isAscii;
    this.sEscaped = escaped;
  }

  private string(): string {
    if (this.peek() !== QUOTE) this.fail('expected a string');
    const bytes = this.bytes;
    const start = ++this.pos;
    let p = start;
    let ascii = true;
    let escaped = false;
    for (;;) {
      if (p >= this.end) this.fail('unterminated string');
      const c = bytes[p]!;
      if (c === QUOTE) break;
      if (c === BACKSLASH) { escaped = true; p += 2; continue; }
      if (c < 0x20) { this.pos = p; this.fail('control character in a string'); }
      if (c >= 0x80) ascii = false;
      p++;
    }
    this.pos = p + 1;
    if (escaped) {
      try {
        return JSON.parse(this.buf.toString('utf8', start - 1, p + 1)) as string;
      } catch {
        this.pos = start;
        return this.fail('invalid escape in a string');
      }
    }
    return ascii ? this.buf.toString('latin1', start, p) : this.buf.toString('utf8', start, p);
  }

  private number(): number {
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
    const v = Number(this.buf.toString('latin1', start, p));
    if (Number.isNaN(v)) this.fail('invalid number');
    return v;
  }

  /** Skips any JSON value (nesting tracked with a counter, so depth costs nothing). */
  private skipValue(): void {
    const bytes = this.bytes;
    let depth = 0;
    for (;;) {
      this.skipWs();
      const c = this.peek();
      if (c === QUOTE) {
        this.string();
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
          if (x === COMMA || x === RBRACE || x === RBRACKET || x === COLON || x === 0x20 || x === 0x0a || x === 0x0d || x === 0x09) break;
          p++;
        }
        const word = this.buf.toString('latin1', start, p);
        if (!(word === 'true' || word === 'false' || word === 'null' || /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/.test(word))) this.fail(`unexpected '${word.slice(0, 20)}'`);
        this.pos = p;
      }
      if (depth === 0) return;
    }
  }
}

/** A hash of bytes [start, start + len), four at a time (the byte-wise FNV-1a costs more than the lookup). */
function wordHash(view: DataView, start: number, len: number): number {
  let h = Math.imul(len, 0x9e3779b1);
  let p = start;
  const words = start + (len & ~3);
  for (; p < words; p += 4) h = Math.imul(h ^ view.getInt32(p, true), 0x01000193) ^ (h >>> 15);
  for (; p < start + len; p++) h = Math.imul(h ^ view.getUint8(p), 0x01000193);
  h ^= h >>> 16;
  return h >>> 0;
}
