// How each tree node looks: label, description, icon, markdown tooltip, context value. Pure, so the
// same presentation feeds the VS Code tree, the benchmark's "first paint" and the unit tests.
import { attentionOf } from '../model/attention';
import { parseTargetKey } from '../model/keys';
import { codeDeployDeploymentId, executionsInFlight, findAction, findStage, isCodeBuildAction, isRetryable, pendingApprovals, stagesOf, whereIs, type ActionView, type StageView } from '../model/queries';
import type { PipelineStore } from '../model/store';
import type { TreeNode } from '../model/tree';
import { isActive, type ExecutionSummary, type PipelineKey } from '../model/types';
import { escapeMarkdown, inlineCode, link } from '../../core/markdown';
import { providerIcon, providerLabel } from './providers';
import { commitMessageOf, firstLine, revisionLine, shortRevision } from './revision';
import { statusGlyph, statusIcon, statusLabel } from './status';
import { configurationKeyLabel, executionModePhrase, pipelineTypePhrase, sourceRevisionLabel } from './words';
import { formatAgo, formatDuration, formatTimestamp } from '../../core/format';
import { presentMessage } from '../../aws/error-rows';
import { loadMoreNode, parseTreeId, type IconSpec, type NodePresentation } from '../../core/tree';
import { presentCondition, presentRule, stageV2Parts } from './conditions';
import { describeTrigger } from './triggers';

export type { NodePresentation } from '../../core/tree';

export interface PresentContext {
  store: PipelineStore;
  now: number;
  isPinned(key: PipelineKey): boolean;
  isWatched(key: PipelineKey): boolean;
  pageSize: number;
}

export const COMMANDS = {
  loadMore: 'conveyor.pipelines.loadMore',
  refresh: 'conveyor.pipelines.refresh',
  showExecution: 'conveyor.pipelines.showExecution',
  showActionLogs: 'conveyor.pipelines.showActionLogs',
} as const;

export function present(node: TreeNode, ctx: PresentContext): NodePresentation {
  switch (node.kind) {
    case 'target':
      return presentTarget(node.id, node.target, ctx);
    case 'pipeline':
      return presentPipeline(node.id, node.key, ctx);
    case 'stage':
      return presentStage(node.id, node.key, node.stage, ctx);
    case 'action':
      return presentAction(node.id, node.key, node.stage, node.action, ctx);
    case 'executions':
      return presentExecutions(node.id, node.key, ctx);
    case 'execution':
      return presentExecution(node.id, node.key, node.executionId, ctx);
    case 'condition':
      return presentCondition(node.id, node.condition, stageOf(ctx, node.key, node.stage), ctx.now);
    case 'rule':
      return presentRule(node.id, node.condition, node.index, node.rule, stageOf(ctx, node.key, node.stage), ctx.now);
    case 'moreExecutions':
      return loadMoreNode(node.id, COMMANDS.loadMore, { tooltip: 'Load the next page of executions' });
    case 'morePipelines': {
      const next = Math.min(ctx.pageSize, node.remaining);
      return loadMoreNode(node.id, COMMANDS.loadMore, {
        label: `Show ${next} more…`, description: `${node.remaining.toLocaleString('en-US')} not shown`,
        tooltip: 'Show the next page of pipelines. Use the filter to find one by name.',
      });
    }
    case 'message':
      return presentMessage(node, COMMANDS.refresh, profileOfNode(node.parentId));
  }
}

function presentTarget(id: string, target: string, ctx: PresentContext): NodePresentation {
  const t = ctx.store.target(target);
  const parsed = parseTargetKey(target);
  const label = t?.ref.label ?? parsed?.profile ?? target;
  const region = parsed?.region ?? '';
  const count = t?.pipelines ? `${t.names.length.toLocaleString('en-US')} pipelines` : '';
  return {
    id, label, collapsible: 'expanded', contextValue: 'account',
    description: [t?.ref.label ? `${parsed?.profile ?? ''} · ${region}` : region, count].filter(Boolean).join(' · '),
    icon: t?.error ? { id: 'warning', color: 'problemsWarningIcon.foreground' } : { id: 'cloud' },
    tooltip: [`**${escapeMarkdown(label)}**`, `Profile ${inlineCode(parsed?.profile ?? '')} · region ${inlineCode(region)}`,
      t?.error ? `$(warning) ${escapeMarkdown(t.error.message)}` : ''].filter(Boolean).join('\n\n'),
  };
}

