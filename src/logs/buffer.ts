// The events of one log stream as far as they are loaded: older pages prepend (backward token),
// newer ones append (forward token or live tail). Events from the two live sources (polling and live
// tail) overlap around the switch; a per-source multiset removes exactly the duplicates.
import { hasControlCharacters, parseAnsiLine, type StyledSpan } from './ansi';

export interface LogEvent {
  timestamp: number;
  message: string;
}

interface StoredEvent extends LogEvent {
  lines: string[];
  spans: (StyledSpan[] | undefined)[];
}

export interface RenderedLog {
  text: string;
  lineCount: number;
  /** CloudWatch timestamp of the event each line belongs to. */
  lineTimes: number[];
  /** Colour/style spans per line (only lines that have any). */
  spans: Map<number, StyledSpan[]>;
}

function eventKey(e: LogEvent): string {
  return `${e.timestamp}\u0000${e.message}`;
}

/** One event's message as document lines: ANSI parsed once, CodeBuild's trailing newline dropped. */
function toStored(e: LogEvent): StoredEvent {
  const message = e.message.replace(/\r?\n$/, '');
  const raw = message.split(/\r?\n/);
  if (!hasControlCharacters(message)) return { ...e, lines: raw, spans: raw.map(() => undefined) };
  let style = {};
  const lines: string[] = [];
  const spans: (StyledSpan[] | undefined)[] = [];
  for (const line of raw) {
    const parsed = parseAnsiLine(line, style);
    style = parsed.endStyle;
    lines.push(parsed.text);
    spans.push(parsed.spans.length ? parsed.spans : undefined);
  }
  return { ...e, lines, spans };
}

export type EventSource = 'poll' | 'tail';

/** The two sources overlap by seconds at most; older unmatched keys are dropped past this many. */
const DEDUPE_LIMIT = 5000;
const DEDUPE_WINDOW_MS = 120_000;

function pruneOlderThan(map: Map<string, number>, cutoff: number): void {
  for (const key of [...map.keys()]) {
    const ts = Number(key.slice(0, key.indexOf('\u0000')));
    if (ts < cutoff) map.delete(key);
  }
}

export class LogBuffer {
  private events: StoredEvent[] = [];
  private rendered: RenderedLog | undefined;
  /** Events one source delivered that the other may deliver again. */
  private readonly unmatched: Record<EventSource, Map<string, number>> = { poll: new Map(), tail: new Map() };
  private dedupeActive = false;
  forwardToken: string | undefined;
  backwardToken: string | undefined;
  /** True once "load older" reached the first event of the stream. */
  reachedStart = false;
  /** Bumped on every change. */
  version = 0;

  get size(): number {
    return this.events.length;
  }

  all(): readonly LogEvent[] {
    return this.events;
  }

  /** The newest page, from GetLogEvents without a token. */
  setInitial(events: readonly LogEvent[], forwardToken: string | undefined, backwardToken: string | undefined): void {
    this.events = events.map(toStored);
    this.forwardToken = forwardToken;
    this.backwardToken = backwardToken;
    this.reachedStart = false;
    this.changed();
  }

  /** Older events (GetLogEvents with the backward token). The token repeating means the start was reached. */
  prependOlder(events: readonly LogEvent[], nextBackwardToken: string | undefined): number {
    if (!nextBackwardToken || nextBackwardToken === this.backwardToken || events.length === 0) this.reachedStart = true;
    this.backwardToken = nextBackwardToken ?? this.backwardToken;
    if (!events.length) return 0;
    this.events = [...events.map(toStored), ...this.events];
    this.changed();
    return events.length;
  }

  /**
   * Newer events from polling. Returns whether the stream's end was reached: the real service hands
   * back the same forward token when there is nothing newer.
   */
  appendForward(events: readonly LogEvent[], nextForwardToken: string | undefined): { added: number; atEnd: boolean } {
    const atEnd = !nextForwardToken || nextForwardToken === this.forwardToken;
    this.forwardToken = nextForwardToken ?? this.forwardToken;
    return { added: this.add(events, 'poll'), atEnd };
  }

  /** Newer events from StartLiveTail. */
  appendTail(events: readonly LogEvent[]): number {
    return this.add(events, 'tail');
  }

  /** From now on, duplicates between polling and live tail are dropped (call before both run). */
  startDedupe(): void {
    this.dedupeActive = true;
  }

  render(): RenderedLog {
    if (this.rendered) return this.rendered;
    const lines: string[] = [];
    const lineTimes: number[] = [];
    const spans = new Map<number, StyledSpan[]>();
    for (const e of this.events) {
      e.lines.forEach((line, i) => {
        const s = e.spans[i];
        if (s) spans.set(lines.length, s);
        lines.push(line);
        lineTimes.push(e.timestamp);
      });
    }
    this.rendered = { text: lines.join('\n'), lineCount: lines.length, lineTimes, spans };
    return this.rendered;
  }

  private add(events: readonly LogEvent[], source: EventSource): number {
    const other = source === 'poll' ? 'tail' : 'poll';
    let added = 0;
    for (const e of events) {
      if (this.dedupeActive) {
        const key = eventKey(e);
        const pending = this.unmatched[other].get(key) ?? 0;
        if (pending > 0) {
          if (pending === 1) this.unmatched[other].delete(key);
          else this.unmatched[other].set(key, pending - 1);
          continue;
        }
        const mine = this.unmatched[source];
        mine.set(key, (mine.get(key) ?? 0) + 1);
        if (mine.size > DEDUPE_LIMIT) pruneOlderThan(mine, e.timestamp - DEDUPE_WINDOW_MS);
      }
      this.events.push(toStored(e));
      added++;
    }
    if (added) this.changed();
    return added;
  }

  private changed(): void {
    this.rendered = undefined;
    this.version++;
  }
}
