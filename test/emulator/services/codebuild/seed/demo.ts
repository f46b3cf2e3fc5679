// The demo account's standalone CodeBuild projects (111111111111 / us-east-1), beside the projects
// the pipelines use: webhook-triggered builds with pytest and coverage reports whose latest build
// fails, a build-graph batch project, a build-matrix project, a GitHub Actions runner project on a
// fleet, a scheduled NO_SOURCE job and a project with a build running now.
import { EMULATOR_ACCOUNTS } from '../../../core/contract';
import { Random } from '../../../core/random';
import type { SeedTimeline } from '../../codepipeline/seed/timeline';
import { startBatch } from '../batch-runner';
import { startProjectBuild } from '../project-builds';
import { createProject, type ProjectRecord } from '../projects';
import { ordersApiRecipe, recipeFor } from '../recipes';
import type { BuildsRegion } from '../store';
import type { BuildsWorld } from '../world';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

const HOOKSHOT = 'GitHub-Hookshot/8f2c1a4';

const pushFilters = (branch: string) => [
  [{ type: 'EVENT' as const, pattern: 'PUSH' }, { type: 'HEAD_REF' as const, pattern: `^refs/heads/${branch}$` }],
  [{ type: 'EVENT' as const, pattern: 'PULL_REQUEST_CREATED, PULL_REQUEST_UPDATED, PULL_REQUEST_REOPENED' }, { type: 'BASE_REF' as const, pattern: `^refs/heads/${branch}$` }],
];

interface Ctx {
  world: BuildsWorld;
  store: BuildsRegion;
  tl: SeedTimeline;
  rng: Random;
}

function at(ctx: Ctx, offsetMs: number, fn: () => void): void {
  ctx.tl.at(offsetMs, fn);
}

