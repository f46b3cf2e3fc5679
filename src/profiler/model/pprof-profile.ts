import { GrowableInt32 } from './growable';
import { PairTable } from './pair-table';
import { ProfileFormatError, WarningTally, type Profile } from './profile';
import { ProtobufReader, WIRE_LEN, WIRE_VARINT } from './protobuf-reader';
import { StackProfileBuilder, clipName } from './stack-builder';

/** Sample types per profile (pprof allows any number; real ones have 1–4). */
const MAX_SAMPLE_TYPES = 64;

/** Seconds per unit, for counters measured in time (counts / weight = seconds). */
const PER_SECOND: Record<string, number> = { nanoseconds: 1e9, microseconds: 1e6, milliseconds: 1e3, seconds: 1 };

/** id → dense index; ids are usually 1..n, so a typed array serves them, a Map the rest. */
class IdIndex {
  private readonly dense = new GrowableInt32(1024, -1);
  private readonly sparse = new Map<number, number>();
  duplicates = 0;
  set(id: number, index: number): void {
    if (this.get(id) >= 0) { this.duplicates++; return; }
    if (Number.isInteger(id) && id >= 0 && id < 1 << 24) this.dense.set(id, index);
    else this.sparse.set(id, index);
  }
  get(id: number): number {
    if (Number.isInteger(id) && id >= 0 && id < 1 << 24) return this.dense.get(id);
    return this.sparse.get(id) ?? -1;
  }
}

interface Tables {
  stringStart: GrowableInt32;
  stringEnd: GrowableInt32;
  sampleStart: GrowableInt32;
  sampleEnd: GrowableInt32;
  sampleTypes: { type: number; unit: number }[];
  functions: IdIndex;
  fnName: GrowableInt32;
  fnFile: GrowableInt32;
  locations: IdIndex;
  locAddress: number[];
  locMapping: number[];
  /** Lines of location k: lineFn/lineNo[locLineStart[k] .. locLineStart[k] + locLineCount[k]). */
  locLineStart: GrowableInt32;
  locLineCount: GrowableInt32;
  lineFn: number[];
  lineNo: GrowableInt32;
  mappings: IdIndex;
  mappingFile: number[];
  timeNanos: number;
  durationNanos: number;
  defaultSampleType: number;
}

function readTables(r: ProtobufReader): Tables {
  const t: Tables = {
    stringStart: new GrowableInt32(), stringEnd: new GrowableInt32(), sampleStart: new GrowableInt32(), sampleEnd: new GrowableInt32(),
    sampleTypes: [], functions: new IdIndex(), fnName: new GrowableInt32(), fnFile: new GrowableInt32(),
    locations: new IdIndex(), locAddress: [], locMapping: [], locLineStart: new GrowableInt32(), locLineCount: new GrowableInt32(),
    lineFn: [], lineNo: new GrowableInt32(), mappings: new IdIndex(), mappingFile: [], timeNanos: 0, durationNanos: 0, defaultSampleType: 0,
  };
  while (r.pos < r.end) {
    const tag = r.varint();
    const field = Math.floor(tag / 8);
    const wire = tag & 7;
    if (wire !== WIRE_LEN) {
      if (wire === WIRE_VARINT && field >= 9 && field <= 14) {
        const v = r.varint();
        if (field === 9) t.timeNanos = v;
        else if (field === 10) t.durationNanos = v;
        else if (field === 14) t.defaultSampleType = v;
      } else r.skip(wire);
      continue;
    }
    const start = r.len();
    const stop = r.pos;
    switch (field) {
      case 1: if (t.sampleTypes.length < MAX_SAMPLE_TYPES) t.sampleTypes.push(readValueType(r, start, stop)); break;
      case 2: t.sampleStart.push(start); t.sampleEnd.push(stop); break;
      case 3: readMapping(r, start, stop, t); break;
      case 4: readLocation(r, start, stop, t); break;
      case 5: readFunction(r, start, stop, t); break;
      case 6: t.stringStart.push(start); t.stringEnd.push(stop); break;
      default: break;
    }
    r.pos = stop;
  }
  return t;
}

/** Runs `body` on a sub-message [start, stop) with the reader's end narrowed to it. */
function within<T>(r: ProtobufReader, start: number, stop: number, body: () => T): T {
  const outer = r.end;
  r.pos = start;
  r.end = stop;
  try { return body(); } finally { r.end = outer; r.pos = stop; }
}

/** The varint fields of a small sub-message by tag (field number × 8); other fields are skipped. */
function varintFields(r: ProtobufReader, start: number, stop: number, tags: readonly number[]): number[] {
  return within(r, start, stop, () => {
    const out = tags.map(() => 0);
    while (r.pos < r.end) {
      const tag = r.varint();
      const k = tags.indexOf(tag);
      if (k >= 0) out[k] = r.varint();
      else r.skip(tag & 7);
    }
    return out;
  });
}

