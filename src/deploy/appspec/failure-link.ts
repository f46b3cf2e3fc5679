// From a failed lifecycle event to its source: which of the workspace's appspecs drove the deployment,
// the hook's line, the script it ran (a workspace path), and the diagnostic text for the hook line.
import type { FailedEvent } from '../model/types';
import { type HookLocation, locateHook } from './locate-hook';

export interface AppSpecCandidate {
  /** Workspace-relative path with `/` separators, e.g. `services/orders-api/appspec.yml`. */
  path: string;
  text: string;
}

export interface FailureLink {
  appspecPath: string;
  hook: HookLocation;
  /** EC2/On-Premises: the workspace path of the script that failed (scripts are relative to the revision root, the appspec's folder). */
  scriptPath?: string;
  /** For the hook line: "failed in deployment d-… on i-… (ScriptFailed)". */
  message: string;
}

/** A script's workspace path: `location` is relative to the revision root, which holds the appspec. */
export function scriptPathFor(appspecPath: string, location: string): string {
  const dir = appspecPath.replace(/\\/g, '/').split('/').slice(0, -1);
  const parts = [...dir];
  for (const part of location.replace(/\\/g, '/').split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return parts.join('/');
}

/** "AfterInstall failed in deployment d-… on i-… (ScriptFailed)"; `otherTargets` where it failed the same way elsewhere. */
export function failureMessage(failed: FailedEvent, otherTargets = 0): string {
  const code = failed.event.diagnostics?.errorCode || failed.event.status;
  const more = otherTargets > 0 ? ` and ${otherTargets} other target${otherTargets === 1 ? '' : 's'}` : '';
  return `${failed.event.name} failed in deployment ${failed.deploymentId} on ${failed.target.id}${more} (${code})`;
}

const words = (s: string): string[] => s.toLowerCase().split(/[-_.\s/]+/).filter((w) => w.length > 1);

/** How many of the application's and group's words name the appspec's folders. */
function folderAffinity(path: string, names: readonly string[]): number {
  const folders = new Set(path.split('/').slice(0, -1).flatMap(words));
  return [...new Set(names.flatMap(words))].filter((w) => folders.has(w)).length;
}

/**
 * The appspec (among the workspace's) that most likely drove the failed deployment: it must declare
 * the failed event; naming the failed script or function counts most, then folder names that match
 * the application and deployment group.
 */
export function pickAppSpec(candidates: readonly AppSpecCandidate[], failed: FailedEvent, names: { applicationName: string; groupName?: string }):
  { candidate: AppSpecCandidate; hook: HookLocation } | undefined {
  const scriptName = failed.event.diagnostics?.scriptName;
  let best: { candidate: AppSpecCandidate; hook: HookLocation; score: number } | undefined;
  for (const candidate of candidates) {
    const hook = locateHook(candidate.text, failed.event.name, scriptName);
    if (!hook) continue;
    const score = (hook.entry ? 100 : 0) + 5 * folderAffinity(candidate.path, [names.applicationName, names.groupName ?? '']);
    if (!best || score > best.score) best = { candidate, hook, score };
  }
  return best && { candidate: best.candidate, hook: best.hook };
}

export function linkFailure(candidates: readonly AppSpecCandidate[], failed: FailedEvent, names: { applicationName: string; groupName?: string }): FailureLink | undefined {
  const picked = pickAppSpec(candidates, failed, names);
  if (!picked) return undefined;
  const entry = picked.hook.entry;
  return {
    appspecPath: picked.candidate.path,
    hook: picked.hook,
    ...(entry?.kind === 'script' ? { scriptPath: scriptPathFor(picked.candidate.path, entry.value) } : {}),
    message: failureMessage(failed),
  };
}
