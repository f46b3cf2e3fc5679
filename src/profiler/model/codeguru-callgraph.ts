import { ByteTable } from './byte-table';
import { readLines } from './codeguru-format';
import { grownInt32 } from './growable';
import type { JsonCursor } from './json-cursor';
import type { PreorderTreeBuilder } from './preorder-tree';
import type { WarningTally } from './profile';

// Byte values are local constants: imported bindings are property reads on the module object once
// transpiled to CommonJS (as tsx and mocha run the sources), which this loop cannot afford.
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const COMMA = 0x2c;
const LBRACE = 0x7b;
const RBRACE = 0x7d;
/** Longer frame names and file paths are cut to this many characters. */
const MAX_NAME = 4096;
const IN_NODE = 0;
const IN_CHILDREN = 1;
const KEY_OTHER = 0;
const KEY_CHILDREN = 1;
const KEY_COUNTS = 2;
const KEY_FILE = 3;
const KEY_LINE = 4;
const FNV_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * Reads the call graph object whose '{' is at `cursor.pos` into `tree` (its node 0 is the call graph's
 * root), leaving the cursor after the closing '}'. Nodes arrive in document order, which is preorder.
 *
 * This is the one loop that sees every byte of a profile, so it keeps its position in a local and
 * handles the common shapes inline (plain frame names, the four node members, integer counts); anything
 * else (escapes, other number forms, unknown members, malformed values) goes through the cursor.
 */
export function readCallgraph(cursor: JsonCursor, tree: PreorderTreeBuilder, warnings: WarningTally): void {
  new CallgraphReader(cursor, tree, warnings).read();
}

class CallgraphReader {
  private readonly bytes: Uint8Array;
  private readonly end: number;
  private readonly words: DataView;
  /** Frame name bytes → name id: names repeat, and only the first sighting is decoded. */
  private readonly frameNames: ByteTable;
  private readonly counterNames: ByteTable;
  // Results of scanPlain().
  private stop = 0;
  private hash = 0;

  constructor(private readonly cursor: JsonCursor, private readonly tree: PreorderTreeBuilder, private readonly warnings: WarningTally) {
    this.bytes = cursor.bytes;
    this.end = cursor.end;
    this.words = new DataView(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength);
    this.frameNames = new ByteTable(this.bytes);
    this.counterNames = new ByteTable(this.bytes);
  }

  read(): void {
    const b = this.bytes;
    const end = this.end;
    const cursor = this.cursor;
    const tree = this.tree;
    // The open objects, innermost last: node << 1 | IN_NODE or IN_CHILDREN.
    let stack: Int32Array = new Int32Array(256);
    let sp = 0;
    stack[sp++] = (0 << 1) | IN_NODE;
    let p = cursor.pos + 1;
    // Whether the current object's last member value has been read (a ',' or '}' comes next).
    let afterValue = false;
    while (sp > 0) {
      let c = p < end ? b[p]! : -1;
      if (c <= 0x20) { p = skipSpace(b, p, end); c = p < end ? b[p]! : -1; }
      if (c === RBRACE) {
        p++;
        sp--;
        afterValue = true;
        continue;
      }
      if (afterValue) {
        if (c !== COMMA) this.failAt(p, "expected ',' or '}'");
        p = skipSpace(b, p + 1, end);
        c = p < end ? b[p]! : -1;
      }
      if (c !== QUOTE) this.failAt(p, 'expected a string');
      const node = stack[sp - 1]! >> 1;
      if ((stack[sp - 1]! & 1) === IN_CHILDREN) {
        const name = this.frameName(p);
        p = this.valueStart(cursor.pos);
        const child = tree.append(node, name);
        if (child >= 0 && b[p] === LBRACE) {
          if (sp === stack.length) stack = grownInt32(stack, sp * 2);
          stack[sp++] = (child << 1) | IN_NODE;
          p++;
          afterValue = false;
          continue;
        }
        if (child >= 0 && b[p] !== 0x6e /* null */) this.warnings.add('a frame is not an object; it was kept without data');
        p = this.skipValue(p);
        afterValue = true;
        continue;
      }
      const key = this.nodeKey(p);
      p = this.valueStart(cursor.pos);
      afterValue = true;
      if (key === KEY_CHILDREN) {
        if (b[p] === LBRACE) {
          if (sp === stack.length) stack = grownInt32(stack, sp * 2);
          stack[sp++] = (node << 1) | IN_CHILDREN;
          p++;
          afterValue = false;
        } else {
          this.warnings.add('"children" is not an object; ignored');
          p = this.skipValue(p);
        }
      } else if (key === KEY_COUNTS) {
        if (b[p] === LBRACE) p = this.counts(p + 1, node);
        else { this.warnings.add('"counts" is not an object; ignored'); p = this.skipValue(p); }
      } else if (key === KEY_FILE) {
        cursor.pos = p;
        if (b[p] === QUOTE) {
          const file = cursor.string();
          if (file.length > 0) tree.setSource(node, file.slice(0, MAX_NAME), 0, 0);
        } else {
          cursor.skipValue();
        }
        p = cursor.pos;
      } else if (key === KEY_LINE) {
        cursor.pos = p;
        const lines = readLines(cursor.value());
        if (lines) tree.setSource(node, undefined, lines[0], lines[1]);
        p = cursor.pos;
      } else {
        p = this.skipValue(p);
      }
    }
    cursor.pos = p;
  }

