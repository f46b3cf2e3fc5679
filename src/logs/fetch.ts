// GetLogEvents paging over a real CloudWatch Logs client.
import { GetLogEventsCommand, type CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import type { LogEvent } from './buffer';

export interface LogPage {
  events: LogEvent[];
  nextForwardToken?: string;
  nextBackwardToken?: string;
}

export interface StreamRef {
  group: string;
  stream: string;
}

/** Events per GetLogEvents call (the API's maximum is 10,000). */
export const PAGE_LIMIT = 2000;
/** Forward pages followed in one catch-up before yielding to the next poll. */
const MAX_FORWARD_PAGES = 20;

function toEvents(raw: { timestamp?: number | undefined; message?: string | undefined }[] | undefined): LogEvent[] {
  return (raw ?? []).map((e) => ({ timestamp: e.timestamp ?? 0, message: e.message ?? '' }));
}

async function page(logs: CloudWatchLogsClient, ref: StreamRef, opts: { nextToken?: string; startFromHead?: boolean; limit?: number }, signal?: AbortSignal): Promise<LogPage> {
  const out = await logs.send(new GetLogEventsCommand({
    logGroupName: ref.group,
    logStreamName: ref.stream,
    limit: opts.limit ?? PAGE_LIMIT,
    ...(opts.nextToken ? { nextToken: opts.nextToken } : {}),
    ...(opts.startFromHead !== undefined ? { startFromHead: opts.startFromHead } : {}),
  }), signal ? { abortSignal: signal } : {});
  return {
    events: toEvents(out.events),
    ...(out.nextForwardToken ? { nextForwardToken: out.nextForwardToken } : {}),
    ...(out.nextBackwardToken ? { nextBackwardToken: out.nextBackwardToken } : {}),
  };
}

/** The newest page of the stream (what a person wants to see first). */
export function fetchNewest(logs: CloudWatchLogsClient, ref: StreamRef, signal?: AbortSignal): Promise<LogPage> {
  return page(logs, ref, { startFromHead: false }, signal);
}

/** The page before `backwardToken`. */
export function fetchOlder(logs: CloudWatchLogsClient, ref: StreamRef, backwardToken: string, signal?: AbortSignal): Promise<LogPage> {
  return page(logs, ref, { nextToken: backwardToken }, signal);
}

/**
 * Everything after `forwardToken`, following pages until the service hands back the token it was
 * given (its way of saying "nothing newer"): the SDK paginator would loop forever without
 * `stopOnSameToken`, so the loop is written out.
 */
export async function fetchForward(logs: CloudWatchLogsClient, ref: StreamRef, forwardToken: string | undefined, signal?: AbortSignal): Promise<{ events: LogEvent[]; token: string | undefined }> {
  const events: LogEvent[] = [];
  let token = forwardToken;
  for (let i = 0; i < MAX_FORWARD_PAGES; i++) {
    const p = await page(logs, ref, token ? { nextToken: token, startFromHead: true } : { startFromHead: true }, signal);
    events.push(...p.events);
    const next = p.nextForwardToken;
    if (!next || next === token) break;
    token = next;
    if (p.events.length === 0) break;
  }
  return { events, token };
}
