import * as vscode from 'vscode';
import type { Anomaly, FindingsReportSummary, ProfilingGroupDescription, Recommendation } from '@aws-sdk/client-codeguruprofiler';
import type { AwsAccess, AwsTarget } from '../../aws/access';
import type { Logger } from '../../core/log';
import { formatAgo } from '../model/format';
import { countIn, dataEnd, describeRange, standardRanges, RANGE_MS, type TimeRange } from '../model/time-ranges';
import { CodeGuruCallError, getRecommendations, listFindingsReports, listProfileTimes, listProfilingGroups, type CodeGuruOperation } from '../service/codeguru';
import { VIEW_ID } from './settings';

export type ProfilerNode =
  | { kind: 'group'; group: ProfilingGroupDescription; name: string; target: AwsTarget | undefined }
  | { kind: 'range'; group: string; range: TimeRange; profiles: number; target: AwsTarget | undefined }
  | { kind: 'customRange'; group: string; times: Date[]; target: AwsTarget | undefined }
  | { kind: 'recommendations'; group: string; window: TimeRange; target: AwsTarget | undefined }
  | { kind: 'recommendation'; group: string; recommendation: Recommendation; window: TimeRange; target: AwsTarget | undefined }
  | { kind: 'anomaly'; group: string; anomaly: Anomaly; window: TimeRange; target: AwsTarget | undefined }
  | { kind: 'findings'; group: string; window: TimeRange; target: AwsTarget | undefined }
  | { kind: 'report'; group: string; report: FindingsReportSummary; target: AwsTarget | undefined }
  | { kind: 'message'; label: string; description?: string; tooltip?: string; icon: 'info' | 'error'; error?: { cause: unknown; operation: CodeGuruOperation; target: AwsTarget | undefined } };

const PLATFORM: Record<string, string> = { AWSLambda: 'Lambda', Default: 'EC2 / ECS / other' };

function plain(text: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.appendText(text);
  return md;
}

/**
 * The Profiler view: profiling groups → time ranges (ending where the data ends, from
 * ListProfileTimes), a custom range, recommendations and findings reports. Failures show as an error
 * item carrying the explained message; clicking it offers the fixes (sign in, pick a profile, retry).
 */
