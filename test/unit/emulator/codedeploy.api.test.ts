// CodeDeploy's read operations as the Smithy model defines them: 100-item pages with scoped tokens,
// batch limits, unknown names and ids, filters, wire shapes, and the core's faults and SigV4.
import assert from 'node:assert/strict';
import {
  BatchGetApplicationsCommand, BatchGetDeploymentGroupsCommand, BatchGetDeploymentInstancesCommand, BatchGetDeploymentsCommand,
  BatchGetDeploymentTargetsCommand, CreateDeploymentCommand, GetDeploymentCommand, ListApplicationsCommand, ListDeploymentGroupsCommand,
  ListDeploymentInstancesCommand, ListDeploymentsCommand, ListDeploymentTargetsCommand,
} from '@aws-sdk/client-codedeploy';
import { EMULATOR_ACCOUNTS } from '../../emulator/index';
import { rejectsWith, signedCall } from './core.helpers';
import { s3, serverAppSpec, serverGroup, useDeployEmulator } from './codedeploy.helpers';

const MIN = 60_000;

describe('emulator: CodeDeploy API (lists, batches, errors)', function () {
  this.timeout(60_000);
  const f = useDeployEmulator({ speed: 0 });
  beforeEach(() => f.emulator.reset());
  const advance = (ms: number): void => f.emulator.clock.advance(ms);
  const deployOnce = async (app = 'web', group = 'prod'): Promise<string> => {
    const id = (await f.codedeploy.send(new CreateDeploymentCommand({ applicationName: app, deploymentGroupName: group, revision: s3('web.zip') }))).deploymentId!;
    advance(10 * MIN);
    return id;
  };

  it('lists applications 100 at a time with tokens only that listing accepts', async () => {
    const store = f.store();
    for (let i = 0; i < 230; i++) store.createApplication(`app-${String(i).padStart(3, '0')}`, 'Server');
    const names: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await f.codedeploy.send(new ListApplicationsCommand({ ...(token ? { nextToken: token } : {}) }));
      names.push(...page.applications!);
      token = page.nextToken;
      pages++;
    } while (token);
    assert.equal(pages, 3);
    assert.deepEqual(names, [...names].sort());
    assert.equal(new Set(names).size, 230);
    const first = (await f.codedeploy.send(new ListApplicationsCommand({}))).nextToken!;
    await rejectsWith(f.codedeploy.send(new ListDeploymentGroupsCommand({ applicationName: 'app-000', nextToken: first })), 'InvalidNextTokenException');
    await rejectsWith(f.codedeploy.send(new ListApplicationsCommand({ nextToken: `${first}x` })), 'InvalidNextTokenException');
  });

  it('gets applications and groups in batches, with the model’s limits and errors', async () => {
    serverGroup(f.store(), 'web', { deploymentGroupName: 'prod', instanceCount: 2 }, { 'web.zip': { appspec: serverAppSpec({}) } });
    serverGroup(f.store(), 'web', { deploymentGroupName: 'staging' });
    const apps = await f.codedeploy.send(new BatchGetApplicationsCommand({ applicationNames: ['web'] }));
    assert.deepEqual(Object.keys(apps.applicationsInfo![0]!).sort(), ['applicationId', 'applicationName', 'computePlatform', 'createTime', 'linkedToGitHub']);
    assert.equal(apps.applicationsInfo![0]!.computePlatform, 'Server');
    await rejectsWith(f.codedeploy.send(new BatchGetApplicationsCommand({ applicationNames: ['web', 'nope'] })), 'ApplicationDoesNotExistException');
    await rejectsWith(f.codedeploy.send(new BatchGetApplicationsCommand({ applicationNames: [] })), 'ApplicationNameRequiredException');
    await rejectsWith(f.codedeploy.send(new BatchGetApplicationsCommand({ applicationNames: Array.from({ length: 101 }, (_, i) => `a${i}`) })), 'BatchLimitExceededException');
    const groups = await f.codedeploy.send(new ListDeploymentGroupsCommand({ applicationName: 'web' }));
    assert.deepEqual([groups.applicationName, groups.deploymentGroups], ['web', ['prod', 'staging']]);
    await rejectsWith(f.codedeploy.send(new ListDeploymentGroupsCommand({ applicationName: 'nope' })), 'ApplicationDoesNotExistException');
    await rejectsWith(f.codedeploy.send(new ListDeploymentGroupsCommand({ applicationName: undefined })), 'ApplicationNameRequiredException');

    const id = await deployOnce();
    const batch = await f.codedeploy.send(new BatchGetDeploymentGroupsCommand({ applicationName: 'web', deploymentGroupNames: ['prod', 'gone'] }));
    assert.equal(batch.deploymentGroupsInfo!.length, 1);
    assert.match(batch.errorMessage!, /gone/);
    const g = batch.deploymentGroupsInfo![0]!;
    assert.equal(g.lastAttemptedDeployment!.deploymentId, id);
    assert.equal(g.lastSuccessfulDeployment!.status, 'Succeeded');
    assert.deepEqual(g.targetRevision, s3('web.zip'));
    assert.deepEqual(g.deploymentStyle, { deploymentType: 'IN_PLACE', deploymentOption: 'WITHOUT_TRAFFIC_CONTROL' });
    assert.equal(g.computePlatform, 'Server');
    assert.match(g.deploymentGroupId!, /^[0-9a-f-]{36}$/);
    await rejectsWith(f.codedeploy.send(new BatchGetDeploymentGroupsCommand({ applicationName: 'web', deploymentGroupNames: [] })), 'DeploymentGroupNameRequiredException');
  });

  it('lists deployments newest first, by group or for the region, with status and time filters', async () => {
    serverGroup(f.store(), 'web', { deploymentGroupName: 'prod' }, { 'web.zip': { appspec: serverAppSpec({}) } });
    serverGroup(f.store(), 'api', { deploymentGroupName: 'prod' }, { 'web.zip': { appspec: serverAppSpec({}) } });
    const web: string[] = [];
    for (let i = 0; i < 105; i++) web.push(await deployOnce());
    f.emulator.state.codedeploy.faults.add({ applicationName: 'api', lifecycleEvent: 'Install' });
    const api = await deployOnce('api');
    const first = await f.codedeploy.send(new ListDeploymentsCommand({ applicationName: 'web', deploymentGroupName: 'prod' }));
    assert.equal(first.deployments!.length, 100);
    assert.equal(first.deployments![0], web[104]);
    const second = await f.codedeploy.send(new ListDeploymentsCommand({ applicationName: 'web', deploymentGroupName: 'prod', nextToken: first.nextToken! }));
    assert.deepEqual([...first.deployments!, ...second.deployments!], [...web].reverse());
    assert.equal(second.nextToken, undefined);
    const all = await f.codedeploy.send(new ListDeploymentsCommand({}));
    assert.equal(all.deployments![0], api, 'without a group: every deployment in the region');
    const failed = await f.codedeploy.send(new ListDeploymentsCommand({ includeOnlyStatuses: ['Failed'] }));
    assert.deepEqual(failed.deployments, [api]);
    const created = (await f.codedeploy.send(new GetDeploymentCommand({ deploymentId: web[50]! }))).deploymentInfo!.createTime!;
    const ranged = await f.codedeploy.send(new ListDeploymentsCommand({ applicationName: 'web', deploymentGroupName: 'prod', createTimeRange: { start: created, end: created } }));
    assert.deepEqual(ranged.deployments, [web[50]]);
    await rejectsWith(f.codedeploy.send(new ListDeploymentsCommand({ applicationName: 'web' })), 'DeploymentGroupNameRequiredException');
    await rejectsWith(f.codedeploy.send(new ListDeploymentsCommand({ deploymentGroupName: 'prod' })), 'ApplicationNameRequiredException');
    await rejectsWith(f.codedeploy.send(new ListDeploymentsCommand({ includeOnlyStatuses: ['Done' as 'Failed'] })), 'InvalidDeploymentStatusException');
    await rejectsWith(f.codedeploy.send(new ListDeploymentsCommand({ createTimeRange: { start: new Date(2000), end: new Date(1000) } })), 'InvalidTimeRangeException');
    await rejectsWith(f.codedeploy.send(new ListDeploymentsCommand({ applicationName: 'web', deploymentGroupName: 'nope' })), 'DeploymentGroupDoesNotExistException');
  });

  it('gets deployments in batches of 25; unknown ids are left out, malformed ones refused', async () => {
    serverGroup(f.store(), 'web', { deploymentGroupName: 'prod' }, { 'web.zip': { appspec: serverAppSpec({}) } });
    const id = await deployOnce();
    const batch = await f.codedeploy.send(new BatchGetDeploymentsCommand({ deploymentIds: [id, 'd-AAAAAAAAA'] }));
    assert.deepEqual(batch.deploymentsInfo!.map((d) => d.deploymentId), [id]);
    const d = batch.deploymentsInfo![0]!;
    assert.deepEqual([d.applicationName, d.deploymentGroupName, d.deploymentConfigName, d.creator, d.computePlatform, d.fileExistsBehavior],
      ['web', 'prod', 'CodeDeployDefault.OneAtATime', 'user', 'Server', 'DISALLOW']);
    await rejectsWith(f.codedeploy.send(new BatchGetDeploymentsCommand({ deploymentIds: Array.from({ length: 26 }, () => id) })), 'BatchLimitExceededException');
    await rejectsWith(f.codedeploy.send(new BatchGetDeploymentsCommand({ deploymentIds: [] })), 'DeploymentIdRequiredException');
    await rejectsWith(f.codedeploy.send(new BatchGetDeploymentsCommand({ deploymentIds: ['12345'] })), 'InvalidDeploymentIdException');
    await rejectsWith(f.codedeploy.send(new GetDeploymentCommand({ deploymentId: 'd-AAAAAAAAA' })), 'DeploymentDoesNotExistException');
    await rejectsWith(f.codedeploy.send(new GetDeploymentCommand({ deploymentId: undefined })), 'DeploymentIdRequiredException');
  });

  it('lists and gets targets: status filters, pages of 100, 25 per batch; the deprecated instance API names instances by ARN', async () => {
    serverGroup(f.store(), 'web', { deploymentGroupName: 'prod', instanceCount: 230, deploymentConfigName: 'CodeDeployDefault.AllAtOnce' }, { 'web.zip': { appspec: serverAppSpec({}) } });
    const instances = f.store().group('web', 'prod')!.instances;
    f.emulator.state.codedeploy.faults.add({ applicationName: 'web', lifecycleEvent: 'DownloadBundle', targetIds: [instances[7]!, instances[150]!] });
    const id = await deployOnce();
    const ids: string[] = [];
    let token: string | undefined;
    do {
      const page = await f.codedeploy.send(new ListDeploymentTargetsCommand({ deploymentId: id, ...(token ? { nextToken: token } : {}) }));
      assert.ok(page.targetIds!.length <= 100);
      ids.push(...page.targetIds!);
      token = page.nextToken;
    } while (token);
    assert.deepEqual(ids, instances);
    const failed = await f.codedeploy.send(new ListDeploymentTargetsCommand({ deploymentId: id, targetFilters: { TargetStatus: ['Failed'] } }));
    assert.deepEqual(failed.targetIds, [instances[7], instances[150]]);
    await rejectsWith(f.codedeploy.send(new ListDeploymentTargetsCommand({ deploymentId: id, targetFilters: { Colour: ['Blue'] } as Record<string, string[]> })), 'InvalidTargetFilterNameException');
    await rejectsWith(f.codedeploy.send(new ListDeploymentTargetsCommand({ deploymentId: id, targetFilters: { TargetStatus: ['Broken'] } })), 'InvalidInstanceStatusException');
    await rejectsWith(f.codedeploy.send(new ListDeploymentTargetsCommand({ deploymentId: id, targetFilters: { ServerInstanceLabel: ['Blue'] } })), 'InvalidDeploymentInstanceTypeException');

    await rejectsWith(f.codedeploy.send(new BatchGetDeploymentTargetsCommand({ deploymentId: id, targetIds: ids.slice(0, 26) })), 'DeploymentTargetListSizeExceededException');
    await rejectsWith(f.codedeploy.send(new BatchGetDeploymentTargetsCommand({ deploymentId: id, targetIds: ['i-0000000000000000a'] })), 'DeploymentTargetDoesNotExistException');
    await rejectsWith(f.codedeploy.send(new BatchGetDeploymentTargetsCommand({ deploymentId: id, targetIds: [] })), 'DeploymentTargetIdRequiredException');

    const listed = await f.codedeploy.send(new ListDeploymentInstancesCommand({ deploymentId: id, instanceStatusFilter: ['Failed'] }));
    assert.deepEqual(listed.instancesList, [instances[7], instances[150]]);
    const summaries = await f.codedeploy.send(new BatchGetDeploymentInstancesCommand({ deploymentId: id, instanceIds: [instances[7]!, 'i-0000000000000000a'] }));
    assert.equal(summaries.instancesSummary![0]!.instanceId, `arn:aws:ec2:us-east-1:111111111111:instance/${instances[7]}`);
    assert.equal(summaries.instancesSummary![0]!.status, 'Failed');
    assert.match(summaries.errorMessage!, /i-0000000000000000a/);
    await rejectsWith(f.codedeploy.send(new BatchGetDeploymentInstancesCommand({ deploymentId: id, instanceIds: ids.slice(0, 26) })), 'BatchLimitExceededException');
    await rejectsWith(f.codedeploy.send(new BatchGetDeploymentInstancesCommand({ deploymentId: id, instanceIds: [] })), 'InstanceIdRequiredException');
  });

  it('answers wrong JSON types with SerializationException, and checks SigV4 for signing name codedeploy', async () => {
    const call = (body: unknown, credentials: { accessKeyId: string; secretAccessKey: string } = EMULATOR_ACCOUNTS.main) => signedCall(f.emulator.url, {
      service: 'codedeploy', credentials,
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'CodeDeploy_20141006.BatchGetApplications' },
      body: JSON.stringify(body),
    });
    const wrongType = await call({ applicationNames: 'web' });
    assert.equal(wrongType.status, 400);
    assert.equal((JSON.parse(wrongType.body) as { __type: string }).__type, 'SerializationException');
    const badKey = await call({ applicationNames: ['web'] }, { ...EMULATOR_ACCOUNTS.main, secretAccessKey: 'wrong' });
    assert.equal(badKey.status, 403);
    assert.equal((JSON.parse(badKey.body) as { __type: string }).__type, 'InvalidSignatureException');
  });

  it('takes the core’s injected faults: throttling on BatchGetDeploymentTargets after two calls', async () => {
    serverGroup(f.store(), 'web', { deploymentGroupName: 'prod' }, { 'web.zip': { appspec: serverAppSpec({}) } });
    const id = await deployOnce();
    const [target] = (await f.codedeploy.send(new ListDeploymentTargetsCommand({ deploymentId: id }))).targetIds!;
    f.emulator.faults.add({ operation: 'BatchGetDeploymentTargets', service: 'codedeploy', kind: 'throttle', afterCalls: 2 });
    const get = () => f.codedeploy.send(new BatchGetDeploymentTargetsCommand({ deploymentId: id, targetIds: [target!] }));
    await get();
    await get();
    await rejectsWith(get(), 'ThrottlingException', 400);
    assert.equal(f.emulator.stats.read().services.codedeploy?.BatchGetDeploymentTargets, 3);
  });
});
