const STRIDE = 4; // key a, key b, value, padding: a slot never straddles a cache line

/** (parent, name id) → child, open addressing over one typed array (a Map keyed by such pairs is far slower). */
export class PairTable {
  private slots: Int32Array;
  private mask: number;
  private count = 0;

  constructor(expected = 2048) {
    let capacity = 1 << 12;
    while (capacity < expected * 2) capacity *= 2;
    this.slots = PairTable.empty(capacity);
    this.mask = capacity - 1;
  }

  private static empty(capacity: number): Int32Array {
    const slots = new Int32Array(capacity * STRIDE);
    for (let i = 0; i < slots.length; i += STRIDE) slots[i] = -1;
    return slots;
  }

  private static slot(a: number, b: number, mask: number): number {
    let h = Math.imul(a ^ 0x5bd1e995, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca77);
    h ^= h >>> 15;
    return h & mask;
  }

  get(a: number, b: number): number {
    const slots = this.slots;
    for (let i = PairTable.slot(a, b, this.mask); ; i = (i + 1) & this.mask) {
      const at = i * STRIDE;
      const k = slots[at]!;
      if (k === -1) return -1;
      if (k === a && slots[at + 1] === b) return slots[at + 2]!;
    }
  }

  /** The value for (a, b); when absent, stores `value` in the same probe and returns -1. */
  getOrSet(a: number, b: number, value: number): number {
    if ((this.count + 1) * 2 > this.mask + 1) this.grow();
    const slots = this.slots;
    let i = PairTable.slot(a, b, this.mask);
    for (;;) {
      const at = i * STRIDE;
      const k = slots[at]!;
      if (k === -1) break;
      if (k === a && slots[at + 1] === b) return slots[at + 2]!;
      i = (i + 1) & this.mask;
    }
    const at = i * STRIDE;
    slots[at] = a;
    slots[at + 1] = b;
    slots[at + 2] = value;
    this.count++;
    return -1;
  }

  private grow(): void {
    const old = this.slots;
    const capacity = (this.mask + 1) * 2;
    this.slots = PairTable.empty(capacity);
    this.mask = capacity - 1;
    for (let from = 0; from < old.length; from += STRIDE) {
      const a = old[from]!;
      if (a === -1) continue;
      let i = PairTable.slot(a, old[from + 1]!, this.mask);
      while (this.slots[i * STRIDE] !== -1) i = (i + 1) & this.mask;
      const at = i * STRIDE;
      this.slots[at] = a;
      this.slots[at + 1] = old[from + 1]!;
      this.slots[at + 2] = old[from + 2]!;
    }
  }
}
