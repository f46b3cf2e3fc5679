// The scale dataset: thousands of small generated pipelines (Source → Test → Deploy, no builds so no
// logs), each with one past execution, for listing and GetPipelineState at scale.
import { EMULATOR_ACCOUNTS } from '../../../core/contract';
import { Random } from '../../../core/random';
import type { EmulatorSeedState } from './index';
import { cloudformation, codecommitSource, lambdaInvoke, pipeline, stage } from './builders';
import type { SeedTimeline } from './timeline';

const TEAMS = ['catalog', 'checkout', 'payments', 'search', 'identity', 'fulfilment', 'pricing', 'reviews', 'loyalty', 'platform'];
const PARTS = ['api', 'worker', 'web', 'etl', 'gateway', 'scheduler', 'indexer', 'notifier'];

export function seedScale(state: EmulatorSeedState, tl: SeedTimeline, count: number): void {
  const rng = new Random('scale');
  const a = { accountId: EMULATOR_ACCOUNTS.main.accountId, region: 'us-east-1' };
  const store = state.codepipeline.region(a.accountId, a.region);
  for (let i = 0; i < count; i++) {
    const name = `${TEAMS[i % TEAMS.length]}-${PARTS[Math.floor(i / TEAMS.length) % PARTS.length]}-${String(i).padStart(5, '0')}`;
    const v2 = i % 3 === 0;
    const p = store.create(pipeline(a, name, [
      stage('Source', codecommitSource(name)),
      stage('Test', lambdaInvoke('Smoke', `${name}-smoke`)),
      stage('Deploy', cloudformation('Deploy', a, name, { input: 'SourceArtifact' })),
    ], v2 ? { pipelineType: 'V2', executionMode: 'QUEUED' } : {}), { created: tl.now - 30 * 24 * 3_600_000 });
    tl.at(-rng.int(1, 7 * 24) * 3_600_000, () => {
      store.engine.start(p, { trigger: store.engine.rerunTrigger(p), outcomes: { Smoke: rng.chance(0.05) ? 'fail' : 'succeed', Deploy: 'succeed' } });
    });
  }
}
