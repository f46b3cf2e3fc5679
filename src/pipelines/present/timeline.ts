// "Show execution": a read-only markdown timeline of one pipeline execution — stages in pipeline
// order, their actions with start, duration, status and links, and a text Gantt bar per stage.
import type { ActionExecutionInfo, ExecutionDetail, ExecutionStatus, PipelineStructure } from '../model/types';
import { isActive } from '../model/types';
import { buildConsoleUrl, logStreamConsoleUrl } from '../../aws/console';
import { executionConsoleUrl } from './console';
import { escapeMarkdown, ganttBar, inlineCode, link, tableCell } from '../../core/markdown';
import { commitMessageOf, firstLine, shortRevision } from './revision';
import { statusLabel } from './status';
import { conditionStatusLabel } from './conditions';
import { describeTrigger } from './triggers';
import type { RuleExecutionInfo, StageConditionDeclarations } from '../model/conditions';
import { formatDuration, formatTimestamp } from '../../core/format';

interface StageSpan {
  name: string;
  actions: ActionExecutionInfo[];
  start?: number;
  end?: number;
  status?: ExecutionStatus;
}

/** The stage's status from its actions' latest attempts: failure wins, then running, then success. */
function stageStatus(actions: ActionExecutionInfo[]): ExecutionStatus | undefined {
  if (!actions.length) return undefined;
  const latest = new Map<string, ActionExecutionInfo>();
  for (const a of actions) {
    const prev = latest.get(a.actionName);
    if (!prev || (a.startTime ?? 0) >= (prev.startTime ?? 0)) latest.set(a.actionName, a);
  }
  const statuses = [...latest.values()].map((a) => a.status);
  for (const s of ['Failed', 'InProgress', 'Stopping', 'Stopped', 'Abandoned', 'Cancelled'] as const) if (statuses.includes(s)) return s;
  return statuses.every((s) => s === 'Succeeded') ? 'Succeeded' : statuses[0];
}

export function stageSpans(detail: ExecutionDetail, structure: PipelineStructure | undefined, now: number): StageSpan[] {
  const order = structure?.stages.map((s) => s.name) ?? [];
  for (const a of detail.actions) if (!order.includes(a.stageName)) order.push(a.stageName);
  return order.map((name) => {
    const actions = detail.actions.filter((a) => a.stageName === name).sort((a, b) => (a.startTime ?? 0) - (b.startTime ?? 0));
    const starts = actions.map((a) => a.startTime).filter((t): t is number => t !== undefined);
    const ends = actions.map((a) => (isActive(a.status) ? now : a.lastUpdateTime ?? a.startTime)).filter((t): t is number => t !== undefined);
    const status = stageStatus(actions);
    return {
      name, actions,
      ...(starts.length ? { start: Math.min(...starts) } : {}),
      ...(ends.length ? { end: Math.max(...ends) } : {}),
      ...(status ? { status } : {}),
    };
  });
}

function actionLinks(a: ActionExecutionInfo, region: string): string {
  const links: string[] = [];
  if (a.externalExecutionUrl) links.push(link('details', a.externalExecutionUrl));
  if (a.provider === 'CodeBuild' && a.externalExecutionId) links.push(link('build', buildConsoleUrl(region, a.externalExecutionId)));
  const logArn = /^arn:[^:]+:logs:[^:]*:[^:]*:log-group:(.+):log-stream:(.+)$/.exec(a.logStreamArn ?? '');
  if (logArn?.[1] && logArn[2]) links.push(link('logs', logStreamConsoleUrl(region, logArn[1], logArn[2])));
  return links.join(' · ');
}

export interface TimelineOptions {
  region: string;
  now: number;
}

