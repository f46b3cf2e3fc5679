import type { EmuRequest, RestRoute } from '../../core/contract';
import { patternMatches, stableUuid } from './analysis';
import type { ProfilingGroup } from './model';
import { bool, duration, invalid, iso, offsetPage, oneOf, PERIOD_MS, PERIODS, time } from './params';
import type { AggregationPeriod } from './params';
import { relativeTotals } from './profile-tree';
import type { GuruContext } from './routes-groups';
import { findGroup } from './routes-groups';

const HOUR = 60 * 60_000;
const DAY = 24 * HOUR;

function recommendations(group: ProfilingGroup, start: number, end: number): Record<string, unknown>[] {
  if (!group.profile) return [];
  const root = group.profile().callgraph;
  return group.recommendations.flatMap((pattern) => {
    const matches = patternMatches(root, pattern);
    const sum = matches.reduce((s, m) => s + m.match.percent, 0);
    if (matches.length === 0 || sum < pattern.thresholdPercent) return [];
    const top = [...matches].sort((a, b) => b.match.percent - a.match.percent).slice(0, 3);
    return [{
      allMatchesCount: matches.length,
      allMatchesSum: sum,
      pattern,
      topMatches: top.map((m) => ({ targetFramesIndex: m.index, frameAddress: m.match.frameAddress, thresholdBreachValue: m.match.percent })),
      startTime: iso(start),
      endTime: iso(end),
    }];
  });
}

function anomalies(group: ProfilingGroup, now: number, start: number, end: number): Record<string, unknown>[] {
  return group.anomalies.flatMap((a) => {
    const instances = a.instances
      .map((i) => ({ ...i, from: now - i.startHoursAgo * HOUR, to: now - (i.startHoursAgo - i.durationHours) * HOUR }))
      .filter((i) => i.from < end && i.to > start)
      .map((i) => ({ id: i.id, startTime: iso(i.from), endTime: iso(i.to), ...(i.feedback ? { userFeedback: { type: i.feedback } } : {}) }));
    return instances.length ? [{ metric: { frameName: a.frameName, type: 'AggregatedRelativeTotalTime', threadStates: a.threadStates }, reason: a.reason, instances }] : [];
  });
}

function reports(group: ProfilingGroup, now: number): { start: number; end: number; daily: boolean }[] {
  if (!group.profile || (group.recommendations.length === 0 && group.anomalies.length === 0)) return [];
  const today = Math.floor(now / DAY) * DAY;
  const hour = Math.floor(now / HOUR) * HOUR;
  const daily = Array.from({ length: 7 }, (_, i) => ({ start: today - (i + 1) * DAY, end: today - i * DAY, daily: true }));
  const hourly = Array.from({ length: 6 }, (_, i) => ({ start: hour - (i + 1) * HOUR, end: hour - i * HOUR, daily: false }));
  return [...hourly, ...daily].filter((r) => r.start >= group.dataFrom).sort((a, b) => b.start - a.start);
}

interface FrameMetricInput {
  frameName: string;
  type: string;
  threadStates: string[];
}

function frameMetrics(body: Buffer): FrameMetricInput[] {
  let parsed: unknown = {};
  try {
    if (body.length) parsed = JSON.parse(body.toString('utf8'));
  } catch {
    throw invalid('The request body is not valid JSON');
  }
  const list = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>).frameMetrics : undefined;
  if (list === undefined) return [];
  if (!Array.isArray(list)) throw invalid('frameMetrics must be a list');
  return list.map((m: unknown) => {
    const r = typeof m === 'object' && m !== null ? (m as Record<string, unknown>) : {};
    const states = r.threadStates;
    if (typeof r.frameName !== 'string' || r.type !== 'AggregatedRelativeTotalTime' || !Array.isArray(states) || !states.every((s) => typeof s === 'string')) {
      throw invalid('Each frame metric needs frameName, type AggregatedRelativeTotalTime and threadStates');
    }
    return { frameName: r.frameName, type: r.type, threadStates: states };
  });
}

