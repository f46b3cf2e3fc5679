// CloudWatch Logs state for one account and region: log groups, streams and their events,
// kept sorted so listings and reads are binary searches, plus listeners for Live Tail.
import type { Clock } from '../../core/contract';
import { insertSorted } from '../../core/sorted';

export interface LogEventRecord {
  timestamp: number;
  message: string;
  ingestionTime: number;
  /** Group-wide ingestion sequence; the FilterLogEvents eventId. */
  seq: number;
}

export interface LogStreamRecord {
  name: string;
  creationTime: number;
  /** Sorted by timestamp (ties keep arrival order). */
  events: LogEventRecord[];
  lastIngestionTime?: number;
  group: LogGroupRecord;
}

export interface LogGroupRecord {
  name: string;
  creationTime: number;
  retentionInDays?: number;
  logGroupClass: 'STANDARD' | 'INFREQUENT_ACCESS';
  storedBytes: number;
  streams: Map<string, LogStreamRecord>;
  sortedStreamNames: string[];
  nextSeq: number;
}

export interface IngestedEvent {
  group: LogGroupRecord;
  stream: LogStreamRecord;
  event: LogEventRecord;
}

export type IngestListener = (batch: readonly IngestedEvent[]) => void;

export class LogsRegion {
  readonly groups = new Map<string, LogGroupRecord>();
  readonly sortedGroupNames: string[] = [];
  private readonly listeners = new Set<IngestListener>();

  constructor(readonly accountId: string, readonly region: string, private readonly clock: Clock) {}

  groupArn(name: string): string {
    return `arn:aws:logs:${this.region}:${this.accountId}:log-group:${name}`;
  }

  streamArn(group: string, stream: string): string {
    return `${this.groupArn(group)}:log-stream:${stream}`;
  }

  /** A log group by name or by ARN (with or without the trailing `:*`), in this account and region. */
  findGroup(identifier: string): LogGroupRecord | undefined {
    const prefix = `arn:aws:logs:${this.region}:${this.accountId}:log-group:`;
    if (identifier.startsWith('arn:')) {
      if (!identifier.startsWith(prefix)) return undefined;
      return this.groups.get(identifier.slice(prefix.length).replace(/:\*$/, ''));
    }
    return this.groups.get(identifier);
  }

  ensureGroup(name: string, options: { retentionInDays?: number; creationTime?: number } = {}): LogGroupRecord {
    let group = this.groups.get(name);
    if (!group) {
      group = {
        name,
        creationTime: options.creationTime ?? this.clock.now(),
        ...(options.retentionInDays !== undefined ? { retentionInDays: options.retentionInDays } : {}),
        logGroupClass: 'STANDARD',
        storedBytes: 0,
        streams: new Map(),
        sortedStreamNames: [],
        nextSeq: 1,
      };
      this.groups.set(name, group);
      insertSorted(this.sortedGroupNames, name);
    }
    return group;
  }

  ensureStream(groupName: string, streamName: string): LogStreamRecord {
    const group = this.ensureGroup(groupName);
    let stream = group.streams.get(streamName);
    if (!stream) {
      stream = { name: streamName, creationTime: this.clock.now(), events: [], group };
      group.streams.set(streamName, stream);
      insertSorted(group.sortedStreamNames, streamName);
    }
    return stream;
  }

  /** PutLogEvents, in effect: appends events (any order) and tells Live Tail sessions. */
  put(groupName: string, streamName: string, events: readonly { timestamp: number; message: string }[]): void {
    if (events.length === 0) return;
    const stream = this.ensureStream(groupName, streamName);
    const group = stream.group;
    let ingestionTime = this.clock.now();
    for (const e of events) if (e.timestamp > ingestionTime) ingestionTime = e.timestamp;
    const batch: IngestedEvent[] = [];
    for (const e of events) {
      const event: LogEventRecord = { timestamp: e.timestamp, message: e.message, ingestionTime, seq: group.nextSeq++ };
      insertByTime(stream.events, event);
      group.storedBytes += Buffer.byteLength(e.message) + 26;
      batch.push({ group, stream, event });
    }
    stream.lastIngestionTime = ingestionTime;
    for (const listener of this.listeners) listener(batch);
  }

  /** Open Live Tail sessions on this region. */
  get liveSessions(): number {
    return this.listeners.size;
  }

  subscribe(listener: IngestListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

function insertByTime(events: LogEventRecord[], event: LogEventRecord): void {
  const last = events[events.length - 1];
  if (!last || last.timestamp <= event.timestamp) {
    events.push(event);
    return;
  }
  let lo = 0;
  let hi = events.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (events[mid]!.timestamp <= event.timestamp) lo = mid + 1;
    else hi = mid;
  }
  events.splice(lo, 0, event);
}

/** Index of the first event with timestamp >= t. */
export function firstAtOrAfter(events: readonly LogEventRecord[], t: number): number {
  let lo = 0;
  let hi = events.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (events[mid]!.timestamp < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
