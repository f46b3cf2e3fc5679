// StartLiveTail: an HTTP/1.1 response streaming binary event-stream messages. sessionStart goes out at
// once (the SDK's send() waits for the first event), then a sessionUpdate on every tick (real time,
// 1 s like AWS) with the events ingested since, at most 500 per update (sampled beyond that).
// The session ends when the client aborts, or with SessionTimeoutException after 3 h of simulated time.
import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { EventStreamCodec } from '@smithy/eventstream-codec';
import { fromUtf8, toUtf8 } from '@smithy/util-utf8';
import { AwsServiceError, type EmuRequest, StreamingReply } from '../../core/contract';
import { validateInput } from '../../core/validate';
import { compileFilterPattern } from './filter-pattern';
import { invalidParameter } from './resolve';
import { startLiveTailRules } from './rules';
import type { IngestedEvent, LogGroupRecord } from './store';
import type { LogsWorld } from './world';

const MAX_PER_UPDATE = 500;
const MAX_BUFFERED = 5_000;

const codec = new EventStreamCodec(toUtf8, fromUtf8);

function encodeEvent(eventType: string, payload: unknown): Uint8Array {
  return codec.encode({
    headers: {
      ':message-type': { type: 'string', value: 'event' },
      ':event-type': { type: 'string', value: eventType },
      ':content-type': { type: 'string', value: 'application/json' },
    },
    body: fromUtf8(JSON.stringify(payload)),
  });
}

function encodeException(exceptionType: string, message: string): Uint8Array {
  return codec.encode({
    headers: {
      ':message-type': { type: 'string', value: 'exception' },
      ':exception-type': { type: 'string', value: exceptionType },
      ':content-type': { type: 'string', value: 'application/json' },
    },
    body: fromUtf8(JSON.stringify({ message })),
  });
}

interface LiveResult {
  logStreamName: string;
  logGroupIdentifier: string;
  message: string;
  timestamp: number;
  ingestionTime: number;
}

export function startLiveTail(world: LogsWorld) {
  return (input: Record<string, unknown>, req: EmuRequest): StreamingReply => {
    validateInput(startLiveTailRules, input, 'InvalidParameterException');
    const identifiers = input.logGroupIdentifiers as string[];
    const streamNames = input.logStreamNames as string[] | undefined;
    const streamPrefixes = input.logStreamNamePrefixes as string[] | undefined;
    if (streamNames && streamPrefixes) {
      throw invalidParameter('logStreamNames and logStreamNamePrefixes are mutually exclusive parameters.');
    }
    if ((streamNames || streamPrefixes) && identifiers.length > 1) {
      throw invalidParameter('logStreamNames and logStreamNamePrefixes can only be used with a single log group.');
    }
    const store = world.region(req.accountId, req.region);
    const groups = new Map<LogGroupRecord, string>();
    for (const id of identifiers) {
      const group = store.findGroup(id);
      if (!group) throw new AwsServiceError('ResourceNotFoundException', `The specified log group does not exist: ${id}`);
      groups.set(group, id);
    }
    const pattern = input.logEventFilterPattern as string | undefined;
    const matches = compileFilterPattern(pattern);
    const wants = (e: IngestedEvent): boolean =>
      groups.has(e.group) &&
      (!streamNames || streamNames.includes(e.stream.name)) &&
      (!streamPrefixes || streamPrefixes.some((p) => e.stream.name.startsWith(p))) &&
      matches(e.event.message);

    const start = (requestId: string): Record<string, unknown> => ({
      requestId,
      sessionId: randomUUID(),
      logGroupIdentifiers: identifiers,
      ...(streamNames ? { logStreamNames: streamNames } : {}),
      ...(streamPrefixes ? { logStreamNamePrefixes: streamPrefixes } : {}),
      ...(pattern !== undefined ? { logEventFilterPattern: pattern } : {}),
    });

    return new StreamingReply({ 'content-type': 'application/vnd.amazon.eventstream' }, (res: ServerResponse) => {
      let buffer: LiveResult[] = [];
      let dropped = false;
      const unsubscribe = store.subscribe((batch) => {
        for (const e of batch) {
          if (!wants(e)) continue;
          buffer.push({
            logStreamName: e.stream.name,
            logGroupIdentifier: groups.get(e.group)!,
            message: e.event.message,
            timestamp: e.event.timestamp,
            ingestionTime: e.event.ingestionTime,
          });
        }
        if (buffer.length > MAX_BUFFERED) {
          buffer = buffer.slice(buffer.length - MAX_BUFFERED);
          dropped = true;
        }
      });
      const flush = (): void => {
        let results = buffer;
        let sampled = dropped;
        if (results.length > MAX_PER_UPDATE) {
          const step = results.length / MAX_PER_UPDATE;
          results = Array.from({ length: MAX_PER_UPDATE }, (_, i) => results[Math.floor(i * step)]!);
          sampled = true;
        }
        buffer = [];
        dropped = false;
        res.write(encodeEvent('sessionUpdate', { sessionMetadata: { sampled }, sessionResults: results }));
      };
      const ticker = setInterval(flush, world.options.liveTailIntervalMs);
      const timeout = world.clock.setTimeout(() => {
        res.end(encodeException('SessionTimeoutException', 'Session timed out: a Live Tail session lasts at most 3 hours.'));
        cleanup();
      }, world.options.liveTailTimeoutMs);
      let cleaned = false;
      const cleanup = (): void => {
        if (cleaned) return;
        cleaned = true;
        clearInterval(ticker);
        timeout.cancel();
        unsubscribe();
      };
      res.on('close', cleanup);
      res.write(encodeEvent('sessionStart', start(String(res.getHeader('x-amzn-requestid') ?? randomUUID()))));
    });
  };
}
