// The execution timeline page as data: stages in pipeline order with their actions (status, start, duration,
// a bar placed on the execution's time span), rule evaluations, facts and variables, and every place the page
// can take you (build logs by command, the console, a provider's page) as numbered targets. Rendered by
// timeline-html.ts; the stage spans come from timeline.ts, which the Markdown form shares.
import { buildConsoleUrl, httpsOnly, logStreamConsoleUrl } from '../../aws/console';
import type { Tone } from '../../core/detail-html';
import { formatDuration, formatTimestamp } from '../../core/format';
import type { ConditionStatus } from '../model/conditions';
import { isActive, type ActionExecutionInfo, type ExecutionDetail, type ExecutionStatus, type PipelineStructure } from '../model/types';
import { conditionIcon, conditionStatusLabel } from './conditions';
import { executionConsoleUrl } from './console';
import { commitMessageOf, firstLine, shortRevision } from './revision';
import { statusIcon, statusLabel } from './status';
import { heldBy, latestOutputActions, stageSpans } from './timeline';
import { describeTrigger } from './triggers';

export type { Tone } from '../../core/detail-html';

export interface StatusView {
  label: string;
  /** A codicon id. */
  icon: string;
  spin: boolean;
  tone: Tone;
}

/** Where a bar sits on the execution's time span, as fractions of it. */
export interface Bar {
  start: number;
  width: number;
}

/** A place the page links to; the page sends its index back. */
export type TimelineTarget =
  | { kind: 'buildLogs'; stageName: string; actionName: string; provider: string; externalExecutionId: string; logStreamArn?: string; running: boolean }
  | { kind: 'url'; url: string }
  | { kind: 'markdown' };

export interface LinkView {
  label: string;
  icon: string;
  target: number;
}

export interface ActionView {
  name: string;
  provider?: string;
  status: StatusView;
  started?: string;
  duration?: string;
  bar?: Bar;
  /** The error message, or the action's summary. */
  message?: string;
  isError: boolean;
  /** The main link (the build log, else the provider's page): the action's name links there. */
  primary?: number;
  links: LinkView[];
}

export interface RuleView {
  name: string;
  provider?: string;
  status: StatusView;
  duration?: string;
  message?: string;
  links: LinkView[];
}

export interface StageView {
  name: string;
  status: StatusView;
  duration?: string;
  bar?: Bar;
  blocked: boolean;
  reached: boolean;
  rules: RuleView[];
  actions: ActionView[];
}

export interface FactView {
  label: string;
  value: string;
  target?: number;
}

export interface TimelineView {
  pipelineName: string;
  executionId: string;
  status: StatusView;
  statusSummary?: string;
  running: boolean;
  facts: FactView[];
  links: LinkView[];
  stages: StageView[];
  variables: { reference: string; value: string; outputBy: string }[];
  targets: TimelineTarget[];
}

const TONES: Record<ExecutionStatus, Tone> = {
  InProgress: 'running', Stopping: 'running', Succeeded: 'succeeded', Failed: 'failed', Stopped: 'stopped', Cancelled: 'stopped',
  Abandoned: 'stopped', Superseded: 'neutral', Skipped: 'neutral', Unknown: 'neutral',
};

const CONDITION_TONES: Record<ConditionStatus, Tone> = {
  InProgress: 'running', Succeeded: 'succeeded', Failed: 'failed', Errored: 'failed', Overridden: 'neutral', Cancelled: 'stopped',
  Abandoned: 'stopped', Unknown: 'neutral',
};

function iconParts(id: string): { icon: string; spin: boolean } {
  return { icon: id.replace(/~spin$/, ''), spin: id.endsWith('~spin') };
}

export function executionStatusView(status: ExecutionStatus | undefined): StatusView {
  return { label: statusLabel(status), ...iconParts(statusIcon(status).id), tone: status ? TONES[status] : 'neutral' };
}

function conditionStatusView(status: ConditionStatus): StatusView {
  return { label: conditionStatusLabel(status), ...iconParts(conditionIcon(status).id), tone: CONDITION_TONES[status] };
}

