// Build projects: what BatchGetProjects returns, plus the emulator's knobs (what the project's
// buildspec does, how its builds end, its batch configuration).
import type { BatchSpec } from './batch-records';
import type { BuildRecipe } from './recipes';
import type { BuildsRegion, EnvironmentVariable } from './store';

export type SourceType = 'CODECOMMIT' | 'CODEPIPELINE' | 'GITHUB' | 'GITLAB' | 'GITLAB_SELF_MANAGED' | 'S3' | 'BITBUCKET' | 'GITHUB_ENTERPRISE' | 'NO_SOURCE';

export interface WebhookFilter {
  type: 'EVENT' | 'BASE_REF' | 'HEAD_REF' | 'ACTOR_ACCOUNT_ID' | 'FILE_PATH' | 'COMMIT_MESSAGE' | 'WORKFLOW_NAME' | 'TAG_NAME' | 'RELEASE_NAME' | 'REPOSITORY_NAME' | 'ORGANIZATION_NAME';
  pattern: string;
  excludeMatchedPattern?: boolean;
}

export interface ProjectRecord {
  name: string;
  arn: string;
  description?: string;
  created: number;
  lastModified: number;
  source: { type: SourceType; location?: string; buildspec?: string; gitCloneDepth?: number; reportBuildStatus?: boolean };
  /** The default source version (branch, tag or commit) builds use without an override. */
  sourceVersion?: string;
  artifacts: { type: 'NO_ARTIFACTS' | 'S3' | 'CODEPIPELINE'; location?: string; name?: string; packaging?: 'NONE' | 'ZIP' };
  environment: {
    type: string;
    image: string;
    computeType: string;
    environmentVariables: EnvironmentVariable[];
    privilegedMode: boolean;
    imagePullCredentialsType: 'CODEBUILD' | 'SERVICE_ROLE';
    fleetArn?: string;
  };
  serviceRole: string;
  timeoutInMinutes: number;
  queuedTimeoutInMinutes: number;
  encryptionKey: string;
  webhook?: { filterGroups: WebhookFilter[][]; buildType: 'BUILD' | 'BUILD_BATCH'; lastModifiedSecret?: number };
  buildBatchConfig?: {
    serviceRole: string;
    combineArtifacts: boolean;
    restrictions?: { maximumBuildsAllowed?: number; computeTypesAllowed?: string[] };
    timeoutInMins: number;
    batchReportMode: 'REPORT_INDIVIDUAL_BUILDS' | 'REPORT_AGGREGATED_BATCH';
  };
  concurrentBuildLimit?: number;
  tags: { key: string; value: string }[];
  badgeEnabled: boolean;
  /** Emulator: what the buildspec runs and which reports it writes. */
  recipe: BuildRecipe;
  /** Emulator: the buildspec's `batch:` section, for StartBuildBatch. */
  batch?: BatchSpec;
  /** Emulator: how successive builds end ('succeed' / 'fail'), the last one repeating; default succeed. */
  outcomes: ('succeed' | 'fail')[];
  /** Emulator: builds started so far (picks the next outcome). */
  attempts: number;
  /** Build ids and batch ids in start order. */
  builds: string[];
  batches: string[];
}

export type ProjectInit = Partial<Omit<ProjectRecord, 'name' | 'arn' | 'builds' | 'batches' | 'attempts' | 'environment'>> & {
  name: string;
  recipe: BuildRecipe;
  environment?: Partial<ProjectRecord['environment']>;
};

/** Creates a project in `store` with CodeBuild's defaults for everything `init` leaves out. */
export function createProject(store: BuildsRegion, init: ProjectInit, now: number): ProjectRecord {
  const { accountId, region } = store;
  const project: ProjectRecord = {
    source: { type: 'CODEPIPELINE' },
    artifacts: { type: init.source?.type === 'CODEPIPELINE' || !init.source ? 'CODEPIPELINE' : 'NO_ARTIFACTS' },
    serviceRole: `arn:aws:iam::${accountId}:role/service-role/codebuild-${init.name}-service-role`,
    timeoutInMinutes: 60,
    queuedTimeoutInMinutes: 480,
    encryptionKey: `arn:aws:kms:${region}:${accountId}:alias/aws/s3`,
    tags: [],
    badgeEnabled: false,
    outcomes: [],
    created: now,
    lastModified: now,
    ...init,
    environment: {
      type: 'LINUX_CONTAINER',
      image: init.recipe.image,
      computeType: init.recipe.computeType,
      environmentVariables: [],
      privilegedMode: false,
      imagePullCredentialsType: 'CODEBUILD',
      ...init.environment,
    },
    arn: store.projectArn(init.name),
    attempts: 0,
    builds: [],
    batches: [],
  };
  store.addProject(project);
  return project;
}