export function renderTimeline(detail: ExecutionDetail, structure: PipelineStructure | undefined, opts: TimelineOptions): string {
  const spans = stageSpans(detail, structure, opts.now);
  const starts = spans.map((s) => s.start).filter((t): t is number => t !== undefined);
  const ends = spans.map((s) => s.end).filter((t): t is number => t !== undefined);
  const from = starts.length ? Math.min(...starts) : undefined;
  const to = ends.length ? Math.max(...ends) : undefined;
  const out: string[] = [];
  out.push(`# ${escapeMarkdown(detail.pipelineName)} · execution ${inlineCode(detail.id.slice(0, 8))}`, '');
  const facts: string[] = [];
  facts.push(`**Status:** ${statusLabel(detail.status)}${detail.statusSummary ? ` — ${escapeMarkdown(detail.statusSummary)}` : ''}`);
  if (from !== undefined) facts.push(`**Started:** ${formatTimestamp(from)}`);
  if (from !== undefined && to !== undefined) facts.push(`**${isActive(detail.status) ? 'Running for' : 'Took'}:** ${formatDuration(to - from)}`);
  const trigger = describeTrigger(detail, structure?.triggers);
  if (trigger.full) facts.push(`**Trigger:** ${escapeMarkdown(trigger.full)}`);
  for (const f of trigger.filters) facts.push(`**Trigger filter:** ${escapeMarkdown(f)}`);
  if (detail.executionMode || detail.executionType === 'ROLLBACK') {
    facts.push(`**Mode:** ${escapeMarkdown(detail.executionMode ?? '')}${detail.executionType === 'ROLLBACK' ? ' · rollback execution' : ''}`);
  }
  for (const r of detail.artifactRevisions) {
    const message = commitMessageOf(r.revisionSummary);
    facts.push(`**Source ${escapeMarkdown(r.name)}:** ${r.revisionId ? link(shortRevision(r.revisionId), r.revisionUrl) : '–'}${message ? ` ${escapeMarkdown(firstLine(message, 100))}` : ''}`);
  }
  if (detail.variables.length) facts.push(`**Pipeline variables:** ${detail.variables.map((v) => `${escapeMarkdown(v.name)}=${inlineCode(v.value)}`).join(', ')}`);
  if (detail.pipelineVersion !== undefined) facts.push(`**Pipeline version:** ${detail.pipelineVersion}`);
  facts.push(`**Execution id:** ${inlineCode(detail.id)}`);
  facts.push(link('Open in the AWS console', executionConsoleUrl(opts.region, detail.pipelineName, detail.id)));
  out.push(facts.join('  \n'), '');

  if (from !== undefined && to !== undefined) {
    const width = Math.max(...spans.map((s) => s.name.length), 5);
    out.push('```text');
    for (const s of spans) {
      const duration = s.start !== undefined && s.end !== undefined ? formatDuration(s.end - s.start) : 'not reached';
      out.push(`${s.name.padEnd(width)} |${ganttBar(s.start, s.end, from, to)}| ${duration}`);
    }
    out.push('```', '');
  }

  for (const s of spans) {
    const duration = s.start !== undefined && s.end !== undefined ? ` · ${formatDuration(s.end - s.start)}` : '';
    const rules = detail.rules?.filter((r) => r.stageName === s.name) ?? [];
    const held = !s.actions.length ? heldBy(rules, structure?.stages.find((d) => d.name === s.name)?.conditions) : undefined;
    const blocked = held !== undefined;
    const state = held === 'SKIP' ? 'Skipped by a condition' : blocked ? 'Blocked by a condition' : s.status ? statusLabel(s.status) : 'Not reached';
    out.push(`## ${escapeMarkdown(s.name)} — ${state}${duration}`, '');
    out.push(...ruleTable(rules, opts.now));
    if (!s.actions.length) {
      if (!blocked) out.push('_This execution did not reach this stage._', '');
      continue;
    }
    out.push('| Status | Action | Provider | Started | Duration | Details |', '|---|---|---|---|---|---|');
    for (const a of s.actions) {
      const end = isActive(a.status) ? opts.now : a.lastUpdateTime;
      const took = a.startTime !== undefined && end !== undefined ? formatDuration(end - a.startTime) : '–';
      const details = [
        a.errorMessage ? `**Error:** ${escapeMarkdown(firstLine(a.errorMessage, 140))}` : a.summary ? escapeMarkdown(firstLine(a.summary, 140)) : '',
        actionLinks(a, opts.region),
      ].filter(Boolean).join(' · ');
      out.push(`| ${statusLabel(a.status)} | ${tableCell(escapeMarkdown(a.actionName))} | ${tableCell(a.provider ?? '')} | ${a.startTime !== undefined ? formatTimestamp(a.startTime).slice(11) : '–'} | ${took} | ${tableCell(details)} |`);
    }
    out.push('');
  }
  out.push(...variablesSection(detail));
  return out.join('\n');
}