export class ProfilerTree implements vscode.TreeDataProvider<ProfilerNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ProfilerNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly ranges = new Map<string, { end: Date; times: Date[] }>();
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(private readonly aws: AwsAccess, private readonly log: Logger, private readonly now: () => Date = () => new Date()) {
    this.disposables.push(aws.onDidChange(() => this.refresh()));
  }

  refresh(): void {
    this.ranges.clear();
    this.changed.fire(undefined);
  }

  /** The window recommendations and findings cover: the week ending where the group's data ends. */
  weekOf(group: string): TimeRange {
    const end = this.ranges.get(group)?.end ?? this.now();
    return { kind: 'week', label: 'Last week', start: new Date(end.getTime() - RANGE_MS.week), end };
  }

  getTreeItem(node: ProfilerNode): vscode.TreeItem {
    switch (node.kind) {
      case 'group': {
        const item = new vscode.TreeItem(node.name, vscode.TreeItemCollapsibleState.Collapsed);
        const g = node.group;
        const last = g.profilingStatus?.latestAgentProfileReportedAt;
        const platform = g.computePlatform ? PLATFORM[g.computePlatform] ?? g.computePlatform : undefined;
        item.description = [platform, last ? `last report ${formatAgo(last, this.now())}` : 'no reports yet'].filter(Boolean).join(' · ');
        item.tooltip = plain([`Profiling group ${node.name}`, platform ? `Compute platform: ${platform}` : '',
          last ? `Last agent report: ${last.toISOString()}` : 'No agent has reported yet.',
          g.agentOrchestrationConfig?.profilingEnabled === false ? 'Profiling is turned off for this group.' : '',
          g.arn ?? ''].filter(Boolean).join('\n\n'));
        item.iconPath = new vscode.ThemeIcon('flame');
        item.contextValue = 'conveyor.profiler.group';
        item.id = `group:${node.target?.profile}:${node.target?.region}:${node.name}`;
        return item;
      }
      case 'range': {
        const item = new vscode.TreeItem(node.range.label, vscode.TreeItemCollapsibleState.None);
        item.description = `${describeRange(node.range)} · ${node.profiles === 0 ? 'no profiles' : `${node.profiles} hourly profile${node.profiles === 1 ? '' : 's'}`}`;
        item.tooltip = plain(`Open the flame graph of ${node.group} for ${describeRange(node.range)}.`);
        item.iconPath = new vscode.ThemeIcon(node.profiles === 0 ? 'circle-slash' : 'graph');
        item.contextValue = 'conveyor.profiler.range';
        item.command = { command: 'conveyor.profiler.openRange', title: 'Open Flame Graph', arguments: [node] };
        return item;
      }
      case 'customRange': {
        const item = new vscode.TreeItem('Custom range…', vscode.TreeItemCollapsibleState.None);
        item.description = node.times.length > 0 ? `${node.times.length} hourly profiles this week` : undefined;
        item.iconPath = new vscode.ThemeIcon('calendar');
        item.contextValue = 'conveyor.profiler.customRange';
        item.command = { command: 'conveyor.profiler.openCustomRange', title: 'Open Custom Range', arguments: [node] };
        return item;
      }
      case 'recommendations': {
        const item = new vscode.TreeItem('Recommendations', vscode.TreeItemCollapsibleState.Collapsed);
        item.description = describeRange(node.window);
        item.iconPath = new vscode.ThemeIcon('lightbulb');
        item.contextValue = 'conveyor.profiler.recommendations';
        return item;
      }
      case 'recommendation': {
        const p = node.recommendation.pattern;
        const item = new vscode.TreeItem(p?.name ?? 'Recommendation', vscode.TreeItemCollapsibleState.None);
        const count = node.recommendation.allMatchesCount;
        item.description = count !== undefined ? `${count} match${count === 1 ? '' : 'es'}` : undefined;
        item.tooltip = plain([p?.description, p?.resolutionSteps ? `How to fix: ${p.resolutionSteps}` : undefined,
          p?.thresholdPercent !== undefined ? `Flagged above ${p.thresholdPercent}% of samples.` : undefined].filter(Boolean).join('\n\n'));
        item.iconPath = new vscode.ThemeIcon('lightbulb-autofix');
        item.contextValue = 'conveyor.profiler.recommendation';
        item.command = { command: 'conveyor.profiler.openRecommendation', title: 'Show in Flame Graph', arguments: [node] };
        return item;
      }
      case 'anomaly': {
        const m = node.anomaly.metric;
        const item = new vscode.TreeItem(`Anomaly: ${m?.frameName ?? 'unknown frame'}`, vscode.TreeItemCollapsibleState.None);
        item.description = node.anomaly.reason;
        item.tooltip = plain(`${node.anomaly.reason ?? ''}\n\nThread states: ${(m?.threadStates ?? []).join(', ')}\n\nInstances: ${(node.anomaly.instances ?? []).length}`);
        item.iconPath = new vscode.ThemeIcon('warning');
        item.contextValue = 'conveyor.profiler.anomaly';
        item.command = { command: 'conveyor.profiler.openRecommendation', title: 'Show in Flame Graph', arguments: [node] };
        return item;
      }
      case 'findings': {
        const item = new vscode.TreeItem('Findings reports', vscode.TreeItemCollapsibleState.Collapsed);
        item.iconPath = new vscode.ThemeIcon('checklist');
        item.contextValue = 'conveyor.profiler.findings';
        return item;
      }
      case 'report': {
        const r = node.report;
        const item = new vscode.TreeItem(r.profileEndTime ? `Report ${r.profileEndTime.toISOString().slice(0, 10)}` : `Report ${r.id ?? ''}`, vscode.TreeItemCollapsibleState.None);
        item.description = `${r.totalNumberOfFindings ?? 0} finding${r.totalNumberOfFindings === 1 ? '' : 's'}`;
        if (r.profileStartTime && r.profileEndTime) {
          item.tooltip = plain(`Findings for ${describeRange({ start: r.profileStartTime, end: r.profileEndTime })}`);
          item.command = { command: 'conveyor.profiler.openReport', title: 'Open Flame Graph', arguments: [node] };
        }
        item.iconPath = new vscode.ThemeIcon('file-text');
        item.contextValue = 'conveyor.profiler.report';
        return item;
      }
      case 'message': {
        const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
        if (node.description) item.description = node.description;
        item.tooltip = plain(node.tooltip ?? node.description ?? node.label);
        item.iconPath = node.icon === 'error' ? new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground')) : new vscode.ThemeIcon('info');
        item.contextValue = node.icon === 'error' ? 'conveyor.profiler.error' : 'conveyor.profiler.message';
        if (node.error) item.command = { command: 'conveyor.profiler.showError', title: 'Show Error', arguments: [node] };
        return item;
      }
    }
  }

  async getChildren(node?: ProfilerNode): Promise<ProfilerNode[]> {
    const target = this.aws.current;
    if (!node) {
      if (!target) return [];
      return this.load('ListProfilingGroups', target, 'Couldn\'t list profiling groups', async () => {
        const groups = await listProfilingGroups(this.aws.client('codeguruprofiler', target));
        if (groups.length === 0) return [{ kind: 'message', label: `No profiling groups in ${target.region}`, icon: 'info', tooltip: 'Create one in the CodeGuru Profiler console, or pick another region with "Conveyor: Select Region".' }];
        return groups.filter((g) => g.name).map((g) => ({ kind: 'group', group: g, name: g.name!, target }));
      });
    }
    switch (node.kind) {
      case 'group': return this.groupChildren(node);
      case 'recommendations':
        return this.load('GetRecommendations', node.target, 'Couldn\'t load recommendations', async () => {
          const r = await getRecommendations(this.aws.client('codeguruprofiler', node.target), node.group, node.window);
          const out: ProfilerNode[] = [
            ...r.recommendations.map((recommendation): ProfilerNode => ({ kind: 'recommendation', group: node.group, recommendation, window: node.window, target: node.target })),
            ...r.anomalies.map((anomaly): ProfilerNode => ({ kind: 'anomaly', group: node.group, anomaly, window: node.window, target: node.target })),
          ];
          return out.length > 0 ? out : [{ kind: 'message', label: 'No recommendations', description: describeRange(node.window), icon: 'info' }];
        });
      case 'findings':
        return this.load('ListFindingsReports', node.target, 'Couldn\'t list findings reports', async () => {
          const reports = await listFindingsReports(this.aws.client('codeguruprofiler', node.target), node.group, node.window);
          return reports.length > 0
            ? reports.map((report): ProfilerNode => ({ kind: 'report', group: node.group, report, target: node.target }))
            : [{ kind: 'message', label: 'No findings reports', description: describeRange(node.window), icon: 'info' }];
        });
      default:
        return [];
    }
  }

  private async groupChildren(node: Extract<ProfilerNode, { kind: 'group' }>): Promise<ProfilerNode[]> {
    return this.load('ListProfileTimes', node.target, 'Couldn\'t list profile times', async () => {
      const now = this.now();
      const times = await listProfileTimes(this.aws.client('codeguruprofiler', node.target), node.name, { start: new Date(now.getTime() - RANGE_MS.week), end: now });
      const end = dataEnd(times, now);
      this.ranges.set(node.name, { end, times });
      const ranges = standardRanges(end).map((range): ProfilerNode => ({ kind: 'range', group: node.name, range, profiles: countIn(times, range), target: node.target }));
      const week = this.weekOf(node.name);
      return [
        ...(times.length === 0 ? [{ kind: 'message', label: 'No profiles in the last 7 days', icon: 'info', tooltip: 'No agent reported to this group in the last week.' } as ProfilerNode] : []),
        ...ranges,
        { kind: 'customRange', group: node.name, times, target: node.target },
        { kind: 'recommendations', group: node.name, window: week, target: node.target },
        { kind: 'findings', group: node.name, window: week, target: node.target },
      ];
    });
  }

  /** Runs a listing with the view's progress bar; a failure becomes an explained error item. */
  private async load(operation: CodeGuruOperation, target: AwsTarget | undefined, label: string, work: () => Promise<ProfilerNode[]>): Promise<ProfilerNode[]> {
    try {
      return await vscode.window.withProgress({ location: { viewId: VIEW_ID } }, work);
    } catch (err) {
      const op = err instanceof CodeGuruCallError ? err.operation : operation;
      const cause = err instanceof CodeGuruCallError ? err.cause : err;
      const explained = this.aws.explain(cause, { service: 'codeguruprofiler', operation: op, ...(target ? { target } : {}) });
      this.log.warn(`profiler: ${op} failed: ${explained.message}`);
      return [{ kind: 'message', label, description: explained.message, tooltip: explained.message, icon: 'error', error: { cause, operation: op, target } }];
    }
  }

  /** Labels of the first levels, as a person would see them (host tests, automation). */
  async snapshot(depth = 2, node?: ProfilerNode): Promise<TreeSnapshot[]> {
    const out: TreeSnapshot[] = [];
    for (const child of await this.getChildren(node)) {
      const item = this.getTreeItem(child);
      const label = typeof item.label === 'string' ? item.label : item.label?.label ?? '';
      const entry: TreeSnapshot = { label, description: typeof item.description === 'string' ? item.description : '', contextValue: item.contextValue ?? '' };
      if (depth > 1 && item.collapsibleState !== vscode.TreeItemCollapsibleState.None) entry.children = await this.snapshot(depth - 1, child);
      out.push(entry);
    }
    return out;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

export interface TreeSnapshot {
  label: string;
  description: string;
  contextValue: string;
  children?: TreeSnapshot[];
}
