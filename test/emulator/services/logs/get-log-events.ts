// GetLogEvents: one stream, newest page first unless startFromHead, with forward/backward tokens that
// are positions in the stream; at either end the service hands back the very token it was given.
import type { EmuRequest } from '../../core/contract';
import { AwsServiceError } from '../../core/contract';
import { validateInput } from '../../core/validate';
import { invalidParameter, resolveGroup } from './resolve';
import { getLogEventsRules } from './rules';
import { firstAtOrAfter, type LogEventRecord } from './store';
import type { LogsWorld } from './world';

const MAX_EVENTS = 10_000;
const MAX_BYTES = 1_048_576;
const EVENT_OVERHEAD = 26;

export function positionToken(direction: 'f' | 'b', index: number): string {
  return `${direction}/${String(index).padStart(56, '0')}/s`;
}

function parseToken(token: string): { direction: 'f' | 'b'; index: number } {
  const m = /^([fb])\/(\d{1,56})\/s$/.exec(token);
  if (!m) throw invalidParameter('The specified nextToken is invalid.');
  return { direction: m[1] as 'f' | 'b', index: Number(m[2]) };
}

/** Takes events forward from `from` up to the limit and the 1 MB page size. */
function takeForward(events: readonly LogEventRecord[], from: number, hi: number, limit: number): number {
  let bytes = 0;
  let end = from;
  while (end < hi && end - from < limit) {
    bytes += Buffer.byteLength(events[end]!.message) + EVENT_OVERHEAD;
    if (bytes > MAX_BYTES && end > from) break;
    end++;
  }
  return end;
}

function takeBackward(events: readonly LogEventRecord[], to: number, lo: number, limit: number): number {
  let bytes = 0;
  let start = to;
  while (start > lo && to - start < limit) {
    bytes += Buffer.byteLength(events[start - 1]!.message) + EVENT_OVERHEAD;
    if (bytes > MAX_BYTES && start < to) break;
    start--;
  }
  return start;
}

export function getLogEvents(world: LogsWorld) {
  return (input: Record<string, unknown>, req: EmuRequest): unknown => {
    validateInput(getLogEventsRules, input, 'InvalidParameterException');
    const store = world.region(req.accountId, req.region);
    const group = resolveGroup(store, input);
    const stream = group.streams.get(input.logStreamName as string);
    if (!stream) throw new AwsServiceError('ResourceNotFoundException', 'The specified log stream does not exist.');
    const events = stream.events;
    const lo = input.startTime !== undefined ? firstAtOrAfter(events, input.startTime as number) : 0;
    const hi = Math.max(lo, input.endTime !== undefined ? firstAtOrAfter(events, input.endTime as number) : events.length);
    const limit = Math.min((input.limit as number | undefined) ?? MAX_EVENTS, MAX_EVENTS);
    const clamp = (i: number): number => Math.min(Math.max(i, lo), hi);

    let start: number;
    let end: number;
    const token = input.nextToken as string | undefined;
    if (token !== undefined) {
      const { direction, index } = parseToken(token);
      if (direction === 'f') {
        start = clamp(index);
        end = takeForward(events, start, hi, limit);
      } else {
        end = clamp(index);
        start = takeBackward(events, end, lo, limit);
      }
      if (start === end) {
        // At the end in the token's direction: the same token comes back.
        return {
          events: [],
          nextForwardToken: direction === 'f' ? token : positionToken('f', end),
          nextBackwardToken: direction === 'b' ? token : positionToken('b', start),
        };
      }
    } else if (input.startFromHead === true) {
      start = lo;
      end = takeForward(events, start, hi, limit);
    } else {
      end = hi;
      start = takeBackward(events, end, lo, limit);
    }
    return {
      events: events.slice(start, end).map((e) => ({ timestamp: e.timestamp, message: e.message, ingestionTime: e.ingestionTime })),
      nextForwardToken: positionToken('f', end),
      nextBackwardToken: positionToken('b', start),
    };
  };
}
