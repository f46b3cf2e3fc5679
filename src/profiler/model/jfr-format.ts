import { ProfileFormatError, WarningTally, type Profile } from './profile';
import { StackProfileBuilder } from './stack-builder';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The JFR events that carry stack samples, and the counter each becomes. */
export const JFR_SAMPLE_EVENTS: Record<string, string> = {
  'jdk.ExecutionSample': 'cpu samples',
  'jdk.NativeMethodSample': 'native samples',
  'jdk.ObjectAllocationSample': 'allocated bytes',
};

/** A Java Flight Recording starts with the magic bytes "FLR\0". */
export function isJfr(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x46 && bytes[1] === 0x4c && bytes[2] === 0x52 && bytes[3] === 0x00;
}

/** `com.example.Hot.compute`, the form the Java frame-name parser and CodeGuru's Java agent use. */
function methodName(frame: Record<string, unknown>): string {
  const method = isRecord(frame.method) ? frame.method : {};
  const type = isRecord(method.type) ? method.type : {};
  const cls = typeof type.name === 'string' ? type.name.replace(/\//g, '.') : '';
  const name = typeof method.name === 'string' ? method.name : '';
  if (!cls && !name) return '[unknown]';
  return cls ? `${cls}.${name}` : name;
}

/**
 * The JSON that the JDK's `jfr print --json --events …` prints for a recording: each sample event's
 * stack (innermost frame first, with executing line numbers). CPU samples, native-method samples and
 * allocation samples (weighted by bytes) are separate counters.
 */
export function parseJfrJson(doc: unknown, maxNodes?: number): Profile {
  const recording = isRecord(doc) && isRecord(doc.recording) ? doc.recording : undefined;
  if (!recording || !Array.isArray(recording.events)) throw new ProfileFormatError('The `jfr` tool printed no recording events.');
  const counters = Object.values(JFR_SAMPLE_EVENTS);
  const builder = new StackProfileBuilder(counters, maxNodes);
  const warnings = new WarningTally();
  const values = new Float64Array(counters.length);
  let stack = new Int32Array(256);
  let samples = 0;
  for (const e of recording.events as unknown[]) {
    if (!isRecord(e) || typeof e.type !== 'string') continue;
    const counter = JFR_SAMPLE_EVENTS[e.type];
    if (counter === undefined) continue;
    const v = isRecord(e.values) ? e.values : {};
    const trace = isRecord(v.stackTrace) ? v.stackTrace : undefined;
    const frames = trace && Array.isArray(trace.frames) ? (trace.frames as unknown[]) : [];
    if (frames.length === 0) { warnings.add('a sample without a stack trace was skipped'); continue; }
    if (trace?.truncated === true) warnings.add('some stacks were truncated by the recorder (raise stackdepth in the JFR settings)');
    if (frames.length > stack.length) { let cap = stack.length; while (cap < frames.length) cap *= 2; stack = new Int32Array(cap); }
    for (let i = 0; i < frames.length; i++) {
      const f = frames[frames.length - 1 - i];
      const fr = isRecord(f) ? f : {};
      const line = typeof fr.lineNumber === 'number' ? fr.lineNumber : 0;
      stack[i] = builder.frame(methodName(fr), undefined, line);
    }
    values.fill(0);
    const slot = counters.indexOf(counter);
    const weight = e.type === 'jdk.ObjectAllocationSample' ? (typeof v.weight === 'number' && v.weight > 0 ? v.weight : 0) : 1;
    values[slot] = weight;
    builder.addStack(stack, frames.length, values);
    samples++;
  }
  if (samples === 0) throw new ProfileFormatError('The recording has no stack samples (jdk.ExecutionSample, jdk.NativeMethodSample or jdk.ObjectAllocationSample events). Record with `-XX:StartFlightRecording` and the default or profile settings.');
  return builder.finish('jfr', { units: new Map([['allocated bytes', 'bytes']]), defaultCounter: 'cpu samples' }, warnings.list());
}
