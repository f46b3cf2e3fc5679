import type { ProfilingGroup } from './model';
import { iso } from './params';
import { latestProfileTime } from './profile-times';

export function groupArn(region: string, g: ProfilingGroup): string {
  return `arn:aws:codeguru-profiler:${region}:${g.accountId}:profilingGroup/${g.name}`;
}

/** ProfilingGroupDescription with ISO-8601 timestamps. */
export function describeGroup(region: string, g: ProfilingGroup, now: number): Record<string, unknown> {
  const latest = g.profile ? latestProfileTime(now, 'PT5M') : undefined;
  return {
    name: g.name,
    agentOrchestrationConfig: { profilingEnabled: g.profilingEnabled },
    arn: groupArn(region, g),
    createdAt: iso(g.createdAt),
    updatedAt: iso(g.updatedAt),
    profilingStatus: latest === undefined
      ? {}
      : { latestAgentProfileReportedAt: iso(now - 60_000), latestAggregatedProfile: { start: iso(latest), period: 'PT5M' }, latestAgentOrchestratedAt: iso(now - 30_000) },
    computePlatform: g.computePlatform,
    tags: g.tags,
  };
}
