// The Node half of the profiler benchmark, both sides in one module. The benchmark bundles it with the
// options scripts/build.mjs uses for the extension, so what is timed is the code as it ships (run from
// sources under tsx, every imported binding is a property read on a module object).
import { hierarchy } from 'd3-hierarchy';
import { Profile as PProfile } from 'pprof-format';
import { analyse } from '../../src/profiler/model/analysis';
import { decodeProfile } from '../../src/profiler/model/decode';

const CPU_STATES = ['RUNNABLE', 'BLOCKED', 'NATIVE'];

interface PeerNode { name: string; value: number; children: PeerNode[] }

/** What an extension built on d3 would do: JSON.parse, nest for d3, and aggregate with d3-hierarchy. */
export function peerParseAggregate(bytes: Uint8Array): number {
  const doc = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')) as { callgraph: Raw };
  type Raw = { counts?: Record<string, number>; children?: Record<string, Raw> };
  const root: PeerNode = { name: 'all', value: 0, children: [] };
  const stack: [Raw, PeerNode][] = [[doc.callgraph, root]];
  while (stack.length > 0) {
    const [raw, out] = stack.pop()!;
    for (const s of CPU_STATES) out.value += raw.counts?.[s] ?? 0;
    for (const [name, child] of Object.entries(raw.children ?? {})) {
      const node: PeerNode = { name, value: 0, children: [] };
      out.children.push(node);
      stack.push([child, node]);
    }
  }
  return hierarchy(root, (d) => d.children).sum((d) => d.value).value ?? 0;
}

/** Bytes → the CPU view's tree with totals (what the flame graph needs; per-function stats are lazy). */
export function oursParseAggregate(bytes: Uint8Array): number {
  return analyse(decodeProfile(bytes), 'cpu').tree.total[0] ?? 0;
}

interface PeerTreeNode { value: number; children: Map<string, PeerTreeNode> }

/**
 * What an extension built on pprof-format would do: decode with it, then a plain aggregation into a
 * call tree keyed by function name (inlined frames expanded), summing the last sample type.
 */
export function peerPprofAggregate(bytes: Uint8Array): number {
  const p = PProfile.decode(bytes);
  const strings = p.stringTable.strings;
  const fnName = new Map<string, string>();
  for (const f of p.function) fnName.set(String(f.id), strings[Number(f.name)] ?? '');
  const locNames = new Map<string, string[]>();
  for (const l of p.location) locNames.set(String(l.id), l.line.map((ln) => fnName.get(String(ln.functionId)) ?? '').reverse());
  const root: PeerTreeNode = { value: 0, children: new Map() };
  const last = p.sampleType.length - 1;
  for (const s of p.sample) {
    const v = Number(s.value[last] ?? 0);
    let node = root;
    node.value += v;
    for (let i = s.locationId.length - 1; i >= 0; i--) {
      for (const name of locNames.get(String(s.locationId[i])) ?? []) {
        let child = node.children.get(name);
        if (!child) { child = { value: 0, children: new Map() }; node.children.set(name, child); }
        child.value += v;
        node = child;
      }
    }
  }
  return root.value;
}

/** Bytes → the default view's tree with totals, Conveyor's way. */
export function oursPprofAggregate(bytes: Uint8Array): number {
  return analyse(decodeProfile(bytes), 'cpu').tree.total[0] ?? 0;
}
