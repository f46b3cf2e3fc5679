/** Typed arrays that double their capacity as they grow; `view()` returns the used part without copying. */
export class GrowableInt32 {
  private data: Int32Array;
  length = 0;
  constructor(capacity = 1024, private readonly fill = 0) {
    this.data = new Int32Array(Math.max(16, capacity));
    if (fill !== 0) this.data.fill(fill);
  }
  push(value: number): void {
    if (this.length === this.data.length) this.grow(this.length + 1);
    this.data[this.length++] = value;
  }
  get(i: number): number { return this.data[i] ?? this.fill; }
  set(i: number, value: number): void {
    if (i >= this.data.length) this.grow(i + 1);
    this.data[i] = value;
    if (i >= this.length) this.length = i + 1;
  }
  private grow(min: number): void {
    let cap = this.data.length * 2;
    while (cap < min) cap *= 2;
    const next = new Int32Array(cap);
    if (this.fill !== 0) next.fill(this.fill, this.data.length);
    next.set(this.data);
    this.data = next;
  }
  view(length = this.length): Int32Array { return this.data.subarray(0, length); }
  /** A right-sized copy (lets the over-allocated buffer be collected). */
  toArray(length = this.length): Int32Array { return this.data.slice(0, length); }
}

export class GrowableFloat64 {
  private data: Float64Array;
  constructor(capacity = 1024) { this.data = new Float64Array(Math.max(16, capacity)); }
  add(i: number, value: number): void {
    if (i >= this.data.length) this.grow(i + 1);
    this.data[i] = (this.data[i] ?? 0) + value;
  }
  private grow(min: number): void {
    let cap = this.data.length * 2;
    while (cap < min) cap *= 2;
    const next = new Float64Array(cap);
    next.set(this.data);
    this.data = next;
  }
  /** Exactly `length` entries, zero beyond what was written; shares the storage when it is large enough. */
  view(length: number): Float64Array {
    return length <= this.data.length ? this.data.subarray(0, length) : this.toArray(length);
  }
  /** Exactly `length` entries; zero beyond what was written. */
  toArray(length: number): Float64Array {
    if (length <= this.data.length) return this.data.slice(0, length);
    const out = new Float64Array(length);
    out.set(this.data);
    return out;
  }
}

/** A copy of `from` with room for `capacity` entries (the rest zero). */
export function grownInt32(from: Int32Array, capacity: number): Int32Array {
  const to = new Int32Array(capacity);
  to.set(from);
  return to;
}

export function grownFloat64(from: Float64Array, capacity: number): Float64Array {
  const to = new Float64Array(capacity);
  to.set(from);
  return to;
}
