// CodeBuild projects and builds through the real SDK: ListProjects paging and sorting,
// BatchGetProjects, ListBuildsForProject, StartBuild with overrides (an inline buildspec runs its
// own commands), idempotency, StopBuild, RetryBuild and their errors.
import assert from 'node:assert/strict';
import {
  BatchGetBuildsCommand, BatchGetProjectsCommand, ListBuildsForProjectCommand, ListProjectsCommand, RetryBuildCommand,
  StartBuildCommand, StopBuildCommand,
} from '@aws-sdk/client-codebuild';
import { GetLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { createProject, startBuild } from '../../emulator/services/codebuild/index';
import { recipeFor } from '../../emulator/services/codebuild/recipes';
import { rejectsWith, useEmulator } from './core.helpers';

const MIN = 60_000;

describe('emulator: CodeBuild projects and builds', function () {
  this.timeout(60_000);
  const fixture = useEmulator({ speed: 0 });
  beforeEach(() => fixture.emulator.reset());

  const store = () => fixture.emulator.state.codebuild.region('111111111111', 'us-east-1');
  const cb = () => fixture.clients.codebuild;
  const make = (name: string, created = fixture.emulator.clock.now(), extra: Partial<Parameters<typeof createProject>[1]> = {}) =>
    createProject(store(), {
      name, recipe: recipeFor(name), source: { type: 'GITHUB', location: `https://github.com/acme/${name}.git`, buildspec: 'ci/buildspec.yml' },
      sourceVersion: 'refs/heads/main', ...extra,
    }, created);
  const build = async (id: string) => (await cb().send(new BatchGetBuildsCommand({ ids: [id] }))).builds![0]!;
  const logText = async (id: string) => {
    const b = await build(id);
    const events = await fixture.clients.logs.send(new GetLogEventsCommand({ logGroupName: b.logs!.groupName, logStreamName: b.logs!.streamName, startFromHead: true }));
    return events.events!.map((e) => e.message).join('\n');
  };

  it('ListProjects pages 100 names at a time, by name, creation or modification time, either way', async () => {
    const t0 = fixture.emulator.clock.now();
    for (let i = 0; i < 230; i++) make(`proj-${String((i * 7919) % 230).padStart(3, '0')}`, t0 - i * MIN);
    const names: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await cb().send(new ListProjectsCommand({ ...(token ? { nextToken: token } : {}) }));
      names.push(...page.projects!);
      token = page.nextToken;
      pages++;
    } while (token);
    assert.equal(pages, 3);
    assert.equal(names.length, 230);
    assert.deepEqual(names, [...names].sort());
    const newest = await cb().send(new ListProjectsCommand({ sortBy: 'CREATED_TIME', sortOrder: 'DESCENDING' }));
    const created = (await cb().send(new BatchGetProjectsCommand({ names: newest.projects!.slice(0, 100) }))).projects!.map((p) => p.created!.getTime());
    assert.deepEqual(created, [...created].sort((a, b) => b - a));
    const reversed = await cb().send(new ListProjectsCommand({ sortBy: 'NAME', sortOrder: 'DESCENDING' }));
    assert.equal(reversed.projects![0], 'proj-229');
    await rejectsWith(cb().send(new ListProjectsCommand({ nextToken: newest.nextToken! })), 'InvalidInputException');
    await rejectsWith(cb().send(new ListProjectsCommand({ sortBy: 'SIZE' as never })), 'InvalidInputException');
  });

  it('BatchGetProjects returns the project as configured, by name or ARN, and lists the unknown ones', async () => {
    make('orders-api-tests', undefined, {
      description: 'Unit tests', webhook: { filterGroups: [[{ type: 'EVENT', pattern: 'PUSH' }]], buildType: 'BUILD' },
      environment: { computeType: 'BUILD_GENERAL1_SMALL', fleetArn: 'arn:aws:codebuild:us-east-1:111111111111:fleet/f:1', environmentVariables: [{ name: 'A', value: '1', type: 'PLAINTEXT' }] },
    });
    const res = await cb().send(new BatchGetProjectsCommand({ names: ['arn:aws:codebuild:us-east-1:111111111111:project/orders-api-tests', 'missing'] }));
    const p = res.projects![0]!;
    assert.equal(p.name, 'orders-api-tests');
    assert.equal(p.description, 'Unit tests');
    assert.deepEqual(p.source, { type: 'GITHUB', location: 'https://github.com/acme/orders-api-tests.git', buildspec: 'ci/buildspec.yml', insecureSsl: false });
    assert.equal(p.sourceVersion, 'refs/heads/main');
    assert.equal(p.environment!.computeType, 'BUILD_GENERAL1_SMALL');
    assert.equal(p.environment!.fleet!.fleetArn, 'arn:aws:codebuild:us-east-1:111111111111:fleet/f:1');
    assert.equal(p.webhook!.filterGroups![0]![0]!.pattern, 'PUSH');
    assert.deepEqual(res.projectsNotFound, ['missing']);
    await rejectsWith(cb().send(new BatchGetProjectsCommand({ names: [] })), 'InvalidInputException');
  });

  it('StartBuild with overrides: source version, merged environment variables, image, an inline buildspec that runs', async () => {
    make('web', undefined, { environment: { environmentVariables: [{ name: 'NODE_ENV', value: 'test', type: 'PLAINTEXT' }, { name: 'STAGE', value: 'dev', type: 'PLAINTEXT' }] } });
    const { build: started } = await cb().send(new StartBuildCommand({
      projectName: 'web', sourceVersion: 'feature/checkout', imageOverride: 'aws/codebuild/standard:8.0',
      environmentVariablesOverride: [{ name: 'STAGE', value: 'ci' }, { name: 'TOKEN', value: '/ci/token', type: 'PARAMETER_STORE' }],
      buildspecOverride: 'version: 0.2\nphases:\n  build:\n    commands:\n      - echo "local override"\n      - npm ci\n',
    }));
    assert.equal(started!.sourceVersion, 'feature/checkout');
    assert.match(started!.resolvedSourceVersion!, /^[0-9a-f]{40}$/);
    assert.equal(started!.initiator, 'emulator-main');
    assert.equal(started!.environment!.image, 'aws/codebuild/standard:8.0');
    assert.deepEqual(started!.environment!.environmentVariables, [
      { name: 'NODE_ENV', value: 'test', type: 'PLAINTEXT' }, { name: 'STAGE', value: 'ci', type: 'PLAINTEXT' }, { name: 'TOKEN', value: '/ci/token', type: 'PARAMETER_STORE' },
    ]);
    assert.match(started!.source!.buildspec!, /echo "local override"/);
    fixture.emulator.clock.advance(10 * MIN);
    assert.equal((await build(started!.id!)).buildStatus, 'SUCCEEDED');
    const log = await logText(started!.id!);
    assert.match(log, /Running command echo "local override"\nlocal override/);
    assert.match(log, /Running command npm ci\n/);
    assert.doesNotMatch(log, /npm test/, 'the project buildspec did not run');
    const ids = (await cb().send(new ListBuildsForProjectCommand({ projectName: 'web' }))).ids!;
    assert.deepEqual(ids, [started!.id]);
  });

  it('a buildspec override CodeBuild cannot read fails DOWNLOAD_SOURCE with YAML_FILE_ERROR', async () => {
    make('web');
    const { build: started } = await cb().send(new StartBuildCommand({ projectName: 'web', buildspecOverride: 'version: 0.2\nphases:\n  build:\n    commands: [\n' }));
    fixture.emulator.clock.advance(10 * MIN);
    const b = await build(started!.id!);
    assert.equal(b.buildStatus, 'FAILED');
    const download = b.phases!.find((p) => p.phaseType === 'DOWNLOAD_SOURCE')!;
    assert.equal(download.phaseStatus, 'FAILED');
    assert.equal(download.contexts![0]!.statusCode, 'YAML_FILE_ERROR');
    assert.equal(b.phases!.some((p) => p.phaseType === 'BUILD'), false);
  });

  it('idempotency tokens, the concurrent build limit, and errors for unknown projects', async () => {
    make('web', undefined, { concurrentBuildLimit: 2 });
    const a = await cb().send(new StartBuildCommand({ projectName: 'web', idempotencyToken: 't-1' }));
    const again = await cb().send(new StartBuildCommand({ projectName: 'web', idempotencyToken: 't-1' }));
    assert.equal(again.build!.id, a.build!.id);
    await rejectsWith(cb().send(new StartBuildCommand({ projectName: 'web', idempotencyToken: 't-1', sourceVersion: 'other' })), 'InvalidInputException');
    await cb().send(new StartBuildCommand({ projectName: 'web' }));
    await rejectsWith(cb().send(new StartBuildCommand({ projectName: 'web' })), 'AccountLimitExceededException');
    const missing = await rejectsWith(cb().send(new StartBuildCommand({ projectName: 'nope' })), 'ResourceNotFoundException');
    assert.equal(missing.message, 'Project cannot be found: arn:aws:codebuild:us-east-1:111111111111:project/nope');
    await rejectsWith(cb().send(new ListBuildsForProjectCommand({ projectName: 'nope' })), 'ResourceNotFoundException');
    await rejectsWith(cb().send(new StartBuildCommand({ projectName: 'web', timeoutInMinutesOverride: 3 })), 'InvalidInputException');
  });

  it('StopBuild stops a running build; RetryBuild rebuilds the same commit once it has ended', async () => {
    make('web');
    const { build: started } = await cb().send(new StartBuildCommand({ projectName: 'web' }));
    fixture.emulator.clock.advance(30_000);
    await rejectsWith(cb().send(new RetryBuildCommand({ id: started!.id! })), 'InvalidInputException');
    const { build: stopped } = await cb().send(new StopBuildCommand({ id: started!.id! }));
    assert.equal(stopped!.buildStatus, 'STOPPED');
    assert.equal(stopped!.phases!.at(-2)!.phaseStatus, 'STOPPED');
    assert.equal(stopped!.buildComplete, true);
    const { build: retried } = await cb().send(new RetryBuildCommand({ id: started!.arn! }));
    assert.notEqual(retried!.id, started!.id);
    assert.equal(retried!.buildNumber, 2);
    assert.equal(retried!.sourceVersion, started!.resolvedSourceVersion);
    assert.equal(retried!.resolvedSourceVersion, started!.resolvedSourceVersion);
    const desc = (await cb().send(new ListBuildsForProjectCommand({ projectName: 'web' }))).ids!;
    const asc = (await cb().send(new ListBuildsForProjectCommand({ projectName: 'web', sortOrder: 'ASCENDING' }))).ids!;
    assert.deepEqual(desc, [retried!.id, started!.id]);
    assert.deepEqual(asc, [...desc].reverse());
    await rejectsWith(cb().send(new StopBuildCommand({ id: 'web:00000000-0000-0000-0000-000000000000' })), 'ResourceNotFoundException');
    await rejectsWith(cb().send(new RetryBuildCommand({})), 'InvalidInputException');
  });

  it('builds follow the project outcome knob, and pipeline builds create their CODEPIPELINE project', async () => {
    const p = make('flaky');
    p.outcomes = ['fail', 'succeed'];
    const first = (await cb().send(new StartBuildCommand({ projectName: 'flaky' }))).build!;
    const second = (await cb().send(new StartBuildCommand({ projectName: 'flaky' }))).build!;
    fixture.emulator.clock.advance(10 * MIN);
    assert.equal((await build(first.id!)).buildStatus, 'FAILED');
    assert.equal((await build(second.id!)).buildStatus, 'SUCCEEDED');
    startBuild(fixture.emulator.state.codebuild, {
      accountId: '111111111111', region: 'us-east-1', projectName: 'from-pipeline-build', succeed: true, initiator: 'codepipeline/p', sourceVersion: 'arn:aws:s3:::b/k',
    });
    const got = (await cb().send(new BatchGetProjectsCommand({ names: ['from-pipeline-build'] }))).projects![0]!;
    assert.equal(got.source!.type, 'CODEPIPELINE');
    assert.equal(got.artifacts!.type, 'CODEPIPELINE');
  });
});
