// A deployment's details page as data: its status in words, facts (revision, group, configuration,
// creator, times and durations), the error, and per target its lifecycle events as a timeline (status,
// start, duration, a bar on the deployment's time span). Every place the page can take you (a failed
// event's appspec hook, an event's log, the console) is a numbered link the page sends back.
import type { Tone } from '../../core/detail-html';
import { formatDuration, formatTimestamp } from '../../core/format';
import { configLabel, deploymentStatusLabel, deploymentTypeLabel, platformLabel, targetKindLabel, targetStatusLabel } from '../present/status';
import type { DeploymentStatus, DeploymentSummary, LifecycleEventInfo, RevisionSummary, TargetInfo, TargetStatus } from './types';

export interface StatusWords {
  label: string;
  /** A codicon id. */
  icon: string;
  spin: boolean;
  tone: Tone;
}

/** A place the page links to; the page sends back its index. */
export type DeploymentLink =
  | { kind: 'failure'; targetId: string; event: string }
  | { kind: 'eventLog'; targetId: string; event: string }
  | { kind: 'console'; url: string };

export interface EventRow {
  name: string;
  status: StatusWords;
  /** When it started, after the deployment's start ("+20 sec"). */
  started?: string;
  duration?: string;
  /** Where the event ran on the deployment's span, as fractions of it. */
  bar?: { start: number; width: number };
  /** Error code, script and message of a failed (or diagnosed) event. */
  message?: string;
  isError: boolean;
  /** Open Failure (failed events) or the event's log. */
  link?: { label: string; icon: string; target: number };
}

export interface TargetSection {
  id: string;
  kind: string;
  status: StatusWords;
  detail?: string;
  events: EventRow[];
}

export interface DeploymentPage {
  id: string;
  title: string;
  status: StatusWords;
  /** The error, or what a waiting deployment waits for. */
  summary?: string;
  summaryIsError: boolean;
  facts: { label: string; value: string }[];
  targets: TargetSection[];
  /** Targets the deployment has beyond those shown. */
  moreTargets: number;
  running: boolean;
  consoleLink: number;
  links: DeploymentLink[];
}

const DEPLOYMENT_WORDS: Record<DeploymentStatus, Omit<StatusWords, 'label'>> = {
  Created: { icon: 'clock', spin: false, tone: 'neutral' },
  Queued: { icon: 'clock', spin: false, tone: 'neutral' },
  InProgress: { icon: 'sync', spin: true, tone: 'running' },
  Baking: { icon: 'watch', spin: false, tone: 'running' },
  Ready: { icon: 'debug-pause', spin: false, tone: 'running' },
  Succeeded: { icon: 'pass', spin: false, tone: 'succeeded' },
  Failed: { icon: 'error', spin: false, tone: 'failed' },
  Stopped: { icon: 'debug-stop', spin: false, tone: 'stopped' },
};

const TARGET_WORDS: Record<TargetStatus, Omit<StatusWords, 'label'>> = {
  Pending: { icon: 'clock', spin: false, tone: 'neutral' },
  InProgress: { icon: 'sync', spin: true, tone: 'running' },
  Ready: { icon: 'debug-pause', spin: false, tone: 'running' },
  Succeeded: { icon: 'pass', spin: false, tone: 'succeeded' },
  Failed: { icon: 'error', spin: false, tone: 'failed' },
  Skipped: { icon: 'debug-step-over', spin: false, tone: 'stopped' },
  Unknown: { icon: 'circle-outline', spin: false, tone: 'neutral' },
};

const RUNNING: readonly DeploymentStatus[] = ['Created', 'Queued', 'InProgress', 'Baking', 'Ready'];

const CREATORS: Readonly<Record<string, string>> = {
  user: 'a person (API, CLI or console)', autoscaling: 'Amazon EC2 Auto Scaling (a new instance)', codeDeployRollback: 'CodeDeploy (an automatic rollback)',
  CodeDeploy: 'CodeDeploy', CodeDeployAutoUpdate: 'CodeDeploy (automatic update of out-of-date instances)', CloudFormation: 'AWS CloudFormation',
  CloudFormationRollback: 'AWS CloudFormation (a rollback)',
};

/** The revision in one line: where it comes from and what identifies it. */
export function revisionWords(r: RevisionSummary): string {
  if (r.s3) {
    const extra = [r.s3.bundleType, r.s3.version && `version ${r.s3.version}`, r.s3.eTag && `ETag ${r.s3.eTag}`].filter(Boolean).join(', ');
    return `s3://${r.s3.bucket}/${r.s3.key}${extra ? ` (${extra})` : ''}`;
  }
  if (r.gitHub) return `GitHub ${r.gitHub.repository} at ${r.gitHub.commitId.slice(0, 12)}`;
  if (r.type === 'AppSpecContent' || r.type === 'String') return `AppSpec content${r.sha256 ? ` (sha256 ${r.sha256.slice(0, 12)})` : ''}`;
  return r.label;
}

function overviewWords(d: DeploymentSummary): string | undefined {
  const parts = Object.entries(d.overview).filter(([, n]) => (n ?? 0) > 0)
    .map(([status, n]) => `${n} ${targetStatusLabel(status as TargetStatus).toLowerCase()}`);
  return parts.length ? parts.join(', ') : undefined;
}

function eventMessage(e: LifecycleEventInfo): string | undefined {
  const d = e.diagnostics;
  // The agent's "Succeeded" on an event that went well says nothing the status does not.
  if (!d || (e.status !== 'Failed' && (!d.errorCode || d.errorCode === 'Success'))) return undefined;
  const parts = [d.errorCode && d.errorCode !== 'Success' ? d.errorCode : undefined, d.scriptName && `script ${d.scriptName}`, d.message?.trim()].filter(Boolean);
  return parts.length ? parts.join(' · ') : undefined;
}

