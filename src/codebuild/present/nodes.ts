// How each node of the CodeBuild tree looks: label, description, icon, markdown tooltip, context value.
// Pure, so the same presentation feeds the VS Code tree, the benchmark's first paint and unit tests.
import { parseTargetKey } from '../../aws/targets';
import { formatAgo, formatDuration, formatTimestamp } from '../../core/format';
import { escapeMarkdown, inlineCode } from '../../core/markdown';
import { presentMessage } from '../../aws/error-rows';
import { loadMoreNode, parseTreeId, type IconSpec, type NodePresentation } from '../../core/tree';
import type { CodeBuildStore } from '../model/store';
import type { TreeModel, TreeNode } from '../model/tree';
import { idOfArn, isFailure, isRunning, type BuildInfo, type ProjectInfo, type ProjectKey } from '../model/types';
import { buildIcon, buildStatusLabel, phaseLabel } from './status';
import { batchKind, buildspecOverridden, coverageSummaryText, matrixLabels, shortVersion, testSummaryText } from './summaries';

export interface PresentContext {
  store: CodeBuildStore;
  now: number;
  pageSize: number;
  tree: TreeModel;
}

export const COMMANDS = {
  loadMore: 'conveyor.codebuild.loadMore',
  refresh: 'conveyor.codebuild.refresh',
  showBuild: 'conveyor.codebuild.showBuild',
  showTestResults: 'conveyor.codebuild.showTestResults',
} as const;

export function present(node: TreeNode, ctx: PresentContext): NodePresentation {
  switch (node.kind) {
    case 'target':
      return presentTarget(node.id, node.target, ctx);
    case 'project':
      return presentProject(node.id, node.key, ctx);
    case 'moreProjects': {
      const t = ctx.store.target(node.target);
      const next = Math.min(ctx.pageSize, node.remaining);
      return loadMoreNode(node.id, COMMANDS.loadMore, {
        label: next ? `Show ${next} more…` : 'Loading more projects…',
        description: t?.complete ? `${node.remaining.toLocaleString('en-US')} not shown` : `${t?.names.length.toLocaleString('en-US') ?? 0} listed so far`,
        tooltip: 'Show the next page of projects. Use the filter to find one by name.',
      });
    }
    case 'build':
      return presentBuild(node.id, node.key, node.buildId, ctx);
    case 'moreBuilds':
      return loadMoreNode(node.id, COMMANDS.loadMore, { tooltip: 'Load older builds' });
    case 'phase':
      return presentPhase(node.id, node.key, node.buildId, node.phase, ctx);
    case 'artifact':
      return presentArtifact(node.id, ctx.store.build(node.key.target, node.buildId), node.index);
    case 'buildReport':
    case 'report':
      return presentReport(node, ctx);
    case 'batches': {
      const p = ctx.store.project(node.key);
      const n = p?.batches?.ids.length;
      return {
        id: node.id, label: 'Batch builds', icon: { id: 'layers' }, contextValue: 'batches', collapsible: 'collapsed',
        ...(n ? { description: `${n}${p?.batches?.nextToken ? '+' : ''}` } : {}),
        tooltip: `Batch builds of **${escapeMarkdown(node.key.name)}**: build graphs, lists and matrices`,
      };
    }
    case 'batch':
      return presentBatch(node.id, node.key, node.batchId, ctx);
    case 'moreBatches':
      return loadMoreNode(node.id, COMMANDS.loadMore, { tooltip: 'Load older batch builds' });
    case 'group':
      return presentGroup(node.id, node.key, node.batchId, node.identifier, ctx);
    case 'reports':
      return {
        id: node.id, label: 'Reports', icon: { id: 'beaker' }, contextValue: 'reports', collapsible: 'collapsed',
        tooltip: `Test and coverage report groups **${escapeMarkdown(node.key.name)}** writes to`,
      };
    case 'reportGroup': {
      const g = ctx.store.target(node.key.target)?.reportGroups.get(node.groupArn);
      const name = g?.name ?? node.groupArn.slice(node.groupArn.lastIndexOf('/') + 1);
      return {
        id: node.id, label: name, icon: { id: g?.type === 'CODE_COVERAGE' ? 'shield' : 'beaker' }, collapsible: 'collapsed',
        description: g?.type === 'CODE_COVERAGE' ? 'Coverage' : g?.type === 'TEST' ? 'Tests' : '',
        contextValue: `reportGroup:${g?.type === 'CODE_COVERAGE' ? 'coverage' : 'test'}`,
        tooltip: `Report group ${inlineCode(name)}\n\n${inlineCode(node.groupArn)}`,
      };
    }
    case 'message':
      return presentMessage(node, COMMANDS.refresh, profileOfNode(node.parentId));
  }
}

