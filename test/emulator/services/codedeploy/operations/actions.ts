// CreateDeployment, StopDeployment, ContinueDeployment.
import { createHash } from 'node:crypto';
import type { EmuRequest } from '../../../core/contract';
import { bool, list, type Members, str, struct } from '../../../core/validate';
import { deploymentConfig } from '../configs';
import { continueDeployment, createDeployment, stopDeployment } from '../engine/lifecycle';
import { errors } from '../errors';
import type { AutoRollbackConfiguration, DeploymentGroupRecord, RevisionLocation } from '../model';
import { applicationName, checkTypes, groupName, requireApplication, requireDeployment, requireGroup } from '../params';
import type { DeployWorld } from '../world';

const rawContent = struct({ content: str(), sha256: str() });
const revisionRule = struct({
  revisionType: str(),
  s3Location: struct({ bucket: str(), key: str(), bundleType: str(), version: str(), eTag: str() }),
  gitHubLocation: struct({ repository: str(), commitId: str() }),
  string: rawContent,
  appSpecContent: rawContent,
});

const createRules: Members = {
  applicationName: str(), deploymentGroupName: str(), revision: revisionRule, deploymentConfigName: str(), description: str(),
  ignoreApplicationStopFailures: bool(), updateOutdatedInstancesOnly: bool(), fileExistsBehavior: str(),
  targetInstances: struct({ autoScalingGroups: list(str()) }),
  autoRollbackConfiguration: struct({ enabled: bool(), events: list(str()) }),
};

const ROLLBACK_EVENTS: ReadonlySet<string> = new Set(['DEPLOYMENT_FAILURE', 'DEPLOYMENT_STOP_ON_ALARM', 'DEPLOYMENT_STOP_ON_REQUEST']);
const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

function revisionOf(input: Record<string, unknown>, group: DeploymentGroupRecord): RevisionLocation {
  const r = input.revision as RevisionLocation | undefined;
  if (!r) {
    if (group.targetRevision) return group.targetRevision;
    throw errors.revisionRequired();
  }
  switch (r.revisionType) {
    case 'S3':
      if (!r.s3Location?.bucket || !r.s3Location.key) throw errors.invalidRevision('An S3 revision needs s3Location with bucket and key.');
      if (r.s3Location.bundleType && !['tar', 'tgz', 'zip', 'YAML', 'JSON'].includes(r.s3Location.bundleType)) {
        throw errors.invalidRevision(`The bundle type ${r.s3Location.bundleType} is not valid.`);
      }
      return { revisionType: 'S3', s3Location: r.s3Location };
    case 'GitHub':
      if (group.computePlatform !== 'Server') throw errors.invalidRevision('GitHub revisions are supported only for EC2/On-Premises deployments.');
      if (!r.gitHubLocation?.repository || !r.gitHubLocation.commitId) throw errors.invalidRevision('A GitHub revision needs gitHubLocation with repository and commitId.');
      return { revisionType: 'GitHub', gitHubLocation: r.gitHubLocation };
    case 'AppSpecContent':
    case 'String': {
      if (group.computePlatform === 'Server') throw errors.invalidRevision(`${r.revisionType} revisions are supported only for AWS Lambda and Amazon ECS deployments.`);
      const raw = r.revisionType === 'String' ? r.string : r.appSpecContent;
      if (!raw?.content) throw errors.invalidRevision(`A ${r.revisionType} revision needs its content.`);
      const body = { content: raw.content, sha256: raw.sha256 ?? sha256(raw.content) };
      return r.revisionType === 'String' ? { revisionType: 'String', string: body } : { revisionType: 'AppSpecContent', appSpecContent: body };
    }
    default:
      throw errors.invalidRevision(`The revision type ${String(r.revisionType)} is not valid. Valid types are S3, GitHub, String and AppSpecContent.`);
  }
}

