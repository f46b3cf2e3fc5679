// Composes every service module into one emulator: CodePipeline, CodeBuild and CloudWatch Logs
// (sharing state: pipeline builds write logs) plus CodeArtifact and CodeGuru Profiler.
import type { SimClock } from '../core/clock';
import type { SeedOptions, ServiceFactory, ServiceRegistry } from '../core/contract';
import { SwitchableClock } from '../core/switchable-clock';
import { codeartifactService } from './codeartifact/index';
import { BuildsWorld, registerCodeBuild } from './codebuild/index';
import { codeguruService } from './codeguru/index';
import { PipelinesWorld, registerCodePipeline } from './codepipeline/index';
import { seedPipelines } from './codepipeline/seed/index';
import { LogsWorld, registerLogs } from './logs/index';

/** Typed access to the emulator's CodePipeline, CodeBuild and CloudWatch Logs state (for tests). */
export interface EmulatorState {
  codepipeline: PipelinesWorld;
  codebuild: BuildsWorld;
  logs: LogsWorld;
}

export interface ComposeOptions {
  seed: SeedOptions;
  /** The emulator's clock (the registry's clock is the same one). */
  clock: SimClock;
  liveTailIntervalMs: number;
}

const OTHER_SERVICES: readonly ServiceFactory[] = [codeartifactService, codeguruService];

const LIVE_TAIL_TIMEOUT_MS = 3 * 3_600_000;

export function composeServices(registry: ServiceRegistry, options: ComposeOptions): EmulatorState {
  const worldClock = new SwitchableClock(options.clock);
  const logs = new LogsWorld(worldClock, { liveTailIntervalMs: options.liveTailIntervalMs, liveTailTimeoutMs: LIVE_TAIL_TIMEOUT_MS });
  const codebuild = new BuildsWorld(worldClock, logs);
  const codepipeline = new PipelinesWorld(worldClock, codebuild);
  const state: EmulatorState = { codepipeline, codebuild, logs };
  seedPipelines(state, options.seed, worldClock, options.clock);
  registerCodePipeline(registry, codepipeline);
  registerCodeBuild(registry, codebuild);
  registerLogs(registry, logs);
  for (const factory of OTHER_SERVICES) factory(options.seed)(registry);
  return state;
}
