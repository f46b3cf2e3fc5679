// Maps CodeDeploy SDK outputs to the plain model. Only types come from the SDK: this file does no I/O,
// and tolerates members the service leaves out.
import type {
  ApplicationInfo, DeploymentGroupInfo, DeploymentInfo, DeploymentTarget, LastDeploymentInfo, LifecycleEvent, RevisionLocation,
} from '@aws-sdk/client-codedeploy';
import { definedOnly as defined, epochMillis as ms } from '../../core/records';
import type {
  ApplicationSummary, ComputePlatform, DeploymentGroupSummary, DeploymentRef, DeploymentStatus, DeploymentSummary, LifecycleEventInfo,
  RevisionSummary, TargetInfo, TargetStatus,
} from './types';

const PLATFORMS: ReadonlySet<string> = new Set<ComputePlatform>(['Server', 'Lambda', 'ECS']);
const DEPLOYMENT_STATUSES: ReadonlySet<string> = new Set<DeploymentStatus>(['Created', 'Queued', 'InProgress', 'Baking', 'Succeeded', 'Failed', 'Stopped', 'Ready']);
const TARGET_STATUSES: ReadonlySet<string> = new Set<TargetStatus>(['Pending', 'InProgress', 'Succeeded', 'Failed', 'Skipped', 'Unknown', 'Ready']);

const platform = (p: string | undefined): ComputePlatform | undefined => (p && PLATFORMS.has(p) ? p as ComputePlatform : undefined);
const deploymentStatus = (s: string | undefined): DeploymentStatus => (s && DEPLOYMENT_STATUSES.has(s) ? s as DeploymentStatus : 'Created');
const targetStatus = (s: string | undefined): TargetStatus => (s && TARGET_STATUSES.has(s) ? s as TargetStatus : 'Unknown');
const label = (l: string | undefined): 'Blue' | 'Green' | undefined => (l === 'Blue' || l === 'Green' ? l : undefined);

export function applicationFromSdk(a: ApplicationInfo): ApplicationSummary | undefined {
  if (!a.applicationName) return undefined;
  return defined({ name: a.applicationName, id: a.applicationId, computePlatform: platform(a.computePlatform), createTime: ms(a.createTime) });
}

function refFromSdk(d: LastDeploymentInfo | undefined): DeploymentRef | undefined {
  if (!d?.deploymentId) return undefined;
  return defined({ id: d.deploymentId, status: d.status ? deploymentStatus(d.status) : undefined, createTime: ms(d.createTime), endTime: ms(d.endTime) });
}

export function groupFromSdk(g: DeploymentGroupInfo): DeploymentGroupSummary | undefined {
  if (!g.applicationName || !g.deploymentGroupName) return undefined;
  const lb = g.loadBalancerInfo;
  const loadBalancers = [
    ...(lb?.elbInfoList ?? []).map((e) => e.name),
    ...(lb?.targetGroupInfoList ?? []).map((t) => t.name),
    ...(lb?.targetGroupPairInfoList ?? []).flatMap((p) => (p.targetGroups ?? []).map((t) => t.name)),
  ].filter((n): n is string => typeof n === 'string' && n !== '');
  return defined({
    applicationName: g.applicationName,
    name: g.deploymentGroupName,
    id: g.deploymentGroupId,
    computePlatform: platform(g.computePlatform),
    deploymentConfigName: g.deploymentConfigName,
    deploymentType: g.deploymentStyle?.deploymentType,
    trafficControl: g.deploymentStyle?.deploymentOption === 'WITH_TRAFFIC_CONTROL',
    loadBalancers,
    ecsServices: (g.ecsServices ?? []).map((s) => `${s.clusterName ?? ''}/${s.serviceName ?? ''}`),
    lastAttempted: refFromSdk(g.lastAttemptedDeployment),
    lastSuccessful: refFromSdk(g.lastSuccessfulDeployment),
  });
}

export function revisionFromSdk(r: RevisionLocation | undefined): RevisionSummary | undefined {
  if (!r?.revisionType) return undefined;
  switch (r.revisionType) {
    case 'S3': {
      const s3 = r.s3Location;
      if (!s3?.bucket || !s3.key) return undefined;
      return {
        type: 'S3', label: `s3://${s3.bucket}/${s3.key}`,
        s3: defined({ bucket: s3.bucket, key: s3.key, bundleType: s3.bundleType, version: s3.version, eTag: s3.eTag }),
      };
    }
    case 'GitHub': {
      const gh = r.gitHubLocation;
      if (!gh?.repository || !gh.commitId) return undefined;
      return { type: 'GitHub', label: `${gh.repository}@${gh.commitId.slice(0, 7)}`, gitHub: { repository: gh.repository, commitId: gh.commitId } };
    }
    case 'AppSpecContent':
    case 'String': {
      const raw = r.revisionType === 'String' ? r.string : r.appSpecContent;
      const sha = raw?.sha256;
      return defined({ type: r.revisionType, label: sha ? `AppSpec (sha256 ${sha.slice(0, 8)})` : 'AppSpec', appSpecContent: raw?.content, sha256: sha });
    }
    default:
      return undefined;
  }
}

