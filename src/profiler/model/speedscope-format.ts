import { ProfileFormatError, WarningTally, type Profile } from './profile';
import { StackProfileBuilder } from './stack-builder';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** Nanoseconds per unit of speedscope's time units. */
const NANOS: Record<string, number> = { nanoseconds: 1, microseconds: 1e3, milliseconds: 1e6, seconds: 1e9 };

/**
 * speedscope's file format (https://www.speedscope.app/file-format-schema.json), as py-spy, rbspy,
 * Austin and speedscope's own export write it: shared frames, and profiles that are `sampled`
 * (stacks of frame indices, root first, with weights) or `evented` (open/close events). Time units
 * become one `time` counter in nanoseconds, `bytes` a `bytes` counter, `none` a `samples` counter.
 * With several profiles (threads), each becomes a top-level frame named after it.
 */
export function parseSpeedscope(doc: unknown, maxNodes?: number): Profile {
  if (!isRecord(doc) || !isRecord(doc.shared) || !Array.isArray(doc.shared.frames) || !Array.isArray(doc.profiles)) {
    throw new ProfileFormatError('This is not a speedscope profile: it needs "shared.frames" and "profiles".');
  }
  const warnings = new WarningTally();
  const frames = doc.shared.frames as unknown[];
  const profiles = (doc.profiles as unknown[]).filter(isRecord);
  const counters = ['time', 'bytes', 'samples'];
  const builder = new StackProfileBuilder(counters, maxNodes);
  const frameIds = new Int32Array(frames.length).fill(-1);
  const frameId = (i: unknown): number => {
    const k = num(i);
    if (k === undefined || !Number.isInteger(k) || k < 0 || k >= frames.length) { warnings.add('a stack names a frame that is not in "shared.frames"'); return builder.frame('[unknown frame]'); }
    if (frameIds[k]! < 0) {
      const f = frames[k];
      const name = isRecord(f) && typeof f.name === 'string' ? f.name : '[unnamed]';
      const file = isRecord(f) && typeof f.file === 'string' ? f.file : undefined;
      frameIds[k] = builder.frame(name, file, isRecord(f) ? num(f.line) ?? 0 : 0);
    }
    return frameIds[k]!;
  };
  const values = new Float64Array(counters.length);
  let stack = new Int32Array(64);
  const push = (depth: number, f: number): number => {
    if (depth === stack.length) { const b = new Int32Array(depth * 2); b.set(stack); stack = b; }
    stack[depth] = f;
    return depth + 1;
  };
  const used = new Set<string>();
  profiles.forEach((p, index) => {
    const unit = typeof p.unit === 'string' ? p.unit : 'none';
    const slot = NANOS[unit] !== undefined ? 0 : unit === 'bytes' ? 1 : 2;
    const scale = NANOS[unit] ?? 1;
    if (slot === 2 && unit !== 'none') warnings.add(`unknown unit "${String(unit).slice(0, 40)}" read as sample counts`);
    used.add(counters[slot]!);
    const base = profiles.length > 1 ? [builder.frame(typeof p.name === 'string' && p.name ? p.name : `profile ${index + 1}`)] : [];
    let shared = -1;
    const credit = (depth: number, weight: number): void => {
      if (!(weight > 0) || !Number.isFinite(weight)) { if (weight < 0 || Number.isNaN(weight)) warnings.add('a negative or invalid weight was ignored'); return; }
      values.fill(0);
      values[slot] = weight * scale;
      builder.addStack(stack, depth, values, shared);
      shared = depth;
    };
    if (p.type === 'sampled') {
      const samples = Array.isArray(p.samples) ? (p.samples as unknown[]) : [];
      const weights = Array.isArray(p.weights) ? (p.weights as unknown[]) : [];
      if (weights.length !== samples.length) warnings.add('a sampled profile has a different number of weights and samples');
      samples.forEach((s, i) => {
        if (!Array.isArray(s)) { warnings.add('a sample is not an array of frame indices'); return; }
        let depth = 0;
        for (const b of base) depth = push(depth, b);
        for (const f of s as unknown[]) depth = push(depth, frameId(f));
        shared = -1;
        credit(depth, num(weights[i]) ?? (weights.length === 0 ? 1 : 0));
      });
    } else if (p.type === 'evented') {
      const events = Array.isArray(p.events) ? (p.events as unknown[]) : [];
      let depth = 0;
      for (const b of base) depth = push(depth, b);
      const floor = depth;
      shared = 0;
      let last = num(p.startValue) ?? 0;
      for (const e of events) {
        const at = isRecord(e) ? num(e.at) : undefined;
        if (!isRecord(e) || at === undefined || (e.type !== 'O' && e.type !== 'C')) { warnings.add('an event without "type" O or C and a time "at" was skipped'); continue; }
        if (at < last) { warnings.add('events are not in time order; out-of-order gaps were ignored'); } else if (depth > floor) credit(depth, at - last);
        last = Math.max(last, at);
        const f = frameId(e.frame);
        if (e.type === 'O') { shared = Math.min(shared, depth); depth = push(depth, f); continue; }
        let k = depth - 1;
        while (k >= floor && stack[k] !== f) k--;
        if (k < floor) { warnings.add('a close event does not match an open frame'); continue; }
        if (k !== depth - 1) warnings.add('frames were closed out of order');
        depth = k;
        shared = Math.min(shared, depth);
      }
      if (depth > floor) warnings.add('some frames were never closed');
    } else {
      warnings.add(`a profile of type "${String(p.type).slice(0, 40)}" was skipped`);
    }
  });
  if (profiles.length === 0) throw new ProfileFormatError('This speedscope file has no profiles.');
  const preferred = counters.find((c) => used.has(c)) ?? 'samples';
  return builder.finish('speedscope', {
    sampleWeights: new Map([['time', 1e9]]), units: new Map([['time', 'nanoseconds'], ['bytes', 'bytes'], ['samples', 'count']]), defaultCounter: preferred,
  }, warnings.list());
}