export interface TimelineViewOptions {
  region: string;
  now: number;
}

class Targets {
  readonly list: TimelineTarget[] = [];
  add(target: TimelineTarget): number {
    return this.list.push(target) - 1;
  }
  url(url: string | undefined): number | undefined {
    const safe = httpsOnly(url);
    return safe ? this.add({ kind: 'url', url: safe }) : undefined;
  }
}

function bar(start: number | undefined, end: number | undefined, from: number | undefined, to: number | undefined): Bar | undefined {
  if (start === undefined || end === undefined || from === undefined || to === undefined) return undefined;
  const span = Math.max(to - from, 1);
  const s = Math.min(Math.max((start - from) / span, 0), 1);
  return { start: s, width: Math.min(Math.max((end - start) / span, 0), 1 - s) };
}

function actionView(a: ActionExecutionInfo, targets: Targets, o: TimelineViewOptions, from: number | undefined, to: number | undefined): ActionView {
  const end = isActive(a.status) ? o.now : a.lastUpdateTime;
  const links: LinkView[] = [];
  let primary: number | undefined;
  if (a.provider === 'CodeBuild' && a.externalExecutionId) {
    primary = targets.add({ kind: 'buildLogs', stageName: a.stageName, actionName: a.actionName, provider: a.provider, externalExecutionId: a.externalExecutionId,
      ...(a.logStreamArn ? { logStreamArn: a.logStreamArn } : {}), running: isActive(a.status) });
    links.push({ label: 'Build log', icon: 'output', target: primary });
    links.push({ label: 'Build in console', icon: 'link-external', target: targets.add({ kind: 'url', url: buildConsoleUrl(o.region, a.externalExecutionId) }) });
  } else {
    const logArn = /^arn:[^:]+:logs:[^:]*:[^:]*:log-group:(.+):log-stream:(.+)$/.exec(a.logStreamArn ?? '');
    if (logArn?.[1] && logArn[2]) links.push({ label: 'Log in console', icon: 'output', target: targets.add({ kind: 'url', url: logStreamConsoleUrl(o.region, logArn[1], logArn[2]) }) });
  }
  const details = targets.url(a.externalExecutionUrl);
  if (details !== undefined) {
    links.push({ label: 'Details', icon: 'link-external', target: details });
    primary ??= details;
  }
  const message = a.errorMessage ?? a.summary;
  return {
    name: a.actionName,
    ...(a.provider ? { provider: a.provider } : {}),
    status: executionStatusView(a.status),
    ...(a.startTime !== undefined ? { started: formatTimestamp(a.startTime).slice(11) } : {}),
    ...(a.startTime !== undefined && end !== undefined ? { duration: formatDuration(end - a.startTime) } : {}),
    ...(bar(a.startTime, end ?? a.startTime, from, to) ? { bar: bar(a.startTime, end ?? a.startTime, from, to)! } : {}),
    ...(message ? { message: firstLine(message, 300) } : {}),
    isError: a.errorMessage !== undefined,
    ...(primary !== undefined ? { primary } : {}),
    links,
  };
}

