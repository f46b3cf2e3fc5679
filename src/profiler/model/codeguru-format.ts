import { GrowableFloat64, GrowableInt32 } from './growable';
import { MAX_NODES, ROOT_NAME, StringTable, preorderShape, type FrameTree } from './frame-tree';
import { ProfileFormatError, WarningTally, makeProfile, type Profile, type ProfileMeta } from './profile';

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Own properties only: a frame or key called `constructor` must never reach Object.prototype. */
function own(obj: Json, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(obj, key) ? obj[key] : undefined;
}

function finiteNumber(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

function text(v: unknown, max = 4096): string | undefined {
  return typeof v === 'string' && v.length > 0 ? v.slice(0, max) : undefined;
}

function readMeta(doc: Json, warnings: WarningTally): ProfileMeta {
  const meta: ProfileMeta = {};
  const start = finiteNumber(own(doc, 'start'));
  const end = finiteNumber(own(doc, 'end'));
  if (start !== undefined) meta.startMs = start;
  if (end !== undefined) meta.endMs = end;
  const agentMeta = own(doc, 'agentMetadata');
  if (!isObject(agentMeta)) return meta;
  const weights = own(agentMeta, 'sampleWeights');
  if (isObject(weights)) {
    const map = new Map<string, number>();
    for (const key of Object.keys(weights)) {
      const w = finiteNumber(weights[key]);
      if (w !== undefined && w > 0) map.set(key, w);
      else warnings.add(`sampleWeights.${key.slice(0, 40)} is not a positive number`);
    }
    meta.sampleWeights = map;
  }
  const duration = finiteNumber(own(agentMeta, 'durationInMs'));
  if (duration !== undefined) meta.durationMs = duration;
  else if (start !== undefined && end !== undefined && end >= start) meta.durationMs = end - start;
  const info = own(agentMeta, 'agentInfo');
  if (isObject(info)) {
    const type = text(own(info, 'type'), 200);
    const version = text(own(info, 'version'), 50);
    if (type) meta.agent = version ? `${type} ${version}` : type;
  }
  const runtime = text(own(agentMeta, 'runtimeVersion'), 100);
  if (runtime) meta.runtimeVersion = runtime;
  const sampled = finiteNumber(own(agentMeta, 'numTimesSampled'));
  if (sampled !== undefined) meta.numTimesSampled = sampled;
  return meta;
}

/** A frame's `line` member ([first] or [first, last], positive integers) → its range; otherwise undefined. */
export function readLines(v: unknown): [number, number] | undefined {
  if (!Array.isArray(v) || v.length === 0) return undefined;
  let min = Infinity;
  let max = -Infinity;
  for (const x of v.slice(0, 2)) {
    if (typeof x !== 'number' || !Number.isInteger(x) || x <= 0 || x > 0x7fffffff) return undefined;
    min = Math.min(min, x);
    max = Math.max(max, x);
  }
  return [min, max];
}

/**
 * Turns a parsed CodeGuru agent-format document ({start, end, agentMetadata, callgraph}) into a Profile.
 * Every field is optional; `children` is an object keyed by frame name; `counts` are self counts.
 * A bare node (an object with `children`/`counts` at the top) is accepted as the call graph itself.
 */
export function fromCodeGuruDocument(doc: unknown, maxNodes = MAX_NODES): Profile {
  if (!isObject(doc)) throw new ProfileFormatError('This is not a CodeGuru profile: the JSON is not an object.');
  const warnings = new WarningTally();
  const meta = readMeta(doc, warnings);
  let graph = own(doc, 'callgraph');
  if (graph === undefined && (own(doc, 'children') !== undefined || own(doc, 'counts') !== undefined)) graph = doc;
  if (graph === undefined) throw new ProfileFormatError('This is not a CodeGuru profile: it has no "callgraph".');
  if (!isObject(graph)) {
    warnings.add('"callgraph" is not an object');
    graph = {};
  }

  const names = new StringTable([ROOT_NAME]);
  const files = new StringTable();
  const counterIds = new StringTable();
  const counts: GrowableFloat64[] = [];
  const parent = new GrowableInt32();
  const nameId = new GrowableInt32();
  const fileId = new GrowableInt32();
  const lineMin = new GrowableInt32();
  const lineMax = new GrowableInt32();
  let truncated = false;

  // Explicit stack (parallel arrays): nesting depth is bounded only by the input.
  const stackNode: unknown[] = [graph];
  const stackParent: number[] = [-1];
  const stackName: number[] = [0];
  let n = 0;
  while (stackNode.length > 0) {
    const node = stackNode.pop();
    const p = stackParent.pop()!;
    const name = stackName.pop()!;
    if (n >= maxNodes) {
      truncated = true;
      break;
    }
    const idx = n++;
    parent.push(p);
    nameId.push(name);
    if (!isObject(node)) {
      fileId.push(-1);
      lineMin.push(0);
      lineMax.push(0);
      if (node !== null && node !== undefined) warnings.add('a frame is not an object; it was kept without data');
      continue;
    }
    const nodeCounts = own(node, 'counts');
    if (isObject(nodeCounts)) {
      for (const counter of Object.keys(nodeCounts)) {
        const v = nodeCounts[counter];
        // Beyond 2^53 a "count" is not a count (and sums of such values overflow to Infinity).
        if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > Number.MAX_SAFE_INTEGER) {
          warnings.add(`a count that is not a non-negative number was ignored (counter ${counter.slice(0, 40)})`);
          continue;
        }
        if (v === 0) continue;
        const c = counterIds.intern(counter);
        while (counts.length <= c) counts.push(new GrowableFloat64());
        counts[c]!.add(idx, v);
      }
    } else if (nodeCounts !== undefined) {
      warnings.add('"counts" is not an object; ignored');
    }
    const file = text(own(node, 'file'));
    fileId.push(file !== undefined ? files.intern(file) : -1);
    const lines = readLines(own(node, 'line'));
    lineMin.push(lines?.[0] ?? 0);
    lineMax.push(lines?.[1] ?? 0);
    const children = own(node, 'children');
    if (isObject(children)) {
      const keys = Object.keys(children);
      if (keys.length > 1) keys.sort();
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i]!;
        stackNode.push(children[key]);
        stackParent.push(idx);
        stackName.push(names.intern(key));
      }
    } else if (children !== undefined) {
      warnings.add('"children" is not an object; ignored');
    }
  }
  if (truncated) warnings.add(`the profile has more than ${maxNodes.toLocaleString('en-US')} frames; the rest were dropped`);

  const parentArr = parent.toArray(n);
  const tree: FrameTree = {
    size: n, names: names.values, nameId: nameId.toArray(n), parent: parentArr, ...preorderShape(parentArr),
    counters: counterIds.values, self: counts.map((c) => c.toArray(n)),
    files: files.values, fileId: fileId.toArray(n), lineMin: lineMin.toArray(n), lineMax: lineMax.toArray(n),
  };
  return makeProfile('codeguru', tree, meta, warnings.list(), truncated);
}
