// Seeds CodeDeploy for the chosen dataset, before CodePipeline replays its history: the groups the demo
// pipelines deploy to must exist by then (their CodeDeploy actions create real deployments), and
// CodeDeploy's own history is replayed on a private clock.
import type { SimClock } from '../../../core/clock';
import type { SeedOptions } from '../../../core/contract';
import type { SwitchableClock } from '../../../core/switchable-clock';
import type { DeployWorld } from '../world';
import { DEMO_HISTORY_MS, seedDemo } from './demo';
import { replay } from './replay';
import { DEFAULT_SCALE_INSTANCES, SCALE_HISTORY_MS, seedScale } from './scale';

export { SCALE_APPLICATION, SCALE_GROUP } from './scale';

export function seedCodeDeploy(world: DeployWorld, seed: SeedOptions, worldClock: SwitchableClock, liveClock: SimClock): void {
  if (seed.dataset === 'empty') return;
  const now = liveClock.now();
  const history = seed.dataset === 'demo' ? seedDemo(world, now) : seedScale(world, now, seed.deployInstances ?? DEFAULT_SCALE_INSTANCES);
  replay(worldClock, liveClock, seed.dataset === 'demo' ? DEMO_HISTORY_MS : SCALE_HISTORY_MS, history);
}
