// A new deployment's record and its targets: the group's instances (in-place), original and
// replacement instances (blue/green), the ECS service with its original task set, or the Lambda
// function the appspec names. Every target lists its lifecycle events as Pending from the start.
import type {
  AutoRollbackConfiguration, DeploymentCreator, DeploymentGroupRecord, DeploymentRecord, RevisionLocation, TargetRecord,
} from '../model';
import type { DeployRegion } from '../store';
import { BLOCK_TRAFFIC, ECS_EVENTS, inPlaceEvents, SERVER_INSTALL, ALLOW_TRAFFIC } from './events';

export interface CreateInput {
  revision: RevisionLocation;
  deploymentConfigName?: string;
  description?: string;
  creator?: DeploymentCreator;
  ignoreApplicationStopFailures?: boolean;
  autoRollbackConfiguration?: AutoRollbackConfiguration;
  updateOutdatedInstancesOnly?: boolean;
  fileExistsBehavior?: 'DISALLOW' | 'OVERWRITE' | 'RETAIN';
  targetInstances?: Record<string, unknown>;
  externalId?: string;
  /** The deployment this one rolls back. */
  rollbackOf?: string;
}

export function deploymentRecord(store: DeployRegion, group: DeploymentGroupRecord, input: CreateInput, previous: DeploymentRecord | undefined): DeploymentRecord {
  const autoRollback = input.autoRollbackConfiguration ?? group.autoRollbackConfiguration;
  return {
    deploymentId: store.newDeploymentId(),
    applicationName: group.applicationName,
    deploymentGroupName: group.deploymentGroupName,
    deploymentConfigName: input.deploymentConfigName ?? group.deploymentConfigName,
    computePlatform: group.computePlatform,
    revision: input.revision,
    ...(previous ? { previousRevision: previous.revision } : {}),
    status: 'Created',
    createTime: store.world.clock.now(),
    ...(input.description !== undefined ? { description: input.description } : {}),
    creator: input.creator ?? 'user',
    ignoreApplicationStopFailures: input.ignoreApplicationStopFailures ?? false,
    autoRollbackConfiguration: autoRollback,
    updateOutdatedInstancesOnly: input.updateOutdatedInstancesOnly ?? false,
    ...(input.rollbackOf ? { rollbackInfo: { rollbackTriggeringDeploymentId: input.rollbackOf } } : {}),
    deploymentStyle: group.deploymentStyle,
    ...(group.blueGreenDeploymentConfiguration ? { blueGreenDeploymentConfiguration: group.blueGreenDeploymentConfiguration } : {}),
    ...(group.loadBalancerInfo ? { loadBalancerInfo: group.loadBalancerInfo } : {}),
    ...(input.targetInstances ? { targetInstances: input.targetInstances } : {}),
    instanceTerminationWaitTimeStarted: false,
    fileExistsBehavior: input.fileExistsBehavior ?? 'DISALLOW',
    deploymentStatusMessages: [],
    ...(input.externalId ? { externalId: input.externalId } : {}),
    targets: new Map(),
    runtime: { phase: 'created', bundle: { appspec: '' }, running: 0, listeners: [] },
  };
}

function target(kind: TargetRecord['kind'], targetId: string, targetArn: string, events: readonly string[], now: number): TargetRecord {
  return { kind, targetId, targetArn, status: 'Pending', lastUpdatedAt: now, events: events.map((name) => ({ name, status: 'Pending' })) };
}

export function buildTargets(store: DeployRegion, group: DeploymentGroupRecord, d: DeploymentRecord): void {
  const now = store.world.clock.now();
  const { accountId, region } = store;
  const add = (t: TargetRecord): void => {
    d.targets.set(t.targetId, t);
  };
  const instanceArn = (id: string): string => `arn:aws:ec2:${region}:${accountId}:instance/${id}`;
  if (d.computePlatform === 'Server') {
    if (d.deploymentStyle.deploymentType === 'IN_PLACE') {
      const events = inPlaceEvents(d.deploymentStyle.deploymentOption === 'WITH_TRAFFIC_CONTROL');
      for (const id of group.instances) add(target('instance', id, instanceArn(id), events, now));
      return;
    }
    for (let i = 0; i < group.instances.length; i++) {
      const id = store.newInstanceId();
      add({ ...target('instance', id, instanceArn(id), [...SERVER_INSTALL, ...ALLOW_TRAFFIC], now), label: 'Green' });
    }
    for (const id of group.instances) add({ ...target('instance', id, instanceArn(id), BLOCK_TRAFFIC, now), label: 'Blue' });
    return;
  }
  if (d.computePlatform === 'ECS') {
    const service = group.ecsServices[0] ?? { clusterName: 'default', serviceName: group.deploymentGroupName };
    const id = `${service.clusterName}:${service.serviceName}`;
    const pair = group.loadBalancerInfo?.targetGroupPairInfoList?.[0];
    const desired = 2 + (store.world.random.int(0, 2) * 2);
    add({
      ...target('ecs', id, `arn:aws:ecs:${region}:${accountId}:service/${service.clusterName}/${service.serviceName}`, ECS_EVENTS, now),
      taskSets: [{
        identifer: `ecs-svc/${store.world.random.int(1e9, 9e9)}${store.world.random.int(1e8, 9e8)}`, desiredCount: desired, pendingCount: 0, runningCount: desired,
        status: 'PRIMARY', trafficWeight: 100, targetGroup: pair?.targetGroups[0]?.name ?? `${group.deploymentGroupName}-tg-1`, taskSetLabel: 'Blue',
      }],
    });
    return;
  }
  const fn = d.runtime.appspec?.lambda;
  const name = fn?.name || group.deploymentGroupName;
  add({
    ...target('lambda', name, `arn:aws:lambda:${region}:${accountId}:function:${name}${fn?.alias ? `:${fn.alias}` : ''}`, ALLOW_TRAFFIC, now),
    lambda: {
      functionName: name, functionAlias: fn?.alias ?? 'live', currentVersion: fn?.currentVersion ?? '1', targetVersion: fn?.targetVersion ?? '2', targetVersionWeight: 0,
    },
  });
}
