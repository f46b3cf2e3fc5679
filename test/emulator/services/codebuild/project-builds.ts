// Starting a build of a project (StartBuild, RetryBuild, batches, webhooks in the seed): the
// project's settings with the request's overrides, the outcome from the project's knob, and the
// source version resolved to a commit.
import { recipeFromBuildspec, isInlineBuildspec } from './buildspec-override';
import type { ProjectRecord } from './projects';
import { type RunningBuild, startBuild } from './runner';
import type { BuildRecord, BuildsRegion, EnvironmentVariable } from './store';
import type { BuildsWorld } from './world';

export interface BuildOverrides {
  sourceVersion?: string;
  environmentVariables?: EnvironmentVariable[];
  buildspec?: string;
  image?: string;
  computeType?: string;
  timeoutInMinutes?: number;
  queuedTimeoutInMinutes?: number;
  initiator: string;
  /** Forces the outcome (seeded history, batch entries); default: the project's next outcome. */
  succeed?: boolean;
  buildBatchArn?: string;
  onComplete?: (build: BuildRecord) => void;
}

const COMMIT = /^[0-9a-f]{40}$/;

/** The commit a source version stands for: a commit id as is, else the branch's current head. */
export function resolveSourceVersion(world: BuildsWorld, project: ProjectRecord, sourceVersion: string): string | undefined {
  if (project.source.type === 'NO_SOURCE' || project.source.type === 'S3') return undefined;
  if (COMMIT.test(sourceVersion)) return sourceVersion;
  return world.headCommit(project, sourceVersion);
}

function nextOutcome(project: ProjectRecord): boolean {
  const outcome = project.outcomes.length ? project.outcomes[Math.min(project.attempts, project.outcomes.length - 1)]! : 'succeed';
  project.attempts++;
  return outcome === 'succeed';
}

/** Merges override variables into the project's: same name replaces, new names are added. */
export function mergeVariables(base: EnvironmentVariable[], overrides: EnvironmentVariable[] | undefined): EnvironmentVariable[] {
  if (!overrides?.length) return base;
  const out = base.filter((v) => !overrides.some((o) => o.name === v.name));
  return [...out, ...overrides];
}

export function startProjectBuild(world: BuildsWorld, store: BuildsRegion, project: ProjectRecord, o: BuildOverrides): RunningBuild {
  const sourceVersion = o.sourceVersion ?? project.sourceVersion ?? (project.source.type === 'CODEPIPELINE' ? 'main' : 'refs/heads/main');
  const resolved = resolveSourceVersion(world, project, sourceVersion);
  const buildspec = o.buildspec ?? project.source.buildspec;
  const recipe = o.buildspec && isInlineBuildspec(o.buildspec) ? recipeFromBuildspec(project.recipe, o.buildspec) : project.recipe;
  const succeed = o.succeed ?? nextOutcome(project);
  return startBuild(world, {
    accountId: store.accountId,
    region: store.region,
    projectName: project.name,
    sourceVersion,
    ...(resolved ? { resolvedSourceVersion: resolved } : {}),
    initiator: o.initiator,
    succeed,
    recipe,
    environmentVariables: mergeVariables(project.environment.environmentVariables, o.environmentVariables),
    source: {
      type: project.source.type,
      ...(project.source.location ? { location: project.source.location } : {}),
      ...(project.source.gitCloneDepth !== undefined ? { gitCloneDepth: project.source.gitCloneDepth } : {}),
      ...(project.source.reportBuildStatus !== undefined ? { reportBuildStatus: project.source.reportBuildStatus } : {}),
      // A project without a buildspec reads buildspec.yml from the source root: BatchGetBuilds shows the text.
      ...(buildspec ? { buildspec } : {}),
    },
    image: o.image ?? project.environment.image,
    computeType: o.computeType ?? project.environment.computeType,
    environmentType: project.environment.type,
    ...(project.environment.fleetArn ? { fleetArn: project.environment.fleetArn } : {}),
    serviceRole: project.serviceRole,
    timeoutInMinutes: o.timeoutInMinutes ?? project.timeoutInMinutes,
    queuedTimeoutInMinutes: o.queuedTimeoutInMinutes ?? project.queuedTimeoutInMinutes,
    artifactsLocation: project.artifacts.type === 'S3' ? `arn:aws:s3:::${project.artifacts.location}/${project.artifacts.name ?? project.name}` : null,
    ...(o.buildBatchArn ? { buildBatchArn: o.buildBatchArn } : {}),
    ...(o.onComplete ? { onComplete: o.onComplete } : {}),
  });
}