const seconds = (ms: number): number => ms / 1000;

export function wireProject(p: ProjectRecord): Record<string, unknown> {
  const env = p.environment;
  return {
    name: p.name,
    arn: p.arn,
    ...(p.description ? { description: p.description } : {}),
    source: {
      type: p.source.type,
      ...(p.source.location ? { location: p.source.location } : {}),
      ...(p.source.gitCloneDepth !== undefined ? { gitCloneDepth: p.source.gitCloneDepth } : {}),
      ...(p.source.buildspec ? { buildspec: p.source.buildspec } : {}),
      ...(p.source.reportBuildStatus !== undefined ? { reportBuildStatus: p.source.reportBuildStatus } : {}),
      insecureSsl: false,
    },
    secondarySources: [],
    ...(p.sourceVersion ? { sourceVersion: p.sourceVersion } : {}),
    secondarySourceVersions: [],
    artifacts: {
      type: p.artifacts.type,
      ...(p.artifacts.location ? { location: p.artifacts.location } : {}),
      ...(p.artifacts.name ? { name: p.artifacts.name } : {}),
      ...(p.artifacts.packaging ? { packaging: p.artifacts.packaging } : {}),
      ...(p.artifacts.type === 'S3' ? { namespaceType: 'NONE', overrideArtifactName: false, encryptionDisabled: false } : {}),
    },
    secondaryArtifacts: [],
    cache: { type: 'NO_CACHE' },
    environment: {
      type: env.type,
      image: env.image,
      computeType: env.computeType,
      ...(env.fleetArn ? { fleet: { fleetArn: env.fleetArn } } : {}),
      environmentVariables: env.environmentVariables,
      privilegedMode: env.privilegedMode,
      imagePullCredentialsType: env.imagePullCredentialsType,
    },
    serviceRole: p.serviceRole,
    timeoutInMinutes: p.timeoutInMinutes,
    queuedTimeoutInMinutes: p.queuedTimeoutInMinutes,
    encryptionKey: p.encryptionKey,
    tags: p.tags,
    created: seconds(p.created),
    lastModified: seconds(p.lastModified),
    ...(p.webhook ? { webhook: wireWebhook(p) } : {}),
    badge: p.badgeEnabled
      ? { badgeEnabled: true, badgeRequestUrl: `https://codebuild.${p.arn.split(':')[3]}.amazonaws.com/badges?uuid=${encodeURIComponent(p.name)}&branch=main` }
      : { badgeEnabled: false },
    logsConfig: { cloudWatchLogs: { status: 'ENABLED' }, s3Logs: { status: 'DISABLED', encryptionDisabled: false } },
    fileSystemLocations: [],
    ...(p.buildBatchConfig ? { buildBatchConfig: p.buildBatchConfig } : {}),
    ...(p.concurrentBuildLimit !== undefined ? { concurrentBuildLimit: p.concurrentBuildLimit } : {}),
    projectVisibility: 'PRIVATE',
  };
}

function wireWebhook(p: ProjectRecord): Record<string, unknown> {
  const region = p.arn.split(':')[3];
  const hook = p.webhook!;
  return {
    url: p.source.type === 'GITHUB' ? `https://api.github.com/repos/${repoPath(p.source.location)}/hooks/${hashCode(p.name)}` : `https://codebuild.${region}.amazonaws.com/webhooks?t=${hashCode(p.name)}`,
    payloadUrl: `https://codebuild.${region}.amazonaws.com/webhooks?t=${hashCode(p.name)}&v=1`,
    filterGroups: hook.filterGroups.map((g) => g.map((f) => ({ type: f.type, pattern: f.pattern, excludeMatchedPattern: f.excludeMatchedPattern ?? false }))),
    buildType: hook.buildType,
    manualCreation: false,
    ...(hook.lastModifiedSecret !== undefined ? { lastModifiedSecret: seconds(hook.lastModifiedSecret) } : {}),
  };
}

function repoPath(location: string | undefined): string {
  return (location ?? '').replace(/^https:\/\/github\.com\//, '').replace(/\.git$/, '');
}

function hashCode(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return (h >>> 0).toString(16).padStart(8, '0');
}
