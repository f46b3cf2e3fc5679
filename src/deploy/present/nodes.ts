// How each Deployments row looks (label, description, icon, tooltip, click), without editor types.
import { formatAgo, formatDuration, formatTimestamp } from '../../core/format';
import { errorNode, loadMoreNode, messageNode, type NodePresentation, placeholderNode, plainTooltip } from '../../core/tree';
import { canStop, continueWaitType } from '../model/deployment-actions';
import { groupKeyId, groupKeyOf } from '../model/keys';
import { deployNodeId, type DeployNode } from '../model/tree';
import type { DeploymentGroupSummary, DeploymentSummary, LifecycleEventInfo, TargetInfo } from '../model/types';
import {
  configLabel, deploymentIcon, deploymentStatusLabel, deploymentTypeLabel, platformIcon, platformLabel, targetKindIcon, targetKindLabel,
  targetStatusIcon, targetStatusLabel,
} from './status';

export const DEPLOY_COMMANDS = {
  loadMore: 'conveyor.deploy.loadMore',
  openFailure: 'conveyor.deploy.openFailure',
  showEventLog: 'conveyor.deploy.showEventLog',
  showError: 'conveyor.deploy.showError',
  showDetails: 'conveyor.deploy.showDeploymentDetails',
} as const;

export interface PresentContext {
  now: number;
  isWatched(groupKeyId: string): boolean;
}

/** Log lines a tooltip shows at most (the event's document has the whole tail). */
const TOOLTIP_LOG_LINES = 12;

const text = (s: string): string => plainTooltip(s);
const bold = (s: string): string => `**${text(s)}**`;
const join = (parts: readonly (string | undefined | false)[], sep = ' · '): string => parts.filter((p): p is string => Boolean(p)).join(sep);

export function presentDeployNode(node: DeployNode, ctx: PresentContext): NodePresentation {
  const id = deployNodeId(node);
  switch (node.kind) {
    case 'application': {
      const platform = platformLabel(node.application.computePlatform);
      return {
        id, label: node.application.name, collapsible: 'collapsed', contextValue: 'application', icon: platformIcon(node.application.computePlatform),
        ...(platform ? { description: platform } : {}),
        tooltip: join([bold(`Application ${node.application.name}`), platform && text(`Compute platform: ${platform}`),
          node.application.createTime !== undefined && text(`Created ${formatTimestamp(node.application.createTime)}`)], '\n\n'),
      };
    }
    case 'group': return presentGroup(id, node.group, node.account, ctx);
    case 'deployment': return presentDeployment(id, node.deployment, node.latest, ctx);
    case 'moreDeployments':
      return loadMoreNode(id, DEPLOY_COMMANDS.loadMore, { label: 'Load more deployments…', description: `${node.loaded} shown` });
    case 'target': return presentTarget(id, node.info, ctx);
    case 'moreTargets':
      return loadMoreNode(id, DEPLOY_COMMANDS.loadMore, {
        label: 'Load more targets…', description: node.total !== undefined ? `${node.loaded} of ${node.total} shown` : `${node.loaded} shown`,
      });
    case 'event': return presentEvent(id, node.event, node.info, node.deployment);
    case 'message': {
      const options = { ...(node.description ? { description: node.description } : {}), ...(node.tooltip ? { tooltip: text(node.tooltip) } : {}) };
      return node.hint ? placeholderNode(id, node.label, options) : messageNode(id, node.label, options);
    }
    case 'error':
      return errorNode(id, node.title, node.message, { command: { id: DEPLOY_COMMANDS.showError, title: 'Show what went wrong' } });
  }
}

