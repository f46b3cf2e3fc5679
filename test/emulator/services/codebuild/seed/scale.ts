// The scale dataset's CodeBuild side: `count` generated projects (default 2,000), each with one or
// two short past builds, so a project list and "latest build per project" can be measured at scale.
import { EMULATOR_ACCOUNTS } from '../../../core/contract';
import { Random } from '../../../core/random';
import type { SeedTimeline } from '../../codepipeline/seed/timeline';
import { startProjectBuild } from '../project-builds';
import { createProject } from '../projects';
import type { BuildRecipe } from '../recipes';
import type { BuildsWorld } from '../world';

export const DEFAULT_SCALE_PROJECTS = 2_000;

const TEAMS = ['catalog', 'checkout', 'payments', 'search', 'identity', 'fulfilment', 'pricing', 'reviews', 'loyalty', 'platform'];
const KINDS = ['unit-tests', 'build', 'lint', 'integration', 'image', 'docs', 'e2e', 'release'];

const RECIPE: BuildRecipe = {
  kind: 'scale',
  image: 'aws/codebuild/standard:7.0',
  computeType: 'BUILD_GENERAL1_SMALL',
  runtimeVersions: { nodejs: '20' },
  version: '1.0.0',
  phases: { BUILD: [{ command: 'make ci', durationMs: 20_000, output: () => ['ok'], failure: { exitCode: 2, output: () => ['make: *** [ci] Error 2'] } }] },
  artifactsBaseDir: '.',
  artifactFiles: 0,
};

export function seedBuildsScale(world: BuildsWorld, tl: SeedTimeline, count: number): void {
  const rng = new Random('codebuild-scale');
  const store = world.region(EMULATOR_ACCOUNTS.main.accountId, 'us-east-1');
  for (let i = 0; i < count; i++) {
    const name = `${TEAMS[i % TEAMS.length]}-${KINDS[Math.floor(i / TEAMS.length) % KINDS.length]}-${String(i).padStart(5, '0')}`;
    const p = createProject(store, {
      name,
      recipe: RECIPE,
      source: { type: 'GITHUB', location: `https://github.com/acme-scale/${name}.git` },
      sourceVersion: 'refs/heads/main',
    }, tl.now - 60 * 24 * 3_600_000 + i * 1_000);
    const builds = rng.int(1, 2);
    for (let b = 0; b < builds; b++) {
      tl.at(-rng.int(1, 14 * 24) * 3_600_000, () => {
        startProjectBuild(world, store, p, { initiator: 'GitHub-Hookshot/scale', succeed: !rng.chance(0.1) });
      });
    }
  }
}
