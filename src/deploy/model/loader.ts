// What the Deployments view loads, level by level: applications → deployment groups → deployments →
// targets → lifecycle events. Names and ids are listed, then fetched with the batch operations; the
// failed lifecycle events of a deployment come from its failed targets only (the service filters by
// status), so a 500-instance group costs a few requests, not one per instance.
import type { DeployApi, TargetFilter } from './api';
import type { ApplicationSummary, DeploymentGroupSummary, DeploymentSummary, FailedEvent, TargetInfo } from './types';

const byName = <T extends { name: string }>(a: T, b: T): number => a.name.localeCompare(b.name);

export async function loadApplications(api: DeployApi, signal?: AbortSignal): Promise<ApplicationSummary[]> {
  const names = await api.listApplications(signal);
  return names.length ? (await api.getApplications(names, signal)).sort(byName) : [];
}

export async function loadGroups(api: DeployApi, application: string, signal?: AbortSignal): Promise<DeploymentGroupSummary[]> {
  const names = await api.listGroups(application, signal);
  return names.length ? (await api.getGroups(application, names, signal)).sort(byName) : [];
}

/** A group's deployments, newest first, one page of ids at a time. */
export async function loadDeployments(api: DeployApi, application: string, group: string, nextToken?: string, signal?: AbortSignal):
  Promise<{ deployments: DeploymentSummary[]; nextToken?: string }> {
  const page = await api.listDeployments(application, group, nextToken ? { nextToken } : {}, signal);
  const deployments = page.ids.length ? await api.getDeployments(page.ids, signal) : [];
  return { deployments, ...(page.nextToken ? { nextToken: page.nextToken } : {}) };
}

/** A deployment's targets with their lifecycle events, in the order the service lists them. */
export async function loadTargets(api: DeployApi, deploymentId: string, filter: TargetFilter = {}, signal?: AbortSignal): Promise<TargetInfo[]> {
  const ids = await api.listTargets(deploymentId, filter, signal);
  if (ids.length === 0) return [];
  const targets = await api.getTargets(deploymentId, ids, signal);
  const order = new Map(ids.map((id, i) => [id, i]));
  return targets.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
}

/** Every failed lifecycle event of a deployment, target by target. */
export async function loadFailedEvents(api: DeployApi, deploymentId: string, signal?: AbortSignal): Promise<FailedEvent[]> {
  const targets = await loadTargets(api, deploymentId, { statuses: ['Failed'] }, signal);
  return targets.flatMap((target) => target.events.filter((e) => e.status === 'Failed').map((event) => ({ deploymentId, target, event })));
}

/**
 * A group's latest deployment and its failed lifecycle events. A deployment that did not fail and
 * counts no failed targets costs no target request at all.
 */
export async function loadLatestFailures(api: DeployApi, group: DeploymentGroupSummary, signal?: AbortSignal):
  Promise<{ deployment?: DeploymentSummary; failures: FailedEvent[] }> {
  const id = group.lastAttempted?.id ?? (await api.listDeployments(group.applicationName, group.name, {}, signal)).ids[0];
  if (!id) return { failures: [] };
  const [deployment] = await api.getDeployments([id], signal);
  if (!deployment) return { failures: [] };
  const mayHaveFailures = Boolean(deployment.overview.Failed) || deployment.status === 'Failed' || deployment.status === 'Stopped';
  if (!mayHaveFailures) return { deployment, failures: [] };
  return { deployment, failures: await loadFailedEvents(api, deployment.id, signal) };
}
