// The failures behind the appspec diagnostics: per deployment group, the failed lifecycle events of
// its latest deployment. A group's entry goes when another deployment becomes its latest, so a hook
// line carries "failed in deployment d-…" only while that deployment is the latest. The diagnostics
// are computed from the appspecs' current text, so they follow edits to the files.
import { type GroupKey, groupKeyId } from '../model/keys';
import type { FailedEvent } from '../model/types';
import { type AppSpecCandidate, failureMessage, linkFailure } from './failure-link';

export interface LatestFailure {
  key: GroupKey;
  deploymentId: string;
  failures: FailedEvent[];
}

export interface HookDiagnostic {
  /** Workspace-relative appspec path, as in the candidates. */
  path: string;
  line: number;
  character: number;
  endCharacter: number;
  message: string;
  /** The lifecycle event's error code, e.g. ScriptFailed. */
  code: string;
  /** Warning where the hook ran the previous revision's scripts, so this file may not be what failed. */
  severity: 'error' | 'warning';
  /** The failure the person can open from the diagnostic (the first target it happened on). */
  failure: FailedEvent;
  key: GroupKey;
}

export class LatestFailures {
  private readonly byGroup = new Map<string, LatestFailure>();

  /** Records the failures of a group's latest deployment (none: the group has nothing to show). */
  set(entry: LatestFailure): void {
    const id = groupKeyId(entry.key);
    if (entry.failures.length === 0) this.byGroup.delete(id);
    else this.byGroup.set(id, { ...entry, failures: [...entry.failures] });
  }

  /** The group's latest deployment is `deploymentId` now; true when that removed its failures. */
  observeLatest(groupKey: string, deploymentId: string | undefined): boolean {
    const entry = this.byGroup.get(groupKey);
    if (!entry || entry.deploymentId === deploymentId) return false;
    this.byGroup.delete(groupKey);
    return true;
  }

  has(groupKey: string): boolean {
    return this.byGroup.has(groupKey);
  }

  /** The groups with failures to show. */
  keys(): GroupKey[] {
    return [...this.byGroup.values()].map((e) => e.key);
  }

  entries(): LatestFailure[] {
    return [...this.byGroup.values()];
  }

  clear(): void {
    this.byGroup.clear();
  }
}

const PREVIOUS_REVISION_NOTE = ' — this hook runs the scripts of the last successful revision, which may differ from this file';

/** The failures of one deployment grouped by what failed (event, script, error code), first target first. */
function bySignature(failures: readonly FailedEvent[]): { first: FailedEvent; count: number }[] {
  const groups = new Map<string, { first: FailedEvent; count: number }>();
  for (const f of failures) {
    const key = JSON.stringify([f.event.name, f.event.diagnostics?.scriptName ?? '', f.event.diagnostics?.errorCode || f.event.status]);
    const group = groups.get(key);
    if (group) group.count++;
    else groups.set(key, { first: f, count: 1 });
  }
  return [...groups.values()];
}

/**
 * One diagnostic per hook line and failure: the targets of a group's deployment that failed the same
 * way are one message ("… on i-… and 249 other targets"), and each way is linked to the appspecs once.
 */
export function hookDiagnostics(entries: readonly LatestFailure[], candidates: readonly AppSpecCandidate[]): Map<string, HookDiagnostic[]> {
  const out = new Map<string, HookDiagnostic[]>();
  for (const entry of entries) {
    for (const { first, count } of bySignature(entry.failures)) {
      const link = linkFailure(candidates, first, { applicationName: entry.key.application, groupName: entry.key.group });
      if (!link) continue;
      const warning = link.hook.fromPreviousRevision;
      const list = out.get(link.appspecPath) ?? [];
      list.push({
        path: link.appspecPath, line: link.hook.line, character: link.hook.character, endCharacter: link.hook.endCharacter,
        message: failureMessage(first, count - 1) + (warning ? PREVIOUS_REVISION_NOTE : ''),
        code: first.event.diagnostics?.errorCode || first.event.status,
        severity: warning ? 'warning' : 'error', failure: first, key: entry.key,
      });
      out.set(link.appspecPath, list);
    }
  }
  for (const list of out.values()) list.sort((a, b) => a.line - b.line || a.character - b.character);
  return out;
}

/** A command a hook diagnostic offers as a quick fix, with the arguments the deploy commands read. */
export interface HookDiagnosticAction {
  title: string;
  command: 'conveyor.deploy.showEventLog' | 'conveyor.deploy.showDeploymentDetails';
  args: Record<string, string>;
}

/** What a person does next from "AfterInstall failed in deployment d-… on i-…": read the event's log, or the deployment. */
export function hookDiagnosticActions(d: HookDiagnostic): HookDiagnosticAction[] {
  const { failure, key } = d;
  const account = { profile: key.profile, region: key.region };
  return [
    { title: `Show the ${failure.event.name} log from ${failure.target.id}`, command: 'conveyor.deploy.showEventLog',
      args: { ...account, deploymentId: failure.deploymentId, targetId: failure.target.id, event: failure.event.name } },
    { title: `Show deployment ${failure.deploymentId}`, command: 'conveyor.deploy.showDeploymentDetails', args: { ...account, deploymentId: failure.deploymentId } },
  ];
}
