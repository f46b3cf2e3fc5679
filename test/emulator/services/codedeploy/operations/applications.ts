// ListApplications, BatchGetApplications, ListDeploymentGroups, BatchGetDeploymentGroups.
import type { EmuRequest } from '../../../core/contract';
import { decodePageToken, encodePageToken } from '../../../core/page-token';
import { lowerBound } from '../../../core/sorted';
import { list, str } from '../../../core/validate';
import { errors } from '../errors';
import { applicationName, checkTypes, groupName, requireApplication } from '../params';
import { applicationInfo, deploymentGroupInfo } from '../wire';
import type { DeployWorld } from '../world';

/** CodeDeploy's list operations have no page size parameter; they answer 100 at a time. */
export const PAGE_SIZE = 100;
const BATCH_MAX = 100;

/** A page of `names` (sorted) after the token's name. */
function namePage(names: readonly string[], scope: string, token: unknown): { page: string[]; nextToken?: string } {
  let start = 0;
  if (token !== undefined) {
    const after = decodePageToken(scope, token as string);
    if (typeof after !== 'string') throw errors.invalidNextToken();
    start = lowerBound(names, after, true);
  }
  const page = names.slice(start, start + PAGE_SIZE);
  const more = start + PAGE_SIZE < names.length;
  return { page, ...(more ? { nextToken: encodePageToken(scope, page[page.length - 1]) } : {}) };
}

export function listApplications(world: DeployWorld) {
  return (input: Record<string, unknown>, req: EmuRequest): unknown => {
    checkTypes({ nextToken: str() }, input);
    const store = world.region(req.accountId, req.region);
    const { page, nextToken } = namePage(store.applicationNames, `ListApplications:${req.accountId}:${req.region}`, input.nextToken);
    return { applications: page, ...(nextToken ? { nextToken } : {}) };
  };
}

export function batchGetApplications(world: DeployWorld) {
  return (input: Record<string, unknown>, req: EmuRequest): unknown => {
    checkTypes({ applicationNames: list(str()) }, input);
    const names = (input.applicationNames as string[] | undefined) ?? [];
    if (names.length === 0) throw errors.applicationNameRequired();
    if (names.length > BATCH_MAX) throw errors.batchLimit(BATCH_MAX);
    const store = world.region(req.accountId, req.region);
    const apps = [...new Set(names)].map((name) => {
      if (name.length === 0 || name.length > 100) throw errors.invalidApplicationName(name);
      return requireApplication(store, name);
    });
    return { applicationsInfo: apps.map(applicationInfo) };
  };
}

export function listDeploymentGroups(world: DeployWorld) {
  return (input: Record<string, unknown>, req: EmuRequest): unknown => {
    checkTypes({ applicationName: str(), nextToken: str() }, input);
    const app = requireApplication(world.region(req.accountId, req.region), applicationName(input));
    const names = [...app.groups.keys()].sort();
    const { page, nextToken } = namePage(names, `ListDeploymentGroups:${req.accountId}:${req.region}:${app.applicationName}`, input.nextToken);
    return { applicationName: app.applicationName, deploymentGroups: page, ...(nextToken ? { nextToken } : {}) };
  };
}

export function batchGetDeploymentGroups(world: DeployWorld) {
  return (input: Record<string, unknown>, req: EmuRequest): unknown => {
    checkTypes({ applicationName: str(), deploymentGroupNames: list(str()) }, input);
    const app = requireApplication(world.region(req.accountId, req.region), applicationName(input));
    const names = (input.deploymentGroupNames as string[] | undefined) ?? [];
    if (names.length === 0) throw errors.groupNameRequired();
    if (names.length > BATCH_MAX) throw errors.batchLimit(BATCH_MAX);
    const found: Record<string, unknown>[] = [];
    const missing: string[] = [];
    for (const name of new Set(names)) {
      const group = app.groups.get(groupName(name));
      if (group) found.push(deploymentGroupInfo(group));
      else missing.push(name);
    }
    return {
      deploymentGroupsInfo: found,
      errorMessage: missing.length ? `Deployment groups not found for application ${app.applicationName}: ${missing.join(', ')}` : '',
    };
  };
}
