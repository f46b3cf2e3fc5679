import type { ThreadState } from './java-frames';
import { appFrames, IDLE_STACK, ROOTS, TAILS, THREAD_STATES } from './java-frames';
import { pick, prng } from './prng';
import type { AgentProfile, ProfileNode } from './profile-tree';

const HOT_ENTRY = 'com.example.orders.OrderController.placeOrder';
const HOT_PATH = 'com.example.orders.OrderService.placeOrder';

function weighted<T extends { weight: number }>(random: () => number, items: readonly T[]): T {
  const total = items.reduce((s, i) => s + i.weight, 0);
  let r = random() * total;
  for (const item of items) {
    r -= item.weight;
    if (r < 0) return item;
  }
  return items[items.length - 1] ?? pick(random, items);
}

/** Adds one sampled stack; returns how many nodes it created. */
function addStack(root: ProfileNode, frames: string[], state: ThreadState, count: number): number {
  let node = root;
  let created = 0;
  for (const frame of frames) {
    node.children ??= {};
    let child = node.children[frame];
    if (!child) {
      child = {};
      node.children[frame] = child;
      created++;
    }
    node = child;
  }
  node.counts ??= {};
  node.counts[state] = (node.counts[state] ?? 0) + count;
  return created;
}

/**
 * A Java service profile with thread-state counters and about `targetNodes` call-tree nodes, built by
 * random walks over a fixed call graph of app frames (seeded PRNG: identical output every time).
 */
export function javaServiceProfile(targetNodes: number, start: number, end: number, seed = 20240601): AgentProfile {
  const random = prng(seed);
  const frames = appFrames();
  const callees = new Map<string, string[]>();
  for (const f of frames) callees.set(f, Array.from({ length: 3 + Math.floor(random() * 4) }, () => pick(random, frames)));
  const entryPoints = Array.from({ length: 24 }, () => pick(random, frames.filter((f) => f.includes('Controller') || f.includes('Scheduler'))));

  const callgraph: ProfileNode = {};
  let nodes = 1 + addStack(callgraph, IDLE_STACK, 'IDLE', 4000);
  let samples = 4000;
  while (nodes < targetNodes) {
    const rootKind = weighted(random, ROOTS);
    const path = [...rootKind.frames];
    let frame = pick(random, entryPoints);
    // The order endpoint dominates the service, so its frames stand out in flame graphs.
    if (rootKind === ROOTS[0] && random() < 0.35) {
      path.push(HOT_ENTRY);
      frame = HOT_PATH;
    }
    const depth = 2 + Math.floor(random() * 30);
    for (let i = 0; i < depth; i++) {
      path.push(frame);
      frame = pick(random, callees.get(frame) ?? frames);
    }
    const tail = weighted(random, TAILS);
    path.push(...tail.frames);
    const count = 1 + Math.floor(random() * random() * 40);
    nodes += addStack(callgraph, path, tail.state, count);
    samples += count;
  }
  return {
    start,
    end,
    agentMetadata: {
      sampleWeights: Object.fromEntries(THREAD_STATES.map((s) => [s, 1])),
      durationInMs: end - start,
      fleetInfo: { id: 'i-0a1b2c3d4e5f67890', type: 'EC2', vCPUs: 4, instanceType: 'm6i.xlarge' },
      agentInfo: { type: 'CodeGuruProfilerJavaAgent', version: '1.2.3' },
      agentOverhead: { memoryInMB: 12, timeInMs: 410 },
      runtimeVersion: '17.0.9',
      cpuTimeInSeconds: Math.round(samples * 0.42),
      metrics: { numThreads: 64 },
      numTimesSampled: samples,
    },
    callgraph,
  };
}
