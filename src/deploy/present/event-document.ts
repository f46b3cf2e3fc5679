// The read-only document of one lifecycle event on one target: what failed and where, then the log
// tail the CodeDeploy agent sent (its last 2,048 characters of script output). Opened beside the
// appspec when a failure is opened, or on its own for any event with output.
import type { AwsTarget } from '../../aws/access';
import { formatDuration, formatTimestamp } from '../../core/format';
import type { DeploymentSummary, LifecycleEventInfo, TargetInfo } from '../model/types';
import { targetKindLabel, targetStatusLabel } from './status';

export const EVENT_DOCUMENT_SCHEME = 'conveyor-deploy-event';

/** What names an event document: enough to load it again after a reload of the window. */
export interface EventDocumentRef {
  profile: string;
  region: string;
  deploymentId: string;
  targetId: string;
  event: string;
}

/** The document's path and query (the editor turns them into a URI with EVENT_DOCUMENT_SCHEME). */
export function eventDocumentLocation(ref: EventDocumentRef): { path: string; query: string } {
  const query = new URLSearchParams({ profile: ref.profile, region: ref.region, target: ref.targetId }).toString();
  // The file name is what the tab shows: "AfterInstall · i-0123… .log".
  return { path: `/${encodeURIComponent(ref.deploymentId)}/${encodeURIComponent(`${ref.event} · ${ref.targetId}`)}.log`, query };
}

export function parseEventDocument(path: string, query: string): EventDocumentRef | undefined {
  const m = /^\/([^/]+)\/([^/]+)\.log$/.exec(path);
  if (!m) return undefined;
  const params = new URLSearchParams(query);
  const profile = params.get('profile');
  const region = params.get('region');
  const targetId = params.get('target');
  let deploymentId: string;
  let name: string;
  try {
    deploymentId = decodeURIComponent(m[1]!);
    name = decodeURIComponent(m[2]!);
  } catch {
    return undefined;
  }
  const suffix = ` · ${targetId ?? ''}`;
  if (!profile || !region || !targetId || !name.endsWith(suffix)) return undefined;
  const event = name.slice(0, -suffix.length);
  return event ? { profile, region, deploymentId, targetId, event } : undefined;
}

export function eventDocumentRef(account: AwsTarget, deploymentId: string, targetId: string, event: string): EventDocumentRef {
  return { profile: account.profile, region: account.region, deploymentId, targetId, event };
}

const row = (label: string, value: string | undefined): string[] => (value ? [`${label.padEnd(12)}${value}`] : []);

export function renderEventDocument(d: Pick<DeploymentSummary, 'id' | 'applicationName' | 'groupName'>, t: TargetInfo, e: LifecycleEventInfo): string {
  const diag = e.diagnostics;
  const header = `${e.name} · ${targetStatusLabel(e.status)}`;
  const lines = [
    header,
    '─'.repeat(header.length),
    ...row('Deployment', `${d.id} (${d.applicationName} / ${d.groupName})`),
    ...row('Target', `${t.id} (${targetKindLabel(t.kind)})`),
    ...row('Started', e.startTime !== undefined ? formatTimestamp(e.startTime) : undefined),
    ...row('Ended', e.endTime !== undefined ? formatTimestamp(e.endTime) + (e.durationMs !== undefined ? ` (took ${formatDuration(e.durationMs)})` : '') : undefined),
    ...row('Error code', diag?.errorCode),
    ...row('Script', diag?.scriptName),
    ...row('Message', diag?.message),
    '',
  ];
  const tail = diag?.logTail?.replace(/\r\n?/g, '\n').replace(/\n+$/, '');
  if (tail) lines.push('Log tail (the end of the script output, as the CodeDeploy agent kept it):', '', tail, '');
  else lines.push(e.status === 'Pending' || e.status === 'InProgress' ? 'No output yet.' : 'No script output.', '');
  return lines.join('\n');
}