function metricRange(req: EmuRequest, now: number): { start: number; end: number } {
  const start = time(req.query, 'startTime');
  const end = time(req.query, 'endTime');
  const raw = req.query.get('period');
  const period = raw === null ? undefined : duration(raw, 'period');
  if (period !== undefined && period > DAY) throw invalid('The maximum period duration is one day (PT24H or P1D)');
  const range = start !== undefined && end !== undefined ? { start, end }
    : start !== undefined ? { start, end: start + (period ?? DAY) }
      : end !== undefined ? { start: end - (period ?? DAY), end }
        : { start: now - (period ?? DAY), end: now };
  if (range.end <= range.start) throw invalid('endTime must be after startTime');
  return range;
}

export function analysisRoutes(ctx: GuruContext): RestRoute[] {
  return [
    {
      method: 'GET', pattern: '/internal/profilingGroups/{profilingGroupName}/recommendations', operation: 'GetRecommendations',
      handler: (req, labels) => {
        const group = findGroup(ctx, req, labels.profilingGroupName);
        const start = time(req.query, 'startTime', true);
        const end = time(req.query, 'endTime', true);
        if (end <= start) throw invalid('endTime must be after startTime');
        const now = ctx.now();
        const overlaps = start < now && end > group.dataFrom;
        return {
          body: {
            profilingGroupName: group.name,
            profileStartTime: iso(start),
            profileEndTime: iso(end),
            recommendations: overlaps ? recommendations(group, Math.max(start, group.dataFrom), Math.min(end, now)) : [],
            anomalies: anomalies(group, now, start, end),
          },
        };
      },
    },
    {
      method: 'GET', pattern: '/internal/profilingGroups/{profilingGroupName}/findingsReports', operation: 'ListFindingsReports',
      handler: (req, labels) => {
        const group = findGroup(ctx, req, labels.profilingGroupName);
        const start = time(req.query, 'startTime', true);
        const end = time(req.query, 'endTime', true);
        const dailyOnly = bool(req.query, 'dailyReportsOnly') ?? false;
        const now = ctx.now();
        const findings = recommendations(group, now - DAY, now).length + group.anomalies.length;
        const matching = reports(group, now).filter((r) => r.start >= start && r.end <= end && (!dailyOnly || r.daily));
        const page = offsetPage(matching, req.query, 100);
        return {
          body: {
            findingsReportSummaries: page.items.map((r) => ({
              id: stableUuid(group.name, String(r.start), String(r.end)),
              profilingGroupName: group.name,
              profileStartTime: iso(r.start),
              profileEndTime: iso(r.end),
              totalNumberOfFindings: findings,
            })),
            ...(page.nextToken ? { nextToken: page.nextToken } : {}),
          },
        };
      },
    },
    {
      method: 'POST', pattern: '/profilingGroups/{profilingGroupName}/frames/-/metrics', operation: 'BatchGetFrameMetricData',
      handler: (req, labels) => {
        const group = findGroup(ctx, req, labels.profilingGroupName);
        const { start, end } = metricRange(req, ctx.now());
        const resolution: AggregationPeriod = oneOf(req.query, 'targetResolution', PERIODS) ?? (end - start <= 6 * HOUR ? 'PT5M' : 'PT1H');
        const metrics = frameMetrics(req.body);
        const step = PERIOD_MS[resolution];
        const endTimes: number[] = [];
        for (let t = Math.floor(start / step) * step + step; t <= end; t += step) endTimes.push(t);
        const root = group.profile?.().callgraph;
        const frameMetricData = metrics.map((m) => {
          const { totals, rootTotal } = root ? relativeTotals(root, m.threadStates) : { totals: new Map<string, number>(), rootTotal: 0 };
          const base = rootTotal > 0 ? (totals.get(m.frameName) ?? 0) / rootTotal : 0;
          // A gentle daily wave so charts show movement; deterministic in time.
          const values = endTimes.map((t) => (t <= group.dataFrom ? 0 : base * (1 + 0.15 * Math.sin((2 * Math.PI * t) / DAY))));
          return { frameMetric: m, values };
        });
        return {
          body: {
            startTime: iso(start),
            endTime: iso(end),
            resolution,
            endTimes: endTimes.map((t) => ({ value: iso(t) })),
            unprocessedEndTimes: {},
            frameMetricData,
          },
        };
      },
    },
  ];
}