function presentTarget(id: string, target: string, ctx: PresentContext): NodePresentation {
  const t = ctx.store.target(target);
  const parsed = parseTargetKey(target);
  const label = t?.ref.label ?? parsed?.profile ?? target;
  const count = t?.listed ? `${t.names.length.toLocaleString('en-US')}${t.complete ? '' : '+'} projects` : '';
  return {
    id, label, collapsible: 'expanded', contextValue: 'account',
    description: [parsed?.region ?? '', count].filter(Boolean).join(' · '),
    icon: t?.error ? { id: 'warning', color: 'problemsWarningIcon.foreground' } : { id: 'cloud' },
    tooltip: [`**${escapeMarkdown(label)}**`, `Profile ${inlineCode(parsed?.profile ?? '')} · region ${inlineCode(parsed?.region ?? '')}`,
      t?.error ? `$(warning) ${escapeMarkdown(t.error.message)}` : ''].filter(Boolean).join('\n\n'),
  };
}

/** "Failed · 5 min ago": the newest build, or the batch it belongs to. */
export function lastBuildDescription(ctx: Pick<PresentContext, 'store' | 'now'>, key: ProjectKey): { text: string; icon: IconSpec; running: boolean } {
  const p = ctx.store.project(key);
  const last = ctx.store.lastBuild(key);
  if (!last) {
    return p?.lastBuildKnown ? { text: 'Never built', icon: { id: 'circle-large-outline' }, running: false } : { text: '', icon: { id: 'circle-large-outline' }, running: false };
  }
  const batch = ctx.store.batchOf(key.target, last);
  const status = batch?.status ?? last.status;
  const when = isRunning(status) ? batch?.start ?? last.start : batch?.end ?? last.end ?? last.start;
  const label = `${batch ? 'Batch ' : ''}${batch ? buildStatusLabel(status).toLowerCase() : buildStatusLabel(status)}`;
  return { text: when === undefined ? label : `${label} · ${formatAgo(when, ctx.now)}`, icon: buildIcon(status), running: isRunning(status) };
}

export function projectTooltipLines(info: ProjectInfo): string[] {
  const lines: string[] = [];
  if (info.description) lines.push(escapeMarkdown(info.description));
  const src = info.source;
  lines.push(`Source: ${escapeMarkdown(src.type)}${src.location ? ` ${inlineCode(src.location)}` : ''}`
    + (info.sourceVersion ? ` @ ${inlineCode(info.sourceVersion)}` : '')
    + (src.buildspec && !src.buildspec.includes('\n') ? ` · buildspec ${inlineCode(src.buildspec)}` : src.buildspec ? ' · inline buildspec' : ''));
  const env = info.environment;
  lines.push(`Environment: ${[env.type, env.image, env.computeType].filter(Boolean).map((s) => escapeMarkdown(s ?? '')).join(' · ')}`
    + (env.fleetArn ? ` · fleet ${inlineCode(env.fleetArn.split('/').pop()?.split(':')[0] ?? env.fleetArn)}` : ''));
  if (info.webhook) lines.push(`Webhook${info.webhook.buildType === 'BUILD_BATCH' ? ' (batch builds)' : ''}: ${info.webhook.filters.map((f) => escapeMarkdown(f)).join(' **or** ') || 'every event'}`);
  if (info.batch) lines.push('Batch builds: configured');
  if (info.artifactsType && info.artifactsType !== 'NO_ARTIFACTS') lines.push(`Artifacts: ${escapeMarkdown(info.artifactsType)}`);
  return lines;
}