function readValueType(r: ProtobufReader, start: number, stop: number): { type: number; unit: number } {
  const [type, unit] = varintFields(r, start, stop, [8, 16]);
  return { type: type!, unit: unit! };
}

function readMapping(r: ProtobufReader, start: number, stop: number, t: Tables): void {
  const [id, file] = varintFields(r, start, stop, [8, 40]);
  t.mappings.set(id!, t.mappingFile.length);
  t.mappingFile.push(file!);
}

function readFunction(r: ProtobufReader, start: number, stop: number, t: Tables): void {
  const [id, name, systemName, file] = varintFields(r, start, stop, [8, 16, 24, 32]);
  t.functions.set(id!, t.fnName.length);
  t.fnName.push(Math.min(name! || systemName!, 2 ** 31 - 1));
  t.fnFile.push(Math.min(file!, 2 ** 31 - 1));
}

function readLocation(r: ProtobufReader, start: number, stop: number, t: Tables): void {
  within(r, start, stop, () => {
    let id = 0;
    let mapping = 0;
    let address = 0;
    const first = t.lineFn.length;
    while (r.pos < r.end) {
      const tag = r.varint();
      switch (tag) {
        case 8: id = r.varint(); break;
        case 16: mapping = r.varint(); break;
        case 24: address = r.varint(); break;
        case 34: {
          const ls = r.len();
          within(r, ls, r.pos, () => {
            let fn = 0;
            let line = 0;
            while (r.pos < r.end) {
              const lt = r.varint();
              if (lt === 8) fn = r.varint();
              else if (lt === 16) line = r.int64();
              else r.skip(lt & 7);
            }
            t.lineFn.push(fn);
            t.lineNo.push(line > 0 && line < 2 ** 31 ? line : 0);
          });
          break;
        }
        default: r.skip(tag & 7);
      }
    }
    const index = t.locLineStart.length;
    t.locations.set(id, index);
    t.locLineStart.push(first);
    t.locLineCount.push(t.lineFn.length - first);
    t.locAddress.push(address);
    t.locMapping.push(mapping);
  });
}

