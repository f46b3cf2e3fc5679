// The demo account: a dozen realistic pipelines in 111111111111 / us-east-1 (one running, one failed
// on `npm test`, one waiting for approval, one held by a disabled transition, one stopped, V1 and V2,
// QUEUED/PARALLEL/SUPERSEDED, a cross-region deploy) with three weeks of history, plus two pipelines
// in the prod account 222222222222 / eu-west-1.
import { EMULATOR_ACCOUNTS } from '../../../core/contract';
import { Random } from '../../../core/random';
import type { EmulatorSeedState } from './index';
import type { PipelineRecord } from '../model/records';
import type { SourceRepository } from '../model/source-repo';
import type { PipelinesRegion } from '../store';
import {
  type Account, cloudformation, codebuild, codecommitSource, codedeploy, ecsDeploy, githubSource, lambdaInvoke, manualApproval,
  pipeline, s3Deploy, s3Source, stage,
} from './builders';
import { makeCommit, type RepoKind } from './commits';
import { run, spreadHistory, typicalOutcomes } from './history';
import { startAppLogs } from './app-logs';
import { HISTORY_MS, type SeedTimeline } from './timeline';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

export const DEMO_RUNNING_PIPELINE = 'storefront-web';

interface DemoContext {
  store: PipelinesRegion;
  tl: SeedTimeline;
  rng: Random;
  account: Account;
  /** Work to do once history has been replayed (on the live clock). */
  after: (() => void)[];
}

function repo(ctx: DemoContext, provider: SourceRepository['provider'], name: string, kind: RepoKind): SourceRepository {
  const date = ctx.tl.now - HISTORY_MS;
  return { provider, name, branch: 'main', commits: [makeCommit(ctx.rng, kind, date, 'Initial commit')] };
}

function create(ctx: DemoContext, kind: RepoKind, decl: Parameters<PipelinesRegion['create']>[0], sourceRepo: SourceRepository,
  extra: Parameters<PipelinesRegion['create']>[1] = {}): PipelineRecord {
  return ctx.store.create(decl, { created: ctx.tl.now - HISTORY_MS + ctx.rng.int(0, 6) * HOUR, repositories: { Source: sourceRepo }, ...extra });
}

function storefront(ctx: DemoContext, headCommit: string | undefined): void {
  const a = ctx.account;
  const p = create(ctx, 'web', pipeline(a, DEMO_RUNNING_PIPELINE, [
    stage('Source', githubSource(a, 'acme-retail/storefront-web')),
    stage('Build', codebuild('Build', 'storefront-web-build', { output: 'BuildArtifact' })),
    stage('Staging', ecsDeploy('Deploy-Staging', 'retail-staging', 'storefront-web')),
    stage('Production', ecsDeploy('Deploy-Production', 'retail-prod', 'storefront-web')),
  ], {
    pipelineType: 'V2',
    executionMode: 'QUEUED',
    triggers: [{ providerType: 'CodeStarSourceConnection', gitConfiguration: { sourceActionName: 'Source', push: [{ branches: { includes: ['main'] } }] } }],
  }), repo(ctx, 'CodeStarSourceConnection', 'acme-retail/storefront-web', 'web'), {
    // Short deploys so that at speed 1 the running execution finishes in about four minutes.
    behaviours: { 'Deploy-Staging': { durationMs: 50_000 }, 'Deploy-Production': { durationMs: 70_000 } },
  });
  spreadHistory(ctx.store, ctx.tl, ctx.rng, p, 'web', 26, { failRate: 0.1 });
  run(ctx.store, ctx.tl, ctx.rng, p, 'web', {
    offsetMs: -20_000,
    message: 'Add express checkout to the cart page\n\nShows Apple Pay and Google Pay buttons when the browser supports them.',
    ...(headCommit ? { commitId: headCommit } : {}),
  });
  ctx.after.push(() => {
    p.rerunAfterMs = 90_000;
  });
}

function payments(ctx: DemoContext): void {
  const a = ctx.account;
  const p = create(ctx, 'api', pipeline(a, 'payments-api', [
    stage('Source', codecommitSource('payments-api')),
    stage('Build', codebuild('Unit-Tests', 'payments-api-unit-tests', { output: 'BuildArtifact' })),
    stage('Deploy', codedeploy('Deploy', 'payments-api', 'payments-api-prod')),
  ]), repo(ctx, 'CodeCommit', 'payments-api', 'api'));
  spreadHistory(ctx.store, ctx.tl, ctx.rng, p, 'api', 24, { failRate: 0.15 });
  run(ctx.store, ctx.tl, ctx.rng, p, 'api', {
    offsetMs: -45 * MIN,
    message: 'Reject refunds larger than the captured amount',
    outcomes: { 'Unit-Tests': 'fail' },
  });
}

