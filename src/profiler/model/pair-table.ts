/** (parent, name id) → child, open addressing over typed arrays (a Map keyed by such pairs is far slower). */
export class PairTable {
  private a: Int32Array;
  private b: Int32Array;
  private v: Int32Array;
  private mask: number;
  private count = 0;

  constructor(expected = 2048) {
    let capacity = 1 << 12;
    while (capacity < expected * 2) capacity *= 2;
    this.a = new Int32Array(capacity).fill(-1);
    this.b = new Int32Array(capacity);
    this.v = new Int32Array(capacity);
    this.mask = capacity - 1;
  }

  private static slot(a: number, b: number, mask: number): number {
    let h = Math.imul(a ^ 0x5bd1e995, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca77);
    h ^= h >>> 15;
    return h & mask;
  }

  get(a: number, b: number): number {
    let i = PairTable.slot(a, b, this.mask);
    for (;;) {
      const k = this.a[i]!;
      if (k === -1) return -1;
      if (k === a && this.b[i] === b) return this.v[i]!;
      i = (i + 1) & this.mask;
    }
  }

  /** The value for (a, b); when absent, stores `value` in the same probe and returns -1. */
  getOrSet(a: number, b: number, value: number): number {
    if ((this.count + 1) * 2 > this.a.length) this.grow();
    let i = PairTable.slot(a, b, this.mask);
    for (;;) {
      const k = this.a[i]!;
      if (k === -1) break;
      if (k === a && this.b[i] === b) return this.v[i]!;
      i = (i + 1) & this.mask;
    }
    this.a[i] = a;
    this.b[i] = b;
    this.v[i] = value;
    this.count++;
    return -1;
  }

  private grow(): void {
    const oa = this.a;
    const ob = this.b;
    const ov = this.v;
    const cap = oa.length * 2;
    this.a = new Int32Array(cap).fill(-1);
    this.b = new Int32Array(cap);
    this.v = new Int32Array(cap);
    this.mask = cap - 1;
    for (let j = 0; j < oa.length; j++) {
      const k = oa[j]!;
      if (k === -1) continue;
      let i = PairTable.slot(k, ob[j]!, this.mask);
      while (this.a[i] !== -1) i = (i + 1) & this.mask;
      this.a[i] = k;
      this.b[i] = ob[j]!;
      this.v[i] = ov[j]!;
    }
  }
}