/** pprof (profile.proto, as written by Go's runtime/pprof, async-profiler, pprof-nodejs, Datadog…), gunzipped. */
export function parsePprof(bytes: Uint8Array, maxNodes?: number): Profile {
  const r = new ProtobufReader(bytes);
  const t = readTables(r);
  const warnings = new WarningTally();
  const decoder = new TextDecoder('utf-8');
  const strings = new Map<number, string>();
  const str = (i: number): string => {
    if (i === 0) return '';
    if (i < 0 || i >= t.stringStart.length) { warnings.add('a string index points past the string table'); return ''; }
    let s = strings.get(i);
    if (s === undefined) {
      const a = t.stringStart.get(i);
      const b = t.stringEnd.get(i);
      s = decoder.decode(bytes.subarray(a, Math.min(b, a + 8192)));
      strings.set(i, s);
    }
    return s;
  };
  if (t.sampleTypes.length === 0) throw new ProfileFormatError('This is not a pprof profile: it declares no sample types.');
  if (t.stringStart.length === 0) throw new ProfileFormatError('This is not a pprof profile: it has no string table.');
  const counterNames = uniqueNames(t.sampleTypes.map((st) => str(st.type) || 'samples'));
  const units = new Map<string, string>();
  const weights = new Map<string, number>();
  t.sampleTypes.forEach((st, i) => {
    const unit = str(st.unit);
    if (unit) units.set(counterNames[i]!, unit);
    const perSecond = PER_SECOND[unit];
    if (perSecond) weights.set(counterNames[i]!, perSecond);
  });
  if (t.functions.duplicates > 0) warnings.add('several functions share an id; the first is used');
  if (t.locations.duplicates > 0) warnings.add('several locations share an id; the first is used');

  const builder = new StackProfileBuilder(counterNames, maxNodes, Math.min(4_000_000, t.locLineStart.length * 4 + 1024));
  // Each location's frames, root first (pprof lists inlined functions innermost first).
  const locFrameStart = new Int32Array(t.locLineStart.length + 1);
  const locFrames = new GrowableInt32();
  // Locations at the same function and line are the same frame: look each pair up once.
  const fnLineFrame = new PairTable(Math.max(1024, t.lineFn.length));
  for (let k = 0; k < t.locLineStart.length; k++) {
    locFrameStart[k] = locFrames.length;
    const count = t.locLineCount.get(k);
    if (count === 0) {
      locFrames.push(builder.frame(addressName(t, k, str)));
      continue;
    }
    const first = t.locLineStart.get(k);
    for (let j = first + count - 1; j >= first; j--) {
      const fnIndex = t.functions.get(t.lineFn[j]!);
      if (fnIndex < 0) {
        warnings.add('a location names a function that is not in the profile');
        locFrames.push(builder.frame(`[unknown function ${t.lineFn[j]}]`));
        continue;
      }
      const line = t.lineNo.get(j);
      let f = fnLineFrame.get(fnIndex, line);
      if (f < 0) {
        const name = str(t.fnName.get(fnIndex));
        const file = str(t.fnFile.get(fnIndex));
        f = builder.frame(name || addressName(t, k, str), file || undefined, line);
        if (name) fnLineFrame.getOrSet(fnIndex, line, f);
      }
      locFrames.push(f);
    }
  }
  locFrameStart[t.locLineStart.length] = locFrames.length;
  const frameOf = locFrames.view();

  const nTypes = t.sampleTypes.length;
  const values = new Float64Array(nTypes);
  let stack = new Int32Array(256);
  let locs = new Float64Array(256);
  const unknownLocations = new Map<number, number>();
  for (let s = 0; s < t.sampleStart.length; s++) {
    r.pos = t.sampleStart.get(s);
    r.end = t.sampleEnd.get(s);
    values.fill(0);
    let nLocs = 0;
    let nValues = 0;
    while (r.pos < r.end) {
      const tag = r.varint();
      const field = tag >>> 3;
      const wire = tag & 7;
      if (field !== 1 && field !== 2) { r.skip(wire); continue; }
      if (wire !== WIRE_VARINT && wire !== WIRE_LEN) { r.skip(wire); continue; }
      // Packed (wire 2) or one value per tag (wire 0).
      const sampleEnd = r.end;
      let packedEnd = -1;
      if (wire === WIRE_LEN) { const from = r.len(); packedEnd = r.pos; r.pos = from; r.end = packedEnd; }
      do {
        if (field === 1) {
          if (nLocs === locs.length) locs = grownF64(locs);
          locs[nLocs++] = r.varint();
        } else {
          const v = r.int64();
          if (nValues < nTypes) values[nValues] = v;
          nValues++;
        }
      } while (packedEnd >= 0 && r.pos < packedEnd);
      r.end = sampleEnd;
    }
    if (nValues !== nTypes) warnings.add(`a sample has ${nValues} values for ${nTypes} sample types`);
    let total = 0;
    for (let v = 0; v < nTypes; v++) {
      const x = values[v]!;
      if (!Number.isFinite(x) || x < 0 || x > Number.MAX_SAFE_INTEGER) { values[v] = 0; warnings.add('a negative or absurd sample value was ignored'); }
      total += values[v]!;
    }
    if (total === 0) continue;
    // location_id[0] is the leaf: walk from the last (the root) down.
    let depth = 0;
    for (let j = nLocs - 1; j >= 0; j--) {
      const k = t.locations.get(locs[j]!);
      if (k < 0) {
        warnings.add('a sample names a location that is not in the profile');
        let f = unknownLocations.get(locs[j]!);
        if (f === undefined) { f = builder.frame(`[unknown location ${locs[j]}]`); unknownLocations.set(locs[j]!, f); }
        if (depth === stack.length) stack = grownI32(stack);
        stack[depth++] = f;
        continue;
      }
      const a = locFrameStart[k]!;
      const b = locFrameStart[k + 1]!;
      for (let q = a; q < b; q++) {
        if (depth === stack.length) stack = grownI32(stack);
        stack[depth++] = frameOf[q]!;
      }
    }
    builder.addStack(stack, depth, values);
  }
  r.end = bytes.length;
  if (t.sampleStart.length === 0) warnings.add('the profile has no samples');
  const defaultName = t.defaultSampleType > 0 ? str(t.defaultSampleType) : '';
  const preferred = counterNames.includes(defaultName) ? defaultName : counterNames[counterNames.length - 1]!;
  return builder.finish('pprof', {
    sampleWeights: weights, units, defaultCounter: preferred,
    ...(t.timeNanos > 0 ? { startMs: t.timeNanos / 1e6 } : {}),
    ...(t.durationNanos > 0 ? { durationMs: t.durationNanos / 1e6 } : {}),
    ...(t.timeNanos > 0 && t.durationNanos > 0 ? { endMs: (t.timeNanos + t.durationNanos) / 1e6 } : {}),
  }, warnings.list());
}

function addressName(t: Tables, k: number, str: (i: number) => string): string {
  const m = t.mappings.get(t.locMapping[k]!);
  const file = m >= 0 ? str(t.mappingFile[m]!) : '';
  const base = file.split('/').pop() ?? '';
  return clipName(`${base ? `${base} ` : ''}0x${t.locAddress[k]!.toString(16)}`);
}

/** Sample type names made unique ("alloc_space", "alloc_space 2") so each is its own counter. */
function uniqueNames(names: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((n) => {
    const k = (seen.get(n) ?? 0) + 1;
    seen.set(n, k);
    return k === 1 ? n : `${n} ${k}`;
  });
}

function grownI32(a: Int32Array): Int32Array<ArrayBuffer> { const b = new Int32Array(a.length * 2); b.set(a); return b; }
function grownF64(a: Float64Array): Float64Array<ArrayBuffer> { const b = new Float64Array(a.length * 2); b.set(a); return b; }
