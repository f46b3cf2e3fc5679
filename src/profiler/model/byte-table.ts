const STRIDE = 4; // value, hash, start, length: one slot's fields share a cache line

/**
 * Byte strings → ids without creating a JS string per lookup: a 200k-frame profile repeats a few
 * thousand distinct names, and only those get decoded. Open addressing on the FNV-1a hash.
 */
export class ByteTable {
  private slots = ByteTable.empty(1 << 12);
  private mask = (1 << 12) - 1;
  private count = 0;
  // Known keys are copied here, side by side: comparing against a small dense arena instead of their
  // first occurrence somewhere in a many-megabyte input keeps lookups in cache.
  private arena = new Uint8Array(1 << 16);
  private arenaWords = new DataView(this.arena.buffer);
  private arenaUsed = 0;
  private readonly words: DataView;

  constructor(private readonly bytes: Uint8Array) {
    this.words = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  private static empty(capacity: number): Int32Array {
    const slots = new Int32Array(capacity * STRIDE);
    for (let i = 0; i < slots.length; i += STRIDE) slots[i] = -1;
    return slots;
  }

  get(start: number, len: number, hash: number): number {
    const slots = this.slots;
    const h = hash | 0;
    for (let i = hash & this.mask; ; i = (i + 1) & this.mask) {
      const at = i * STRIDE;
      const v = slots[at]!;
      if (v === -1) return -1;
      if (slots[at + 1] === h && slots[at + 3] === len) {
        if (this.equal(start, slots[at + 2]!, len)) return v;
      }
    }
  }

  /** Input bytes [start, start + len) equal arena bytes [other, other + len); compared four at a time. */
  private equal(start: number, other: number, len: number): boolean {
    const words = this.words;
    const arena = this.arenaWords;
    let k = 0;
    for (const whole = len & ~3; k < whole; k += 4) if (words.getInt32(start + k) !== arena.getInt32(other + k)) return false;
    const bytes = this.bytes;
    const tail = this.arena;
    for (; k < len; k++) if (bytes[start + k] !== tail[other + k]) return false;
    return true;
  }

  set(start: number, len: number, hash: number, value: number): void {
    if ((this.count + 1) * 2 > this.mask + 1) this.grow();
    const slots = this.slots;
    const offset = this.keep(start, len);
    let i = hash & this.mask;
    while (slots[i * STRIDE] !== -1) i = (i + 1) & this.mask;
    const at = i * STRIDE;
    slots[at] = value;
    slots[at + 1] = hash | 0;
    slots[at + 2] = offset;
    slots[at + 3] = len;
    this.count++;
  }

  /** Copies input bytes [start, start + len) into the arena; returns their offset there. */
  private keep(start: number, len: number): number {
    if (this.arenaUsed + len > this.arena.length) {
      let capacity = this.arena.length * 2;
      while (capacity < this.arenaUsed + len) capacity *= 2;
      const grown = new Uint8Array(capacity);
      grown.set(this.arena.subarray(0, this.arenaUsed));
      this.arena = grown;
      this.arenaWords = new DataView(grown.buffer);
    }
    const offset = this.arenaUsed;
    // A loop, not subarray() + set(): keys are short, and a view object per key is what this table avoids.
    const arena = this.arena;
    const bytes = this.bytes;
    for (let k = 0; k < len; k++) arena[offset + k] = bytes[start + k]!;
    this.arenaUsed += len;
    return offset;
  }

  private grow(): void {
    const old = this.slots;
    const capacity = (this.mask + 1) * 2;
    this.slots = ByteTable.empty(capacity);
    this.mask = capacity - 1;
    this.count = 0;
    const slots = this.slots;
    for (let from = 0; from < old.length; from += STRIDE) {
      if (old[from] === -1) continue;
      let i = old[from + 1]! & this.mask;
      while (slots[i * STRIDE] !== -1) i = (i + 1) & this.mask;
      const to = i * STRIDE;
      for (let k = 0; k < STRIDE; k++) slots[to + k] = old[from + k]!;
      this.count++;
    }
  }
}
