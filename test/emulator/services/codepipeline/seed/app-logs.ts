// A steady stream of application logs in /ecs/storefront-web, so Live Tail has something to show
// in the demo: JSON access logs from two tasks, with the odd warning and error.
import type { Clock } from '../../../core/contract';
import type { Random } from '../../../core/random';
import type { LogsRegion } from '../../logs/store';
import type { SeedTimeline } from './timeline';

const GROUP = '/ecs/storefront-web';
const ROUTES = [
  ['GET', '/api/cart', 200], ['POST', '/api/cart/items', 201], ['GET', '/api/catalog/search', 200], ['GET', '/api/products/sku-48213', 200],
  ['POST', '/api/checkout', 200], ['GET', '/health', 200], ['GET', '/api/orders', 200], ['DELETE', '/api/cart/items/3', 204],
] as const;

function line(rng: Random, now: number): string {
  const requestId = rng.uuid();
  const time = new Date(now).toISOString();
  if (rng.chance(0.03)) {
    return JSON.stringify({ level: 'error', time, msg: 'payment provider timeout', method: 'POST', path: '/api/checkout', status: 504, durationMs: 10_000, requestId });
  }
  if (rng.chance(0.06)) {
    return JSON.stringify({ level: 'warn', time, msg: 'slow query', table: 'cart_items', durationMs: rng.int(800, 2400), requestId });
  }
  const [method, path, status] = rng.pick(ROUTES);
  return JSON.stringify({ level: 'info', time, msg: 'request completed', method, path, status, durationMs: rng.int(3, 180), requestId });
}

export function startAppLogs(logs: LogsRegion, clock: Clock, tl: SeedTimeline, rng: Random): void {
  logs.ensureGroup(GROUP, { retentionInDays: 14, creationTime: tl.now - 40 * 24 * 3_600_000 });
  const tasks = [`ecs/storefront-web/${rng.hex(32)}`, `ecs/storefront-web/${rng.hex(32)}`];
  const tick = (): void => {
    const now = clock.now();
    logs.put(GROUP, rng.pick(tasks), [{ timestamp: now, message: line(rng, now) }]);
    clock.setTimeout(tick, rng.int(1_500, 4_000));
  };
  tl.at(-30 * 60_000, tick);
}