function latestOf(ctx: PresentContext, key: PipelineKey): ExecutionSummary | undefined {
  return ctx.store.pipeline(key)?.recent?.[0];
}

/** "Succeeded · 5 min ago"; running executions count from their start. */
export function executionDescription(x: ExecutionSummary | undefined, now: number): string {
  if (!x) return 'Never run';
  const running = isActive(x.status);
  const when = running ? x.startTime : x.lastUpdateTime ?? x.startTime;
  return when === undefined ? statusLabel(x.status) : `${statusLabel(x.status)} · ${formatAgo(when, now)}`;
}

function stageOf(ctx: PresentContext, key: PipelineKey, stage: string): StageView | undefined {
  const e = ctx.store.pipeline(key);
  return findStage(e?.structure, e?.runtime, stage);
}

function executionTooltipLines(x: ExecutionSummary, now: number, ctx?: { key: PipelineKey; store: PipelineStore }): string[] {
  const lines: string[] = [];
  const e = ctx ? ctx.store.pipeline(ctx.key) : undefined;
  lines.push(`${statusGlyph(x.status)} ${escapeMarkdown(executionDescription(x, now))}`
    + (x.lastUpdateTime ? ` (${escapeMarkdown(formatTimestamp(x.lastUpdateTime))})` : ''));
  if (x.statusSummary) lines.push(escapeMarkdown(x.statusSummary));
  const trigger = describeTrigger(x, e?.structure?.triggers);
  if (trigger.full) lines.push(`Trigger: ${escapeMarkdown(trigger.full)}`);
  for (const f of trigger.filters) lines.push(`Trigger filter: ${escapeMarkdown(f)}`);
  if (x.executionMode) lines.push(`Mode: ${escapeMarkdown(x.executionMode)}${x.executionType === 'ROLLBACK' ? ' · rollback execution' : ''}`);
  for (const rev of x.sourceRevisions) {
    const message = commitMessageOf(rev.revisionSummary);
    const id = rev.revisionId ? link(shortRevision(rev.revisionId), rev.revisionUrl) : '';
    lines.push(`${escapeMarkdown(sourceRevisionLabel(rev.actionName))}: ${id}${message ? ` — ${escapeMarkdown(firstLine(message, 120))}` : ''}`);
  }
  if (x.stopReason) lines.push(`Stopped: ${escapeMarkdown(x.stopReason)}`);
  if (x.startTime && x.lastUpdateTime && !isActive(x.status)) lines.push(`Duration: ${formatDuration(x.lastUpdateTime - x.startTime)}`);
  lines.push(`Execution ${inlineCode(x.id)}`);
  return lines;
}

