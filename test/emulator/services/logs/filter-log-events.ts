// FilterLogEvents: events of a log group's streams, interleaved by time, that match a filter pattern.
import type { EmuRequest } from '../../core/contract';
import { MinHeap } from '../../core/min-heap';
import { decodePageToken, encodePageToken } from '../../core/page-token';
import { validateInput } from '../../core/validate';
import { compileFilterPattern } from './filter-pattern';
import { invalidParameter, resolveGroup } from './resolve';
import { filterLogEventsRules } from './rules';
import { firstAtOrAfter, type LogEventRecord, type LogGroupRecord, type LogStreamRecord } from './store';
import type { LogsWorld } from './world';

const MAX_EVENTS = 10_000;
const MAX_BYTES = 1_048_576;

interface Pointer {
  stream: LogStreamRecord;
  index: number;
  end: number;
}

const head = (p: Pointer): LogEventRecord => p.stream.events[p.index]!;

function after(e: LogEventRecord, cursor: [number, number]): boolean {
  return e.timestamp > cursor[0] || (e.timestamp === cursor[0] && e.seq > cursor[1]);
}

export function eventId(e: LogEventRecord): string {
  return `${e.timestamp}${String(e.seq).padStart(43, '0')}`.padStart(56, '0');
}

function selectStreams(group: LogGroupRecord, input: Record<string, unknown>): LogStreamRecord[] {
  const names = input.logStreamNames as string[] | undefined;
  const prefix = input.logStreamNamePrefix as string | undefined;
  if (names && prefix !== undefined) {
    throw invalidParameter('logStreamNames and logStreamNamePrefix are mutually exclusive parameters.');
  }
  if (names) return names.map((n) => group.streams.get(n)).filter((s): s is LogStreamRecord => s !== undefined);
  const all = group.sortedStreamNames.map((n) => group.streams.get(n)!);
  return prefix ? all.filter((s) => s.name.startsWith(prefix)) : all;
}

export function filterLogEvents(world: LogsWorld) {
  return (input: Record<string, unknown>, req: EmuRequest): unknown => {
    validateInput(filterLogEventsRules, input, 'InvalidParameterException');
    const store = world.region(req.accountId, req.region);
    const group = resolveGroup(store, input);
    const streams = selectStreams(group, input);
    const matches = compileFilterPattern(input.filterPattern as string | undefined);
    const startTime = (input.startTime as number | undefined) ?? 0;
    const endTime = input.endTime as number | undefined;
    const limit = Math.min((input.limit as number | undefined) ?? MAX_EVENTS, MAX_EVENTS);
    const scope = `FilterLogEvents:${req.accountId}:${req.region}:${group.name}:${JSON.stringify([input.logStreamNames, input.logStreamNamePrefix, input.filterPattern, startTime, endTime])}`;
    let cursor: [number, number] | undefined;
    if (input.nextToken !== undefined) {
      const c = decodePageToken(scope, input.nextToken as string);
      if (!Array.isArray(c) || typeof c[0] !== 'number' || typeof c[1] !== 'number') throw invalidParameter('The specified nextToken is invalid.');
      cursor = [c[0], c[1]];
    }

    const heap = new MinHeap<Pointer>((a, b) => head(a).timestamp - head(b).timestamp || head(a).seq - head(b).seq);
    for (const stream of streams) {
      const from = firstAtOrAfter(stream.events, cursor ? Math.max(cursor[0], startTime) : startTime);
      const end = endTime !== undefined ? firstAtOrAfter(stream.events, endTime + 1) : stream.events.length;
      if (from < end) heap.push({ stream, index: from, end });
    }
    const out: { stream: LogStreamRecord; event: LogEventRecord }[] = [];
    let bytes = 0;
    let more = false;
    while (heap.size > 0) {
      const p = heap.pop()!;
      const e = head(p);
      p.index++;
      if (p.index < p.end) heap.push(p);
      if (cursor && !after(e, cursor)) continue;
      if (!matches(e.message)) continue;
      if (out.length === limit || bytes + Buffer.byteLength(e.message) > MAX_BYTES) {
        more = true;
        break;
      }
      bytes += Buffer.byteLength(e.message);
      out.push({ stream: p.stream, event: e });
    }
    const last = out[out.length - 1];
    return {
      events: out.map(({ stream, event }) => ({
        logStreamName: stream.name,
        timestamp: event.timestamp,
        message: event.message,
        ingestionTime: event.ingestionTime,
        eventId: eventId(event),
      })),
      searchedLogStreams: [],
      ...(more && last ? { nextToken: encodePageToken(scope, [last.event.timestamp, last.event.seq]) } : {}),
    };
  };
}