function presentProject(id: string, key: ProjectKey, ctx: PresentContext): NodePresentation {
  const p = ctx.store.project(key);
  const last = lastBuildDescription(ctx, key);
  const lastBuild = ctx.store.lastBuild(key);
  let icon = last.icon;
  let description = last.text;
  if (p?.deleted) {
    icon = { id: 'trash', color: 'errorForeground' };
    description = 'Deleted';
  } else if (p?.error && !p.info) {
    icon = { id: 'warning', color: 'problemsWarningIcon.foreground' };
    description = p.error.message;
  }
  const lines = [`**${escapeMarkdown(key.name)}**`];
  if (p?.info) lines.push(...projectTooltipLines(p.info));
  if (lastBuild) lines.push(`Last build: ${escapeMarkdown(buildLine(lastBuild, ctx.now))}`);
  else if (p?.lastBuildKnown) lines.push('Never built');
  if (p?.error) lines.push(`$(warning) ${escapeMarkdown(p.error.message)}`);
  const flags = [...(p?.info?.batch ? ['batch'] : []), ...(last.running ? ['running'] : [])];
  return { id, label: key.name, description, icon, tooltip: lines.join('\n\n'), contextValue: ['project', ...flags].join(':'), collapsible: 'collapsed' };
}

/** "#10 Failed · 5 min ago · 1 min 11 s · f7c05b2". */
export function buildLine(b: BuildInfo, now: number): string {
  const when = isRunning(b.status) ? b.start : b.end ?? b.start;
  const took = b.start !== undefined ? formatDuration((isRunning(b.status) ? now : b.end ?? now) - b.start) : '';
  return [`${b.number !== undefined ? `#${b.number} ` : ''}${buildStatusLabel(b.status)}`, when !== undefined ? formatAgo(when, now) : '', took,
    shortVersion(b.resolvedSourceVersion ?? b.sourceVersion)].filter(Boolean).join(' · ');
}

