import { ProfileFormatError, WarningTally, type Profile } from './profile';
import type { FrameMapper, OriginalPosition } from './source-maps';
import { StackProfileBuilder } from './stack-builder';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** `file:///a/b.js` → `/a/b.js`; other URLs (http, node:internal) stay as they are. */
export function fileFromUrl(url: string): string | undefined {
  if (url.length === 0) return undefined;
  if (url.startsWith('file://')) {
    try { return decodeURIComponent(new URL(url).pathname); } catch { return url.slice('file://'.length); }
  }
  return url;
}

/** A .cpuprofile node's label: its function name, or where an anonymous function starts. */
function frameLabel(functionName: string, url: string, line: number): string {
  if (functionName.length > 0) return functionName;
  const base = url.split('/').pop() ?? '';
  return base ? `(anonymous ${base}:${line})` : '(anonymous)';
}

/**
 * Chrome DevTools / `node --cpu-prof` CPU profiles: a node tree with call frames, `samples` (node ids)
 * and `timeDeltas` (µs). Counters: `samples` and `time` (µs, the gap to the next sample as DevTools
 * does). Call frames carry the line a function starts on; `positionTicks` carry the executing lines of
 * its self samples, which become line samples.
 */
export function parseCpuProfile(doc: unknown, maxNodes?: number, mapFrame?: FrameMapper): Profile {
  if (!isRecord(doc) || !Array.isArray(doc.nodes)) throw new ProfileFormatError('This is not a Chrome CPU profile: it has no "nodes" array.');
  const warnings = new WarningTally();
  const nodes = doc.nodes as unknown[];
  const index = new Map<number, number>();
  const parentOf = new Int32Array(nodes.length).fill(-1);
  nodes.forEach((n, i) => {
    const id = isRecord(n) ? num(n.id) : undefined;
    if (id === undefined) { warnings.add('a node without an id was skipped'); return; }
    if (index.has(id)) { warnings.add('several nodes share an id; the first is used'); return; }
    index.set(id, i);
  });
  nodes.forEach((n, i) => {
    if (!isRecord(n) || !Array.isArray(n.children)) return;
    for (const c of n.children as unknown[]) {
      const k = index.get(num(c) ?? -1);
      if (k === undefined) { warnings.add('a node names a child that is not in the profile'); continue; }
      if (parentOf[k] !== -1 || k === i) { warnings.add('a node is the child of several nodes (or of itself); the first parent is used'); continue; }
      parentOf[k] = i;
    }
  });
  const hits = new Float64Array(nodes.length);
  const time = new Float64Array(nodes.length);
  const samples = Array.isArray(doc.samples) ? (doc.samples as unknown[]) : [];
  const deltas = Array.isArray(doc.timeDeltas) ? (doc.timeDeltas as unknown[]) : [];
  if (samples.length > 0) {
    // The last sample lasts until endTime, as DevTools draws it.
    let at = num(doc.startTime) ?? 0;
    for (const d of deltas) at += num(d) ?? 0;
    const lastGap = Math.max(0, (num(doc.endTime) ?? at) - at);
    for (let s = 0; s < samples.length; s++) {
      const k = index.get(num(samples[s]) ?? -1);
      if (k === undefined) { warnings.add('a sample names a node that is not in the profile'); continue; }
      hits[k]! += 1;
      const next = s + 1 < samples.length ? num(deltas[s + 1]) : lastGap;
      time[k]! += next !== undefined && next >= 0 ? next : 0;
    }
  } else {
    nodes.forEach((n, i) => { const h = isRecord(n) ? num(n.hitCount) : undefined; if (h !== undefined && h > 0) hits[i] = h; });
  }
  const builder = new StackProfileBuilder(['samples', 'time'], maxNodes, nodes.length + 16);
  const frameOf = new Int32Array(nodes.length).fill(-1);
  /** Nodes whose frame came through a source map: the generated file their position ticks are in. */
  const mapped = new Map<number, string>();
  const originals = new Map<number, OriginalPosition>();
  const frame = (i: number): number => {
    if (frameOf[i]! >= 0) return frameOf[i]!;
    const n = nodes[i];
    const cf = isRecord(n) && isRecord(n.callFrame) ? n.callFrame : {};
    const url = str(cf.url);
    const line0 = num(cf.lineNumber) ?? -1;
    const file = fileFromUrl(url);
    // Bundled code: the function's original file, line and (when minified) name, from its source map.
    const original = file && mapFrame && line0 >= 0 ? mapFrame(file, line0 + 1, num(cf.columnNumber) ?? 0) : undefined;
    if (original) {
      mapped.set(i, file!);
      originals.set(i, original);
      // A minified name (`a`) has its original in the map; an unminified one is kept as it is.
      const name = original.name ?? frameLabel(str(cf.functionName), original.file, original.line);
      frameOf[i] = builder.frame(name, original.file, 0, original.line);
    } else {
      frameOf[i] = builder.frame(frameLabel(str(cf.functionName), url, line0 + 1), file, 0, line0 >= 0 ? line0 + 1 : 0);
    }
    return frameOf[i];
  };
  // Depth first from each root, keeping the path: a node's stack is its parent's plus itself, so a
  // deep tree costs its size, not size × depth (and a cycle is never entered: children are kept once).
  const firstChild = new Int32Array(nodes.length).fill(-1);
  const nextSibling = new Int32Array(nodes.length).fill(-1);
  for (let k = nodes.length - 1; k >= 0; k--) {
    const p = parentOf[k]!;
    if (p >= 0) { nextSibling[k] = firstChild[p]!; firstChild[p] = k; }
  }
  const frames = new Int32Array(nodes.length + 1);
  const depthOf = new Int32Array(nodes.length);
  const todo: number[] = [];
  for (let k = nodes.length - 1; k >= 0; k--) if (parentOf[k] === -1) todo.push(k);
  const values = new Float64Array(2);
  let shared = 0;
  let visited = 0;
  while (todo.length > 0) {
    const i = todo.pop()!;
    visited++;
    const p = parentOf[i]!;
    // V8's own "(root)" node is left out, so the flame graph starts at real frames.
    const isV8Root = p === -1 && builder.tree.names.values[builder.nameOf(frame(i))] === '(root)';
    const depth = p === -1 ? (isV8Root ? 0 : 1) : depthOf[p]! + 1;
    depthOf[i] = depth;
    if (depth > 0) frames[depth - 1] = frame(i);
    shared = Math.min(shared, depth - 1);
    for (let c = firstChild[i]!; c >= 0; c = nextSibling[c]!) todo.push(c);
    if (hits[i] === 0 || depth === 0) continue;
    values[0] = hits[i]!;
    values[1] = time[i]!;
    builder.addStack(frames, depth, values, Math.max(0, shared));
    shared = depth;
    const n = nodes[i];
    if (isRecord(n) && Array.isArray(n.positionTicks)) {
      const nameId = builder.nameOf(frame(i));
      const perTick = hits[i]! > 0 ? time[i]! / hits[i]! : 0;
      for (const pt of n.positionTicks as unknown[]) {
        if (!isRecord(pt)) continue;
        const line = num(pt.line);
        const ticks = num(pt.ticks);
        if (line === undefined || ticks === undefined || line <= 0 || ticks <= 0 || !Number.isSafeInteger(line)) continue;
        const generated = mapped.get(i);
        let at: number | undefined = line;
        if (generated !== undefined) {
          // Only a line that maps back into the same function's file, at or below its start, says anything
          // (a minified bundle is one line: its ticks cannot be placed).
          const o = mapFrame!(generated, line, -1);
          const fn = originals.get(i)!;
          at = o && o.file === fn.file && o.line >= fn.line ? o.line : undefined;
        }
        if (at === undefined) continue;
        builder.lines.addLine(nameId, at, 0, ticks, ticks);
        builder.lines.addLine(nameId, at, 1, ticks * perTick, ticks * perTick);
      }
    }
  }
  if (visited < nodes.length) warnings.add('some nodes are not reachable from a root (the node tree has a cycle); their samples were left out');
  const start = num(doc.startTime);
  const end = num(doc.endTime);
  return builder.finish('cpuprofile', {
    sampleWeights: new Map([['time', 1e6]]), units: new Map([['samples', 'count'], ['time', 'microseconds']]), defaultCounter: 'time',
    ...(start !== undefined && end !== undefined && end >= start ? { durationMs: (end - start) / 1000 } : {}),
  }, warnings.list());
}
