import {
  GetProfileCommand, GetRecommendationsCommand, paginateListFindingsReports, paginateListProfileTimes, paginateListProfilingGroups,
  type CodeGuruProfilerClient, type FindingsReportSummary, type ProfilingGroupDescription,
} from '@aws-sdk/client-codeguruprofiler';
import { collectPages } from '../../aws/paging';
import type { Recommendations } from './saved-recommendations';
import { decodeProfile } from '../model/decode';
import type { Profile } from '../model/profile';
import type { TimeRange } from '../model/time-ranges';

// A failing call is stamped with its operation by the client itself (src/aws/clients.ts).

const MAX_PAGES = 50;

function sendOptions(abortSignal?: AbortSignal): [{ abortSignal?: AbortSignal }] {
  return [abortSignal ? { abortSignal } : {}];
}

/** Every profiling group with its description (compute platform, last report). */
export async function listProfilingGroups(client: CodeGuruProfilerClient, abortSignal?: AbortSignal): Promise<ProfilingGroupDescription[]> {
  const pages = paginateListProfilingGroups({ client, pageSize: 100, stopOnSameToken: true }, { includeDescription: true }, ...sendOptions(abortSignal));
  const out = await collectPages(pages, (res) => {
    const described = res.profilingGroups ?? [];
    const names = new Set(described.map((g) => g.name));
    // A service that omits descriptions still lists the names.
    return [...described, ...(res.profilingGroupNames ?? []).filter((name) => !names.has(name)).map((name) => ({ name }))];
  }, MAX_PAGES);
  return out.sort((a, b) => (a.name ?? '').localeCompare(b.name ?? ''));
}

/** Start times of the aggregated profiles (hourly by default) in a window, newest first. */
export async function listProfileTimes(client: CodeGuruProfilerClient, group: string, window: Pick<TimeRange, 'start' | 'end'>, period: 'PT5M' | 'PT1H' | 'P1D' = 'PT1H', abortSignal?: AbortSignal): Promise<Date[]> {
  const pages = paginateListProfileTimes({ client, pageSize: 1000, stopOnSameToken: true }, {
    profilingGroupName: group, startTime: window.start, endTime: window.end, period, orderBy: 'TimestampDescending',
  }, ...sendOptions(abortSignal));
  const out = await collectPages(pages, (res) => (res.profileTimes ?? []).flatMap((t) => (t.start ? [t.start] : [])), MAX_PAGES);
  return out.sort((a, b) => b.getTime() - a.getTime());
}

/** GetProfile as JSON (never Ion), gunzipped when needed, parsed into the model. */
export async function fetchProfile(client: CodeGuruProfilerClient, group: string, range: Pick<TimeRange, 'start' | 'end'>, abortSignal?: AbortSignal): Promise<Profile> {
  const res = await client.send(new GetProfileCommand({
    profilingGroupName: group, startTime: range.start, endTime: range.end, accept: 'application/json',
  }), ...sendOptions(abortSignal));
  if (!res.profile || res.profile.length === 0) throw new Error(`CodeGuru Profiler returned an empty profile for ${group}.`);
  return decodeProfile(res.profile, {
    ...(res.contentEncoding ? { contentEncoding: res.contentEncoding } : {}),
    ...(res.contentType ? { contentType: res.contentType } : {}),
  });
}

export type { Recommendations } from './saved-recommendations';

export async function getRecommendations(client: CodeGuruProfilerClient, group: string, range: Pick<TimeRange, 'start' | 'end'>, abortSignal?: AbortSignal): Promise<Recommendations> {
  const res = await client.send(new GetRecommendationsCommand({
    profilingGroupName: group, startTime: range.start, endTime: range.end, locale: 'en-US',
  }), ...sendOptions(abortSignal));
  return { recommendations: res.recommendations ?? [], anomalies: res.anomalies ?? [] };
}

export async function listFindingsReports(client: CodeGuruProfilerClient, group: string, range: Pick<TimeRange, 'start' | 'end'>, abortSignal?: AbortSignal): Promise<FindingsReportSummary[]> {
  const pages = paginateListFindingsReports({ client, pageSize: 100, stopOnSameToken: true }, {
    profilingGroupName: group, startTime: range.start, endTime: range.end,
  }, ...sendOptions(abortSignal));
  const out = await collectPages(pages, (res) => res.findingsReportSummaries, MAX_PAGES);
  return out.sort((a, b) => (b.profileEndTime?.getTime() ?? 0) - (a.profileEndTime?.getTime() ?? 0));
}

/** The CodeGuru Profiler calls, as the feature uses them (it loads this module, and the SDK, on first use). */
export interface CodeGuruService {
  listProfilingGroups: typeof listProfilingGroups;
  listProfileTimes: typeof listProfileTimes;
  fetchProfile: typeof fetchProfile;
  getRecommendations: typeof getRecommendations;
  listFindingsReports: typeof listFindingsReports;
}