function presentGroup(id: string, g: DeploymentGroupSummary, account: { profile: string; region: string }, ctx: PresentContext): NodePresentation {
  const last = g.lastAttempted;
  const watched = ctx.isWatched(groupKeyId(groupKeyOf(account, g.applicationName, g.name)));
  const style = deploymentTypeLabel(g.deploymentType);
  const lastText = last?.status ? `last ${deploymentStatusLabel({ status: last.status }).toLowerCase()}${last.createTime !== undefined ? ` ${formatAgo(last.createTime, ctx.now)}` : ''}` : 'no deployments yet';
  const ref = (label: string, r: typeof last): string | false => !!r && text(`${label}: ${r.id}${r.status ? ` (${r.status})` : ''}${r.createTime !== undefined ? `, ${formatTimestamp(r.createTime)}` : ''}`);
  return {
    id, label: g.name, collapsible: 'collapsed',
    description: join([style, configLabel(g.deploymentConfigName), lastText, watched && 'watched']),
    icon: last?.status ? deploymentIcon(last.status) : { id: 'circle-outline' },
    contextValue: join(['group', watched ? 'watched' : 'unwatched', g.lastSuccessful && 'redeployable'], ':'),
    tooltip: join([
      bold(`Deployment group ${g.name}`) + text(` · ${g.applicationName}`),
      text(join([platformLabel(g.computePlatform), style && `${style}${g.trafficControl ? ' with traffic control' : ''}`, g.deploymentConfigName])),
      g.loadBalancers.length > 0 && text(`Load balancing: ${g.loadBalancers.join(', ')}`),
      g.ecsServices.length > 0 && text(`ECS services: ${g.ecsServices.join(', ')}`),
      ref('Last deployment', last), ref('Last successful', g.lastSuccessful),
      watched && text('Watched: Conveyor tells you when its deployments end or wait.'),
    ], '\n\n'),
  };
}

function overviewText(d: DeploymentSummary): string | undefined {
  const parts = Object.entries(d.overview).filter(([, n]) => (n ?? 0) > 0).map(([status, n]) => `${n} ${status === 'InProgress' ? 'in progress' : status.toLowerCase()}`);
  return parts.length ? parts.join(', ') : undefined;
}

function presentDeployment(id: string, d: DeploymentSummary, latest: boolean, ctx: PresentContext): NodePresentation {
  const waitType = continueWaitType(d);
  const failed = d.status === 'Failed' || (d.overview.Failed ?? 0) > 0;
  const ended = d.completeTime !== undefined && d.startTime !== undefined ? formatDuration(d.completeTime - d.startTime) : undefined;
  const flags = [canStop(d) && 'stoppable', waitType && 'continuable', failed && 'failed', latest && 'latest'];
  return {
    id, label: d.id, collapsible: 'collapsed', icon: deploymentIcon(d.status),
    command: { id: DEPLOY_COMMANDS.showDetails, title: 'Show the deployment\'s details' },
    description: join([deploymentStatusLabel(d), d.createTime !== undefined && formatAgo(d.createTime, ctx.now), d.revision?.label, d.creator]),
    contextValue: join(['deployment', ...flags], ':'),
    tooltip: join([
      bold(`Deployment ${d.id}`) + text(` · ${d.applicationName} / ${d.groupName}`),
      text(join([deploymentStatusLabel(d), overviewText(d)])),
      d.error && `$(error) ${text(`${d.error.code}${d.error.message ? `: ${d.error.message}` : ''}`)}`,
      d.description && text(d.description),
      d.revision && text(`Revision: ${d.revision.label}`),
      d.previousRevision && text(`Previous revision: ${d.previousRevision.label}`),
      d.creator && text(`Created by: ${d.creator}`),
      text(join([d.createTime !== undefined && `Created ${formatTimestamp(d.createTime)}`, d.completeTime !== undefined && `ended ${formatTimestamp(d.completeTime)}`, ended && `took ${ended}`], ', ')),
      text(join([deploymentTypeLabel(d.deploymentType), d.deploymentConfigName])),
      d.rollback?.rollbackDeploymentId && text(`Rolled back by ${d.rollback.rollbackDeploymentId}${d.rollback.message ? `: ${d.rollback.message}` : ''}`),
      d.rollback?.triggeringDeploymentId && text(`Rollback of ${d.rollback.triggeringDeploymentId}`),
      waitType && text('Waiting for Continue Deployment to reroute traffic or end the originals.'),
    ], '\n\n'),
  };
}