function orders(ctx: DemoContext): void {
  const a = ctx.account;
  const p = create(ctx, 'java', pipeline(a, 'orders-service-release', [
    stage('Source', githubSource(a, 'acme-retail/orders-service')),
    stage('Build', codebuild('Build', 'orders-service-build', { output: 'BuildArtifact' })),
    stage('Staging', cloudformation('Deploy-Staging', a, 'orders-service-staging')),
    stage('Approval', manualApproval('ProductionSignOff', 'Check the staging dashboards and the release notes before approving.',
      'https://wiki.acme.example/releases/orders-service')),
    stage('Production', cloudformation('Deploy-Production', a, 'orders-service-prod')),
  ]), repo(ctx, 'CodeStarSourceConnection', 'acme-retail/orders-service', 'java'));
  spreadHistory(ctx.store, ctx.tl, ctx.rng, p, 'java', 22, { failRate: 0.1 });
  run(ctx.store, ctx.tl, ctx.rng, p, 'java', { offsetMs: -5 * DAY, outcomes: { ProductionSignOff: 'fail' }, message: 'Upgrade to Spring Boot 3.3.5' });
  run(ctx.store, ctx.tl, ctx.rng, p, 'java', {
    offsetMs: -70 * MIN,
    message: 'Merge pull request #1043 from acme-retail/feature/split-shipments\n\nSplit shipments across warehouses',
  });
}

function inventory(ctx: DemoContext): void {
  const p = create(ctx, 'java', pipeline(ctx.account, 'inventory-sync', [
    stage('Source', codecommitSource('inventory-sync')),
    stage('Build', codebuild('Build', 'inventory-sync-build', { output: 'BuildArtifact' })),
    stage('Deploy', codedeploy('Deploy', 'inventory-sync', 'inventory-sync-workers')),
  ]), repo(ctx, 'CodeCommit', 'inventory-sync', 'java'));
  spreadHistory(ctx.store, ctx.tl, ctx.rng, p, 'java', 30, { failRate: 0.08 });
  // Three pushes in quick succession: the middle execution is superseded at the Build transition.
  for (const offset of [-2 * DAY, -2 * DAY + 40_000, -2 * DAY + 90_000]) {
    run(ctx.store, ctx.tl, ctx.rng, p, 'java', { offsetMs: offset, outcomes: typicalOutcomes(ctx.rng, p, 0) });
  }
}

function mobile(ctx: DemoContext): void {
  const a = ctx.account;
  const p = create(ctx, 'api', pipeline(a, 'mobile-backend', [
    stage('Source', githubSource(a, 'acme-retail/mobile-backend')),
    stage('Build', codebuild('Build-Image', 'mobile-backend-image', { output: 'BuildArtifact', env: [{ name: 'DEPLOY_ENV', value: '#{variables.DEPLOY_ENV}' }] })),
    stage('Deploy', ecsDeploy('Deploy', 'mobile-#{variables.DEPLOY_ENV}', 'mobile-backend')),
  ], {
    pipelineType: 'V2',
    executionMode: 'PARALLEL',
    variables: [
      { name: 'DEPLOY_ENV', defaultValue: 'staging', description: 'Target environment' },
      { name: 'IMAGE_TAG', defaultValue: 'latest', description: 'Container image tag to deploy' },
    ],
  }), repo(ctx, 'CodeStarSourceConnection', 'acme-retail/mobile-backend', 'api'));
  spreadHistory(ctx.store, ctx.tl, ctx.rng, p, 'api', 10, { failRate: 0.1 });
  run(ctx.store, ctx.tl, ctx.rng, p, 'api', {
    offsetMs: -6 * HOUR, manual: true, outcomes: typicalOutcomes(ctx.rng, p, 0),
    variables: [{ name: 'DEPLOY_ENV', value: 'production' }, { name: 'IMAGE_TAG', value: 'v4.0.3' }],
  });
  run(ctx.store, ctx.tl, ctx.rng, p, 'api', { offsetMs: -6 * HOUR + 30_000, manual: true, outcomes: typicalOutcomes(ctx.rng, p, 0) });
}

