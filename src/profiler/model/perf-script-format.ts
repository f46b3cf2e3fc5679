import { ProfileFormatError, WarningTally, type Profile } from './profile';
import { StackProfileBuilder } from './stack-builder';

/** `comm  pid/tid [cpu] time: [period] event:` — the line that starts each sample. */
const HEADER = /^(.+?)\s+(\d+)(?:\/(\d+))?\s+(?:\[\d+\]\s+)?(?:\d+\.\d+:\s+)?(?:(\d+)\s+)?([^\s:]+)(?::\S*)?:?(?:\s.*)?$/;
/** `\t ffffffff81000000 symbol+0x1f (/path/to/dso)` — one frame, innermost first. */
const FRAME = /^\s+([0-9a-fA-F]+)\s+(.*?)(?:\s+\(([^()]*)\))?$/;
/** `  file.c:123` after a frame, from `perf script -F +srcline`. */
const SRCLINE = /^\s+(\S.*?):(\d+)\s*$/;

/**
 * `perf script` output: one block per sample (a header line, then one line per frame, innermost
 * first, then a blank line), the format stackcollapse-perf.pl reads. The command name becomes the
 * root frame as it does there; each event (cpu-clock, cycles…) is a counter weighted by its period
 * when the header shows one. `-F +srcline` lines give frames their file and line.
 */
export function parsePerfScript(text: string, maxNodes?: number): Profile {
  const warnings = new WarningTally();
  const events: string[] = [];
  interface Sample { comm: string; event: number; period: number; frames: { name: string; file?: string; line: number }[] }
  const samples: Sample[] = [];
  let current: Sample | undefined;
  let pos = 0;
  while (pos <= text.length) {
    let eol = text.indexOf('\n', pos);
    if (eol < 0) eol = text.length;
    let line = text.slice(pos, eol);
    pos = eol + 1;
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (line.trim().length === 0) { current = undefined; if (pos > text.length) break; continue; }
    if (line.startsWith('#')) continue;
    if (line.length > 65_536) { warnings.add('an over-long line was skipped'); current = undefined; continue; }
    const indented = /^\s/.test(line);
    const frameLike = indented && current !== undefined && (line.startsWith('\t') || FRAME.test(line) || SRCLINE.test(line));
    if (!frameLike) {
      const m = HEADER.exec(line.trim());
      if (!m) { warnings.add('a line that is neither a sample header nor a frame was skipped'); current = undefined; continue; }
      const event = m[5]!;
      let e = events.indexOf(event);
      if (e < 0) { e = events.length; events.push(event); }
      const period = m[4] !== undefined ? Number(m[4]) : 1;
      current = { comm: m[1]!.trim(), event: e, period: Number.isSafeInteger(period) && period > 0 ? period : 1, frames: [] };
      samples.push(current);
      continue;
    }
    if (!current) { warnings.add('a frame outside a sample was skipped'); continue; }
    const src = SRCLINE.exec(line);
    const last = current.frames[current.frames.length - 1];
    if (src && last && !FRAME.test(line)) {
      const n = Number(src[2]);
      if (Number.isSafeInteger(n) && n > 0) { last.file = src[1]!; last.line = n; }
      continue;
    }
    const f = FRAME.exec(line);
    if (!f) { warnings.add('a frame line could not be read'); continue; }
    current.frames.push({ name: symbolName(f[2]!, f[3]), line: 0 });
  }
  if (samples.length === 0) throw new ProfileFormatError('No perf samples found: expected `perf script` output (a header line per sample, then its frames).');
  const builder = new StackProfileBuilder(events, maxNodes);
  const values = new Float64Array(events.length);
  let stack = new Int32Array(64);
  for (const s of samples) {
    const depth = s.frames.length + 1;
    if (depth > stack.length) { let cap = stack.length; while (cap < depth) cap *= 2; stack = new Int32Array(cap); }
    stack[0] = builder.frame(s.comm);
    for (let i = 0; i < s.frames.length; i++) {
      const fr = s.frames[s.frames.length - 1 - i]!;
      stack[i + 1] = builder.frame(fr.name, fr.file, fr.line);
    }
    values.fill(0);
    values[s.event] = s.period;
    builder.addStack(stack, depth, values);
  }
  return builder.finish('perf', { defaultCounter: events[0]! }, warnings.list());
}

/** `main+0x1f` → `main`; `[unknown]` → `[unknown] (libfoo.so)`. */
function symbolName(symbol: string, dso: string | undefined): string {
  const s = symbol.replace(/\+0x[0-9a-fA-F]+$/, '').trim();
  const base = dso ? dso.split('/').pop() ?? dso : '';
  if (s.length === 0 || s === '[unknown]') return base ? `[unknown] (${base})` : '[unknown]';
  return s;
}