  /**
   * Scans the string whose opening quote is at `p` up to its closing quote or first backslash, four
   * bytes at a time while none of them is either (a word "has a zero byte" test), hashing as it goes.
   * Sets `stop` (the position of that quote or backslash, or `end`) and `hash`; true for a string that
   * is closed by a quote and has no escapes. Control characters are not looked for: the caller
   * validates a string (cursor.scan) the first time it sees its bytes.
   */
  private scanPlain(p: number): boolean {
    const b = this.bytes;
    const words = this.words;
    const end = this.end;
    const start = p + 1;
    let q = start;
    let hash = FNV_BASIS;
    for (; q + 4 <= end; q += 4) {
      const w = words.getInt32(q, true);
      const quote = w ^ 0x22222222;
      const backslash = w ^ 0x5c5c5c5c;
      if ((((quote - 0x01010101) & ~quote) | ((backslash - 0x01010101) & ~backslash)) & 0x80808080) break;
      hash = Math.imul(hash ^ w, FNV_PRIME) ^ (hash >>> 15);
    }
    for (; q < end; q++) {
      const c = b[q]!;
      if (c === QUOTE || c === BACKSLASH) break;
      hash = Math.imul(hash ^ c, FNV_PRIME);
    }
    hash = Math.imul(hash ^ (q - start), 0x9e3779b1);
    this.stop = q;
    this.hash = (hash ^ (hash >>> 16)) >>> 0;
    return q < end && b[q] === QUOTE;
  }

  /**
   * The name id of the frame name whose opening quote is at `p`; the cursor ends after it. Known names
   * are found by their bytes; a name not seen before is validated and decoded once.
   */
  private frameName(p: number): number {
    const cursor = this.cursor;
    const plain = this.scanPlain(p);
    const start = p + 1;
    const len = this.stop - start;
    cursor.pos = p;
    // Escaped (or unterminated: scan() reports it) and very long names bypass the table.
    if (!plain || len > MAX_NAME) {
      cursor.scan();
      const name = cursor.decodeScanned();
      return this.tree.names.intern(name.length > MAX_NAME ? name.slice(0, MAX_NAME) : name);
    }
    let id = this.frameNames.get(start, len, this.hash);
    if (id >= 0) {
      cursor.pos = this.stop + 1;
      return id;
    }
    cursor.scan();
    id = this.tree.names.intern(cursor.decodeScanned());
    this.frameNames.set(start, len, this.hash, id);
    return id;
  }

  /** Which member of a node the key at `p` names; the cursor ends after it. */
  private nodeKey(p: number): number {
    const cursor = this.cursor;
    cursor.pos = p;
    if (!this.scanPlain(p)) return keyOf(cursor.string());
    const words = this.words;
    const start = p + 1;
    const len = this.stop - start;
    let key = KEY_OTHER;
    if (len === 8) {
      if (words.getInt32(start, true) === CHIL && words.getInt32(start + 4, true) === DREN) key = KEY_CHILDREN;
    } else if (len === 6) {
      if (words.getInt32(start, true) === COUN && words.getUint16(start + 4, true) === TS) key = KEY_COUNTS;
    } else if (len === 4) {
      const w = words.getInt32(start, true);
      key = w === FILE ? KEY_FILE : w === LINE ? KEY_LINE : KEY_OTHER;
    }
    if (key === KEY_OTHER) cursor.scan(); // validated: a member we skip must still be well-formed
    else cursor.pos = this.stop + 1;
    return key;
  }

