// Composes every service module into one emulator: CodePipeline, CodeBuild, CloudWatch Logs and
// CodeDeploy (sharing state: pipeline builds write logs, pipeline CodeDeploy actions create
// deployments) plus CodeArtifact, CodeGuru Profiler and STS.
import type { SimClock } from '../core/clock';
import type { SeedOptions, ServiceFactory, ServiceRegistry } from '../core/contract';
import { SwitchableClock } from '../core/switchable-clock';
import { codeartifactService } from './codeartifact/index';
import { BuildsWorld, registerCodeBuild } from './codebuild/index';
import { DeployWorld, registerCodeDeploy } from './codedeploy/index';
import { codeDeployActionRunner } from './codedeploy/pipeline-action';
import { seedCodeDeploy } from './codedeploy/seed/index';
import { codeguruService } from './codeguru/index';
import { PipelinesWorld, registerCodePipeline } from './codepipeline/index';
import { seedPipelines } from './codepipeline/seed/index';
import { LogsWorld, registerLogs } from './logs/index';
import { stsService } from './sts/index';

/** Typed access to the emulator's CodePipeline, CodeBuild, CloudWatch Logs and CodeDeploy state (for tests). */
export interface EmulatorState {
  codepipeline: PipelinesWorld;
  codebuild: BuildsWorld;
  logs: LogsWorld;
  codedeploy: DeployWorld;
}

export interface ComposeOptions {
  seed: SeedOptions;
  /** The emulator's clock (the registry's clock is the same one). */
  clock: SimClock;
  liveTailIntervalMs: number;
}

const OTHER_SERVICES: readonly ServiceFactory[] = [codeartifactService, codeguruService, stsService];

const LIVE_TAIL_TIMEOUT_MS = 3 * 3_600_000;

export function composeServices(registry: ServiceRegistry, options: ComposeOptions): EmulatorState {
  const worldClock = new SwitchableClock(options.clock);
  const logs = new LogsWorld(worldClock, { liveTailIntervalMs: options.liveTailIntervalMs, liveTailTimeoutMs: LIVE_TAIL_TIMEOUT_MS });
  const codebuild = new BuildsWorld(worldClock, logs);
  const codepipeline = new PipelinesWorld(worldClock, codebuild);
  const codedeploy = new DeployWorld(worldClock);
  codepipeline.actionRunners.set('CodeDeploy', codeDeployActionRunner(codedeploy));
  const state: EmulatorState = { codepipeline, codebuild, logs, codedeploy };
  // Simulated time stands still while the seeds replay history, however long that takes on a busy
  // machine, so what runs "now" (a build, a canary) is where the seed put it.
  const speed = options.clock.speed;
  options.clock.setSpeed(0);
  try {
    seedCodeDeploy(codedeploy, options.seed, worldClock, options.clock);
    seedPipelines(state, options.seed, worldClock, options.clock);
  } finally {
    options.clock.setSpeed(speed);
  }
  registerCodePipeline(registry, codepipeline);
  registerCodeBuild(registry, codebuild);
  registerLogs(registry, logs);
  registerCodeDeploy(registry, codedeploy);
  for (const factory of OTHER_SERVICES) factory(options.seed)(registry);
  return state;
}
