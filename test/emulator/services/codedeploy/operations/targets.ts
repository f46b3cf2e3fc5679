// ListDeploymentTargets / BatchGetDeploymentTargets (every platform) and the deprecated
// ListDeploymentInstances / BatchGetDeploymentInstances (EC2/On-Premises and Lambda only).
import type { EmuRequest } from '../../../core/contract';
import { decodePageToken, encodePageToken } from '../../../core/page-token';
import { list, map, str } from '../../../core/validate';
import { errors } from '../errors';
import type { DeploymentRecord, TargetRecord } from '../model';
import { checkTypes, pageOf, requireDeployment, requireStarted } from '../params';
import { deploymentTarget, instanceSummary } from '../wire';
import type { DeployWorld } from '../world';
import { PAGE_SIZE } from './applications';

const BATCH_MAX = 25;
const TARGET_STATUSES: ReadonlySet<string> = new Set(['Pending', 'InProgress', 'Succeeded', 'Failed', 'Skipped', 'Unknown', 'Ready']);
const LABELS: ReadonlySet<string> = new Set(['Blue', 'Green']);

interface TargetFilter {
  statuses?: string[];
  labels?: string[];
}

function checkFilter(d: DeploymentRecord, filter: TargetFilter): void {
  for (const s of filter.statuses ?? []) if (!TARGET_STATUSES.has(s)) throw errors.invalidInstanceStatus(s);
  for (const l of filter.labels ?? []) if (!LABELS.has(l)) throw errors.invalidInstanceType(l);
  if (filter.labels?.length && d.deploymentStyle.deploymentType !== 'BLUE_GREEN') throw errors.instanceTypeForInPlace();
}

function filtered(d: DeploymentRecord, filter: TargetFilter): TargetRecord[] {
  return [...d.targets.values()].filter((t) =>
    (!filter.statuses?.length || filter.statuses.includes(t.status))
    && (!filter.labels?.length || (t.label !== undefined && filter.labels.includes(t.label))));
}

/** A page of the deployment's target ids the filter selects (the instance API refuses ECS deployments). */
function listIds(world: DeployWorld, req: EmuRequest, input: Record<string, unknown>, scope: string, filter: TargetFilter): { ids: string[]; nextToken?: string } {
  const d = requireDeployment(world.region(req.accountId, req.region), input.deploymentId);
  if (scope === 'ListDeploymentInstances') requireInstancePlatform(d);
  requireStarted(d);
  checkFilter(d, filter);
  let start = 0;
  if (input.nextToken !== undefined) {
    const cursor = decodePageToken(`${scope}:${d.deploymentId}`, input.nextToken as string);
    if (typeof cursor !== 'number') throw errors.invalidNextToken();
    start = cursor;
  }
  const { page: items, next } = pageOf(filtered(d, filter), start, PAGE_SIZE);
  return { ids: items.map((t) => t.targetId), ...(next !== undefined ? { nextToken: encodePageToken(`${scope}:${d.deploymentId}`, next) } : {}) };
}

function requireInstancePlatform(d: DeploymentRecord): void {
  if (d.computePlatform === 'ECS') {
    throw errors.invalidComputePlatform(`The deployment ${d.deploymentId} uses the ECS compute platform; use ListDeploymentTargets and BatchGetDeploymentTargets.`);
  }
}

export function listDeploymentTargets(world: DeployWorld) {
  return (input: Record<string, unknown>, req: EmuRequest): unknown => {
    checkTypes({ deploymentId: str(), nextToken: str(), targetFilters: map(list(str())) }, input);
    const filters = (input.targetFilters as Record<string, string[]> | undefined) ?? {};
    for (const name of Object.keys(filters)) if (name !== 'TargetStatus' && name !== 'ServerInstanceLabel') throw errors.invalidTargetFilterName(name);
    const { ids, nextToken } = listIds(world, req, input, 'ListDeploymentTargets', {
      ...(filters.TargetStatus ? { statuses: filters.TargetStatus } : {}),
      ...(filters.ServerInstanceLabel ? { labels: filters.ServerInstanceLabel } : {}),
    });
    return { targetIds: ids, ...(nextToken ? { nextToken } : {}) };
  };
}

export function batchGetDeploymentTargets(world: DeployWorld) {
  return (input: Record<string, unknown>, req: EmuRequest): unknown => {
    checkTypes({ deploymentId: str(), targetIds: list(str()) }, input);
    const d = requireDeployment(world.region(req.accountId, req.region), input.deploymentId);
    const ids = (input.targetIds as string[] | undefined) ?? [];
    if (ids.length === 0) throw errors.targetIdRequired();
    if (ids.length > BATCH_MAX) throw errors.targetListSize();
    requireStarted(d);
    return {
      deploymentTargets: [...new Set(ids)].map((id) => {
        if (id.trim() === '') throw errors.invalidTargetId(id);
        const t = d.targets.get(id);
        if (!t) throw errors.targetDoesNotExist(id, d.deploymentId);
        return deploymentTarget(d, t);
      }),
    };
  };
}

export function listDeploymentInstances(world: DeployWorld) {
  return (input: Record<string, unknown>, req: EmuRequest): unknown => {
    checkTypes({ deploymentId: str(), nextToken: str(), instanceStatusFilter: list(str()), instanceTypeFilter: list(str()) }, input);
    const { ids, nextToken } = listIds(world, req, input, 'ListDeploymentInstances', {
      ...(input.instanceStatusFilter ? { statuses: input.instanceStatusFilter as string[] } : {}),
      ...(input.instanceTypeFilter ? { labels: input.instanceTypeFilter as string[] } : {}),
    });
    return { instancesList: ids, ...(nextToken ? { nextToken } : {}) };
  };
}

export function batchGetDeploymentInstances(world: DeployWorld) {
  return (input: Record<string, unknown>, req: EmuRequest): unknown => {
    checkTypes({ deploymentId: str(), instanceIds: list(str()) }, input);
    const d = requireDeployment(world.region(req.accountId, req.region), input.deploymentId);
    const ids = (input.instanceIds as string[] | undefined) ?? [];
    if (ids.length === 0) throw errors.instanceIdRequired();
    if (ids.length > BATCH_MAX) throw errors.batchLimit(BATCH_MAX);
    requireInstancePlatform(d);
    const found: Record<string, unknown>[] = [];
    const missing: string[] = [];
    for (const id of new Set(ids)) {
      if (id.trim() === '') throw errors.invalidInstanceName(id);
      const t = d.targets.get(id.startsWith('arn:') ? id.slice(id.lastIndexOf('/') + 1) : id);
      if (t) found.push(instanceSummary(d, t));
      else missing.push(id);
    }
    return {
      instancesSummary: found,
      ...(missing.length ? { errorMessage: `Instances not found in deployment ${d.deploymentId}: ${missing.join(', ')}` } : {}),
    };
  };
}
