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

/** Accumulates LineSamples stack by stack. */
export class LineSamplesBuilder {
  /** (nameId, line) → key; (key, counter) → row. */
  private readonly keys = new PairTable(4096);
  private readonly rows = new PairTable(4096);
  private keyCount = 0;
  private readonly stamp = new GrowableInt32(4096, -1);
  private serial = 0;
  private readonly nameId = new GrowableInt32();
  private readonly line = new GrowableInt32();
  private readonly counter = new GrowableInt32();
  private readonly self = new GrowableFloat64();
  private readonly total = new GrowableFloat64();
  private rowCount = 0;

  /**
   * One stack (frames as parallel name ids and lines, any order) with `value` samples of `counter`.
   * `leaf` is the index of the innermost frame in those arrays.
   */
  addStack(names: ArrayLike<number>, lines: ArrayLike<number>, length: number, leaf: number, counter: number, value: number): void {
    if (value === 0) return;
    const serial = ++this.serial;
    for (let i = 0; i < length; i++) {
      const line = lines[i]!;
      if (line <= 0) continue;
      const key = this.keyOf(names[i]!, line);
      const row = this.rowOf(key, names[i]!, line, counter);
      if (i === leaf) this.self.add(row, value);
      if (this.stamp.get(row) === serial) continue;
      this.stamp.set(row, serial);
      this.total.add(row, value);
    }
  }

  /** Samples known only per line (a .cpuprofile's position ticks): `self` and `total` given directly. */
  addLine(nameId: number, line: number, counter: number, self: number, total: number): void {
    if (line <= 0 || (self === 0 && total === 0)) return;
    const row = this.rowOf(this.keyOf(nameId, line), nameId, line, counter);
    this.self.add(row, self);
    this.total.add(row, total);
  }

  private keyOf(nameId: number, line: number): number {
    const found = this.keys.getOrSet(nameId, line, this.keyCount);
    return found >= 0 ? found : this.keyCount++;
  }

  private rowOf(key: number, nameId: number, line: number, counter: number): number {
    const found = this.rows.getOrSet(key, counter, this.rowCount);
    if (found >= 0) return found;
    const row = this.rowCount++;
    this.nameId.push(nameId);
    this.line.push(line);
    this.counter.push(counter);
    return row;
  }

  get size(): number { return this.rowCount; }

  finish(): LineSamples {
    const n = this.rowCount;
    return { length: n, nameId: this.nameId.toArray(n), line: this.line.toArray(n), counter: this.counter.toArray(n),
      self: this.self.toArray(n), total: this.total.toArray(n) };
  }
}