function targetDetail(t: TargetInfo): string | undefined {
  if (t.lambda) {
    const l = t.lambda;
    const weight = l.targetVersionWeight !== undefined ? ` (${Math.round(l.targetVersionWeight * 100)}%)` : '';
    return l.currentVersion || l.targetVersion ? `v${l.currentVersion ?? '?'} → v${l.targetVersion ?? '?'}${weight}` : undefined;
  }
  if (t.taskSets?.length) return t.taskSets.map((s) => `${s.label ?? s.id} ${s.trafficWeight ?? 0}%`).join(', ');
  return t.label === 'Green' ? 'replacement' : t.label === 'Blue' ? 'original' : undefined;
}

function presentTarget(id: string, t: TargetInfo, ctx: PresentContext): NodePresentation {
  const failedEvent = t.events.find((e) => e.status === 'Failed');
  const running = t.events.find((e) => e.status === 'InProgress');
  return {
    id, label: t.id, collapsible: failedEvent ? 'expanded' : 'collapsed', icon: targetKindIcon(t.kind, t.status), contextValue: 'target',
    description: join([targetStatusLabel(t.status), failedEvent && `in ${failedEvent.name}`, running && `running ${running.name}`, targetDetail(t),
      t.lastUpdatedAt !== undefined && formatAgo(t.lastUpdatedAt, ctx.now)]),
    tooltip: join([
      bold(`${targetKindLabel(t.kind)} ${t.id}`),
      text(join([targetStatusLabel(t.status), t.label && `${t.label} (${t.label === 'Blue' ? 'original' : 'replacement'})`])),
      t.arn && text(t.arn),
      ...(t.taskSets ?? []).map((s) => text(join([`Task set ${s.id}`, s.label, s.status, `${s.trafficWeight ?? 0}% of traffic`, s.targetGroup,
        s.runningCount !== undefined && `${s.runningCount}/${s.desiredCount ?? '?'} running`]))),
      t.lambda && text(join([t.lambda.functionName, t.lambda.alias && `alias ${t.lambda.alias}`, targetDetail(t)])),
      t.lastUpdatedAt !== undefined && text(`Updated ${formatTimestamp(t.lastUpdatedAt)}`),
    ], '\n\n'),
  };
}

/** The last lines of a log tail, for a tooltip. */
function tailLines(tail: string, max: number): string[] {
  const lines = tail.replace(/\r\n?/g, '\n').replace(/\n+$/, '').split('\n');
  return lines.length > max ? ['…', ...lines.slice(-max)] : lines;
}

function presentEvent(id: string, e: LifecycleEventInfo, t: TargetInfo, d: DeploymentSummary): NodePresentation {
  const diag = e.diagnostics;
  const failed = e.status === 'Failed';
  const hasLog = Boolean(diag?.logTail || diag?.message);
  const command = failed ? { id: DEPLOY_COMMANDS.openFailure, title: 'Open the failing hook in the appspec' }
    : hasLog ? { id: DEPLOY_COMMANDS.showEventLog, title: 'Show the lifecycle event\'s log' } : undefined;
  return {
    id, label: e.name, collapsible: 'none', icon: targetStatusIcon(e.status),
    contextValue: join(['event', failed && 'failed', hasLog && 'log'], ':'),
    description: join([targetStatusLabel(e.status), e.durationMs !== undefined && formatDuration(e.durationMs),
      failed && diag?.errorCode, failed && diag?.scriptName]),
    ...(command ? { command } : {}),
    tooltip: join([
      bold(e.name) + text(` · ${t.id} · ${d.id}`),
      text(join([targetStatusLabel(e.status), e.startTime !== undefined && `started ${formatTimestamp(e.startTime)}`,
        e.durationMs !== undefined && `took ${formatDuration(e.durationMs)}`])),
      diag?.errorCode && failed && `$(error) ${text(diag.errorCode)}`,
      diag?.scriptName && text(`Script: ${diag.scriptName}`),
      diag?.message && text(diag.message),
      diag?.logTail && tailLines(diag.logTail, TOOLTIP_LOG_LINES).map(text).join('  \n'),
      failed && '_Click: open the appspec at this hook, with the script and the log._',
    ], '\n\n'),
  };
}