export interface DeploymentPageOptions {
  region: string;
  consoleUrl: string;
  now: number;
  /** Targets the deployment has in all (those given may be the first page). */
  targetCount?: number;
}

export function deploymentPage(d: DeploymentSummary, targets: readonly TargetInfo[], o: DeploymentPageOptions): DeploymentPage {
  const links: DeploymentLink[] = [];
  const link = (l: DeploymentLink): number => links.push(l) - 1;
  const running = RUNNING.includes(d.status);
  const spanStart = d.startTime ?? d.createTime;
  const spanEnd = d.completeTime ?? (running ? o.now : undefined);
  const span = spanStart !== undefined && spanEnd !== undefined && spanEnd > spanStart ? { start: spanStart, length: spanEnd - spanStart } : undefined;
  const bar = (start: number | undefined, end: number | undefined): { start: number; width: number } | undefined => {
    if (!span || start === undefined) return undefined;
    const from = Math.min(1, Math.max(0, (start - span.start) / span.length));
    const to = Math.min(1, Math.max(from, ((end ?? o.now) - span.start) / span.length));
    return { start: from, width: to - from };
  };
  const ordered = [...targets].sort((a, b) => Number(b.status === 'Failed') - Number(a.status === 'Failed'));
  const sections: TargetSection[] = ordered.map((t) => ({
    id: t.id, kind: targetKindLabel(t.kind), status: { label: targetStatusLabel(t.status), ...TARGET_WORDS[t.status] },
    ...(t.label ? { detail: t.label === 'Blue' ? 'original (blue)' : 'replacement (green)' } : {}),
    events: t.events.map((e): EventRow => {
      const failed = e.status === 'Failed';
      const message = eventMessage(e);
      const hasLog = Boolean(e.diagnostics?.logTail || e.diagnostics?.message);
      const duration = e.durationMs ?? (e.startTime !== undefined && e.endTime !== undefined ? e.endTime - e.startTime : undefined);
      const at = bar(e.startTime, e.endTime ?? (e.durationMs !== undefined && e.startTime !== undefined ? e.startTime + e.durationMs : undefined));
      return {
        name: e.name, status: { label: targetStatusLabel(e.status), ...TARGET_WORDS[e.status] }, isError: failed,
        ...(e.startTime !== undefined ? { started: span ? `+${formatDuration(Math.max(0, e.startTime - span.start))}` : formatTimestamp(e.startTime) } : {}),
        ...(duration !== undefined ? { duration: formatDuration(duration, { precise: true }) } : {}),
        ...(at ? { bar: at } : {}),
        ...(message ? { message } : {}),
        ...(failed ? { link: { label: 'Open Failure', icon: 'go-to-file', target: link({ kind: 'failure', targetId: t.id, event: e.name }) } }
          : hasLog ? { link: { label: 'Show Log', icon: 'output', target: link({ kind: 'eventLog', targetId: t.id, event: e.name }) } } : {}),
      };
    }),
  }));
  const consoleLink = link({ kind: 'console', url: o.consoleUrl });
  const took = d.startTime !== undefined && d.completeTime !== undefined ? formatDuration(d.completeTime - d.startTime) : undefined;
  const facts = [
    ['Application', d.applicationName],
    ['Deployment group', d.groupName],
    ['Compute platform', platformLabel(d.computePlatform)],
    ['Deployment type', deploymentTypeLabel(d.deploymentType)],
    ['Configuration', configLabel(d.deploymentConfigName)],
    ['Revision', d.revision && revisionWords(d.revision)],
    ['Previous revision', d.previousRevision && revisionWords(d.previousRevision)],
    ['Created by', d.creator && (CREATORS[d.creator] ?? d.creator)],
    ['Description', d.description],
    ['Created', d.createTime !== undefined ? formatTimestamp(d.createTime) : undefined],
    ['Started', d.startTime !== undefined ? formatTimestamp(d.startTime) : undefined],
    ['Ended', d.completeTime !== undefined ? formatTimestamp(d.completeTime) : undefined],
    ['Duration', took ?? (running && d.startTime !== undefined ? `${formatDuration(o.now - d.startTime)} so far` : undefined)],
    ['Targets', overviewWords(d)],
    ['Rolled back by', d.rollback?.rollbackDeploymentId],
    ['Rollback of', d.rollback?.triggeringDeploymentId],
  ].filter((f): f is [string, string] => typeof f[1] === 'string' && f[1].length > 0).map(([label, value]) => ({ label, value }));
  const waiting = d.waitingFor === 'trafficRerouting' ? 'Waiting for Continue Deployment to reroute production traffic to the replacement.'
    : d.waitingFor === 'termination' ? 'Waiting for Continue Deployment to terminate the original targets.' : undefined;
  const summary = d.error ? `${d.error.code}${d.error.message ? `: ${d.error.message}` : ''}` : waiting ?? d.rollback?.message;
  return {
    id: d.id, title: `${d.id} · ${d.groupName}`,
    status: { label: deploymentStatusLabel(d), ...DEPLOYMENT_WORDS[d.status] },
    ...(summary ? { summary } : {}), summaryIsError: d.error !== undefined,
    facts, targets: sections, moreTargets: Math.max(0, (o.targetCount ?? targets.length) - targets.length), running, consoleLink, links,
  };
}
