// What can be done to a deployment, and with what: Stop while it is still going, Continue while a
// blue/green deployment waits, Redeploy the revision of the group's last successful deployment.
import type { DeployApi } from './api';
import type { DeploymentGroupSummary, DeploymentStatus, DeploymentSummary, RevisionSummary } from './types';

const ACTIVE: ReadonlySet<DeploymentStatus> = new Set(['Created', 'Queued', 'InProgress', 'Baking', 'Ready']);

/** Still going: StopDeployment applies, and the group accepts no other deployment meanwhile. */
export function isActive(status: DeploymentStatus | undefined): boolean {
  return status !== undefined && ACTIVE.has(status);
}

export function canStop(d: Pick<DeploymentSummary, 'status'>): boolean {
  return isActive(d.status);
}

/** The wait ContinueDeployment ends, or undefined when the deployment is not waiting. */
export function continueWaitType(d: Pick<DeploymentSummary, 'waitingFor'>): 'READY_WAIT' | 'TERMINATION_WAIT' | undefined {
  switch (d.waitingFor) {
    case 'trafficRerouting': return 'READY_WAIT';
    case 'termination': return 'TERMINATION_WAIT';
    default: return undefined;
  }
}

export interface RedeployPlan {
  /** The last successful deployment, whose revision is deployed again. */
  source: DeploymentSummary;
  revision: RevisionSummary;
  description: string;
}

/**
 * The group's last successful deployment and its revision, loaded with BatchGetDeployments (which,
 * unlike GetDeployment, keeps an ECS or Lambda deployment's AppSpec content). Throws with a message a
 * person can act on when there is nothing to redeploy.
 */
export async function planRedeploy(api: DeployApi, group: DeploymentGroupSummary, signal?: AbortSignal): Promise<RedeployPlan> {
  const running = group.lastAttempted;
  if (running && isActive(running.status)) throw new Error(`${group.name} has a deployment in progress (${running.id}); stop it or wait for it to end first.`);
  const id = group.lastSuccessful?.id;
  if (!id) throw new Error(`${group.name} has no successful deployment to deploy again.`);
  const [source] = await api.getDeployments([id], signal);
  if (!source) throw new Error(`The last successful deployment of ${group.name} (${id}) no longer exists.`);
  if (!source.revision) throw new Error(`The last successful deployment of ${group.name} (${id}) names no revision.`);
  return { source, revision: source.revision, description: `Redeploy of ${source.revision.label} (last successful: ${source.id})` };
}