export function timelineView(detail: ExecutionDetail, structure: PipelineStructure | undefined, o: TimelineViewOptions): TimelineView {
  const targets = new Targets();
  const spans = stageSpans(detail, structure, o.now);
  const starts = spans.map((s) => s.start).filter((t): t is number => t !== undefined);
  const ends = spans.map((s) => s.end).filter((t): t is number => t !== undefined);
  const from = starts.length ? Math.min(...starts) : undefined;
  const to = ends.length ? Math.max(...ends) : undefined;

  const facts: FactView[] = [];
  if (from !== undefined) facts.push({ label: 'Started', value: formatTimestamp(from) });
  if (from !== undefined && to !== undefined) facts.push({ label: isActive(detail.status) ? 'Running for' : 'Took', value: formatDuration(to - from) });
  const trigger = describeTrigger(detail, structure?.triggers);
  if (trigger.full) facts.push({ label: 'Trigger', value: trigger.full });
  for (const f of trigger.filters) facts.push({ label: 'Trigger filter', value: f });
  if (detail.executionMode || detail.executionType === 'ROLLBACK') {
    facts.push({ label: 'Mode', value: [detail.executionMode, detail.executionType === 'ROLLBACK' ? 'rollback execution' : undefined].filter(Boolean).join(' · ') });
  }
  for (const r of detail.artifactRevisions) {
    const message = commitMessageOf(r.revisionSummary);
    const link = targets.url(r.revisionUrl);
    facts.push({ label: `Source ${r.name}`, value: [r.revisionId ? shortRevision(r.revisionId) : '–', message ? firstLine(message, 100) : ''].filter(Boolean).join(' '),
      ...(link !== undefined ? { target: link } : {}) });
  }
  if (detail.variables.length) facts.push({ label: 'Pipeline variables', value: detail.variables.map((v) => `${v.name}=${v.value}`).join(', ') });
  if (detail.pipelineVersion !== undefined) facts.push({ label: 'Pipeline version', value: String(detail.pipelineVersion) });
  facts.push({ label: 'Execution id', value: detail.id });

  const stages: StageView[] = spans.map((s) => {
    const rules = [...(detail.rules ?? []).filter((r) => r.stageName === s.name)].sort((a, b) => (a.startTime ?? 0) - (b.startTime ?? 0));
    const held = !s.actions.length ? heldBy(rules, structure?.stages.find((d) => d.name === s.name)?.conditions) : undefined;
    const blocked = held !== undefined;
    const status: StatusView = held === 'SKIP' ? { label: 'Skipped by a condition', icon: 'debug-step-over', spin: false, tone: 'neutral' }
      : blocked ? { label: 'Blocked by a condition', icon: 'lock', spin: false, tone: 'failed' }
      : s.status ? executionStatusView(s.status) : { label: 'Not reached', icon: 'circle-outline', spin: false, tone: 'neutral' };
    return {
      name: s.name, status, blocked, reached: s.actions.length > 0,
      ...(s.start !== undefined && s.end !== undefined ? { duration: formatDuration(s.end - s.start) } : {}),
      ...(bar(s.start, s.end, from, to) ? { bar: bar(s.start, s.end, from, to)! } : {}),
      rules: rules.map((r) => {
        const end = r.status === 'InProgress' ? o.now : r.lastUpdateTime;
        const details = targets.url(r.externalExecutionUrl);
        const message = r.errorMessage ?? r.summary;
        return {
          name: r.ruleName, ...(r.provider ? { provider: r.provider } : {}), status: conditionStatusView(r.status),
          ...(r.startTime !== undefined && end !== undefined ? { duration: formatDuration(end - r.startTime) } : {}),
          ...(message ? { message: firstLine(message, 300) } : {}),
          links: details !== undefined ? [{ label: 'Details', icon: 'link-external', target: details }] : [],
        };
      }),
      actions: s.actions.map((a) => actionView(a, targets, o, from, to)),
    };
  });

  const links: LinkView[] = [
    { label: 'Open in AWS Console', icon: 'link-external', target: targets.add({ kind: 'url', url: executionConsoleUrl(o.region, detail.pipelineName, detail.id) }) },
    { label: 'Open as Markdown', icon: 'markdown', target: targets.add({ kind: 'markdown' }) },
  ];
  return {
    pipelineName: detail.pipelineName, executionId: detail.id, status: executionStatusView(detail.status),
    ...(detail.statusSummary ? { statusSummary: detail.statusSummary } : {}),
    running: isActive(detail.status), facts, links, stages, variables: outputVariables(detail), targets: targets.list,
  };
}

/** Action output variables as later actions reference them: `#{namespace.name}`, from each action's latest run. */
function outputVariables(detail: ExecutionDetail): TimelineView['variables'] {
  return [...latestOutputActions(detail).values()].flatMap((a) => Object.entries(a.outputVariables ?? {}).map(([name, value]) => ({
    reference: a.namespace ? `#{${a.namespace}.${name}}` : name, value: firstLine(value, 200), outputBy: `${a.stageName} / ${a.actionName}`,
  })));
}