function presentPipeline(id: string, key: PipelineKey, ctx: PresentContext): NodePresentation {
  const e = ctx.store.pipeline(key);
  const latest = latestOf(ctx, key);
  const approvals = pendingApprovals(e?.runtime);
  const attention = attentionOf(e);
  const pinned = ctx.isPinned(key);
  const watched = ctx.isWatched(key);
  const flags = [
    pinned ? 'pinned' : 'unpinned',
    watched ? 'watched' : 'unwatched',
    ...(latest && isActive(latest.status) ? ['running'] : []),
    ...(approvals.length ? ['approval'] : []),
  ];
  let icon: IconSpec;
  let description: string;
  if (e?.deleted) {
    icon = { id: 'trash', color: 'errorForeground' };
    description = 'Deleted';
  } else if (e?.error && !e.recent) {
    icon = { id: 'warning', color: 'problemsWarningIcon.foreground' };
    description = e.error.message;
  } else if (!e?.recent) {
    icon = { id: 'circle-large-outline' };
    description = '';
  } else if (approvals.length) {
    icon = { id: 'person', color: 'charts.yellow' };
    const since = latest?.startTime;
    description = `Waiting for approval${since ? ` · ${formatAgo(since, ctx.now)}` : ''}`;
  } else if (attention.kind === 'blocked') {
    icon = { id: 'lock', color: 'charts.yellow' };
    description = `Blocked: ${attention.stageName} transition disabled`;
  } else {
    icon = statusIcon(latest?.status);
    description = executionDescription(latest, ctx.now);
  }
  const summary = e?.summary;
  const header = `**${escapeMarkdown(key.name)}**`
    + [summary?.pipelineType ? pipelineTypePhrase(summary.pipelineType) : undefined,
      summary?.executionMode ? executionModePhrase(summary.executionMode) : undefined, summary?.version ? `version ${summary.version}` : undefined]
      .filter(Boolean).map((s) => ` · ${escapeMarkdown(String(s))}`).join('');
  const inFlight = executionsInFlight(e?.recent, e?.runtime);
  if (inFlight.length > 1 && !e?.deleted && !approvals.length) {
    icon = statusIcon('InProgress');
    const where = inFlight.map((f) => f.stage ?? (f.waitingAt ? `waiting for ${f.waitingAt}` : '')).filter(Boolean);
    description = `${inFlight.length} in progress${where.length ? ` · ${where.join(', ')}` : ''}`;
  }
  const lines = [header];
  if (inFlight.length > 1) {
    lines.push(`$(sync) ${inFlight.length} executions in flight:`
      + inFlight.map((f) => `  \n${inlineCode(f.execution.id.slice(0, 8))} ${escapeMarkdown(revisionLine(f.execution.sourceRevisions[0]) ?? '')}`
        + (f.stage ? ` — in ${escapeMarkdown(f.stage)}` : f.waitingAt ? ` — waiting to enter ${escapeMarkdown(f.waitingAt)}` : '')).join(''));
  }
  if (latest) lines.push(...executionTooltipLines(latest, ctx.now, { key, store: ctx.store }));
  else if (e?.recent) lines.push('Never run');
  for (const a of approvals) lines.push(`$(person) Waiting for approval: ${escapeMarkdown(a.stageName)} / ${escapeMarkdown(a.actionName)}`);
  if (attention.kind === 'blocked') {
    lines.push(`$(lock) Held before ${escapeMarkdown(attention.stageName)}: its inbound transition is disabled`
      + (attention.reason ? ` (“${escapeMarkdown(attention.reason)}”)` : '') + '. Enable it to let the run continue.');
  }
  if (e?.error) lines.push(`$(warning) ${escapeMarkdown(e.error.message)}`);
  if (e?.deleted) lines.push('$(trash) This pipeline no longer exists.');
  const follow = [pinned ? '$(pin) Pinned to the status bar' : '', watched ? '$(eye) Watched: you get notifications' : ''].filter(Boolean);
  if (follow.length) lines.push(follow.join(' · '));
  return {
    id, label: key.name, description, icon, tooltip: lines.join('\n\n'),
    contextValue: ['pipeline', ...flags].join(':'),
    collapsible: 'collapsed',
  };
}

function stageTime(stage: StageView): number | undefined {
  let latest: number | undefined;
  for (const a of stage.runtime?.actions ?? []) {
    if (a.lastStatusChange !== undefined && (latest === undefined || a.lastStatusChange > latest)) latest = a.lastStatusChange;
  }
  return latest;
}