function configName(input: Record<string, unknown>, group: DeploymentGroupRecord): string | undefined {
  const name = input.deploymentConfigName as string | undefined;
  if (name === undefined) return undefined;
  const config = deploymentConfig(name);
  if (!config) throw errors.configDoesNotExist(name);
  if (config.computePlatform !== group.computePlatform) {
    throw errors.invalidConfigName(`The deployment configuration ${name} is for the ${config.computePlatform} compute platform, not ${group.computePlatform}.`);
  }
  return name;
}

function autoRollback(input: Record<string, unknown>): AutoRollbackConfiguration | undefined {
  const c = input.autoRollbackConfiguration as AutoRollbackConfiguration | undefined;
  if (!c) return undefined;
  for (const event of c.events ?? []) if (!ROLLBACK_EVENTS.has(event)) throw errors.invalidAutoRollbackConfig(`The automatic rollback event ${event} is not valid.`);
  if (c.enabled && !c.events?.length) throw errors.invalidAutoRollbackConfig('An enabled automatic rollback configuration needs at least one event.');
  return { enabled: c.enabled ?? false, ...(c.events ? { events: c.events } : {}) };
}

export function createDeploymentOp(world: DeployWorld) {
  return (input: Record<string, unknown>, req: EmuRequest): unknown => {
    checkTypes(createRules, input);
    const store = world.region(req.accountId, req.region);
    const app = requireApplication(store, applicationName(input));
    const group = requireGroup(app, groupName(input.deploymentGroupName));
    const revision = revisionOf(input, group);
    const bundle = store.bundleFor(revision);
    if (!bundle) throw errors.revisionDoesNotExist(revision.s3Location ? `s3://${revision.s3Location.bucket}/${revision.s3Location.key}` : JSON.stringify(revision.gitHubLocation));
    const behaviour = input.fileExistsBehavior as string | undefined;
    if (behaviour !== undefined && !['DISALLOW', 'OVERWRITE', 'RETAIN'].includes(behaviour)) throw errors.invalidFileExistsBehavior(behaviour);
    if (input.targetInstances && group.deploymentStyle.deploymentType !== 'BLUE_GREEN') {
      throw errors.invalidTargetInstances('Target instances can be specified only for blue/green deployments.');
    }
    const config = configName(input, group);
    const rollback = autoRollback(input);
    const d = createDeployment(store, group, {
      revision, bundle,
      ...(config ? { deploymentConfigName: config } : {}),
      ...(input.description !== undefined ? { description: input.description as string } : {}),
      ...(input.ignoreApplicationStopFailures !== undefined ? { ignoreApplicationStopFailures: input.ignoreApplicationStopFailures as boolean } : {}),
      ...(input.updateOutdatedInstancesOnly !== undefined ? { updateOutdatedInstancesOnly: input.updateOutdatedInstancesOnly as boolean } : {}),
      ...(behaviour ? { fileExistsBehavior: behaviour as 'DISALLOW' | 'OVERWRITE' | 'RETAIN' } : {}),
      ...(input.targetInstances ? { targetInstances: input.targetInstances as Record<string, unknown> } : {}),
      ...(rollback ? { autoRollbackConfiguration: rollback } : {}),
    });
    return { deploymentId: d.deploymentId };
  };
}

export function stopDeploymentOp(world: DeployWorld) {
  return (input: Record<string, unknown>, req: EmuRequest): unknown => {
    checkTypes({ deploymentId: str(), autoRollbackEnabled: bool() }, input);
    const store = world.region(req.accountId, req.region);
    const d = requireDeployment(store, input.deploymentId);
    return stopDeployment(store, d, input.autoRollbackEnabled as boolean | undefined);
  };
}

export function continueDeploymentOp(world: DeployWorld) {
  return (input: Record<string, unknown>, req: EmuRequest): unknown => {
    checkTypes({ deploymentId: str(), deploymentWaitType: str() }, input);
    const waitType = (input.deploymentWaitType as string | undefined) ?? 'READY_WAIT';
    if (waitType !== 'READY_WAIT' && waitType !== 'TERMINATION_WAIT') throw errors.invalidWaitType(waitType);
    const d = requireDeployment(world.region(req.accountId, req.region), input.deploymentId);
    continueDeployment(d, waitType);
    return {};
  };
}