function dataLake(ctx: DemoContext): void {
  const a = ctx.account;
  const p = create(ctx, 'data', pipeline(a, 'data-lake-etl', [
    stage('Source', githubSource(a, 'acme-analytics/data-lake-etl')),
    stage('Test', codebuild('Unit-Tests', 'data-lake-etl-tests', { output: 'BuildArtifact', category: 'Test' })),
    stage('Deploy',
      cloudformation('Deploy-us-east-1', a, 'data-lake-etl'),
      cloudformation('Deploy-eu-west-1', a, 'data-lake-etl', { region: 'eu-west-1' }),
      codebuild('Smoke-eu-west-1', 'data-lake-etl-smoke', { input: 'BuildArtifact', region: 'eu-west-1', runOrder: 2, category: 'Test' })),
  ], { pipelineType: 'V2', executionMode: 'QUEUED', crossRegions: ['eu-west-1'] }), repo(ctx, 'CodeStarSourceConnection', 'acme-analytics/data-lake-etl', 'data'));
  spreadHistory(ctx.store, ctx.tl, ctx.rng, p, 'data', 16, { failRate: 0.12 });
}

function billing(ctx: DemoContext): void {
  const p = create(ctx, 'java', pipeline(ctx.account, 'legacy-billing', [
    stage('Source', codecommitSource('billing-legacy')),
    stage('Build', codebuild('Build', 'billing-legacy-build', { output: 'BuildArtifact' })),
    stage('Deploy', codedeploy('Deploy', 'billing-legacy', 'billing-prod')),
  ]), repo(ctx, 'CodeCommit', 'billing-legacy', 'java'));
  spreadHistory(ctx.store, ctx.tl, ctx.rng, p, 'java', 20, { failRate: 0.1, endOffsetMs: -30 * HOUR });
  ctx.tl.at(-26 * HOUR, () => {
    ctx.store.engine.transition(p, 'Deploy', 'Inbound', false, `arn:aws:iam::${ctx.account.accountId}:user/jane.doe`, 'Frozen for quarter-end close (FIN-2291)');
  });
  run(ctx.store, ctx.tl, ctx.rng, p, 'java', { offsetMs: -3 * HOUR, message: 'Add an index on invoices(customer_id, issued_at)' });
}

function docs(ctx: DemoContext): void {
  const p = create(ctx, 'docs', pipeline(ctx.account, 'docs-site', [
    stage('Source', s3Source('acme-docs-source', 'docs-site/source.zip')),
    stage('Build', codebuild('Build', 'docs-site-build', { output: 'BuildArtifact' })),
    stage('Deploy', s3Deploy('Publish', 'docs.acme.example')),
  ]), { provider: 'S3', name: 'acme-docs-source/docs-site/source.zip', branch: 'main', commits: [] });
  spreadHistory(ctx.store, ctx.tl, ctx.rng, p, 'docs', 15, { failRate: 0.05 });
}

function infra(ctx: DemoContext): void {
  const a = ctx.account;
  const decl = pipeline(a, 'infra-networking', [
    stage('Source', githubSource(a, 'acme-platform/infra-networking')),
    stage('Synth', codebuild('Synth', 'infra-networking-synth', { output: 'BuildArtifact' })),
    stage('Deploy',
      cloudformation('CreateChangeSet', a, 'shared-vpc', { mode: 'CHANGE_SET_REPLACE', runOrder: 1 }),
      cloudformation('ExecuteChangeSet', a, 'shared-vpc', { mode: 'CHANGE_SET_EXECUTE', runOrder: 2 })),
  ], { pipelineType: 'V2', executionMode: 'SUPERSEDED' });
  const older = { ...decl, pipelineType: 'V1' as const };
  create(ctx, 'infra', decl, repo(ctx, 'CodeStarSourceConnection', 'acme-platform/infra-networking', 'infra'), { previousVersions: [older, older] });
  spreadHistory(ctx.store, ctx.tl, ctx.rng, ctx.store.require('infra-networking'), 'infra', 8, { failRate: 0.2 });
}

function auth(ctx: DemoContext): void {
  const a = ctx.account;
  const p = create(ctx, 'api', pipeline(a, 'auth-service', [
    stage('Source', githubSource(a, 'acme-retail/auth-service')),
    stage('Build', codebuild('Build', 'auth-service-build', { output: 'BuildArtifact' })),
    stage('Deploy', ecsDeploy('Deploy', 'retail-prod', 'auth-service')),
  ]), repo(ctx, 'CodeStarSourceConnection', 'acme-retail/auth-service', 'api'));
  spreadHistory(ctx.store, ctx.tl, ctx.rng, p, 'api', 14, { failRate: 0.1 });
  run(ctx.store, ctx.tl, ctx.rng, p, 'api', {
    offsetMs: -2 * HOUR,
    message: 'Shorten refresh token lifetime to 12 hours',
    then: (exec) => ctx.tl.at(-2 * HOUR + 70_000, () => ctx.store.engine.stop(p, exec, { abandon: true, reason: 'Rolling back a bad config change' })),
  });
}

