/** A binary min-heap ordered by `compare` (negative: the first argument comes out first). */
export class MinHeap<T> {
  private data: T[] = [];

  constructor(private readonly compare: (a: T, b: T) => number) {}

  get size(): number {
    return this.data.length;
  }

  peek(): T | undefined {
    return this.data[0];
  }

  items(): readonly T[] {
    return this.data;
  }

  clear(): void {
    this.data = [];
  }

  push(item: T): void {
    const d = this.data;
    d.push(item);
    let i = d.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.compare(d[i]!, d[parent]!) >= 0) break;
      [d[i], d[parent]] = [d[parent]!, d[i]!];
      i = parent;
    }
  }

  pop(): T | undefined {
    const d = this.data;
    const top = d[0];
    const last = d.pop();
    if (d.length === 0 || last === undefined) return top;
    d[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let best = i;
      if (l < d.length && this.compare(d[l]!, d[best]!) < 0) best = l;
      if (r < d.length && this.compare(d[r]!, d[best]!) < 0) best = r;
      if (best === i) return top;
      [d[i], d[best]] = [d[best]!, d[i]!];
      i = best;
    }
  }
}