function presentStage(id: string, key: PipelineKey, stageName: string, ctx: PresentContext): NodePresentation {
  const e = ctx.store.pipeline(key);
  const stages = stagesOf(e?.structure, e?.runtime);
  const stage = findStage(e?.structure, e?.runtime, stageName);
  const first = stages[0]?.name === stageName;
  const status = stage?.runtime?.status;
  const inbound = stage?.runtime?.inbound;
  const disabled = inbound !== undefined && !inbound.enabled;
  const when = stage ? stageTime(stage) : undefined;
  const v2 = stageV2Parts(stage, { v2: (e?.structure?.pipelineType ?? e?.summary.pipelineType) === 'V2', first, now: ctx.now });
  const waiting = stage?.runtime?.actions.some((a) => a.status === 'InProgress' && a.token !== undefined) ?? false;
  const parts = [
    disabled ? 'Transition disabled' : '',
    ...v2.description,
    waiting ? 'Waiting for approval' : status ? statusLabel(status) : stage?.runtime ? 'Not run yet' : '',
    when !== undefined ? formatAgo(when, ctx.now) : '',
  ].filter(Boolean);
  const flags = [
    ...(first ? [] : [disabled ? 'transitionDisabled' : 'transitionEnabled']),
    ...(isRetryable(status) && stage?.runtime?.latestExecutionId ? ['retryable'] : []),
    ...(status === 'InProgress' ? ['running'] : []),
    ...v2.flags,
  ];
  const plain = parts.filter((p) => p !== 'Transition disabled' && !v2.description.includes(p));
  const lines = [`**${escapeMarkdown(stageName)}**`, `${waiting ? '$(person)' : statusGlyph(status)} ${escapeMarkdown(plain.join(' · ') || 'Not run yet')}`];
  lines.push(...v2.tooltip);
  if (stage?.runtime?.latestExecutionId) lines.push(`Execution ${inlineCode(stage.runtime.latestExecutionId)}`);
  if (disabled) {
    lines.push(`$(lock) Inbound transition disabled${inbound?.disabledReason ? `: ${escapeMarkdown(inbound.disabledReason)}` : ''}`
      + (inbound?.lastChangedBy ? ` — by ${escapeMarkdown(inbound.lastChangedBy)}` : '')
      + (inbound?.lastChangedAt ? ` ${formatAgo(inbound.lastChangedAt, ctx.now)}` : ''));
  }
  // A human is awaited (not spinning), a closed transition is a lock whatever the stage's last run did.
  const attention = attentionOf(e);
  const holding = attention.kind === 'blocked' && attention.stageName === stageName;
  if (holding) lines.push(`$(lock) The latest run waits here until the transition is enabled.`);
  const icon: IconSpec = waiting ? { id: 'person', color: 'charts.yellow' }
    : disabled ? { id: 'lock', color: holding ? 'charts.yellow' : 'disabledForeground' } : v2.icon ?? statusIcon(status);
  return {
    id, label: stageName, description: parts.join(' · '), icon, tooltip: lines.join('\n\n'),
    contextValue: ['stage', ...flags].join(':'),
    collapsible: status === 'InProgress' || status === 'Failed' ? 'expanded' : 'collapsed',
  };
}

function actionIcon(action: ActionView): IconSpec {
  const status = action.runtime?.status;
  const base = providerIcon(action.declaration);
  if (status === 'InProgress') return action.runtime?.token ? { id: 'person', color: 'charts.yellow' } : { id: 'sync~spin', color: 'charts.blue' };
  if (!status || status === 'Unknown') return action.declaration ? { id: base } : statusIcon(undefined);
  const color = statusIcon(status).color;
  return color ? { id: base, color } : { id: base };
}

function presentAction(id: string, key: PipelineKey, stageName: string, actionName: string, ctx: PresentContext): NodePresentation {
  const e = ctx.store.pipeline(key);
  const action = findAction(e?.structure, e?.runtime, stageName, actionName) ?? { name: actionName };
  const rt = action.runtime;
  const provider = providerLabel(action.declaration);
  const approval = rt?.status === 'InProgress' && rt.token !== undefined;
  const statusText = approval ? 'Waiting for approval' : rt?.status ? statusLabel(rt.status) : 'Not run yet';
  const detail = rt?.status === 'Failed' ? rt.errorMessage ?? rt.summary : rt?.summary;
  const description = [
    provider,
    statusText,
    rt?.lastStatusChange !== undefined ? formatAgo(rt.lastStatusChange, ctx.now) : '',
    detail ? firstLine(detail, 80) : '',
  ].filter(Boolean).join(' · ');
  const codebuild = isCodeBuildAction(action);
  const flags = [
    ...(approval ? ['approval'] : []),
    ...(codebuild ? ['codebuild'] : []),
    ...(codeDeployDeploymentId(action) ? ['codedeploy'] : []),
    ...(rt?.status === 'Failed' ? ['failed'] : []),
    ...(rt?.externalExecutionUrl || rt?.entityUrl ? ['link'] : []),
  ];
  const lines = [`**${escapeMarkdown(actionName)}**${provider ? ` · ${escapeMarkdown(provider)}` : ''}`
    + (action.declaration ? ` · ${escapeMarkdown(action.declaration.category)} · run order ${action.declaration.runOrder}` : '')];
  lines.push(`${approval ? '$(person)' : statusGlyph(rt?.status)} ${escapeMarkdown(statusText)}`
    + (rt?.lastStatusChange !== undefined ? ` · ${escapeMarkdown(formatAgo(rt.lastStatusChange, ctx.now))}` : ''));
  if (rt?.summary) lines.push(escapeMarkdown(rt.summary));
  if (rt?.errorCode || rt?.errorMessage) {
    lines.push(`$(error) ${rt.errorCode ? `${inlineCode(rt.errorCode)} ` : ''}${escapeMarkdown(rt.errorMessage ?? '')}`);
  }
  const config = action.declaration?.configuration ?? {};
  const configKeys = Object.keys(config).filter((k) => !/token|secret|password/i.test(k)).slice(0, 6);
  if (configKeys.length) lines.push(configKeys.map((k) => `${escapeMarkdown(configurationKeyLabel(k))}: ${inlineCode(config[k] ?? '')}`).join('  \n'));
  if (rt?.externalExecutionId) lines.push(`External execution ${link(rt.externalExecutionId, rt.externalExecutionUrl)}`);
  else if (rt?.externalExecutionUrl) lines.push(link('Open execution details', rt.externalExecutionUrl));
  if (rt?.entityUrl) lines.push(link('Open the resource', rt.entityUrl));
  // A build that ran opens its log on click, as a job does in GitHub Actions.
  const opensLog = codebuild && rt?.externalExecutionId !== undefined;
  if (opensLog) lines.push('_Click to open the build log._');
  if (codeDeployDeploymentId(action)) lines.push('_Show Deployment opens its targets and lifecycle events._');
  return {
    id, label: actionName, description, icon: actionIcon(action), tooltip: lines.join('\n\n'),
    contextValue: ['action', ...flags].join(':'), collapsible: 'none',
    ...(opensLog ? { command: { id: COMMANDS.showActionLogs, title: 'Show Build Logs' } } : {}),
  };
}

