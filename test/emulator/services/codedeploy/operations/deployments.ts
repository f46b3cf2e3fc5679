// ListDeployments (newest first), BatchGetDeployments (up to 25, unknown ids left out), GetDeployment.
import type { EmuRequest } from '../../../core/contract';
import { decodePageToken, encodePageToken } from '../../../core/page-token';
import { list, str, struct, timestamp } from '../../../core/validate';
import { errors } from '../errors';
import type { DeploymentRecord, DeploymentStatus } from '../model';
import { applicationName, checkTypes, deploymentId, groupName, requireApplication, requireDeployment, requireGroup } from '../params';
import { deploymentInfo } from '../wire';
import type { DeployWorld } from '../world';
import { PAGE_SIZE } from './applications';

const BATCH_MAX = 25;
const STATUSES: ReadonlySet<string> = new Set<DeploymentStatus>(['Created', 'Queued', 'InProgress', 'Baking', 'Succeeded', 'Failed', 'Stopped', 'Ready']);

export function listDeployments(world: DeployWorld) {
  return (input: Record<string, unknown>, req: EmuRequest): unknown => {
    checkTypes({
      applicationName: str(), deploymentGroupName: str(), externalId: str(), includeOnlyStatuses: list(str()),
      createTimeRange: struct({ start: timestamp(), end: timestamp() }), nextToken: str(),
    }, input);
    const store = world.region(req.accountId, req.region);
    const hasApp = input.applicationName !== undefined;
    const hasGroup = input.deploymentGroupName !== undefined;
    if (hasGroup && !hasApp) throw errors.applicationNameRequired();
    if (hasApp && !hasGroup) throw errors.groupNameRequired();
    const group = hasApp ? requireGroup(requireApplication(store, applicationName(input)), groupName(input.deploymentGroupName)) : undefined;
    const statuses = input.includeOnlyStatuses as string[] | undefined;
    for (const s of statuses ?? []) if (!STATUSES.has(s)) throw errors.invalidDeploymentStatus(s);
    const range = input.createTimeRange as { start?: number; end?: number } | undefined;
    if (range?.start !== undefined && range.end !== undefined && range.start > range.end) throw errors.invalidTimeRange();
    const source: readonly DeploymentRecord[] = group ? group.deployments : store.ordered;
    const scope = `ListDeployments:${req.accountId}:${req.region}:${group ? `${group.applicationName}/${group.deploymentGroupName}` : '*'}`;
    let from = source.length - 1;
    if (input.nextToken !== undefined) {
      const cursor = decodePageToken(scope, input.nextToken as string);
      if (typeof cursor !== 'number') throw errors.invalidNextToken();
      from = cursor;
    }
    const matches = (d: DeploymentRecord): boolean =>
      (!statuses?.length || statuses.includes(d.status))
      && (input.externalId === undefined || d.externalId === input.externalId)
      && (range?.start === undefined || d.createTime >= range.start * 1000)
      && (range?.end === undefined || d.createTime <= range.end * 1000);
    const page: string[] = [];
    let i = from;
    for (; i >= 0 && page.length < PAGE_SIZE; i--) if (matches(source[i]!)) page.push(source[i]!.deploymentId);
    const more = i >= 0 && source.slice(0, i + 1).some(matches);
    return { deployments: page, ...(more ? { nextToken: encodePageToken(scope, i) } : {}) };
  };
}

export function batchGetDeployments(world: DeployWorld) {
  return (input: Record<string, unknown>, req: EmuRequest): unknown => {
    checkTypes({ deploymentIds: list(str()) }, input);
    const ids = (input.deploymentIds as string[] | undefined) ?? [];
    if (ids.length === 0) throw errors.deploymentIdRequired();
    if (ids.length > BATCH_MAX) throw errors.batchLimit(BATCH_MAX);
    const store = world.region(req.accountId, req.region);
    const found: Record<string, unknown>[] = [];
    for (const id of new Set(ids.map(deploymentId))) {
      const d = store.deployments.get(id);
      if (d) found.push(deploymentInfo(d));
    }
    return { deploymentsInfo: found };
  };
}

export function getDeployment(world: DeployWorld) {
  return (input: Record<string, unknown>, req: EmuRequest): unknown => {
    checkTypes({ deploymentId: str() }, input);
    return { deploymentInfo: deploymentInfo(requireDeployment(world.region(req.accountId, req.region), input.deploymentId), false) };
  };
}