function presentBuild(id: string, key: ProjectKey, buildId: string, ctx: PresentContext): NodePresentation {
  const b = ctx.store.build(key.target, buildId);
  if (!b) return { id, label: buildId.slice(buildId.lastIndexOf(':') + 1, buildId.lastIndexOf(':') + 9), contextValue: 'build', collapsible: 'none' };
  const info = ctx.store.project(key)?.info;
  const overridden = buildspecOverridden(b, info);
  const running = isRunning(b.status);
  const phase = running && b.currentPhase ? phaseLabel(b.currentPhase) : '';
  const description = [buildLine(b, ctx.now).replace(/^#\d+ /, ''), phase, overridden ? 'local buildspec' : '', b.initiator ? `by ${b.initiator}` : '']
    .filter(Boolean).join(' · ');
  return {
    id, label: b.number !== undefined ? `#${b.number}` : buildId.slice(buildId.lastIndexOf(':') + 1, buildId.lastIndexOf(':') + 9),
    description, icon: buildIcon(b.status), tooltip: buildTooltip(b, info, ctx.now).join('\n\n'),
    contextValue: ['build', running ? 'running' : 'done', ...(isFailure(b.status) ? ['failed'] : []), ...(b.batchArn ? ['member'] : []), ...(b.reportArns.length ? ['reports'] : [])].join(':'),
    collapsible: 'collapsed',
    command: { id: COMMANDS.showBuild, title: 'Show build' },
  };
}

export function buildTooltip(b: BuildInfo, info: ProjectInfo | undefined, now: number): string[] {
  const lines = [`**${escapeMarkdown(b.projectName)}** ${b.number !== undefined ? `#${b.number}` : ''}`];
  lines.push(`$(${buildIcon(b.status).id}) ${escapeMarkdown(buildLine(b, now))}${b.start !== undefined ? ` (started ${escapeMarkdown(formatTimestamp(b.start))})` : ''}`);
  if (b.initiator) lines.push(`Started by ${escapeMarkdown(b.initiator)}`);
  if (b.sourceVersion || b.resolvedSourceVersion) {
    lines.push(`Source version ${inlineCode(b.sourceVersion ?? '')}${b.resolvedSourceVersion && b.resolvedSourceVersion !== b.sourceVersion ? ` → ${inlineCode(b.resolvedSourceVersion)}` : ''}`);
  }
  if (buildspecOverridden(b, info)) lines.push('$(file-code) Ran a buildspec override (e.g. a local buildspec), not the project\'s');
  const failed = b.phases.find((p) => isFailure(p.status));
  if (failed) lines.push(`$(error) ${escapeMarkdown(phaseLabel(failed.type))} failed${failed.message ? `: ${escapeMarkdown(failed.message)}` : ''}`);
  lines.push(`Build ${inlineCode(b.id)}`);
  return lines;
}

function presentPhase(id: string, key: ProjectKey, buildId: string, phaseType: string, ctx: PresentContext): NodePresentation {
  const b = ctx.store.build(key.target, buildId);
  const phase = b?.phases.find((p) => p.type === phaseType);
  const running = phase !== undefined && phase.end === undefined && b !== undefined && isRunning(b.status);
  const took = phase?.start !== undefined ? formatDuration((phase.end ?? ctx.now) - phase.start)
    : phase?.durationSeconds !== undefined ? formatDuration(phase.durationSeconds * 1000) : '';
  const status = running ? 'In progress' : phase?.status ? buildStatusLabel(phase.status) : '';
  return {
    id, label: phaseLabel(phaseType), description: [status, took, isFailure(phase?.status) ? phase?.message ?? '' : ''].filter(Boolean).join(' · '),
    icon: running ? buildIcon('IN_PROGRESS') : buildIcon(phase?.status),
    tooltip: [`**${escapeMarkdown(phaseLabel(phaseType))}** ${escapeMarkdown(status)}`, took ? `Took ${took}` : '', phase?.message ? escapeMarkdown(phase.message) : '']
      .filter(Boolean).join('\n\n'),
    contextValue: 'phase', collapsible: 'none',
  };
}

function presentArtifact(id: string, b: BuildInfo | undefined, index: number): NodePresentation {
  const a = b?.artifacts[index];
  const label = a?.identifier ?? 'Primary artifact';
  return {
    id, label, description: a?.location ?? '', icon: { id: 'package' }, contextValue: 'artifact', collapsible: 'none',
    tooltip: [`**${escapeMarkdown(label)}**`, a?.location ? inlineCode(a.location) : '', a?.sha256 ? `SHA-256 ${inlineCode(a.sha256)}` : '', a?.md5 ? `MD5 ${inlineCode(a.md5)}` : '']
      .filter(Boolean).join('\n\n'),
  };
}

function presentReport(node: Extract<TreeNode, { kind: 'buildReport' | 'report' }>, ctx: PresentContext): NodePresentation {
  const r = ctx.store.target(node.key.target)?.reports.get(node.reportArn);
  const groupName = (r?.name ?? node.reportArn.replace(/^.*:report\//, '').replace(/:[^:]+$/, ''));
  const build = r?.executionId ? ctx.store.build(node.key.target, idOfArn(r.executionId)) : undefined;
  const label = node.kind === 'buildReport' ? groupName : build?.number !== undefined ? `#${build.number}` : r?.created ? formatAgo(r.created, ctx.now) : node.reportArn.slice(-8);
  const summary = r?.tests ? testSummaryText(r.tests) : r?.coverage ? coverageSummaryText(r.coverage) : '';
  const failed = r?.status === 'FAILED';
  const icon: IconSpec = r?.type === 'CODE_COVERAGE' ? { id: 'shield' } : r?.status === 'GENERATING' ? { id: 'sync~spin' }
    : failed ? { id: 'error', color: 'testing.iconFailed' } : r?.status === 'SUCCEEDED' ? { id: 'pass', color: 'testing.iconPassed' } : { id: 'beaker' };
  return {
    id: node.id, label, icon, collapsible: 'none',
    description: [summary, node.kind === 'report' && r?.created ? formatAgo(r.created, ctx.now) : ''].filter(Boolean).join(' · '),
    contextValue: `report:${r?.type === 'CODE_COVERAGE' ? 'coverage' : 'test'}`,
    tooltip: [`**${escapeMarkdown(groupName)}**${r?.status ? ` · ${escapeMarkdown(r.status)}` : ''}`, summary ? escapeMarkdown(summary) : '',
      r?.truncated ? '$(warning) CodeBuild truncated this report.' : '', '_Click to show it in the Testing view._'].filter(Boolean).join('\n\n'),
    command: { id: COMMANDS.showTestResults, title: 'Show in the Testing view' },
  };
}

function presentBatch(id: string, key: ProjectKey, batchId: string, ctx: PresentContext): NodePresentation {
  const b = ctx.store.batch(key.target, batchId);
  if (!b) return { id, label: batchId.slice(-8), contextValue: 'batch', collapsible: 'none' };
  const running = isRunning(b.status);
  const when = running ? b.start : b.end ?? b.start;
  const took = b.start !== undefined ? formatDuration((running ? ctx.now : b.end ?? ctx.now) - b.start) : '';
  const kind = batchKind(b);
  const failedGroups = b.groups.filter((g) => isFailure(g.current?.status)).map((g) => g.identifier);
  const description = [buildStatusLabel(b.status), when !== undefined ? formatAgo(when, ctx.now) : '', took, `build ${kind}`,
    failedGroups.length ? `failed: ${failedGroups.join(', ')}` : ''].filter(Boolean).join(' · ');
  return {
    id, label: b.number !== undefined ? `Batch #${b.number}` : `Batch ${batchId.slice(-8)}`, description, icon: buildIcon(b.status),
    tooltip: [`**${escapeMarkdown(key.name)}** batch${b.number !== undefined ? ` #${b.number}` : ''} · build ${kind}`, escapeMarkdown(description),
      b.initiator ? `Started by ${escapeMarkdown(b.initiator)}` : '', b.resolvedSourceVersion ? `Source ${inlineCode(b.resolvedSourceVersion)}` : '',
      `${b.groups.length} builds${b.combineArtifacts ? ' · artifacts combined' : ''}`, `Batch ${inlineCode(b.id)}`].filter(Boolean).join('\n\n'),
    contextValue: ['batch', running ? 'running' : 'done', ...(isFailure(b.status) ? ['failed'] : [])].join(':'),
    collapsible: 'collapsed',
    command: { id: COMMANDS.showBuild, title: 'Show batch' },
  };
}

function presentGroup(id: string, key: ProjectKey, batchId: string, identifier: string, ctx: PresentContext): NodePresentation {
  const batch = ctx.store.batch(key.target, batchId);
  const group = batch?.groups.find((g) => g.identifier === identifier);
  const build = group?.current ? ctx.store.build(key.target, idOfArn(group.current.arn)) : undefined;
  const status = build?.status ?? group?.current?.status;
  const kind = batch ? batchKind(batch) : 'list';
  const matrix = batch && kind === 'matrix' ? matrixLabels(batch, (arn) => ctx.store.build(key.target, idOfArn(arn))).get(identifier) : undefined;
  const took = build?.start !== undefined ? formatDuration((isRunning(build.status) ? ctx.now : build.end ?? ctx.now) - build.start) : '';
  const description = [
    buildStatusLabel(status), took,
    group?.dependsOn.length ? `after ${group.dependsOn.join(', ')}` : '',
    matrix ?? '',
    group?.ignoreFailure ? 'failure ignored' : '',
    group?.prior.length ? `attempt ${group.prior.length + 1}` : '',
  ].filter(Boolean).join(' · ');
  return {
    id, label: identifier, description, icon: buildIcon(status), collapsible: 'none',
    tooltip: [`**${escapeMarkdown(identifier)}**`, escapeMarkdown(description), ...(build ? buildTooltip(build, ctx.store.project(key)?.info, ctx.now).slice(1) : [])].join('\n\n'),
    contextValue: ['group', isRunning(status) ? 'running' : 'done', ...(isFailure(status) ? ['failed'] : []), ...(build ? ['build'] : [])].join(':'),
    ...(group?.current ? { command: { id: COMMANDS.showBuild, title: 'Show build' } } : {}),
  };
}

/** The profile of the target a node id belongs to (every id's first part is its target key). */
function profileOfNode(id: string): string | undefined {
  const target = parseTreeId(id)?.parts[0];
  return target === undefined ? undefined : parseTargetKey(target)?.profile;
}
