// The emulator's HTTP server: one node:http server on 127.0.0.1 for every service.
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClock, type SimClock } from './clock';
import type { ServiceRegistry } from './contract';
import { dispatch } from './dispatch';
import { FaultRegistry } from './faults';
import { sendJson } from './protocol';
import { Router } from './router';
import { Stats } from './stats';

/**
 * Keep-alive, as real clients' connection pools need it. A client reuses an idle connection until its
 * own timer retires it: pnpm's agentkeepalive after 4 s, Node's http.Agent and undici 1 s before the
 * server's announced `Keep-Alive: timeout`, urllib3 (pip, twine, Poetry, the AWS CLI) never. That timer
 * starts when the client has finished *reading* a reply; the server's starts when it has finished
 * *writing* it. Node's default closes idle connections 5 s (Node 20: about 6 s) after writing, so a
 * client that drains a tarball a couple of seconds after the server wrote it (a busy machine, a slow
 * unpacker) still holds the connection as reusable when the server closes it, and its next request
 * meets `read ECONNRESET` (issue 12). The emulator therefore announces the usual 5 s, so clients that
 * honour the hint retire connections as early as before, but keeps an idle connection a minute: a
 * client would have to be that late for the two timers to meet.
 */
const ANNOUNCED_KEEP_ALIVE_S = 5;
const IDLE_CONNECTION_MS = 65_000;

export interface CoreOptions {
  port?: number;
  /** Real milliseconds added to every API call. */
  latencyMs?: number;
  /** The clock to use (already started or seeded by the caller). */
  clock?: SimClock;
  /** Registers every service module; called at start and again on reset (with a fresh router). */
  compose(registry: ServiceRegistry): void;
  /** Extra facts for GET /_emulator/info. */
  info?(): Record<string, unknown>;
  /** Where unexpected handler failures are reported (default: stderr). */
  log?: (line: string) => void;
}

export interface EmulatorCore {
  readonly url: string;
  readonly clock: SimClock;
  readonly faults: FaultRegistry;
  readonly stats: Stats;
  /** Every registered API operation as `signingName:Operation`. */
  operations(): string[];
  /** Back to the seed: fresh service state, no faults, zeroed stats, no pending timers. */
  reset(): void;
  close(): Promise<void>;
}

export async function startCore(options: CoreOptions): Promise<EmulatorCore> {
  const clock = options.clock ?? createClock();
  const faults = new FaultRegistry();
  const stats = new Stats();
  let url = '';
  let router = new Router();
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));

  const registryFor = (r: Router): ServiceRegistry => ({
    json: (targetPrefix, signingName, operations) => r.addJson(targetPrefix, signingName, operations),
    rest: (signingName, routes) => r.addRest(signingName, routes),
    query: (service) => r.addQuery(service),
    raw: (route) => r.addRaw(route),
    clock,
    baseUrl: () => url,
  });

  const reset = (): void => {
    clock.cancelAll();
    faults.clear();
    stats.reset();
    const next = new Router();
    options.compose(registryFor(next));
    router = next;
  };

  const server: Server = createServer((req, res) => {
    announceKeepAlive(res);
    dispatch({ router: () => router, faults, stats, latencyMs: options.latencyMs ?? 0, admin, log }, req, res).catch((err: unknown) => failHard(res, err));
  });
  const admin = {
    faults, clock, stats, reset,
    info: () => ({ url, operations: router.operations(), ...options.info?.() }),
  };

  server.keepAliveTimeout = IDLE_CONNECTION_MS;
  // Node's guidance: the headers timeout above the keep-alive timeout, so the two never race either.
  server.headersTimeout = IDLE_CONNECTION_MS + 1_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  options.compose(registryFor(router));

  let closed: Promise<void> | undefined;
  return {
    get url() {
      return url;
    },
    clock, faults, stats,
    operations: () => router.operations(),
    reset,
    close() {
      closed ??= new Promise<void>((resolve) => {
        clock.cancelAll();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closed;
    },
  };
}

/** Sends the client the shorter keep-alive hint (Node would announce IDLE_CONNECTION_MS). */
function announceKeepAlive(res: ServerResponse): void {
  if (!res.shouldKeepAlive) return;
  // With a Connection header of its own, Node leaves both headers to the response.
  res.setHeader('Connection', 'keep-alive');
  res.setHeader('Keep-Alive', `timeout=${ANNOUNCED_KEEP_ALIVE_S}`);
}

function failHard(res: ServerResponse, err: unknown): void {
  process.stderr.write(`[emulator] request failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  if (res.headersSent) {
    res.destroy();
    return;
  }
  sendJson(res, 500, { message: 'emulator failure' }, 'application/json');
}
