import * as fs from 'node:fs';
import * as path from 'node:path';
import { Function as PFunction, Line, Location, Profile as PProfile, Sample, StringTable, ValueType } from 'pprof-format';
import type { CallTree } from '../../../src/profiler/model/call-tree';
import { fromCodeGuruDocument } from '../../../src/profiler/model/codeguru-format';
import { ProfileFormatError, type Profile } from '../../../src/profiler/model/profile';

export const FIXTURES = path.resolve(__dirname, '..', '..', 'fixtures', 'profiler');
export const WORKSPACE = path.resolve(__dirname, '..', '..', 'fixtures', 'workspace', 'profiler');

/**
 * JSON text → Profile through the document's objects: the slow, obvious reading that the streaming
 * parser (src/profiler/model/codeguru-stream.ts) is checked against. Tests only: the extension reads bytes.
 */
export function parseCodeGuruJson(json: string, maxNodes?: number): Profile {
  let doc: unknown;
  try {
    doc = JSON.parse(json);
  } catch (err) {
    throw new ProfileFormatError(`The profile is not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  return maxNodes === undefined ? fromCodeGuruDocument(doc) : fromCodeGuruDocument(doc, maxNodes);
}

export function fixture(name: string): Buffer {
  return fs.readFileSync(path.join(FIXTURES, name));
}

/** One sampled stack (root first) with its count. */
export interface Stack { frames: string[]; count: number }

export function toFolded(stacks: readonly Stack[]): string {
  return stacks.map((s) => `${s.frames.join(';')} ${s.count}`).join('\n');
}

/** Total samples of stacks passing through the path `prefix` (root first). */
export function naiveTotal(stacks: readonly Stack[], prefix: readonly string[]): number {
  return stacks.filter((s) => prefix.every((f, i) => s.frames[i] === f)).reduce((a, s) => a + s.count, 0);
}

/** The path of names from the root's child down to node i. */
export function namePath(tree: CallTree, i: number): string[] {
  const out: string[] = [];
  for (let n = i; n > 0; n = tree.parent[n]!) out.push(tree.names[tree.nameId[n]!]!);
  return out.reverse();
}

/** Finds the node at a path of names, or -1. */
export function nodeAt(tree: CallTree, names: readonly string[]): number {
  let node = 0;
  for (const name of names) {
    let found = -1;
    for (let c = node + 1; c < tree.end[node]!; c = tree.end[c]!) if (tree.names[tree.nameId[c]!] === name) { found = c; break; }
    if (found < 0) return -1;
    node = found;
  }
  return node;
}

/** Stacks → a pprof via the pprof-format encoder (one sample type `samples/count`, one location per frame). */
export function toPprof(stacks: readonly Stack[]): Uint8Array {
  const st = new StringTable();
  const names = [...new Set(stacks.flatMap((s) => s.frames))];
  const functions = names.map((n, i) => new PFunction({ id: i + 1, name: st.dedup(n), filename: st.dedup(`src/${n}.go`) }));
  const location = names.map((_, i) => new Location({ id: i + 1, line: [new Line({ functionId: i + 1, line: i + 1 })] }));
  const sample = stacks.map((s) => new Sample({ locationId: [...s.frames].reverse().map((f) => names.indexOf(f) + 1), value: [s.count] }));
  return new PProfile({ sampleType: [new ValueType({ type: st.dedup('samples'), unit: st.dedup('count') })], sample, location, function: functions, stringTable: st }).encode();
}

