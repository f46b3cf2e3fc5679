// The emulator's own admin API under /_emulator/ (no SigV4): faults, clock, stats, reset, info.
// Other processes (extension host tests, UI tests, benchmarks) drive the emulator through it.
import type { ServerResponse } from 'node:http';
import type { SimClock } from './clock';
import type { FaultRegistry, FaultSpec } from './faults';
import { validateFaultSpec } from './faults';
import { sendJson } from './protocol';
import type { Stats } from './stats';

export const ADMIN_PREFIX = '/_emulator/';

export interface AdminContext {
  faults: FaultRegistry;
  clock: SimClock;
  stats: Stats;
  reset(): void;
  info(): Record<string, unknown>;
}

class AdminError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

function parseJsonBody(body: Buffer): unknown {
  if (body.length === 0) return {};
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    throw new AdminError(400, 'the body is not valid JSON');
  }
}

function numberField(body: unknown, key: string): number {
  const v = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[key] : undefined;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw new AdminError(400, `${key} must be a non-negative number`);
  return v;
}

function addFaults(ctx: AdminContext, body: unknown): unknown {
  const specs = Array.isArray(body) ? body : [body];
  for (const spec of specs) {
    const problem = validateFaultSpec(spec);
    if (problem) throw new AdminError(400, problem);
  }
  return { faults: specs.map((spec) => ctx.faults.add(spec as FaultSpec)) };
}

function clockInfo(clock: SimClock): Record<string, unknown> {
  return { now: clock.now(), iso: new Date(clock.now()).toISOString(), speed: clock.speed, pendingTimers: clock.pending() };
}

/** Handles an admin request; returns false when the path is not a core admin route. */
export function handleAdmin(ctx: AdminContext, method: string, path: string, body: Buffer, res: ServerResponse): boolean {
  const route = `${method.toUpperCase()} ${path.replace(/\/+$/, '')}`;
  let result: unknown;
  try {
    switch (route) {
      case 'GET /_emulator/info':
        result = ctx.info();
        break;
      case 'GET /_emulator/faults':
        result = { faults: ctx.faults.list() };
        break;
      case 'POST /_emulator/faults':
        result = addFaults(ctx, parseJsonBody(body));
        break;
      case 'DELETE /_emulator/faults':
      case 'POST /_emulator/faults/clear':
        ctx.faults.clear();
        result = { faults: [] };
        break;
      case 'GET /_emulator/clock':
        result = clockInfo(ctx.clock);
        break;
      case 'POST /_emulator/clock/advance':
        ctx.clock.advance(numberField(parseJsonBody(body), 'ms'));
        result = clockInfo(ctx.clock);
        break;
      case 'POST /_emulator/clock/speed':
        ctx.clock.setSpeed(numberField(parseJsonBody(body), 'speed'));
        result = clockInfo(ctx.clock);
        break;
      case 'GET /_emulator/stats':
        result = ctx.stats.read();
        break;
      case 'DELETE /_emulator/stats':
      case 'POST /_emulator/stats/reset':
        ctx.stats.reset();
        result = ctx.stats.read();
        break;
      case 'POST /_emulator/reset':
        ctx.reset();
        result = { reset: true, ...clockInfo(ctx.clock) };
        break;
      default: {
        const faultId = /^DELETE \/_emulator\/faults\/([^/]+)$/.exec(route)?.[1];
        if (!faultId) return false;
        if (!ctx.faults.remove(decodeURIComponent(faultId))) throw new AdminError(404, `no fault ${faultId}`);
        result = { faults: ctx.faults.list() };
      }
    }
  } catch (err) {
    const status = err instanceof AdminError ? err.status : 400;
    sendJson(res, status, { message: err instanceof Error ? err.message : String(err) }, 'application/json');
    return true;
  }
  sendJson(res, 200, result, 'application/json');
  return true;
}