/** A webhook build: a push (or PR update) moves the branch head, then the build starts. */
function webhookBuild(ctx: Ctx, p: ProjectRecord, offsetMs: number, succeed: boolean, sourceVersion = 'refs/heads/main'): void {
  at(ctx, offsetMs, () => {
    const commit = ctx.rng.hex(40);
    ctx.world.push(p, sourceVersion.startsWith('pr/') ? sourceVersion : sourceVersion.replace(/^refs\/heads\//, ''), commit);
    startProjectBuild(ctx.world, ctx.store, p, { initiator: HOOKSHOT, sourceVersion, succeed });
  });
}

function ordersApi(ctx: Ctx, created: number): void {
  const p = createProject(ctx.store, {
    name: 'orders-api-unit-tests',
    description: 'Unit tests of the orders API on every push and pull request',
    recipe: ordersApiRecipe(),
    source: { type: 'GITHUB', location: 'https://github.com/acme-retail/orders-api.git', buildspec: 'buildspec.yml', gitCloneDepth: 1, reportBuildStatus: true },
    sourceVersion: 'refs/heads/main',
    webhook: { filterGroups: pushFilters('main'), buildType: 'BUILD' },
    badgeEnabled: true,
    environment: { computeType: 'BUILD_GENERAL1_SMALL', environmentVariables: [{ name: 'PYTHONDONTWRITEBYTECODE', value: '1', type: 'PLAINTEXT' }] },
    tags: [{ key: 'team', value: 'orders' }],
  }, created);
  const history: [number, boolean, string?][] = [
    [-6 * DAY, true], [-5 * DAY + 3 * HOUR, true], [-4 * DAY, false, 'pr/41'], [-4 * DAY + 40 * MIN, true, 'pr/41'],
    [-3 * DAY, true], [-2 * DAY, true], [-26 * HOUR, true, 'pr/44'], [-5 * HOUR, true], [-95 * MIN, false, 'pr/47'], [-80 * MIN, false],
  ];
  for (const [offset, ok, version] of history) webhookBuild(ctx, p, offset, ok, version);
}

function storefrontE2e(ctx: Ctx, created: number): void {
  const p = createProject(ctx.store, {
    name: 'storefront-web-e2e',
    description: 'Lint, unit tests, build, then end-to-end tests in two browsers (batch build graph)',
    recipe: recipeFor('storefront-web'),
    source: { type: 'GITHUB', location: 'https://github.com/acme-retail/storefront-web.git', buildspec: 'ci/buildspec-e2e.yml', gitCloneDepth: 1, reportBuildStatus: true },
    sourceVersion: 'refs/heads/main',
    webhook: { filterGroups: pushFilters('main'), buildType: 'BUILD_BATCH' },
    environment: { computeType: 'BUILD_GENERAL1_MEDIUM' },
    buildBatchConfig: {
      serviceRole: `arn:aws:iam::${ctx.store.accountId}:role/service-role/codebuild-storefront-web-e2e-batch-role`,
      combineArtifacts: false,
      restrictions: { maximumBuildsAllowed: 10, computeTypesAllowed: ['BUILD_GENERAL1_SMALL', 'BUILD_GENERAL1_MEDIUM'] },
      timeoutInMins: 120,
      batchReportMode: 'REPORT_AGGREGATED_BATCH',
    },
    batch: {
      kind: 'build-graph',
      entries: [
        { identifier: 'lint' },
        { identifier: 'unit_tests', dependOn: ['lint'] },
        { identifier: 'build', dependOn: ['lint'] },
        { identifier: 'e2e_chrome', dependOn: ['build'], env: { variables: { BROWSER: 'chrome' } }, failsInFailedBatch: true },
        { identifier: 'e2e_firefox', dependOn: ['build'], ignoreFailure: true, env: { variables: { BROWSER: 'firefox' } } },
      ],
    },
  }, created);
  at(ctx, -2 * DAY, () => startBatch(ctx.world, ctx.store, p, { initiator: HOOKSHOT, succeed: true }));
  at(ctx, -3 * HOUR, () => startBatch(ctx.world, ctx.store, p, { initiator: HOOKSHOT, succeed: false }));
}

function sdkMatrix(ctx: Ctx, created: number): void {
  const p = createProject(ctx.store, {
    name: 'sdk-compat-matrix',
    description: 'The JavaScript SDK against every supported Node.js version (batch build matrix)',
    recipe: recipeFor('sdk-compat'),
    source: { type: 'GITHUB', location: 'https://github.com/acme-retail/storefront-sdk.git', gitCloneDepth: 1 },
    sourceVersion: 'refs/heads/main',
    buildBatchConfig: {
      serviceRole: `arn:aws:iam::${ctx.store.accountId}:role/service-role/codebuild-sdk-compat-matrix-batch-role`,
      combineArtifacts: true,
      timeoutInMins: 60,
      batchReportMode: 'REPORT_INDIVIDUAL_BUILDS',
    },
    batch: { kind: 'build-matrix', matrix: { variables: { NODE_VERSION: ['18', '20', '22'] }, image: ['aws/codebuild/standard:7.0', 'aws/codebuild/amazonlinux-aarch64-standard:3.0'] } },
  }, created);
  at(ctx, -20 * HOUR, () => startBatch(ctx.world, ctx.store, p, { initiator: 'priya.raman', succeed: true }));
}

function runner(ctx: Ctx, created: number): void {
  const p = createProject(ctx.store, {
    name: 'gha-runner-linux',
    description: 'Self-hosted GitHub Actions runners for the acme-retail organisation',
    recipe: { ...recipeFor('runner'), kind: 'github-actions-runner', phases: { BUILD: [{ command: 'Run GitHub Actions job', durationMs: 95_000, output: () => ['Job build completed with result: Succeeded'] }] } },
    source: { type: 'GITHUB', location: 'CODEBUILD_DEFAULT_WEBHOOK_SOURCE_LOCATION' },
    webhook: { filterGroups: [[{ type: 'EVENT', pattern: 'WORKFLOW_JOB_QUEUED' }]], buildType: 'BUILD' },
    environment: { computeType: 'BUILD_GENERAL1_LARGE', fleetArn: `arn:aws:codebuild:${ctx.store.region}:${ctx.store.accountId}:fleet/linux-large:4f0c9b2e-61d3-4a7e-9c55-0e2b8d7f1a36` },
  }, created);
  for (const offset of [-9 * HOUR, -7 * HOUR, -4 * HOUR, -50 * MIN]) webhookBuild(ctx, p, offset, true, 'refs/heads/main');
}

function nightlyBackup(ctx: Ctx, created: number): void {
  const recipe = { ...recipeFor('backup'), kind: 'db-backup', phases: { BUILD: [{ command: 'pg_dump "$DATABASE_URL" | gzip > backup.sql.gz', durationMs: 40_000, output: () => [] }] } };
  const p = createProject(ctx.store, {
    name: 'nightly-db-backup',
    description: 'Nightly logical backup of the orders database (EventBridge schedule)',
    recipe,
    source: { type: 'NO_SOURCE', buildspec: 'version: 0.2\nphases:\n  build:\n    commands:\n      - pg_dump "$DATABASE_URL" | gzip > backup.sql.gz\nartifacts:\n  files:\n    - backup.sql.gz\n' },
    artifacts: { type: 'S3', location: 'acme-db-backups', name: 'orders', packaging: 'NONE' },
    environment: {
      computeType: 'BUILD_GENERAL1_SMALL',
      environmentVariables: [{ name: 'DATABASE_URL', value: 'prod/orders/database-url', type: 'SECRETS_MANAGER' }],
    },
  }, created);
  for (let d = 5; d >= 1; d--) {
    at(ctx, -d * DAY + 2 * HOUR, () => startProjectBuild(ctx.world, ctx.store, p, { initiator: 'rule/nightly-db-backup', succeed: true }));
  }
}

function integration(ctx: Ctx, created: number): void {
  const p = createProject(ctx.store, {
    name: 'payments-api-integration',
    description: 'Integration tests against the sandbox payments provider',
    recipe: recipeFor('payments-api'),
    source: { type: 'CODECOMMIT', location: `https://git-codecommit.${ctx.store.region}.amazonaws.com/v1/repos/payments-api`, gitCloneDepth: 1 },
    sourceVersion: 'refs/heads/main',
    concurrentBuildLimit: 2,
  }, created);
  at(ctx, -30 * HOUR, () => startProjectBuild(ctx.world, ctx.store, p, { initiator: 'marcus.chen', succeed: true }));
  at(ctx, -40_000, () => startProjectBuild(ctx.world, ctx.store, p, { initiator: 'marcus.chen', succeed: true }));
}

export function seedBuildsDemo(world: BuildsWorld, tl: SeedTimeline): void {
  const ctx: Ctx = {
    world,
    store: world.region(EMULATOR_ACCOUNTS.main.accountId, 'us-east-1'),
    tl,
    rng: new Random('codebuild-demo'),
  };
  const created = tl.now - 60 * DAY;
  for (const seed of [ordersApi, storefrontE2e, sdkMatrix, runner, nightlyBackup, integration]) seed(ctx, created + ctx.rng.int(0, 20) * DAY);
}
