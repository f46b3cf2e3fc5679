// The Profiler view without editor types: profiling groups → time ranges (ending where the data ends,
// from ListProfileTimes), a custom range, recommendations and findings reports. A failed call becomes
// an error row that keeps the cause, so clicking it can offer the fixes (sign in, pick a profile, retry).
import type { Anomaly, CodeGuruProfilerClient, FindingsReportSummary, ProfilingGroupDescription, Recommendation } from '@aws-sdk/client-codeguruprofiler';
import type { AwsTarget } from '../../aws/access';
import { operationOf } from '../../aws/clients';
import type { Disposable } from '../../core/disposables';
import { Emitter } from '../../core/event';
import { countIn, dataEnd, describeRange, standardRanges, RANGE_MS, type TimeRange } from '../model/time-ranges';
import type { CodeGuruService } from '../service/codeguru';

export type ProfilerNode =
  | { kind: 'group'; group: ProfilingGroupDescription; name: string; target: AwsTarget }
  | { kind: 'range'; group: string; range: TimeRange; profiles: number; target: AwsTarget }
  | { kind: 'customRange'; group: string; times: Date[]; target: AwsTarget }
  | { kind: 'recommendations'; group: string; window: TimeRange; target: AwsTarget }
  | { kind: 'recommendation'; group: string; recommendation: Recommendation; window: TimeRange; target: AwsTarget }
  | { kind: 'anomaly'; group: string; anomaly: Anomaly; window: TimeRange; target: AwsTarget }
  | { kind: 'findings'; group: string; window: TimeRange; target: AwsTarget }
  | { kind: 'report'; group: string; report: FindingsReportSummary; target: AwsTarget }
  | { kind: 'message'; parent: string; label: string; description?: string; tooltip?: string }
  | { kind: 'error'; parent: string; title: string; message: string; failure: ProfilerFailure };

/** A failed listing: what failed, with the cause to explain and retry. */
export interface ProfilerFailure {
  cause: unknown;
  operation: string;
  target: AwsTarget;
}

export interface ProfilerTreeDeps {
  /** The selected profile and region, undefined when none is configured. */
  current(): AwsTarget | undefined;
  client(target: AwsTarget): CodeGuruProfilerClient;
  /** The CodeGuru calls (the SDK loads when the view first lists something). */
  codeguru(): Pick<CodeGuruService, 'listProfilingGroups' | 'listProfileTimes' | 'getRecommendations' | 'listFindingsReports'>;
  /** The explained message of a failure (the editor logs it too). */
  explain(failure: ProfilerFailure): string;
  now(): Date;
}

export class ProfilerTreeModel implements Disposable {
  private readonly ranges = new Map<string, { end: Date; times: Date[] }>();
  private readonly changed = new Emitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly deps: ProfilerTreeDeps) {}

  /** Forgets every listing; the view asks again. */
  refresh(): void {
    this.ranges.clear();
    this.changed.fire();
  }

  /** The window recommendations and findings cover: the week ending where the group's data ends. */
  weekOf(group: string): TimeRange {
    const end = this.ranges.get(group)?.end ?? this.deps.now();
    return { kind: 'week', label: 'Last week', start: new Date(end.getTime() - RANGE_MS.week), end };
  }

  async children(node?: ProfilerNode): Promise<ProfilerNode[]> {
    if (!node) return this.roots();
    switch (node.kind) {
      case 'group': return this.groupChildren(node);
      case 'recommendations': return this.recommendations(node);
      case 'findings': return this.findings(node);
      default: return [];
    }
  }

  private async roots(): Promise<ProfilerNode[]> {
    const target = this.deps.current();
    if (!target) return [];
    return this.load('', 'ListProfilingGroups', target, 'Couldn’t list profiling groups', async () => {
      const groups = await this.deps.codeguru().listProfilingGroups(this.deps.client(target));
      if (groups.length === 0) {
        return [{ kind: 'message', parent: '', label: `No profiling groups in ${target.region}`,
          tooltip: 'Create one in the CodeGuru Profiler console, or pick another region with "Conveyor: Select Region".' }];
      }
      return groups.flatMap((g): ProfilerNode[] => (g.name ? [{ kind: 'group', group: g, name: g.name, target }] : []));
    });
  }

  private groupChildren(node: Extract<ProfilerNode, { kind: 'group' }>): Promise<ProfilerNode[]> {
    return this.load(node.name, 'ListProfileTimes', node.target, 'Couldn’t list profile times', async () => {
      const now = this.deps.now();
      const times = await this.deps.codeguru().listProfileTimes(this.deps.client(node.target), node.name, { start: new Date(now.getTime() - RANGE_MS.week), end: now });
      const end = dataEnd(times, now);
      this.ranges.set(node.name, { end, times });
      const week = this.weekOf(node.name);
      const { name: group, target } = node;
      return [
        ...(times.length === 0 ? [{ kind: 'message', parent: group, label: 'No profiles in the last 7 days', tooltip: 'No agent reported to this group in the last week.' } as const] : []),
        ...standardRanges(end).map((range): ProfilerNode => ({ kind: 'range', group, range, profiles: countIn(times, range), target })),
        { kind: 'customRange', group, times, target },
        { kind: 'recommendations', group, window: week, target },
        { kind: 'findings', group, window: week, target },
      ];
    });
  }

  private recommendations(node: Extract<ProfilerNode, { kind: 'recommendations' }>): Promise<ProfilerNode[]> {
    const { group, window, target } = node;
    return this.load(`${group}/recommendations`, 'GetRecommendations', target, 'Couldn’t load recommendations', async () => {
      const r = await this.deps.codeguru().getRecommendations(this.deps.client(target), group, window);
      const out: ProfilerNode[] = [
        ...r.recommendations.map((recommendation): ProfilerNode => ({ kind: 'recommendation', group, recommendation, window, target })),
        ...r.anomalies.map((anomaly): ProfilerNode => ({ kind: 'anomaly', group, anomaly, window, target })),
      ];
      return out.length > 0 ? out : [{ kind: 'message', parent: `${group}/recommendations`, label: 'No recommendations', description: describeRange(window) }];
    });
  }

  private findings(node: Extract<ProfilerNode, { kind: 'findings' }>): Promise<ProfilerNode[]> {
    const { group, window, target } = node;
    return this.load(`${group}/findings`, 'ListFindingsReports', target, 'Couldn’t list findings reports', async () => {
      const reports = await this.deps.codeguru().listFindingsReports(this.deps.client(target), group, window);
      return reports.length > 0
        ? reports.map((report): ProfilerNode => ({ kind: 'report', group, report, target }))
        : [{ kind: 'message', parent: `${group}/findings`, label: 'No findings reports', description: describeRange(window) }];
    });
  }

  /** Runs a listing; a failure becomes one error row (the operation from the failing call when it says). */
  private async load(parent: string, operation: string, target: AwsTarget, title: string, work: () => Promise<ProfilerNode[]>): Promise<ProfilerNode[]> {
    try {
      return await work();
    } catch (cause) {
      const failure: ProfilerFailure = { cause, operation: operationOf(cause) ?? operation, target };
      return [{ kind: 'error', parent, title, message: this.deps.explain(failure), failure }];
    }
  }

  dispose(): void {
    this.changed.dispose();
  }
}
