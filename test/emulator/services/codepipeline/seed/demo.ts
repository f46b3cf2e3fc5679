// The demo account: a dozen realistic pipelines in 111111111111 / us-east-1 (one running, one failed
// on `npm test`, one waiting for approval, one held by a disabled transition, one stopped, V1 and V2,
// QUEUED/PARALLEL/SUPERSEDED, a cross-region deploy) with three weeks of history, plus two pipelines
// in the prod account 222222222222 / eu-west-1.
import { EMULATOR_ACCOUNTS } from '../../../core/contract';
import { Random } from '../../../core/random';
import type { EmulatorSeedState } from './index';
import type { StageDeclaration } from '../model/declaration';
import type { PipelineRecord } from '../model/records';
import type { SourceRepository } from '../model/source-repo';
import type { PipelinesRegion } from '../store';
import {
  type Account, cloudformation, codebuild, codecommitSource, codedeploy, ecsDeploy, githubSource, lambdaInvoke, manualApproval,
  pipeline, rule, s3Deploy, s3Source, stage,
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

/**
 * V2 with stage conditions and rollbacks: Deploy may only be entered while the NAT error alarm is
 * quiet, on main, inside the deployment window; after it succeeds a Lambda reachability check must
 * pass or the stage rolls back; when it fails it rolls back by itself. Two days ago a failed change
 * set rolled back automatically, yesterday someone rolled back by hand, and the latest push (a pull
 * request merge that touched lib/) is blocked at Deploy by the alarm, which is in ALARM now.
 */
function infra(ctx: DemoContext): void {
  const a = ctx.account;
  const alarm = 'shared-vpc-nat-errors';
  const deploy: StageDeclaration = {
    ...stage('Deploy',
      cloudformation('CreateChangeSet', a, 'shared-vpc', { mode: 'CHANGE_SET_REPLACE', runOrder: 1 }),
      cloudformation('ExecuteChangeSet', a, 'shared-vpc', { mode: 'CHANGE_SET_EXECUTE', runOrder: 2 })),
    beforeEntry: {
      conditions: [
        { result: 'FAIL', rules: [rule('NoNatErrors', 'CloudWatchAlarm', { AlarmName: alarm, AlarmStates: 'ALARM', WaitTime: '1' })] },
        {
          result: 'FAIL',
          rules: [
            rule('FromMain', 'VariableCheck', { Variable: '#{SourceVariables.BranchName}', Value: 'main', Operator: 'EQ' }),
            rule('ChangeWindow', 'DeploymentWindow', { Cron: '* * ? * MON-SUN *', TimeZone: 'Europe/Berlin' }),
          ],
        },
      ],
    },
    onSuccess: { conditions: [{ result: 'ROLLBACK', rules: [rule('ReachabilityCheck', 'LambdaInvoke', { FunctionName: 'vpc-reachability-check' })] }] },
    onFailure: { result: 'ROLLBACK' },
  };
  const decl = pipeline(a, 'infra-networking', [
    stage('Source', githubSource(a, 'acme-platform/infra-networking')),
    stage('Synth', codebuild('Synth', 'infra-networking-synth', { output: 'BuildArtifact' })),
    deploy,
  ], {
    pipelineType: 'V2',
    executionMode: 'SUPERSEDED',
    triggers: [{
      providerType: 'CodeStarSourceConnection',
      gitConfiguration: {
        sourceActionName: 'Source',
        push: [{ branches: { includes: ['main'] }, filePaths: { includes: ['lib/**', 'bin/**', 'cdk.json'], excludes: ['**/*.md'] } }],
        pullRequest: [{ events: ['OPEN', 'UPDATED'], branches: { includes: ['main'] }, filePaths: { includes: ['lib/**'] } }],
      },
    }],
  });
  const older = { ...decl, pipelineType: 'V1' as const, triggers: [], stages: decl.stages.map((s) => ({ name: s.name, actions: s.actions })) };
  const p = create(ctx, 'infra', decl, repo(ctx, 'CodeStarSourceConnection', 'acme-platform/infra-networking', 'infra'), {
    previousVersions: [older, older],
    behaviours: { ExecuteChangeSet: { outcomes: ['succeed'] } },
  });
  ctx.store.world.functions.set(`${a.accountId}/${a.region}/vpc-reachability-check`, { outcome: 'succeed', message: 'All 14 reachability paths are healthy', durationMs: 45_000 });
  const push = (offsetMs: number, message: string, files: string[], outcomes: Record<string, 'succeed' | 'fail'> = {}): void => {
    ctx.tl.at(offsetMs, () => {
      const now = ctx.store.world.clock.now();
      const commit = makeCommit(ctx.rng, 'infra', now - ctx.rng.int(2, 30) * MIN, message);
      const [exec] = ctx.store.engine.gitEvent(p, { type: 'push', branch: 'main', commit, filePaths: files });
      if (exec) for (const [action, outcome] of Object.entries(outcomes)) exec.outcomes.set(action, outcome);
    });
  };
  push(-6 * DAY, 'Add VPC endpoints for ECR and CloudWatch Logs', ['lib/endpoints.ts']);
  push(-5 * DAY, 'Enable flow logs for the shared VPC', ['lib/flow-logs.ts', 'README.md']);
  push(-4 * DAY, 'Document the subnet layout', ['docs/subnets.md']);
  push(-3 * DAY, 'Tighten the ALB security group to the CloudFront prefix list', ['lib/alb.ts']);
  push(-2 * DAY, 'feat: second NAT gateway in us-east-1c', ['lib/nat.ts'], { ExecuteChangeSet: 'fail' });
  push(-30 * HOUR, 'Bump aws-cdk-lib to 2.164.1', ['package.json', 'lib/stack.ts']);
  ctx.tl.at(-26 * HOUR, () => {
    const target = p.executions.filter((e) => e.stages.get('Deploy')?.status === 'Succeeded' && e.executionType === 'STANDARD').at(-2);
    if (target) ctx.store.engine.rollback(p, 'Deploy', target.id, `arn:aws:iam::${a.accountId}:user/tomasz.nowak`);
  });
  ctx.tl.at(-4 * HOUR, () => {
    const now = ctx.store.world.clock.now();
    ctx.store.engine.gitEvent(p, {
      type: 'pullRequest', event: 'OPEN', pullRequestId: '87', title: 'Move the NAT gateways to a shared construct',
      sourceBranch: 'feature/nat-construct', destinationBranch: 'main', filePaths: ['lib/nat.ts', 'lib/constructs/nat.ts'],
      commit: makeCommit(ctx.rng, 'infra', now - 20 * MIN, 'Move the NAT gateways to a shared construct'),
    });
  });
  ctx.tl.at(-3 * HOUR, () => ctx.store.world.alarms.set(`${a.accountId}/${a.region}/${alarm}`, 'ALARM'));
  push(-150 * MIN, 'Merge pull request #85 from acme-platform/nat-timeouts\n\nRaise the NAT idle timeout to 350 seconds', ['lib/nat.ts']);
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

/** PARALLEL: two executions in flight right now, one training, one evaluating. */
function featureStore(ctx: DemoContext): void {
  const p = create(ctx, 'data', pipeline(ctx.account, 'ml-feature-store', [
    stage('Source', githubSource(ctx.account, 'acme-analytics/ml-feature-store')),
    stage('Train', codebuild('Train', 'ml-feature-store-train', { output: 'BuildArtifact' })),
    stage('Evaluate', lambdaInvoke('Evaluate', 'feature-store-evaluate')),
    stage('Publish', lambdaInvoke('Publish', 'feature-store-publish')),
  ], { pipelineType: 'V2', executionMode: 'PARALLEL' }), repo(ctx, 'CodeStarSourceConnection', 'acme-analytics/ml-feature-store', 'data'), {
    // Long evaluations so that, at speed 1, both runs stay in flight for about half an hour.
    behaviours: { Evaluate: { durationMs: 25 * MIN }, Publish: { durationMs: 4 * MIN } },
  });
  spreadHistory(ctx.store, ctx.tl, ctx.rng, p, 'data', 10, { failRate: 0.2, endOffsetMs: -2 * DAY });
  run(ctx.store, ctx.tl, ctx.rng, p, 'data', { offsetMs: -8 * MIN, message: 'Retrain the ranking model on 90 days of data', outcomes: { Train: 'succeed', Evaluate: 'succeed', Publish: 'succeed' } });
  run(ctx.store, ctx.tl, ctx.rng, p, 'data', { offsetMs: -40_000, message: 'Add a Glue job for the returns feed', outcomes: { Train: 'succeed', Evaluate: 'succeed', Publish: 'succeed' } });
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