function waitingFor(d: DeploymentInfo): DeploymentSummary['waitingFor'] {
  if (d.status === 'Ready') return 'trafficRerouting';
  if (d.status === 'InProgress' && d.instanceTerminationWaitTimeStarted) return 'termination';
  return undefined;
}

export function deploymentFromSdk(d: DeploymentInfo): DeploymentSummary | undefined {
  if (!d.deploymentId || !d.applicationName || !d.deploymentGroupName) return undefined;
  const overview = d.deploymentOverview ?? {};
  const counts: DeploymentSummary['overview'] = {};
  for (const [status, n] of Object.entries(overview)) if (TARGET_STATUSES.has(status) && typeof n === 'number') counts[status as TargetStatus] = n;
  const rollback = d.rollbackInfo;
  return defined({
    id: d.deploymentId,
    applicationName: d.applicationName,
    groupName: d.deploymentGroupName,
    status: deploymentStatus(d.status),
    computePlatform: platform(d.computePlatform),
    deploymentConfigName: d.deploymentConfigName,
    deploymentType: d.deploymentStyle?.deploymentType,
    creator: d.creator,
    description: d.description,
    createTime: ms(d.createTime),
    startTime: ms(d.startTime),
    completeTime: ms(d.completeTime),
    error: d.errorInformation?.code || d.errorInformation?.message
      ? { code: d.errorInformation.code ?? '', message: d.errorInformation.message ?? '' } : undefined,
    overview: counts,
    revision: revisionFromSdk(d.revision),
    previousRevision: revisionFromSdk(d.previousRevision),
    rollback: rollback ? defined({
      rollbackDeploymentId: rollback.rollbackDeploymentId, triggeringDeploymentId: rollback.rollbackTriggeringDeploymentId, message: rollback.rollbackMessage,
    }) : undefined,
    waitingFor: waitingFor(d),
  });
}

function eventFromSdk(e: LifecycleEvent): LifecycleEventInfo {
  const startTime = ms(e.startTime);
  const endTime = ms(e.endTime);
  const diag = e.diagnostics;
  return defined({
    name: e.lifecycleEventName ?? '',
    status: targetStatus(e.status),
    startTime,
    endTime,
    durationMs: startTime !== undefined && endTime !== undefined ? endTime - startTime : undefined,
    diagnostics: diag ? defined({ errorCode: diag.errorCode, scriptName: diag.scriptName, message: diag.message, logTail: diag.logTail }) : undefined,
  });
}

export function targetFromSdk(t: DeploymentTarget): TargetInfo | undefined {
  const inner = t.instanceTarget ?? t.lambdaTarget ?? t.ecsTarget ?? t.cloudFormationTarget;
  if (!inner?.targetId || !inner.deploymentId) return undefined;
  const kind: TargetInfo['kind'] = t.instanceTarget ? 'instance' : t.lambdaTarget ? 'lambda' : t.ecsTarget ? 'ecs' : 'cloudformation';
  const fn = t.lambdaTarget?.lambdaFunctionInfo;
  return defined({
    deploymentId: inner.deploymentId,
    id: inner.targetId,
    kind,
    arn: 'targetArn' in inner ? inner.targetArn : undefined,
    status: targetStatus(inner.status),
    label: label(t.instanceTarget?.instanceLabel),
    lastUpdatedAt: ms(inner.lastUpdatedAt),
    events: (inner.lifecycleEvents ?? []).map(eventFromSdk),
    lambda: fn ? defined({
      functionName: fn.functionName, alias: fn.functionAlias, currentVersion: fn.currentVersion, targetVersion: fn.targetVersion, targetVersionWeight: fn.targetVersionWeight,
    }) : undefined,
    taskSets: t.ecsTarget ? (t.ecsTarget.taskSetsInfo ?? []).map((s) => defined({
      id: s.identifer ?? '', label: label(s.taskSetLabel), status: s.status, trafficWeight: s.trafficWeight,
      desiredCount: s.desiredCount, runningCount: s.runningCount, pendingCount: s.pendingCount, targetGroup: s.targetGroup?.name,
    })) : undefined,
  });
}