function presentExecutions(id: string, key: PipelineKey, ctx: PresentContext): NodePresentation {
  const e = ctx.store.pipeline(key);
  const loaded = e?.executions?.items.length;
  return {
    id, label: 'Executions', icon: { id: 'history' }, contextValue: 'executions', collapsible: 'collapsed',
    ...(loaded ? { description: `${loaded}${e?.executions?.nextToken ? '+' : ''}` } : {}),
    tooltip: `Execution history of **${escapeMarkdown(key.name)}**`,
  };
}

function presentExecution(id: string, key: PipelineKey, executionId: string, ctx: PresentContext): NodePresentation {
  const e = ctx.store.pipeline(key);
  const x = e?.executions?.items.find((i) => i.id === executionId) ?? e?.recent?.find((i) => i.id === executionId);
  if (!x) return { id, label: executionId.slice(0, 8), contextValue: 'execution', collapsible: 'none' };
  const duration = x.startTime !== undefined && x.lastUpdateTime !== undefined && !isActive(x.status)
    ? formatDuration(x.lastUpdateTime - x.startTime) : '';
  const rev = revisionLine(x.sourceRevisions[0]);
  const trigger = describeTrigger(x, e?.structure?.triggers).short;
  const place = isActive(x.status) ? whereIs(e?.runtime, x.id) : {};
  const at = place.stage ? `at ${place.stage}` : place.waitingAt ? `queued before ${place.waitingAt}` : '';
  return {
    id,
    label: rev ?? x.id.slice(0, 8),
    description: [executionDescription(x, ctx.now), at, trigger, duration].filter(Boolean).join(' · '),
    icon: statusIcon(x.status),
    tooltip: [`**${escapeMarkdown(key.name)}** execution`, ...executionTooltipLines(x, ctx.now, { key, store: ctx.store })].join('\n\n'),
    contextValue: ['execution', isActive(x.status) ? 'running' : 'done', ...(x.status === 'Failed' ? ['failed'] : []),
      ...(x.status === 'Succeeded' && (e?.structure?.pipelineType ?? e?.summary.pipelineType) === 'V2' ? ['rollbackTarget'] : [])].join(':'),
    collapsible: 'none',
    command: { id: COMMANDS.showExecution, title: 'Show execution' },
  };
}

/** The profile of the target a node id belongs to (every id's first part is its target key). */
function profileOfNode(id: string): string | undefined {
  const target = parseTreeId(id)?.parts[0];
  return target === undefined ? undefined : parseTargetKey(target)?.profile;
}