/**
 * What a failed entry rule did to a stage the execution never ran: SKIP (its condition's result) or
 * FAIL (blocked); undefined when no rule failed.
 */
/** The result of the entry condition that held a stage back (FAIL blocks it, SKIP skips it), if a rule failed. */
export function heldBy(rules: readonly RuleExecutionInfo[], declared: StageConditionDeclarations | undefined): string | undefined {
  const failed = rules.find((r) => r.status === 'Failed' || r.status === 'Errored');
  if (!failed) return undefined;
  const condition = declared?.beforeEntry?.conditions.find((c) => c.rules.some((r) => r.name === failed.ruleName));
  return condition?.result ?? 'FAIL';
}

/** The rule evaluations of one stage: which rule decided what, and why. */
function ruleTable(rules: readonly RuleExecutionInfo[], now: number): string[] {
  if (!rules.length) return [];
  const out = ['**Conditions**', '', '| Status | Rule | Type | Started | Duration | Result |', '|---|---|---|---|---|---|'];
  for (const r of [...rules].sort((a, b) => (a.startTime ?? 0) - (b.startTime ?? 0))) {
    const end = r.status === 'InProgress' ? now : r.lastUpdateTime;
    const took = r.startTime !== undefined && end !== undefined ? formatDuration(end - r.startTime) : '–';
    const message = r.errorMessage ?? r.summary;
    const result = [conditionStatusLabel(r.status), message ? escapeMarkdown(firstLine(message, 140)) : '', r.externalExecutionUrl ? link('details', r.externalExecutionUrl) : '']
      .filter(Boolean).join(' · ');
    out.push(`| ${conditionStatusLabel(r.status)} | ${tableCell(escapeMarkdown(r.ruleName))} | ${tableCell(r.provider ?? '')} | ${r.startTime !== undefined ? formatTimestamp(r.startTime).slice(11) : '–'} | ${took} | ${tableCell(result)} |`);
  }
  out.push('');
  return out;
}

/** The latest run of each action that output variables. */
export function latestOutputActions(detail: ExecutionDetail): Map<string, ActionExecutionInfo> {
  const latest = new Map<string, ActionExecutionInfo>();
  for (const a of detail.actions) {
    if (!a.outputVariables) continue;
    const k = `${a.stageName}/${a.actionName}`;
    const prev = latest.get(k);
    if (!prev || (a.startTime ?? 0) >= (prev.startTime ?? 0)) latest.set(k, a);
  }
  return latest;
}

/** Action output variables as later actions reference them: `#{namespace.name}`. */
function variablesSection(detail: ExecutionDetail): string[] {
  const latest = latestOutputActions(detail);
  if (!latest.size) return [];
  const out = ['## Variables', '', '| Variable | Value | Output by |', '|---|---|---|'];
  for (const a of latest.values()) {
    for (const [name, value] of Object.entries(a.outputVariables ?? {})) {
      const ref = a.namespace ? `#{${a.namespace}.${name}}` : name;
      out.push(`| ${tableCell(inlineCode(ref))} | ${tableCell(inlineCode(firstLine(value, 200)))} | ${tableCell(escapeMarkdown(`${a.stageName} / ${a.actionName}`))} |`);
    }
  }
  out.push('');
  return out;
}