  /** Past the ':' (and the spaces around it) that follows a key ending at `p`. */
  private valueStart(p: number): number {
    const b = this.bytes;
    const end = this.end;
    if (p < end && b[p] === COLON) p++;
    else {
      p = skipSpace(b, p, end);
      if (p >= end || b[p] !== COLON) this.failAt(p, "expected ':'");
      p++;
    }
    return p < end && b[p]! <= 0x20 ? skipSpace(b, p, end) : p;
  }

  /** A node's counts object, from just after its '{'; returns the position after its '}'. */
  private counts(p: number, node: number): number {
    const b = this.bytes;
    const end = this.end;
    let afterValue = false;
    for (;;) {
      let c = p < end ? b[p]! : -1;
      if (c <= 0x20) { p = skipSpace(b, p, end); c = p < end ? b[p]! : -1; }
      if (c === RBRACE) return p + 1;
      if (afterValue) {
        if (c !== COMMA) this.failAt(p, "expected ',' or '}'");
        p = skipSpace(b, p + 1, end);
        c = p < end ? b[p]! : -1;
      }
      if (c !== QUOTE) this.failAt(p, 'expected a string');
      afterValue = true;
      const keyAt = p;
      const plain = this.scanPlain(p);
      const hash = this.hash;
      const start = p + 1;
      const len = this.stop - start;
      if (plain) this.cursor.pos = this.stop + 1;
      else { this.cursor.pos = p; this.cursor.scan(); }
      p = this.valueStart(this.cursor.pos);
      const valueAt = p;
      let value = 0;
      let digits = 0;
      while (p < end) {
        const d = b[p]!;
        if (d < 0x30 || d > 0x39) break;
        value = value * 10 + (d - 0x30);
        p++;
        digits++;
      }
      const next = p < end ? b[p]! : -1;
      if (digits === 0 || digits > 15 || next === 0x2e || next === 0x65 || next === 0x45) {
        if (digits === 0 && next !== 0x2d) {
          this.badCount(keyAt);
          p = this.skipValue(valueAt);
          continue;
        }
        this.cursor.pos = valueAt;
        value = this.cursor.number();
        p = this.cursor.pos;
        if (!Number.isFinite(value) || value < 0 || value > Number.MAX_SAFE_INTEGER) {
          this.badCount(keyAt);
          continue;
        }
      }
      if (value > 0) this.tree.addCount(node, plain ? this.counterId(start, len, hash, keyAt) : this.counterOf(keyAt), value);
      else if (plain && this.counterNames.get(start, len, hash) < 0) this.validateString(keyAt); // a zero names no counter
    }
  }

  private counterId(start: number, len: number, hash: number, keyAt: number): number {
    const known = this.counterNames.get(start, len, hash);
    if (known >= 0) return known;
    const id = this.counterOf(keyAt);
    this.counterNames.set(start, len, hash, id);
    return id;
  }

  /** The counter named by the key string at `keyAt`. */
  private counterOf(keyAt: number): number {
    this.cursor.pos = keyAt;
    return this.tree.counterIndex(this.cursor.string());
  }

  private validateString(at: number): void {
    const resume = this.cursor.pos;
    this.cursor.pos = at;
    this.cursor.scan();
    this.cursor.pos = resume;
  }

  private badCount(keyAt: number): void {
    this.cursor.pos = keyAt;
    this.warnings.add(`a count that is not a non-negative number was ignored (counter ${this.cursor.string().slice(0, 40)})`);
  }

  private skipValue(p: number): number {
    this.cursor.pos = p;
    this.cursor.skipValue();
    return this.cursor.pos;
  }

  private failAt(p: number, what: string): never {
    this.cursor.pos = p;
    return this.cursor.fail(what);
  }
}

/** Up to four ASCII characters as the little-endian integer of their bytes. */
function word(s: string): number {
  let w = 0;
  for (let k = s.length - 1; k >= 0; k--) w = (w << 8) | s.charCodeAt(k);
  return w;
}
const CHIL = word('chil');
const DREN = word('dren');
const COUN = word('coun');
const TS = word('ts');
const FILE = word('file');
const LINE = word('line');

/** A key that needed decoding (escapes): compared by value, as JSON.parse would. */
function keyOf(key: string): number {
  switch (key) {
    case 'children': return KEY_CHILDREN;
    case 'counts': return KEY_COUNTS;
    case 'file': return KEY_FILE;
    case 'line': return KEY_LINE;
    default: return KEY_OTHER;
  }
}

function skipSpace(b: Uint8Array, p: number, end: number): number {
  for (; p < end; p++) {
    const c = b[p]!;
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) break;
  }
  return p;
}
