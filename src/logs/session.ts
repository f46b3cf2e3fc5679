// One open build log: its events (newest page first, older pages on demand), the build's state, and
// the live tail while the build runs. No editor code: the document adapter renders what this holds.
import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import type { CodeBuildClient } from '@aws-sdk/client-codebuild';
import { describeError, type Logger } from '../core/log';
import { LogBuffer } from './buffer';
import { fetchNewest, fetchOlder } from './fetch';
import { logHighlights, type Highlight } from './highlights';
import { findFailingCommand, parseCodeBuildLog, type FailingCommand, type LogPhase } from './phases';
import { getBuild, type BuildInfo } from './source';
import { abortableSleep, LogTail, type TailMode } from './tail';
import type { LogDocumentParams } from './uri';

export interface SessionDeps {
  logs: CloudWatchLogsClient;
  codebuild?: CodeBuildClient;
  log: Logger;
  /** Explains an AWS error in one line for the document. */
  explain(error: unknown, operation: string): string;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  useLiveTail?: boolean;
  pollIntervalMs?: number;
  completionCheckMs?: number;
}

export type SessionState = 'loading' | 'ready' | 'error';

export class LogSession {
  readonly buffer = new LogBuffer();
  build: BuildInfo | undefined;
  state: SessionState = 'loading';
  error: string | undefined;
  private tail: LogTail | undefined;
  private tailModeValue: TailMode | 'off' = 'off';
  private readonly abort = new AbortController();
  private readonly listeners = new Set<() => void>();
  private loading: Promise<void> | undefined;
  private parsed: { version: number; phases: LogPhase[]; highlights: Highlight[] } | undefined;

  constructor(readonly params: LogDocumentParams, private readonly deps: SessionDeps) {}

  /** Fires when the text, the build state or the tail mode changed. */
  onDidChange(listener: () => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  get tailMode(): TailMode | 'off' {
    return this.tailModeValue;
  }

  get disposed(): boolean {
    return this.abort.signal.aborted;
  }

  /** Loads the newest page and the build; starts the live tail when the build still runs. Idempotent. */
  load(): Promise<void> {
    this.loading ??= this.doLoad();
    return this.loading;
  }

  /** Starts over (after an error, or on request). */
  reload(): Promise<void> {
    this.tail?.stop();
    this.tail = undefined;
    this.tailModeValue = 'off';
    this.state = 'loading';
    this.loading = this.doLoad();
    return this.loading;
  }

  private async doLoad(): Promise<void> {
    const ref = { group: this.params.group, stream: this.params.stream };
    const build = this.refreshBuild();
    try {
      const page = await fetchNewest(this.deps.logs, ref, this.abort.signal);
      await build;
      this.buffer.setInitial(page.events, page.nextForwardToken, page.nextBackwardToken);
      this.state = 'ready';
      this.error = undefined;
    } catch (err) {
      if (this.disposed) return;
      await build;
      if (isNotFound(err) && this.build && !this.build.complete) {
        // The build has not started writing yet (queued, provisioning): follow it from the start.
        this.buffer.setInitial([], undefined, undefined);
        this.state = 'ready';
        this.error = undefined;
        this.changed();
        this.startTail();
        return;
      }
      this.state = 'error';
      this.error = this.deps.explain(err, 'GetLogEvents');
      this.changed();
      return;
    }
    this.changed();
    if (this.build && !this.build.complete) this.startTail();
  }

  /** Re-reads the build (status, current phase); returns whether it is complete. */
  async refreshBuild(): Promise<boolean | undefined> {
    const id = this.params.buildId;
    if (!id || !this.deps.codebuild) return undefined;
    try {
      const found = await getBuild(this.deps.codebuild, id, this.abort.signal);
      if (!found) return undefined;
      const before = JSON.stringify(this.build);
      this.build = found.build;
      if (JSON.stringify(this.build) !== before && this.state !== 'loading') this.changed();
      return found.build.complete;
    } catch (err) {
      this.deps.log.warn(`CodeBuild BatchGetBuilds ${id} failed: ${describeError(err)}`);
      return undefined;
    }
  }

  startTail(): void {
    if (this.tail || this.disposed) return;
    this.tail = new LogTail({
      logs: this.deps.logs,
      stream: { group: this.params.group, stream: this.params.stream, ...(this.params.groupArn ? { groupArn: this.params.groupArn } : {}) },
      buffer: this.buffer,
      onAppend: () => this.changed(),
      onMode: (mode) => {
        this.tailModeValue = mode;
        this.changed();
      },
      isComplete: async () => (await this.refreshBuild()) === true,
      sleep: this.deps.sleep ?? abortableSleep,
      log: this.deps.log,
      ...(this.deps.useLiveTail !== undefined ? { useLiveTail: this.deps.useLiveTail } : {}),
      ...(this.deps.pollIntervalMs !== undefined ? { pollIntervalMs: this.deps.pollIntervalMs } : {}),
      ...(this.deps.completionCheckMs !== undefined ? { completionCheckMs: this.deps.completionCheckMs } : {}),
    }, this.abort.signal);
    this.tailModeValue = 'starting';
    void this.tail.start().then(() => {
      this.tail = undefined;
      this.tailModeValue = 'off';
      if (!this.disposed) this.changed();
    });
  }

  stopTail(): void {
    this.tail?.stop();
  }

  /** Whether a live tail (or its polling fallback) is running now. */
  get tailing(): boolean {
    return this.tail !== undefined;
  }

  /** Prepends the previous page; returns how many events were added (0 at the start of the stream). */
  async loadOlder(): Promise<number> {
    const token = this.buffer.backwardToken;
    if (!token || this.buffer.reachedStart) return 0;
    const page = await fetchOlder(this.deps.logs, { group: this.params.group, stream: this.params.stream }, token, this.abort.signal);
    const added = this.buffer.prependOlder(page.events, page.nextBackwardToken);
    this.changed();
    return added;
  }

  phases(): LogPhase[] {
    return this.parse().phases;
  }

  /** What the editor colours in the agent's lines. */
  highlights(): Highlight[] {
    return this.parse().highlights;
  }

  /** The log's phases and highlights, read from one split of its text per version. */
  private parse(): { phases: LogPhase[]; highlights: Highlight[] } {
    if (this.parsed?.version === this.buffer.version) return this.parsed;
    const { text, lineTimes } = this.buffer.render();
    const lines = text === '' ? [] : text.split('\n');
    this.parsed = { version: this.buffer.version, phases: parseCodeBuildLog(lines, lineTimes), highlights: logHighlights(lines) };
    return this.parsed;
  }

  failingCommand(): FailingCommand | undefined {
    return findFailingCommand(this.phases());
  }

  /** The document text. */
  text(): string {
    if (this.state === 'error') {
      return [
        `Could not load this log: ${this.error ?? 'unknown error'}`,
        '',
        `Log group:  ${this.params.group}`,
        `Log stream: ${this.params.stream}`,
        ...(this.params.buildId ? [`Build:      ${this.params.buildId}`] : []),
        '',
        'Use "Reload" above to try again.',
      ].join('\n');
    }
    return this.buffer.render().text;
  }

  private changed(): void {
    if (this.disposed) return;
    for (const l of this.listeners) {
      try {
        l();
      } catch (err) {
        this.deps.log.error(`A log listener failed: ${String(err)}`);
      }
    }
  }

  dispose(): void {
    this.abort.abort();
    this.tail?.stop();
    this.listeners.clear();
  }
}

function isNotFound(err: unknown): boolean {
  return (err as { name?: string } | undefined)?.name === 'ResourceNotFoundException';
}
