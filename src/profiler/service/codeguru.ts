import {
  GetProfileCommand, GetRecommendationsCommand, ListFindingsReportsCommand, ListProfileTimesCommand, ListProfilingGroupsCommand,
  type Anomaly, type CodeGuruProfilerClient, type FindingsReportSummary, type ProfilingGroupDescription, type Recommendation,
} from '@aws-sdk/client-codeguruprofiler';
import { decodeProfile } from '../model/decode';
import type { Profile } from '../model/profile';
import type { TimeRange } from '../model/time-ranges';

/** The operations the profiler feature calls; names match IAM actions for error explanations. */
export type CodeGuruOperation = 'ListProfilingGroups' | 'ListProfileTimes' | 'GetProfile' | 'GetRecommendations' | 'ListFindingsReports';

/** Tags an SDK failure with the operation it came from, so the adapter can explain it precisely. */
export class CodeGuruCallError extends Error {
  override readonly name = 'CodeGuruCallError';
  constructor(readonly operation: CodeGuruOperation, override readonly cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

async function call<T>(operation: CodeGuruOperation, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    throw new CodeGuruCallError(operation, err);
  }
}

const MAX_PAGES = 50;

/** The SDK's per-call options: the abort signal, when there is one. */
function sendOptions(abortSignal: AbortSignal | undefined): { abortSignal?: AbortSignal } {
  return abortSignal ? { abortSignal } : {};
}

/** Every profiling group with its description (compute platform, last report). */
export async function listProfilingGroups(client: CodeGuruProfilerClient, abortSignal?: AbortSignal): Promise<ProfilingGroupDescription[]> {
  const out: ProfilingGroupDescription[] = [];
  let nextToken: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const res = await call('ListProfilingGroups', () => client.send(new ListProfilingGroupsCommand({ includeDescription: true, maxResults: 100, ...(nextToken ? { nextToken } : {}) }), sendOptions(abortSignal)));
    const described = res.profilingGroups ?? [];
    const names = new Set(described.map((g) => g.name));
    out.push(...described);
    // A service that omits descriptions still lists the names.
    for (const name of res.profilingGroupNames ?? []) if (!names.has(name)) out.push({ name });
    nextToken = res.nextToken;
    if (!nextToken) break;
  }
  return out.sort((a, b) => (a.name ?? '').localeCompare(b.name ?? ''));
}

/** Start times of the aggregated profiles (hourly by default) in a window, newest first. */
export async function listProfileTimes(client: CodeGuruProfilerClient, group: string, window: Pick<TimeRange, 'start' | 'end'>, period: 'PT5M' | 'PT1H' | 'P1D' = 'PT1H', abortSignal?: AbortSignal): Promise<Date[]> {
  const out: Date[] = [];
  let nextToken: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const res = await call('ListProfileTimes', () => client.send(new ListProfileTimesCommand({
      profilingGroupName: group, startTime: window.start, endTime: window.end, period, orderBy: 'TimestampDescending', maxResults: 1000,
      ...(nextToken ? { nextToken } : {}),
    }), sendOptions(abortSignal)));
    for (const t of res.profileTimes ?? []) if (t.start) out.push(t.start);
    nextToken = res.nextToken;
    if (!nextToken) break;
  }
  return out.sort((a, b) => b.getTime() - a.getTime());
}

/** GetProfile as JSON (never Ion), gunzipped when needed, parsed into the model. */
export async function fetchProfile(client: CodeGuruProfilerClient, group: string, range: Pick<TimeRange, 'start' | 'end'>, abortSignal?: AbortSignal): Promise<Profile> {
  const res = await call('GetProfile', () => client.send(new GetProfileCommand({
    profilingGroupName: group, startTime: range.start, endTime: range.end, accept: 'application/json',
  }), sendOptions(abortSignal)));
  if (!res.profile || res.profile.length === 0) throw new Error(`CodeGuru Profiler returned an empty profile for ${group}.`);
  return decodeProfile(res.profile, {
    ...(res.contentEncoding ? { contentEncoding: res.contentEncoding } : {}),
    ...(res.contentType ? { contentType: res.contentType } : {}),
  });
}

export interface Recommendations {
  recommendations: Recommendation[];
  anomalies: Anomaly[];
}

export async function getRecommendations(client: CodeGuruProfilerClient, group: string, range: Pick<TimeRange, 'start' | 'end'>, abortSignal?: AbortSignal): Promise<Recommendations> {
  const res = await call('GetRecommendations', () => client.send(new GetRecommendationsCommand({
    profilingGroupName: group, startTime: range.start, endTime: range.end, locale: 'en-US',
  }), sendOptions(abortSignal)));
  return { recommendations: res.recommendations ?? [], anomalies: res.anomalies ?? [] };
}

export async function listFindingsReports(client: CodeGuruProfilerClient, group: string, range: Pick<TimeRange, 'start' | 'end'>, abortSignal?: AbortSignal): Promise<FindingsReportSummary[]> {
  const out: FindingsReportSummary[] = [];
  let nextToken: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const res = await call('ListFindingsReports', () => client.send(new ListFindingsReportsCommand({
      profilingGroupName: group, startTime: range.start, endTime: range.end, maxResults: 100, ...(nextToken ? { nextToken } : {}),
    }), sendOptions(abortSignal)));
    out.push(...(res.findingsReportSummaries ?? []));
    nextToken = res.nextToken;
    if (!nextToken) break;
  }
  return out.sort((a, b) => (b.profileEndTime?.getTime() ?? 0) - (a.profileEndTime?.getTime() ?? 0));
}

/** A saved GetRecommendations response (e.g. `aws codeguruprofiler get-recommendations > x.recommendations.json`). */
export function parseRecommendationsJson(text: string): Recommendations {
  const doc: unknown = JSON.parse(text);
  if (typeof doc !== 'object' || doc === null) return { recommendations: [], anomalies: [] };
  const r = (doc as { recommendations?: unknown }).recommendations;
  const a = (doc as { anomalies?: unknown }).anomalies;
  return {
    recommendations: Array.isArray(r) ? r.filter((x): x is Recommendation => typeof x === 'object' && x !== null) : [],
    anomalies: Array.isArray(a) ? a.filter((x): x is Anomaly => typeof x === 'object' && x !== null) : [],
  };
}
