import { GrowableFloat64, GrowableInt32 } from './growable';
import { PairTable } from './pair-table';

/**
 * Samples per executing source line, for profiles that name the line each frame was on (pprof
 * locations, .cpuprofile position ticks, perf, JFR, speedscope). One row per (function name, line,
 * counter): `total` counts a sample once even when the line recurs on its stack, `self` when the
 * line was the innermost frame.
 */
export interface LineSamples {
  readonly length: number;
  readonly nameId: Int32Array;
  readonly line: Int32Array;
  readonly counter: Int32Array;
  readonly self: Float64Array;
  readonly total: Float64Array;
}

/**
 * Accumulates LineSamples stack by stack. A (name, line) pair is a key, allocated once (callers keep
 * each frame's key, so a stack costs no lookups); every key has one slot per counter.
 */
export class LineSamplesBuilder {
  private readonly keys = new PairTable(4096);
  private keyCount = 0;
  private readonly keyName = new GrowableInt32();
  private readonly keyLine = new GrowableInt32();
  private readonly stamp = new GrowableInt32(4096, -1);
  private serial = 0;
  private readonly self = new GrowableFloat64();
  private readonly total = new GrowableFloat64();
  private used = false;

  /** `counterIds[slot]` is the tree counter that value slot `slot` of a stack adds to. */
  constructor(private readonly counterIds: readonly number[]) {}

  /** The key of (name id, 1-based line); -1 for no line. */
  keyOf(nameId: number, line: number): number {
    if (!(line > 0)) return -1;
    const found = this.keys.getOrSet(nameId, line, this.keyCount);
    if (found >= 0) return found;
    this.keyName.push(nameId);
    this.keyLine.push(line);
    return this.keyCount++;
  }

  /** One stack as frame keys (any order; -1 = no line), the innermost at `leaf`, one value per slot. */
  addStack(keys: ArrayLike<number>, length: number, leaf: number, values: ArrayLike<number>): void {
    const slots = this.counterIds.length;
    const serial = ++this.serial;
    for (let i = 0; i < length; i++) {
      const key = keys[i]!;
      if (key < 0) continue;
      const base = key * slots;
      if (i === leaf) for (let c = 0; c < slots; c++) { const v = values[c]!; if (v !== 0) this.self.add(base + c, v); }
      if (this.stamp.get(key) === serial) continue;
      this.stamp.set(key, serial);
      for (let c = 0; c < slots; c++) { const v = values[c]!; if (v !== 0) this.total.add(base + c, v); }
      this.used = true;
    }
  }

  /** Samples known only per line (a .cpuprofile's position ticks), for one value slot. */
  addLine(nameId: number, line: number, slot: number, self: number, total: number): void {
    const key = this.keyOf(nameId, line);
    if (key < 0 || (self === 0 && total === 0)) return;
    const at = key * this.counterIds.length + slot;
    this.self.add(at, self);
    this.total.add(at, total);
    this.used = true;
  }

  get size(): number { return this.used ? this.keyCount : 0; }

  finish(): LineSamples {
    const slots = this.counterIds.length;
    const n = this.keyCount * slots;
    const self = this.self.toArray(n);
    const total = this.total.toArray(n);
    let rows = 0;
    for (let k = 0; k < n; k++) if (total[k] !== 0 || self[k] !== 0) rows++;
    const out = { length: rows, nameId: new Int32Array(rows), line: new Int32Array(rows), counter: new Int32Array(rows), self: new Float64Array(rows), total: new Float64Array(rows) };
    let r = 0;
    for (let k = 0; k < n; k++) {
      if (total[k] === 0 && self[k] === 0) continue;
      const key = Math.floor(k / slots);
      out.nameId[r] = this.keyName.get(key);
      out.line[r] = this.keyLine.get(key);
      out.counter[r] = this.counterIds[k % slots]!;
      out.self[r] = self[k]!;
      out.total[r] = total[k]!;
      r++;
    }
    return out;
  }
}
