import { gzipSync } from 'node:zlib';
import { AwsServiceError } from '../../core/contract';
import type { EmuReply, EmuRequest, RestRoute } from '../../core/contract';
import type { ProfilingGroup } from './model';
import { duration, integer, invalid, iso, offsetPage, oneOf, PERIODS, time } from './params';
import type { ProfileBytes } from './profile-bytes';
import { profileTimes } from './profile-times';
import type { GuruContext } from './routes-groups';
import { findGroup } from './routes-groups';

const WEEK = 7 * 24 * 60 * 60_000;
const JSON_TYPE = 'application/json';
const ION_TYPE = 'application/x-amzn-ion';

export interface ProfileContext extends GuruContext {
  bytes(group: ProfilingGroup): ProfileBytes | undefined;
}

/** GetProfile's time range from 1 or 2 of startTime, endTime and period (the model doc's rules). */
function profileRange(req: EmuRequest, now: number): { start: number; end: number } {
  const start = time(req.query, 'startTime');
  const end = time(req.query, 'endTime');
  const rawPeriod = req.query.get('period');
  const period = rawPeriod === null ? undefined : duration(rawPeriod, 'period');
  if (start !== undefined && end !== undefined && period !== undefined) throw invalid('Specify at most two of startTime, endTime and period');
  let range: { start: number; end: number };
  if (start !== undefined && end !== undefined) range = { start, end };
  else if (start !== undefined) {
    if (period === undefined) throw invalid('startTime requires either period or endTime');
    range = { start, end: start + period };
  } else if (end !== undefined) {
    if (period === undefined) throw invalid('endTime requires either period or startTime');
    range = { start: end - period, end };
  } else {
    range = { start: now - (period ?? 60 * 60_000), end: now };
  }
  if (range.end <= range.start) throw invalid('endTime must be after startTime');
  if (range.end - range.start > WEEK) throw invalid('The maximum time range allowed is 7 days');
  return range;
}

/** JSON only when asked for; otherwise Ion, the service default (served as Ion text, which JSON is). */
function negotiate(accept: string | undefined): string {
  if (!accept || accept.trim() === '') return ION_TYPE;
  const types = accept.split(',').map((t) => (t.split(';')[0] ?? '').trim().toLowerCase());
  for (const t of types) {
    if (t === JSON_TYPE) return JSON_TYPE;
    if (t === ION_TYPE || t === '*/*' || t === 'application/*') return ION_TYPE;
  }
  throw invalid(`Unsupported Accept header '${accept}': use application/json or application/x-amzn-ion`);
}

export function profileRoutes(ctx: ProfileContext): RestRoute[] {
  return [
    {
      method: 'GET', pattern: '/profilingGroups/{profilingGroupName}/profile', operation: 'GetProfile',
      handler: (req, labels) => {
        const group = findGroup(ctx, req, labels.profilingGroupName);
        const now = ctx.now();
        const { start, end } = profileRange(req, now);
        const maxDepth = integer(req.query, 'maxDepth', 1, 10000);
        const accept = req.headers.accept;
        const contentType = negotiate(Array.isArray(accept) ? accept.join(',') : accept);
        const bytes = ctx.bytes(group);
        const from = Math.max(start, group.dataFrom);
        const to = Math.min(end, now);
        if (!bytes || from >= to) {
          throw new AwsServiceError('ResourceNotFoundException', `No aggregated profile of ${group.name} exists between ${iso(start)} and ${iso(end)}`, 404);
        }
        const body = bytes.json(from, to, maxDepth);
        const reply: EmuReply = group.gzip
          ? { body: gzipSync(body, { level: 6 }), headers: { 'Content-Type': contentType, 'Content-Encoding': 'gzip' } }
          : { body, headers: { 'Content-Type': contentType } };
        return reply;
      },
    },
    {
      method: 'GET', pattern: '/profilingGroups/{profilingGroupName}/profileTimes', operation: 'ListProfileTimes',
      handler: (req, labels) => {
        const group = findGroup(ctx, req, labels.profilingGroupName);
        const start = time(req.query, 'startTime', true);
        const end = time(req.query, 'endTime', true);
        const period = oneOf(req.query, 'period', PERIODS);
        if (period === undefined) throw invalid('period is required');
        const order = oneOf(req.query, 'orderBy', ['TimestampAscending', 'TimestampDescending'] as const) ?? 'TimestampDescending';
        const times = group.profile ? profileTimes(ctx.now(), group.dataFrom, period, start, end) : [];
        if (order === 'TimestampDescending') times.reverse();
        const page = offsetPage(times, req.query, 100);
        return { body: { profileTimes: page.items.map((t) => ({ start: iso(t) })), ...(page.nextToken ? { nextToken: page.nextToken } : {}) } };
      },
    },
  ];
}
