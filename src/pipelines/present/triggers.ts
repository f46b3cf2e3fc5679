// What started an execution, in words: a Git push or pull request (with the trigger filters it
// matched), a person, a rollback (manual or automatic), a webhook, polling or an EventBridge rule.
import { gitEventOf, matchingFilters, type GitFilter, type GitPullRequestFilter, type GitPushFilter, type TriggerDeclaration } from '../model/triggers';
import type { SourceRevisionInfo } from '../model/types';

export interface TriggerInfo {
  triggerType?: string;
  triggerDetail?: string;
  executionType?: string;
  rollbackTargetId?: string;
  sourceRevisions?: readonly SourceRevisionInfo[];
  /** GetPipelineExecution's artifact revisions carry the same summary. */
  artifactRevisions?: readonly { revisionSummary?: string }[];
}

export interface TriggerText {
  /** For a tree row: "push to main", "PR #87", "manual", "rollback (automatic)". */
  short: string;
  /** For a tooltip or document: "Git push to main", "Manual rollback by tomasz.nowak to 46156f90". */
  full: string;
  /** The trigger filters the Git event matched, e.g. "push: branches main · files lib/**, cdk.json". */
  filters: string[];
}

/** The readable end of an IAM ARN: a user name, or role/session of an assumed role. */
export function principalName(detail: string | undefined): string | undefined {
  if (!detail) return undefined;
  const user = /:user\/(?:.*\/)?([^/]+)$/.exec(detail);
  if (user?.[1]) return user[1];
  const assumed = /:assumed-role\/([^/]+)\/(.+)$/.exec(detail);
  if (assumed?.[1] && assumed[2]) return `${assumed[1]}/${assumed[2]}`;
  return detail.startsWith('arn:') ? detail.slice(detail.lastIndexOf(':') + 1) : detail;
}

function filterText(label: string, f: GitFilter | undefined): string[] {
  if (!f) return [];
  const parts = [...(f.includes.length ? [f.includes.join(', ')] : []), ...(f.excludes.length ? [`not ${f.excludes.join(', ')}`] : [])];
  return parts.length ? [`${label} ${parts.join(', ')}`] : [];
}

function describeFilter(f: GitPushFilter | GitPullRequestFilter): string {
  const pr = 'events' in f;
  const parts = [
    ...(pr && f.events.length ? [`events ${f.events.join(', ')}`] : []),
    ...filterText(pr ? 'into' : 'branches', f.branches),
    ...('tags' in f ? filterText('tags', f.tags) : []),
    ...filterText('files', f.filePaths),
  ];
  return `${pr ? 'pull request' : 'push'}${parts.length ? `: ${parts.join(' · ')}` : ''}`;
}

function summaryOf(x: TriggerInfo): string | undefined {
  return x.sourceRevisions?.find((r) => r.revisionSummary)?.revisionSummary ?? x.artifactRevisions?.find((r) => r.revisionSummary)?.revisionSummary;
}

export function describeTrigger(x: TriggerInfo, triggers: readonly TriggerDeclaration[] | undefined): TriggerText {
  const who = principalName(x.triggerDetail);
  const target = x.rollbackTargetId ? ` to ${x.rollbackTargetId.slice(0, 8)}` : '';
  switch (x.triggerType) {
    case 'ManualRollback':
      return { short: 'rollback (manual)', full: `Manual rollback${who ? ` by ${who}` : ''}${target}`, filters: [] };
    case 'AutomatedRollback':
      return {
        short: 'rollback (automatic)',
        full: `Automatic rollback${target}${x.triggerDetail ? ` after execution ${x.triggerDetail.slice(0, 8)} failed` : ''}`,
        filters: [],
      };
    case 'StartPipelineExecution':
      return { short: 'manual', full: `Started manually${who ? ` by ${who}` : ''}`, filters: [] };
    case 'CreatePipeline':
      return { short: 'pipeline created', full: 'Started when the pipeline was created or updated', filters: [] };
    case 'PollForSourceChanges':
      return { short: 'polling', full: 'Source change found by polling', filters: [] };
    case 'CloudWatchEvent':
      return { short: 'EventBridge', full: 'Source change event (EventBridge)', filters: [] };
    case 'PutActionRevision':
      return { short: 'action revision', full: 'A new source revision was put (PutActionRevision)', filters: [] };
    case 'Webhook':
    case 'WebhookV2': {
      const event = gitEventOf(summaryOf(x));
      const filters = event && triggers ? matchingFilters(triggers, event).map(describeFilter) : [];
      if (event?.kind === 'pullRequest') {
        const what = event.pullRequestEvent ? ` ${event.pullRequestEvent.toLowerCase()}` : '';
        const route = event.branch || event.destinationBranch ? ` (${event.branch ?? '?'} → ${event.destinationBranch ?? '?'})` : '';
        return { short: `PR #${event.pullRequestId ?? '?'}`, full: `Pull request #${event.pullRequestId ?? '?'}${what}${route}${event.title ? `: ${event.title}` : ''}`, filters };
      }
      if (event?.kind === 'push') {
        const ref = event.tag !== undefined ? `tag ${event.tag}` : event.branch ?? '';
        return { short: `push to ${ref}`, full: `Git push to ${ref}`, filters };
      }
      return { short: 'webhook', full: x.triggerType === 'WebhookV2' ? 'Git event (webhook)' : 'Webhook', filters };
    }
    default:
      return x.triggerType
        ? { short: x.triggerType, full: `${x.triggerType}${x.triggerDetail ? ` — ${x.triggerDetail}` : ''}`, filters: [] }
        : { short: '', full: '', filters: [] };
  }
}
