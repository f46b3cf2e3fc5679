// One round of watching deployment groups, without editor types: the watched groups and the groups
// whose failures mark appspec hooks are read with one BatchGetDeploymentGroups per application; the
// notification tracker decides what is news; a watched group whose latest deployment failed gets that
// deployment's failed lifecycle events (for the notification and the hook diagnostics, loaded once per
// deployment); a group's diagnostics go as soon as another deployment is its latest.
import type { AwsTarget } from '../../aws/access';
import { LatestFailures } from '../appspec/hook-diagnostics';
import type { DeployApi } from './api';
import { isActive } from './deployment-actions';
import { type GroupKey, groupKeyId } from './keys';
import { loadFailedEvents } from './loader';
import { type DeployNotification, type DeployNotificationKind, DeployNotificationTracker, type DeployNotifySettings } from './notifications';
import type { DeploymentGroupSummary, DeploymentSummary, FailedEvent } from './types';

export interface WatchNews {
  kind: DeployNotificationKind;
  key: GroupKey;
  deployment: DeploymentSummary;
  /** For a failure: its failed lifecycle events. */
  failures: FailedEvent[];
}

export interface WatchRound {
  groups: { key: GroupKey; group: DeploymentGroupSummary }[];
  news: WatchNews[];
  /** Some group's hook diagnostics came or went. */
  diagnosticsChanged: boolean;
  /** A group's latest deployment is still going: the next round should come sooner. */
  busy: boolean;
  /** Applications whose groups could not be read this round (they keep their state). */
  errors: { account: AwsTarget; application: string; cause: unknown }[];
}

export interface DeployWatchDeps {
  api(account: AwsTarget): DeployApi;
  notify(): DeployNotifySettings;
  /** Whether failures of watched groups mark their appspec hooks. */
  diagnostics(): boolean;
}

export class DeployWatch {
  private readonly tracker = new DeployNotificationTracker();
  readonly failures = new LatestFailures();
  /** `group/deployment` pairs whose failed events were loaded (even if there were none). */
  private readonly loadedFailures = new Set<string>();

  constructor(private readonly deps: DeployWatchDeps) {}

  /** Shows a deployment's failures on the hooks until another deployment is the group's latest. */
  track(key: GroupKey, deploymentId: string, failures: readonly FailedEvent[]): void {
    this.failures.set({ key, deploymentId, failures: [...failures] });
    this.loadedFailures.add(JSON.stringify([groupKeyId(key), deploymentId]));
  }

  /** Unwatched: the next watch starts from a new baseline. */
  forget(key: GroupKey): void {
    this.tracker.forget(groupKeyId(key));
  }

  async poll(watched: readonly GroupKey[], signal?: AbortSignal): Promise<WatchRound> {
    const watchedIds = new Set(watched.map(groupKeyId));
    const round: WatchRound = { groups: [], news: [], diagnosticsChanged: false, busy: false, errors: [] };
    for (const { account, application, keys } of byApplication([...watched, ...this.failures.keys()])) {
      const api = this.deps.api(account);
      let groups: DeploymentGroupSummary[];
      try {
        groups = await api.getGroups(application, keys.map((k) => k.group), signal);
      } catch (cause) {
        signal?.throwIfAborted();
        round.errors.push({ account, application, cause });
        continue;
      }
      for (const group of groups) {
        const key: GroupKey = { ...account, application, group: group.name };
        round.groups.push({ key, group });
        await this.observe(api, key, group, watchedIds.has(groupKeyId(key)), round, signal);
      }
    }
    return round;
  }

  private async observe(api: DeployApi, key: GroupKey, group: DeploymentGroupSummary, watched: boolean, round: WatchRound, signal?: AbortSignal): Promise<void> {
    const id = groupKeyId(key);
    const latest = group.lastAttempted;
    if (this.failures.observeLatest(id, latest?.id)) round.diagnosticsChanged = true;
    if (!watched) return;
    round.busy ||= isActive(latest?.status);
    const { notifications, unresolved } = this.tracker.observeGroup(id, latest, this.deps.notify());
    if (unresolved.length) {
      const found = await api.getDeployments(unresolved, signal);
      for (const d of found) notifications.push(...this.tracker.observeDeployment(id, d, this.deps.notify()));
      for (const gone of unresolved.filter((u) => !found.some((d) => d.id === u))) this.tracker.forgetDeployment(id, gone);
    }
    if (latest?.status === 'Failed' && this.deps.diagnostics() && !this.loadedFailures.has(JSON.stringify([id, latest.id]))) {
      this.track(key, latest.id, await loadFailedEvents(api, latest.id, signal));
      round.diagnosticsChanged = true;
    }
    round.news.push(...await this.explain(api, key, notifications, latest?.id, signal));
  }

  /** Loads what a notification says: the deployment, and for a failure its failed events. */
  private async explain(api: DeployApi, key: GroupKey, notifications: readonly DeployNotification[], latestId: string | undefined, signal?: AbortSignal): Promise<WatchNews[]> {
    if (notifications.length === 0) return [];
    const deployments = new Map((await api.getDeployments(notifications.map((n) => n.deploymentId), signal)).map((d) => [d.id, d]));
    const out: WatchNews[] = [];
    for (const n of notifications) {
      const deployment = deployments.get(n.deploymentId);
      if (!deployment) continue;
      const tracked = n.deploymentId === latestId ? this.failures.entries().find((e) => groupKeyId(e.key) === groupKeyId(key) && e.deploymentId === n.deploymentId) : undefined;
      const failures = n.kind !== 'failed' ? [] : tracked?.failures ?? await loadFailedEvents(api, n.deploymentId, signal);
      out.push({ kind: n.kind, key, deployment, failures });
    }
    return out;
  }
}

/** Group keys by account and application (one BatchGetDeploymentGroups each), without duplicates. */
function byApplication(keys: readonly GroupKey[]): { account: AwsTarget; application: string; keys: GroupKey[] }[] {
  const out = new Map<string, { account: AwsTarget; application: string; keys: GroupKey[] }>();
  const seen = new Set<string>();
  for (const k of keys) {
    const id = groupKeyId(k);
    if (seen.has(id)) continue;
    seen.add(id);
    const appId = JSON.stringify([k.profile, k.region, k.application]);
    const entry = out.get(appId) ?? { account: { profile: k.profile, region: k.region }, application: k.application, keys: [] };
    entry.keys.push(k);
    out.set(appId, entry);
  }
  return [...out.values()];
}
