/**
 * Byte strings → ids without creating a JS string per lookup: a 200k-frame profile repeats a few
 * thousand distinct names, and only those get decoded. Open addressing on the FNV-1a hash.
 */
export class ByteTable {
  private slotValue = new Int32Array(1 << 12).fill(-1);
  private slotHash = new Uint32Array(1 << 12);
  private slotStart = new Int32Array(1 << 12);
  private slotLen = new Int32Array(1 << 12);
  private count = 0;

  constructor(private readonly bytes: Uint8Array) {}

  get(start: number, len: number, hash: number): number {
    const mask = this.slotValue.length - 1;
    const bytes = this.bytes;
    for (let i = hash & mask; ; i = (i + 1) & mask) {
      const v = this.slotValue[i]!;
      if (v === -1) return -1;
      if (this.slotHash[i] === hash && this.slotLen[i] === len) {
        const other = this.slotStart[i]!;
        let k = 0;
        while (k < len && bytes[start + k] === bytes[other + k]) k++;
        if (k === len) return v;
      }
    }
  }

  set(start: number, len: number, hash: number, value: number): void {
    if ((this.count + 1) * 2 > this.slotValue.length) this.grow();
    const mask = this.slotValue.length - 1;
    let i = hash & mask;
    while (this.slotValue[i] !== -1) i = (i + 1) & mask;
    this.slotValue[i] = value;
    this.slotHash[i] = hash;
    this.slotStart[i] = start;
    this.slotLen[i] = len;
    this.count++;
  }

  private grow(): void {
    const [v, h, s, l] = [this.slotValue, this.slotHash, this.slotStart, this.slotLen];
    const cap = v.length * 2;
    this.slotValue = new Int32Array(cap).fill(-1);
    this.slotHash = new Uint32Array(cap);
    this.slotStart = new Int32Array(cap);
    this.slotLen = new Int32Array(cap);
    this.count = 0;
    for (let j = 0; j < v.length; j++) if (v[j] !== -1) this.set(s[j]!, l[j]!, h[j]!, v[j]!);
  }
}
