// The local AWS emulator's public API: one HTTP server on 127.0.0.1 speaking the real wire protocols
// of CodePipeline, CodeBuild, CloudWatch Logs, CodeArtifact and CodeGuru Profiler.
import { createClock, type SimClock } from './core/clock';
import { EMULATOR_ACCOUNTS, type SeedOptions } from './core/contract';
import type { FaultRegistry } from './core/faults';
import { startCore } from './core/server';
import type { Stats } from './core/stats';
import { composeServices, type EmulatorState } from './services/index';

export { EMULATOR_ACCOUNTS, AwsServiceError, type SeedOptions } from './core/contract';
export type { FaultSpec, FaultKind, Fault } from './core/faults';
export type { StatsSnapshot } from './core/stats';
export type { SimClock } from './core/clock';
export type { EmulatorState } from './services/index';

export interface EmulatorOptions {
  /** Dataset to start with (default: empty). */
  seed?: SeedOptions;
  /** Port on 127.0.0.1 (default 0: a free port). */
  port?: number;
  /** Simulated milliseconds per real millisecond (default 1; 0 freezes time so only clock.advance moves it). */
  speed?: number;
  /** Real milliseconds added to every API call. */
  latencyMs?: number;
  /** Real milliseconds between Live Tail sessionUpdate messages (default 1000, like AWS). */
  liveTailIntervalMs?: number;
}

export type AccountName = keyof typeof EMULATOR_ACCOUNTS;

/** SDK v3 client configuration for one of the emulator's accounts. */
export interface EmulatorClientConfig {
  endpoint: string;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  maxAttempts: number;
}

export interface Emulator {
  readonly url: string;
  readonly accounts: typeof EMULATOR_ACCOUNTS;
  readonly faults: FaultRegistry;
  readonly clock: SimClock;
  readonly stats: Stats;
  /** CodePipeline / CodeBuild / Logs state (replaced by reset()). */
  readonly state: EmulatorState;
  /** Every registered API operation as `signingName:Operation`. */
  operations(): string[];
  clientConfig(account?: AccountName, region?: string): EmulatorClientConfig;
  /** Back to the seed: fresh state, no faults, zeroed stats. */
  reset(): void;
  close(): Promise<void>;
}

export async function createEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const seed: SeedOptions = options.seed ?? { dataset: 'empty' };
  const clock = createClock({ speed: options.speed ?? 1 });
  let state: EmulatorState | undefined;
  const core = await startCore({
    ...(options.port !== undefined ? { port: options.port } : {}),
    ...(options.latencyMs !== undefined ? { latencyMs: options.latencyMs } : {}),
    clock,
    compose: (registry) => {
      state = composeServices(registry, { seed, clock, liveTailIntervalMs: options.liveTailIntervalMs ?? 1000 });
    },
    info: () => ({ accounts: EMULATOR_ACCOUNTS, seed, speed: clock.speed, now: clock.now() }),
  });
  return {
    get url() {
      return core.url;
    },
    accounts: EMULATOR_ACCOUNTS,
    faults: core.faults,
    clock,
    stats: core.stats,
    get state() {
      if (!state) throw new Error('the emulator has no state yet');
      return state;
    },
    operations: () => core.operations(),
    clientConfig(account = 'main', region = 'us-east-1') {
      const acc = EMULATOR_ACCOUNTS[account];
      return {
        endpoint: core.url,
        region,
        credentials: {
          accessKeyId: acc.accessKeyId,
          secretAccessKey: acc.secretAccessKey,
          ...('sessionToken' in acc ? { sessionToken: acc.sessionToken } : {}),
        },
        maxAttempts: 1,
      };
    },
    reset: () => core.reset(),
    close: () => core.close(),
  };
}
