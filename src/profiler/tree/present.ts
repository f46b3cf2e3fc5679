// How each Profiler row looks (label, description, icon, tooltip, click), without editor types.
import { formatAgo, formatTimestamp } from '../../core/format';
import { errorNode, messageNode, plainTooltip, treeId, type NodePresentation } from '../../core/tree';
import { describeRange } from '../model/time-ranges';
import type { ProfilerNode } from './model';

const PLATFORM: Record<string, string> = { AWSLambda: 'Lambda', Default: 'EC2 / ECS / other' };

export const PROFILER_COMMANDS = {
  openRange: 'conveyor.profiler.openRange',
  openCustomRange: 'conveyor.profiler.openCustomRange',
  openRecommendation: 'conveyor.profiler.openRecommendation',
  openReport: 'conveyor.profiler.openReport',
  showError: 'conveyor.profiler.showError',
} as const;

const CONTEXT = (kind: string): string => `conveyor.profiler.${kind}`;

function where(node: { target: { profile: string; region: string } }): string[] {
  return [node.target.profile, node.target.region];
}

export function presentProfilerNode(node: ProfilerNode, now: Date): NodePresentation {
  switch (node.kind) {
    case 'group': {
      const g = node.group;
      const last = g.profilingStatus?.latestAgentProfileReportedAt;
      const platform = g.computePlatform ? PLATFORM[g.computePlatform] ?? g.computePlatform : undefined;
      return {
        id: treeId('group', ...where(node), node.name), label: node.name, collapsible: 'collapsed',
        // The useful part first; the default platform (EC2 / ECS / other) on every row is boilerplate, so it stays in the tooltip.
        description: [last ? `last report ${formatAgo(last, now)}` : 'no reports yet', g.computePlatform === 'AWSLambda' ? platform : undefined].filter(Boolean).join(' · '),
        tooltip: plainTooltip([`Profiling group ${node.name}`, platform ? `Compute platform: ${platform}` : '',
          last ? `Last agent report: ${formatTimestamp(last)}` : 'No agent has reported yet.',
          g.agentOrchestrationConfig?.profilingEnabled === false ? 'Profiling is turned off for this group.' : '',
          g.arn ?? ''].filter(Boolean).join('\n')),
        icon: { id: 'flame' }, contextValue: CONTEXT('group'),
      };
    }
    case 'range': {
      const profiles = node.profiles === 0 ? 'no profiles' : `${node.profiles} hourly profile${node.profiles === 1 ? '' : 's'}`;
      return {
        id: treeId('range', ...where(node), node.group, node.range.kind), label: node.range.label, collapsible: 'none',
        description: `${describeRange(node.range)} · ${profiles}`,
        tooltip: plainTooltip(`Open the flame graph of ${node.group} for ${describeRange(node.range)}.`),
        icon: { id: node.profiles === 0 ? 'circle-slash' : 'graph' }, contextValue: CONTEXT('range'),
        command: { id: PROFILER_COMMANDS.openRange, title: 'Open Flame Graph' },
      };
    }
    case 'customRange':
      return {
        id: treeId('customRange', ...where(node), node.group), label: 'Custom range…', collapsible: 'none',
        ...(node.times.length > 0 ? { description: `${node.times.length} hourly profiles this week` } : {}),
        icon: { id: 'calendar' }, contextValue: CONTEXT('customRange'),
        command: { id: PROFILER_COMMANDS.openCustomRange, title: 'Open Custom Range' },
      };
    case 'recommendations':
      return {
        id: treeId('recommendations', ...where(node), node.group), label: 'Recommendations', collapsible: 'collapsed',
        description: describeRange(node.window), icon: { id: 'lightbulb' }, contextValue: CONTEXT('recommendations'),
      };
    case 'recommendation': {
      const p = node.recommendation.pattern;
      const count = node.recommendation.allMatchesCount;
      return {
        id: treeId('recommendation', ...where(node), node.group, p?.id ?? p?.name ?? ''), label: p?.name ?? 'Recommendation', collapsible: 'none',
        ...(count !== undefined ? { description: `${count} match${count === 1 ? '' : 'es'}` } : {}),
        tooltip: plainTooltip([p?.description, p?.resolutionSteps ? `How to fix: ${p.resolutionSteps}` : undefined,
          p?.thresholdPercent !== undefined ? `Flagged above ${p.thresholdPercent}% of samples.` : undefined].filter(Boolean).join('\n')),
        icon: { id: 'lightbulb-autofix' }, contextValue: CONTEXT('recommendation'),
        command: { id: PROFILER_COMMANDS.openRecommendation, title: 'Show in Flame Graph' },
      };
    }
    case 'anomaly': {
      const m = node.anomaly.metric;
      return {
        id: treeId('anomaly', ...where(node), node.group, m?.frameName ?? '', node.anomaly.reason ?? ''),
        label: `Anomaly: ${m?.frameName ?? 'unknown frame'}`, collapsible: 'none',
        ...(node.anomaly.reason ? { description: node.anomaly.reason } : {}),
        tooltip: plainTooltip(`${node.anomaly.reason ?? ''}\nThread states: ${(m?.threadStates ?? []).join(', ')}\nInstances: ${(node.anomaly.instances ?? []).length}`),
        icon: { id: 'warning' }, contextValue: CONTEXT('anomaly'),
        command: { id: PROFILER_COMMANDS.openRecommendation, title: 'Show in Flame Graph' },
      };
    }
    case 'findings':
      return {
        id: treeId('findings', ...where(node), node.group), label: 'Findings reports', collapsible: 'collapsed',
        icon: { id: 'checklist' }, contextValue: CONTEXT('findings'),
      };
    case 'report': {
      const r = node.report;
      const { profileStartTime: start, profileEndTime: end } = r;
      const findings = r.totalNumberOfFindings ?? 0;
      return {
        id: treeId('report', ...where(node), node.group, r.id ?? ''), collapsible: 'none',
        label: end ? `Report ${end.toISOString().slice(0, 10)}` : `Report ${r.id ?? ''}`,
        description: `${findings} finding${findings === 1 ? '' : 's'}`,
        ...(start && end ? {
          tooltip: plainTooltip(`Findings for ${describeRange({ start, end })}`),
          command: { id: PROFILER_COMMANDS.openReport, title: 'Open Flame Graph' },
        } : {}),
        icon: { id: 'file-text' }, contextValue: CONTEXT('report'),
      };
    }
    case 'message':
      return messageNode(treeId('message', node.parent, node.label), node.label, {
        contextValue: CONTEXT('message'), ...(node.description ? { description: node.description } : {}),
        ...(node.tooltip ? { tooltip: plainTooltip(node.tooltip) } : {}),
      });
    case 'error':
      return errorNode(treeId('error', node.parent), node.title, node.message, {
        contextValue: CONTEXT('error'), command: { id: PROFILER_COMMANDS.showError, title: 'Show what to do' },
      });
  }
}
