import { ProfileFormatError } from './profile';

export const WIRE_VARINT = 0;
export const WIRE_FIXED64 = 1;
export const WIRE_LEN = 2;
export const WIRE_FIXED32 = 5;

/**
 * Reads protobuf wire format from bytes without building messages. 64-bit varints come back as
 * doubles (exact up to 2^53, which covers every id and count a real profile has). Every read is
 * bounds-checked: a truncated or corrupt message throws a ProfileFormatError naming the byte.
 */
export class ProtobufReader {
  pos: number;
  constructor(readonly buf: Uint8Array, start = 0, public end = buf.length) {
    this.pos = start;
  }

  fail(what: string): never {
    throw new ProfileFormatError(`The pprof profile is damaged: ${what} at byte ${this.pos}.`);
  }

  varint(): number {
    const buf = this.buf;
    let pos = this.pos;
    if (pos >= this.end) this.fail('it ends inside a number');
    let b = buf[pos++]!;
    if (b < 0x80) { this.pos = pos; return b; }
    let result = b & 0x7f;
    let mul = 128;
    for (let i = 1; i < 10; i++) {
      if (pos >= this.end) { this.pos = pos; this.fail('it ends inside a number'); }
      b = buf[pos++]!;
      result += (b & 0x7f) * mul;
      if (b < 0x80) { this.pos = pos; return result; }
      mul *= 128;
    }
    this.pos = pos;
    return this.fail('a number is longer than 10 bytes');
  }

  /** A length-delimited field's extent; the reader moves past it. */
  len(): number {
    const n = this.varint();
    const start = this.pos;
    if (n > this.end - start) this.fail(`a field of ${n} bytes runs past the end`);
    this.pos = start + n;
    return start;
  }

  skip(wire: number): void {
    switch (wire) {
      case WIRE_VARINT: this.varint(); return;
      case WIRE_FIXED64: this.advance(8); return;
      case WIRE_LEN: this.len(); return;
      case WIRE_FIXED32: this.advance(4); return;
      default: this.fail(`unknown wire type ${wire}`);
    }
  }

  private advance(n: number): void {
    if (this.end - this.pos < n) this.fail('it ends inside a field');
    this.pos += n;
  }

  /** Signed int64 from a varint (two's complement: values ≥ 2^63 are negative). */
  int64(): number {
    const v = this.varint();
    return v >= 2 ** 63 ? v - 2 ** 64 : v;
  }

  /** Calls `each` for every value of a repeated varint field, packed (wire 2) or not (wire 0). */
  repeatedVarint(wire: number, each: (value: number) => void): void {
    if (wire === WIRE_VARINT) { each(this.varint()); return; }
    if (wire !== WIRE_LEN) { this.skip(wire); return; }
    const start = this.len();
    const stop = this.pos;
    this.pos = start;
    const outerEnd = this.end;
    this.end = stop;
    while (this.pos < stop) each(this.varint());
    this.end = outerEnd;
  }
}
