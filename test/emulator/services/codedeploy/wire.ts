// Records → CodeDeploy's output shapes. Timestamps are epoch seconds with milliseconds, as the
// service sends them (e.g. 1556918592.162).
import type {
  ApplicationRecord, DeploymentGroupRecord, DeploymentRecord, LifecycleEventRecord, RevisionLocation, TargetRecord, TargetStatus,
} from './model';

export const seconds = (ms: number): number => ms / 1000;

const defined = (o: Record<string, unknown>): Record<string, unknown> => {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return out;
};

export function applicationInfo(app: ApplicationRecord): Record<string, unknown> {
  return {
    applicationId: app.applicationId,
    applicationName: app.applicationName,
    createTime: seconds(app.createTime),
    linkedToGitHub: false,
    computePlatform: app.computePlatform,
  };
}

function lastDeployment(d: DeploymentRecord | undefined): Record<string, unknown> | undefined {
  if (!d) return undefined;
  return defined({ deploymentId: d.deploymentId, status: d.status, endTime: d.completeTime !== undefined ? seconds(d.completeTime) : undefined, createTime: seconds(d.createTime) });
}

export function deploymentGroupInfo(g: DeploymentGroupRecord): Record<string, unknown> {
  const attempted = g.deployments[g.deployments.length - 1];
  const succeeded = [...g.deployments].reverse().find((d) => d.status === 'Succeeded');
  return defined({
    applicationName: g.applicationName,
    deploymentGroupId: g.deploymentGroupId,
    deploymentGroupName: g.deploymentGroupName,
    deploymentConfigName: g.deploymentConfigName,
    ec2TagFilters: g.ec2TagFilters,
    onPremisesInstanceTagFilters: [],
    autoScalingGroups: g.autoScalingGroups,
    serviceRoleArn: g.serviceRoleArn,
    targetRevision: g.targetRevision ? revisionWire(g.targetRevision, false) : undefined,
    triggerConfigurations: [],
    alarmConfiguration: { enabled: false, ignorePollAlarmFailure: false, alarms: [] },
    autoRollbackConfiguration: g.autoRollbackConfiguration,
    deploymentStyle: g.deploymentStyle,
    outdatedInstancesStrategy: 'UPDATE',
    blueGreenDeploymentConfiguration: g.blueGreenDeploymentConfiguration,
    loadBalancerInfo: g.loadBalancerInfo,
    lastSuccessfulDeployment: lastDeployment(succeeded),
    lastAttemptedDeployment: lastDeployment(attempted),
    ec2TagSet: { ec2TagSetList: g.ec2TagFilters.length ? [g.ec2TagFilters] : [] },
    onPremisesTagSet: { onPremisesTagSetList: [] },
    computePlatform: g.computePlatform,
    ecsServices: g.ecsServices,
    terminationHookEnabled: false,
  });
}

/** GetDeployment leaves out appSpecContent's content (its documentation says so); BatchGetDeployments keeps it. */
export function revisionWire(r: RevisionLocation, withContent: boolean): Record<string, unknown> {
  if (r.revisionType === 'AppSpecContent' && !withContent && r.appSpecContent) {
    return { ...r, appSpecContent: defined({ sha256: r.appSpecContent.sha256 }) };
  }
  return { ...r };
}

const STATUSES: TargetStatus[] = ['Pending', 'InProgress', 'Succeeded', 'Failed', 'Skipped', 'Ready'];

function overview(d: DeploymentRecord): Record<string, number> {
  const counts: Record<string, number> = Object.fromEntries(STATUSES.map((s) => [s, 0]));
  for (const t of d.targets.values()) if (t.status in counts) counts[t.status]!++;
  return counts;
}

export function deploymentInfo(d: DeploymentRecord, withContent = true): Record<string, unknown> {
  return defined({
    applicationName: d.applicationName,
    deploymentGroupName: d.deploymentGroupName,
    deploymentConfigName: d.deploymentConfigName,
    deploymentId: d.deploymentId,
    previousRevision: d.previousRevision ? revisionWire(d.previousRevision, withContent) : undefined,
    revision: revisionWire(d.revision, withContent),
    status: d.status,
    errorInformation: d.errorInformation,
    createTime: seconds(d.createTime),
    startTime: d.startTime !== undefined ? seconds(d.startTime) : undefined,
    completeTime: d.completeTime !== undefined ? seconds(d.completeTime) : undefined,
    deploymentOverview: overview(d),
    description: d.description,
    creator: d.creator,
    ignoreApplicationStopFailures: d.ignoreApplicationStopFailures,
    autoRollbackConfiguration: d.autoRollbackConfiguration,
    updateOutdatedInstancesOnly: d.updateOutdatedInstancesOnly,
    rollbackInfo: d.rollbackInfo,
    deploymentStyle: d.deploymentStyle,
    targetInstances: d.targetInstances,
    instanceTerminationWaitTimeStarted: d.instanceTerminationWaitTimeStarted,
    blueGreenDeploymentConfiguration: d.blueGreenDeploymentConfiguration,
    loadBalancerInfo: d.loadBalancerInfo,
    fileExistsBehavior: d.fileExistsBehavior,
    deploymentStatusMessages: d.deploymentStatusMessages,
    computePlatform: d.computePlatform,
    externalId: d.externalId,
  });
}

function eventWire(e: LifecycleEventRecord): Record<string, unknown> {
  return defined({
    lifecycleEventName: e.name,
    diagnostics: e.diagnostics,
    startTime: e.startTime !== undefined ? seconds(e.startTime) : undefined,
    endTime: e.endTime !== undefined ? seconds(e.endTime) : undefined,
    status: e.status,
  });
}

export function deploymentTarget(d: DeploymentRecord, t: TargetRecord): Record<string, unknown> {
  const common = {
    deploymentId: d.deploymentId, targetId: t.targetId, targetArn: t.targetArn, status: t.status,
    lastUpdatedAt: seconds(t.lastUpdatedAt), lifecycleEvents: t.events.map(eventWire),
  };
  switch (t.kind) {
    case 'instance':
      return { deploymentTargetType: 'InstanceTarget', instanceTarget: defined({ ...common, instanceLabel: t.label }) };
    case 'lambda':
      return { deploymentTargetType: 'LambdaTarget', lambdaTarget: defined({ ...common, lambdaFunctionInfo: t.lambda }) };
    case 'ecs':
      return {
        deploymentTargetType: 'ECSTarget',
        ecsTarget: defined({ ...common, taskSetsInfo: (t.taskSets ?? []).map((s) => ({ ...s, targetGroup: { name: s.targetGroup } })) }),
      };
  }
}

/** BatchGetDeploymentInstances: EC2 instances are named by ARN there (as the CLI's examples show). */
export function instanceSummary(d: DeploymentRecord, t: TargetRecord): Record<string, unknown> {
  return defined({
    deploymentId: d.deploymentId,
    instanceId: t.kind === 'instance' ? t.targetArn : t.targetId,
    status: t.status,
    lastUpdatedAt: seconds(t.lastUpdatedAt),
    lifecycleEvents: t.events.map(eventWire),
    instanceType: t.label,
  });
}
