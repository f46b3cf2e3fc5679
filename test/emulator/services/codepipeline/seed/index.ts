// Seeds CodePipeline (and through it CodeBuild and Logs) for the chosen dataset by replaying history
// on a private clock, then hands the still-running work over to the emulator's live clock.
import { createClock, type SimClock } from '../../../core/clock';
import type { SeedOptions } from '../../../core/contract';
import type { SwitchableClock } from '../../../core/switchable-clock';
import { seedBuildsDemo } from '../../codebuild/seed/demo';
import { DEFAULT_SCALE_PROJECTS, seedBuildsScale } from '../../codebuild/seed/scale';
import type { BuildsWorld } from '../../codebuild/world';
import type { LogsWorld } from '../../logs/world';
import type { PipelinesWorld } from '../world';
import { seedDemo } from './demo';
import { seedScale } from './scale';
import { HISTORY_MS, SeedTimeline } from './timeline';

export interface EmulatorSeedState {
  codepipeline: PipelinesWorld;
  codebuild: BuildsWorld;
  logs: LogsWorld;
}

export const DEFAULT_SCALE_PIPELINES = 5_000;

export function seedPipelines(state: EmulatorSeedState, seed: SeedOptions, worldClock: SwitchableClock, liveClock: SimClock): void {
  if (seed.dataset === 'empty') return;
  const now = liveClock.now();
  const seedClock = createClock({ start: now - HISTORY_MS, speed: 0 });
  worldClock.target = seedClock;
  const after: (() => void)[] = [];
  try {
    const tl = new SeedTimeline(seedClock, now);
    if (seed.dataset === 'demo') {
      seedDemo(state, tl, seed.demoHeadCommit, after);
      seedBuildsDemo(state.codebuild, tl);
    } else {
      seedScale(state, tl, seed.pipelines ?? DEFAULT_SCALE_PIPELINES);
      seedBuildsScale(state.codebuild, tl, seed.projects ?? DEFAULT_SCALE_PROJECTS);
    }
    seedClock.advance(Math.max(0, liveClock.now() - seedClock.now()));
    seedClock.transferTo(liveClock);
  } finally {
    worldClock.target = liveClock;
  }
  for (const fn of after) fn();
}
