import type { AgentProfile, ProfileNode } from './profile-tree';

/** Where the profiled orders-api service ran; a workspace maps `app/...` under its own root. */
export const HOST_ROOT = '/srv/orders-api';

interface Frame {
  name: string;
  /** Workspace-relative path for app code, absolute host path for the standard library. */
  file?: string;
  line?: number[];
}

const stdlib = (module: string, cls: string, fn: string, file: string, line: number): Frame => ({ name: `${module}:${cls}:${fn}`, file: `/usr/lib/python3.11/${file}`, line: [line] });
const app = (module: string, fn: string, line: number[]): Frame => ({ name: `${module}:${fn}`, file: `${module.replace(/\./g, '/')}.py`, line });

const THREAD = [stdlib('threading', 'Thread', '_bootstrap', 'threading.py', 1002), stdlib('threading', 'Thread', '_bootstrap_inner', 'threading.py', 1045), stdlib('threading', 'Thread', 'run', 'threading.py', 982)];
const REQUEST = [...THREAD, { name: 'werkzeug.serving:WSGIRequestHandler:handle' }, { name: 'flask.app:Flask:wsgi_app' }];
const CREATE = app('app.api.handlers', 'create_order', [18, 24]);
const PLACE = app('app.orders.service', 'OrderService:place_order', [30, 48]);

const STACKS: { frames: Frame[]; count: number }[] = [
  { frames: [...REQUEST, CREATE, PLACE, app('app.orders.validation', 'validate_order', [8, 20]), app('app.orders.validation', '_check_sku', [25, 31])], count: 41 },
  { frames: [...REQUEST, CREATE, PLACE, app('app.orders.pricing', 'compute_total', [5, 22])], count: 96 },
  { frames: [...REQUEST, CREATE, PLACE, app('app.orders.pricing', 'compute_total', [5, 22]), app('app.orders.pricing', '_apply_discounts', [26, 40])], count: 58 },
  { frames: [...REQUEST, CREATE, PLACE, app('app.orders.repository', 'OrderRepository:save', [15, 27]), { name: '<Sleep>' }], count: 120 },
  { frames: [...REQUEST, CREATE, PLACE, app('app.payments.client', 'PaymentClient:charge', [20, 35]), { name: 'botocore.client:BaseClient:_make_api_call' }, { name: 'Charge' }, { name: '<Sleep>' }], count: 210 },
  { frames: [...REQUEST, CREATE, PLACE, app('app.orders.service', 'OrderService:_serialize', [52, 60]), stdlib('json.encoder', 'JSONEncoder', 'encode', 'json/encoder.py', 200)], count: 33 },
  { frames: [...REQUEST, CREATE], count: 7 },
  { frames: [...REQUEST, app('app.api.handlers', 'get_order', [30, 36]), app('app.orders.repository', 'OrderRepository:find', [31, 40])], count: 64 },
  { frames: [...THREAD, app('app.worker', 'drain_outbox', [10, 22]), { name: '<queue.get>' }], count: 300 },
  { frames: [app('app.main', '<module>', [12]), app('app.main', 'main', [4, 9]), { name: '<Sleep>' }], count: 300 },
];

/**
 * The module paths, functions and line ranges the demo's Python profile refers to. A sample workspace
 * needs these files (relative to its root) for source mapping to resolve; see the README.
 */
/** @public Documented in test/emulator/README.md for tests that need the same frames. */
export function workspaceFrames(): { module: string; file: string; function: string; lines: number[] }[] {
  const found: { module: string; file: string; function: string; lines: number[] }[] = [];
  for (const { frames } of STACKS) {
    for (const f of frames) {
      if (!f.name.startsWith('app.') || !f.file || !f.line) continue;
      const [module = '', fn = ''] = f.name.split(/:(.*)/);
      if (!found.some((w) => w.module === module && w.function === fn)) found.push({ module, file: f.file, function: fn, lines: f.line });
    }
  }
  return found;
}

/** The orders-api profile: agent metadata taken from the real Python agent sample, frames in `app/…`. */
export function pythonWorkspaceProfile(sampleMetadata: Record<string, unknown>, start: number, end: number): AgentProfile {
  const callgraph: ProfileNode = {};
  let total = 0;
  for (const { frames, count } of STACKS) {
    let node = callgraph;
    for (const f of frames) {
      node.children ??= {};
      const child: ProfileNode = node.children[f.name] ?? {};
      if (f.file) child.file = f.file.startsWith('/') ? f.file : `${HOST_ROOT}/${f.file}`;
      if (f.line) child.line = f.line;
      node.children[f.name] = child;
      node = child;
    }
    node.counts = { WALL_TIME: (node.counts?.WALL_TIME ?? 0) + count };
    total += count;
  }
  return {
    start,
    end,
    agentMetadata: { ...sampleMetadata, durationInMs: end - start, numTimesSampled: total, fleetInfo: { id: 'orders-api-7c9d', type: 'ECS', vCPUs: 2 } },
    callgraph,
  };
}
