// DescribeLogStreams: by name (optionally with a prefix) or by last event time, either direction.
import type { EmuRequest } from '../../core/contract';
import { decodePageToken, encodePageToken } from '../../core/page-token';
import { lowerBound } from '../../core/sorted';
import { validateInput } from '../../core/validate';
import { invalidParameter, resolveGroup } from './resolve';
import { describeLogStreamsRules } from './rules';
import type { LogStreamRecord, LogsRegion } from './store';
import type { LogsWorld } from './world';

function wireStream(store: LogsRegion, s: LogStreamRecord): Record<string, unknown> {
  const first = s.events[0];
  const last = s.events[s.events.length - 1];
  return {
    logStreamName: s.name,
    creationTime: s.creationTime,
    ...(first ? { firstEventTimestamp: first.timestamp } : {}),
    ...(last ? { lastEventTimestamp: last.timestamp } : {}),
    ...(s.lastIngestionTime !== undefined ? { lastIngestionTime: s.lastIngestionTime } : {}),
    arn: store.streamArn(s.group.name, s.name),
    storedBytes: 0,
  };
}

function lastEventTime(s: LogStreamRecord): number {
  return s.events[s.events.length - 1]?.timestamp ?? 0;
}

type Cursor = [number, string];

export function describeLogStreams(world: LogsWorld) {
  return (input: Record<string, unknown>, req: EmuRequest): unknown => {
    validateInput(describeLogStreamsRules, input, 'InvalidParameterException');
    const store = world.region(req.accountId, req.region);
    const group = resolveGroup(store, input);
    const orderBy = (input.orderBy as string | undefined) ?? 'LogStreamName';
    const prefix = input.logStreamNamePrefix as string | undefined;
    if (orderBy === 'LastEventTime' && prefix !== undefined) {
      throw invalidParameter('Cannot order by LastEventTime with a logStreamNamePrefix.');
    }
    const descending = input.descending === true;
    const limit = (input.limit as number | undefined) ?? 50;
    const scope = `DescribeLogStreams:${req.accountId}:${req.region}:${group.name}:${orderBy}:${descending}:${prefix ?? ''}`;
    let cursor: Cursor | undefined;
    if (input.nextToken !== undefined) {
      const c = decodePageToken(scope, input.nextToken as string);
      if (!Array.isArray(c) || typeof c[0] !== 'number' || typeof c[1] !== 'string') throw invalidParameter('The specified nextToken is invalid.');
      cursor = [c[0], c[1]];
    }

    let ordered: LogStreamRecord[];
    if (orderBy === 'LogStreamName') {
      const names = group.sortedStreamNames;
      let lo = prefix ? lowerBound(names, prefix) : 0;
      let hi = names.length;
      if (prefix) {
        hi = lo;
        while (hi < names.length && names[hi]!.startsWith(prefix)) hi++;
      }
      if (cursor) {
        if (descending) hi = Math.min(hi, lowerBound(names, cursor[1]));
        else lo = Math.max(lo, lowerBound(names, cursor[1], true));
      }
      const slice = descending ? names.slice(Math.max(lo, hi - limit - 1), hi).reverse() : names.slice(lo, lo + limit + 1);
      ordered = slice.map((n) => group.streams.get(n)!);
    } else {
      const key = (s: LogStreamRecord): Cursor => [lastEventTime(s), s.name];
      const cmp = (a: Cursor, b: Cursor): number => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0);
      const all = [...group.streams.values()].sort((a, b) => cmp(key(a), key(b)) * (descending ? -1 : 1));
      ordered = cursor ? all.filter((s) => cmp(key(s), cursor) * (descending ? -1 : 1) > 0) : all;
    }
    const page = ordered.slice(0, limit);
    const more = ordered.length > limit;
    const last = page[page.length - 1];
    return {
      logStreams: page.map((s) => wireStream(store, s)),
      ...(more && last ? { nextToken: encodePageToken(scope, [lastEventTime(last), last.name]) } : {}),
    };
  };
}
