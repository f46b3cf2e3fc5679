// When to tell the person about a watched deployment group: its latest deployment failed, succeeded,
// was stopped, or waits for ContinueDeployment. The first observation of a group is the baseline: what
// was already true then is not news. A deployment seen running that is no longer the group's latest
// (a rollback or the next release replaced it between two polls) is "unresolved": the watcher loads it
// and reports how it ended.
import { isActive } from './deployment-actions';
import type { DeploymentRef, DeploymentStatus } from './types';

export interface DeployNotifySettings {
  failed: boolean;
  succeeded: boolean;
  stopped: boolean;
  /** A blue/green deployment waits to reroute traffic. */
  waiting: boolean;
}

export const DEFAULT_DEPLOY_NOTIFY: DeployNotifySettings = { failed: true, succeeded: true, stopped: true, waiting: true };

export type DeployNotificationKind = keyof DeployNotifySettings;

export interface DeployNotification {
  kind: DeployNotificationKind;
  groupKey: string;
  deploymentId: string;
}

const KIND: Partial<Record<DeploymentStatus, DeployNotificationKind>> = {
  Failed: 'failed', Succeeded: 'succeeded', Stopped: 'stopped', Ready: 'waiting',
};

interface Seen {
  /** `id:kind` pairs already reported or part of the baseline. */
  reported: Set<string>;
  /** Deployments seen active whose end is not known yet. */
  running: Set<string>;
}

export class DeployNotificationTracker {
  private readonly groups = new Map<string, Seen>();

  /**
   * Feeds a watched group's latest deployment, as BatchGetDeploymentGroups reports it. Returns what is
   * news, and the ids of deployments seen running that are no longer the latest (see `observeDeployment`).
   */
  observeGroup(groupKey: string, latest: DeploymentRef | undefined, settings: DeployNotifySettings): { notifications: DeployNotification[]; unresolved: string[] } {
    let seen = this.groups.get(groupKey);
    if (!seen) {
      seen = { reported: new Set(), running: new Set() };
      this.groups.set(groupKey, seen);
      if (latest) this.baseline(seen, latest);
      return { notifications: [], unresolved: [] };
    }
    const notifications = latest ? this.update(groupKey, seen, latest.id, latest.status, settings) : [];
    const unresolved = [...seen.running].filter((id) => id !== latest?.id);
    return { notifications, unresolved };
  }

  /** Feeds a deployment loaded by id (one `observeGroup` called unresolved). */
  observeDeployment(groupKey: string, deployment: { id: string; status: DeploymentStatus }, settings: DeployNotifySettings): DeployNotification[] {
    const seen = this.groups.get(groupKey);
    return seen ? this.update(groupKey, seen, deployment.id, deployment.status, settings) : [];
  }

  /** A deployment that no longer exists: nothing more will be learned about it. */
  forgetDeployment(groupKey: string, deploymentId: string): void {
    this.groups.get(groupKey)?.running.delete(deploymentId);
  }

  /** Unwatched: a later watch starts from a new baseline. */
  forget(groupKey: string): void {
    this.groups.delete(groupKey);
  }

  private baseline(seen: Seen, latest: DeploymentRef): void {
    const kind = latest.status ? KIND[latest.status] : undefined;
    if (kind) seen.reported.add(`${latest.id}:${kind}`);
    if (isActive(latest.status)) seen.running.add(latest.id);
  }

  private update(groupKey: string, seen: Seen, id: string, status: DeploymentStatus | undefined, settings: DeployNotifySettings): DeployNotification[] {
    if (isActive(status)) seen.running.add(id);
    else seen.running.delete(id);
    const kind = status ? KIND[status] : undefined;
    if (!kind || seen.reported.has(`${id}:${kind}`)) return [];
    seen.reported.add(`${id}:${kind}`);
    return settings[kind] ? [{ kind, groupKey, deploymentId: id }] : [];
  }
}