function dashboard(ctx: DemoContext): void {
  const p = create(ctx, 'web', pipeline(ctx.account, 'analytics-dashboard', [
    stage('Source', githubSource(ctx.account, 'acme-analytics/analytics-dashboard')),
    stage('Build', codebuild('Build', 'analytics-dashboard-build', { output: 'BuildArtifact' })),
    stage('Deploy', s3Deploy('Publish', 'dashboards.acme.example')),
  ]), repo(ctx, 'CodeStarSourceConnection', 'acme-analytics/analytics-dashboard', 'web'));
  spreadHistory(ctx.store, ctx.tl, ctx.rng, p, 'web', 18, { failRate: 0.1, endOffsetMs: -8 * HOUR });
  for (const offset of [-7 * HOUR, -7 * HOUR + 30_000, -7 * HOUR + 75_000]) {
    run(ctx.store, ctx.tl, ctx.rng, p, 'web', { offsetMs: offset, outcomes: typicalOutcomes(ctx.rng, p, 0) });
  }
}

function featureStore(ctx: DemoContext): void {
  const p = create(ctx, 'data', pipeline(ctx.account, 'ml-feature-store', [
    stage('Source', githubSource(ctx.account, 'acme-analytics/ml-feature-store')),
    stage('Train', codebuild('Train', 'ml-feature-store-train', { output: 'BuildArtifact' })),
    stage('Evaluate', lambdaInvoke('Evaluate', 'feature-store-evaluate')),
    stage('Publish', lambdaInvoke('Publish', 'feature-store-publish')),
  ], { pipelineType: 'V2', executionMode: 'PARALLEL' }), repo(ctx, 'CodeStarSourceConnection', 'acme-analytics/ml-feature-store', 'data'));
  spreadHistory(ctx.store, ctx.tl, ctx.rng, p, 'data', 10, { failRate: 0.2 });
}

function prodAccount(ctx: DemoContext): void {
  const a = ctx.account;
  const web = create(ctx, 'web', pipeline(a, 'storefront-web-eu', [
    stage('Source', githubSource(a, 'acme-retail/storefront-web', 'release/eu')),
    stage('Build', codebuild('Build', 'storefront-web-eu-build', { output: 'BuildArtifact' })),
    stage('Deploy', ecsDeploy('Deploy', 'retail-eu', 'storefront-web')),
  ]), repo(ctx, 'CodeStarSourceConnection', 'acme-retail/storefront-web', 'web'));
  spreadHistory(ctx.store, ctx.tl, ctx.rng, web, 'web', 10, { failRate: 0.05 });
  const pay = create(ctx, 'api', pipeline(a, 'payments-api-eu', [
    stage('Source', codecommitSource('payments-api', 'release/eu')),
    stage('Build', codebuild('Unit-Tests', 'payments-api-eu-unit-tests', { output: 'BuildArtifact' })),
    stage('Deploy', codedeploy('Deploy', 'payments-api', 'payments-api-eu')),
  ]), repo(ctx, 'CodeCommit', 'payments-api', 'api'));
  spreadHistory(ctx.store, ctx.tl, ctx.rng, pay, 'api', 8, { failRate: 0.05 });
}

export function seedDemo(state: EmulatorSeedState, tl: SeedTimeline, headCommit: string | undefined, after: (() => void)[]): void {
  const rng = new Random('demo');
  const main: Account = { accountId: EMULATOR_ACCOUNTS.main.accountId, region: 'us-east-1' };
  const ctx: DemoContext = { store: state.codepipeline.region(main.accountId, main.region), tl, rng, account: main, after };
  const pipelines: ((c: DemoContext) => void)[] = [
    (c) => storefront(c, headCommit), payments, orders, inventory, mobile, dataLake, billing, docs, infra, auth, dashboard, featureStore,
  ];
  for (const seed of pipelines) seed(ctx);
  const prod: Account = { accountId: EMULATOR_ACCOUNTS.prod.accountId, region: 'eu-west-1' };
  prodAccount({ store: state.codepipeline.region(prod.accountId, prod.region), tl, rng, account: prod, after });
  startAppLogs(state.logs.region(main.accountId, main.region), state.logs.clock, tl, rng);
}
