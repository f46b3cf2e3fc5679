// The synthetic benchmark tree in formats Conveyor and speedscope both read: speedscope's evented JSON
// (an exact encoding of a call tree: open a frame, its children, close it after its total) and pprof.
import { Function as PFunction, Line, Location, Profile as PProfile, Sample, StringTable, ValueType } from 'pprof-format';
import type { SyntheticTree } from './synthetic';

const CPU = ['RUNNABLE', 'BLOCKED', 'NATIVE'];

function cpuSelf(t: SyntheticTree): Float64Array {
  const self = new Float64Array(t.parent.length);
  for (const [node, rec] of t.counts) for (const s of CPU) self[node]! += rec[s] ?? 0;
  return self;
}

function children(t: SyntheticTree): number[][] {
  const kids: number[][] = Array.from({ length: t.parent.length }, () => []);
  for (let n = 1; n < t.parent.length; n++) kids[t.parent[n]!]!.push(n);
  return kids;
}

/** speedscope evented JSON of the CPU view: frames by name, each node opened and closed around its children. */
export function toSpeedscopeEvented(t: SyntheticTree): string {
  const self = cpuSelf(t);
  const total = Float64Array.from(self);
  for (let i = t.parent.length - 1; i > 0; i--) total[t.parent[i]!]! += total[i]!;
  const kids = children(t);
  const events: string[] = [];
  const stack: { node: number; at: number; next: number }[] = [{ node: 0, at: 0, next: 0 }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    const list = kids[top.node]!;
    if (top.next < list.length) {
      const c = list[top.next++]!;
      if (total[c] === 0) continue;
      // Children start after the parent's own samples.
      const start = top.next === 1 ? top.at + self[top.node]! : (top as { cursor?: number }).cursor ?? top.at + self[top.node]!;
      events.push(`{"type":"O","frame":${t.name[c]},"at":${start}}`);
      (top as { cursor?: number }).cursor = start + total[c]!;
      stack.push({ node: c, at: start, next: 0 });
    } else {
      stack.pop();
      if (top.node !== 0) events.push(`{"type":"C","frame":${t.name[top.node]},"at":${top.at + total[top.node]!}}`);
    }
  }
  const frames = t.names.map((name) => `{"name":${JSON.stringify(name)}}`).join(',');
  return `{"$schema":"https://www.speedscope.app/file-format-schema.json","shared":{"frames":[${frames}]},"profiles":[{"type":"evented","name":"synthetic","unit":"none","startValue":0,"endValue":${total[0]},"events":[${events.join(',')}]}],"name":"synthetic","activeProfileIndex":0,"exporter":"conveyor-bench"}`;
}

/** A pprof of the CPU view: one location per node (line = depth), one sample per node with self samples. */
export function toPprofBytes(t: SyntheticTree): Uint8Array {
  const st = new StringTable();
  const self = cpuSelf(t);
  const functions = t.names.map((name, i) => new PFunction({ id: i + 1, name: st.dedup(name), systemName: st.dedup(name), filename: st.dedup(`${name.split('.').slice(0, -1).join('/')}.java`) }));
  const location = [];
  for (let n = 1; n < t.parent.length; n++) location.push(new Location({ id: n, line: [new Line({ functionId: t.name[n]! + 1, line: t.depth[n]! })] }));
  const sample = [];
  for (let n = 1; n < t.parent.length; n++) {
    if (self[n] === 0) continue;
    const ids: number[] = [];
    for (let k = n; k > 0; k = t.parent[k]!) ids.push(k);
    sample.push(new Sample({ locationId: ids, value: [self[n]!, self[n]! * 10_000_000] }));
  }
  return new PProfile({ sampleType: [new ValueType({ type: st.dedup('samples'), unit: st.dedup('count') }), new ValueType({ type: st.dedup('cpu'), unit: st.dedup('nanoseconds') })],
    sample, location, function: functions, stringTable: st, periodType: new ValueType({ type: st.dedup('cpu'), unit: st.dedup('nanoseconds') }), period: 10_000_000 }).encode();
}
