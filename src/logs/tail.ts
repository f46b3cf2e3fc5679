// Follows a running build's log: StartLiveTail when the service allows it, otherwise (or when the
// session breaks) polling GetLogEvents with the forward token. Stops when the build completes (after a
// last catch-up) or when the caller aborts (the document was closed).
import { StartLiveTailCommand, type CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import type { Logger } from '../core/log';
import type { LogBuffer, LogEvent } from './buffer';
import { fetchForward, type StreamRef } from './fetch';

export type TailMode = 'starting' | 'live' | 'polling' | 'stopped';

export interface TailOptions {
  logs: CloudWatchLogsClient;
  stream: StreamRef & { groupArn?: string };
  buffer: LogBuffer;
  /** Something was appended to the buffer. */
  onAppend(): void;
  onMode?(mode: TailMode, reason?: string): void;
  /** Whether the build has finished; undefined when unknown (keep following). */
  isComplete(): Promise<boolean | undefined>;
  /** Waits, resolving early (without throwing) when the signal aborts. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
  log: Logger;
  pollIntervalMs?: number;
  completionCheckMs?: number;
  /** Set false to go straight to polling (e.g. a setting, or tests of the fallback). */
  useLiveTail?: boolean;
}

/** Errors after which another live-tail session makes no sense. */
function liveTailUnavailable(err: unknown): boolean {
  const name = (err as { name?: string } | undefined)?.name ?? '';
  return /AccessDenied|UnknownOperation|UnrecognizedClient|InvalidParameter|ResourceNotFound|ValidationException|NotImplemented|UnsupportedOperation|InvalidOperation/i.test(name)
    || (err as { $metadata?: { httpStatusCode?: number } } | undefined)?.$metadata?.httpStatusCode === 404;
}

export class LogTail {
  private readonly abort = new AbortController();
  private modeValue: TailMode = 'starting';
  private finished: Promise<void> | undefined;

  constructor(private readonly opts: TailOptions, parent?: AbortSignal) {
    if (parent) {
      if (parent.aborted) this.abort.abort();
      else parent.addEventListener('abort', () => this.abort.abort(), { once: true });
    }
  }

  get mode(): TailMode {
    return this.modeValue;
  }

  /** Runs until the build completes or stop() is called; never rejects. */
  start(): Promise<void> {
    this.finished ??= this.run().catch((err: unknown) => {
      this.opts.log.warn(`Log tail stopped: ${String(err)}`);
    }).finally(() => this.setMode('stopped'));
    return this.finished;
  }

  stop(): void {
    this.abort.abort();
  }

  private setMode(mode: TailMode, reason?: string): void {
    if (this.modeValue === mode) return;
    this.modeValue = mode;
    this.opts.onMode?.(mode, reason);
  }

  private get signal(): AbortSignal {
    return this.abort.signal;
  }

  private async run(): Promise<void> {
    this.opts.buffer.startDedupe();
    if (this.opts.useLiveTail !== false) {
      let sessions = 0;
      while (!this.signal.aborted) {
        const outcome = await this.liveSession();
        if (outcome === 'complete' || outcome === 'aborted') return;
        if (outcome === 'unavailable' || ++sessions >= 3) break;
      }
    }
    if (!this.signal.aborted) await this.poll();
  }

  /** One StartLiveTail session: 'timeout' asks for a new one, 'unavailable' for polling. */
  private async liveSession(): Promise<'complete' | 'aborted' | 'timeout' | 'unavailable'> {
    const session = new AbortController();
    const onAbort = (): void => session.abort();
    this.signal.addEventListener('abort', onAbort, { once: true });
    let complete = false;
    const watcher = this.watchCompletion(session.signal).then((done) => {
      if (done) {
        complete = true;
        session.abort();
      }
    });
    try {
      const res = await this.opts.logs.send(new StartLiveTailCommand({
        logGroupIdentifiers: [this.opts.stream.groupArn ?? this.opts.stream.group],
        logStreamNames: [this.opts.stream.stream],
      }), { abortSignal: session.signal });
      if (!res.responseStream) return 'unavailable';
      this.setMode('live');
      // Whatever was written between the first page and the session start.
      await this.catchUp().catch((err: unknown) => {
        // The stream may not exist yet (the build is still provisioning): the tail will see it appear.
        if ((err as { name?: string } | undefined)?.name !== 'ResourceNotFoundException') throw err;
      });
      for await (const event of res.responseStream) {
        if (event.sessionUpdate) {
          const batch: LogEvent[] = (event.sessionUpdate.sessionResults ?? [])
            .filter((r) => !r.logStreamName || r.logStreamName === this.opts.stream.stream)
            .map((r) => ({ timestamp: r.timestamp ?? 0, message: r.message ?? '' }));
          if (batch.length && this.opts.buffer.appendTail(batch)) this.opts.onAppend();
        }
        if (session.signal.aborted) break;
      }
      if (complete) {
        await this.catchUp();
        return 'complete';
      }
      return this.signal.aborted ? 'aborted' : 'timeout';
    } catch (err) {
      if (complete) {
        await this.catchUp();
        return 'complete';
      }
      if (this.signal.aborted) return 'aborted';
      const name = (err as { name?: string } | undefined)?.name ?? '';
      if (name === 'SessionTimeoutException') return 'timeout';
      this.opts.log.warn(`CloudWatch Logs StartLiveTail failed (${name || String(err)}); polling the log instead.`);
      return liveTailUnavailable(err) ? 'unavailable' : 'timeout';
    } finally {
      session.abort();
      this.signal.removeEventListener('abort', onAbort);
      await watcher;
    }
  }

  /** Resolves true once the build is complete, false when `signal` aborts first. */
  private async watchCompletion(signal: AbortSignal): Promise<boolean> {
    const every = this.opts.completionCheckMs ?? 10_000;
    while (!signal.aborted) {
      await this.opts.sleep(every, signal);
      if (signal.aborted) return false;
      try {
        if (await this.opts.isComplete()) return true;
      } catch {
        // Unknown: keep following.
      }
    }
    return false;
  }

  private async poll(): Promise<void> {
    this.setMode('polling');
    const every = this.opts.pollIntervalMs ?? 3_000;
    const checkEvery = this.opts.completionCheckMs ?? 10_000;
    let sinceCheck = checkEvery;
    while (!this.signal.aborted) {
      try {
        await this.catchUp();
      } catch (err) {
        if (this.signal.aborted) return;
        this.opts.log.warn(`Polling the log failed: ${String(err)}`);
      }
      sinceCheck += every;
      if (sinceCheck >= checkEvery) {
        sinceCheck = 0;
        const done = await this.opts.isComplete().catch(() => undefined);
        if (done) {
          await this.catchUp().catch(() => undefined);
          return;
        }
      }
      await this.opts.sleep(every, this.signal);
    }
  }

  private async catchUp(): Promise<void> {
    const { events, token } = await fetchForward(this.opts.logs, this.opts.stream, this.opts.buffer.forwardToken, this.signal);
    if (this.opts.buffer.appendForward(events, token).added) this.opts.onAppend();
  }
}

/** A sleep that resolves early when the signal aborts. */
export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) {
      resolve();
      return;
    }
    const t = setTimeout(done, ms);
    function done(): void {
      clearTimeout(t);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
