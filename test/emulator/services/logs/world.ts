// All CloudWatch Logs state of the emulator, per account and region.
import type { Clock } from '../../core/contract';
import { Regional } from '../../core/regional';
import { LogsRegion } from './store';

export interface LogsOptions {
  /** Real milliseconds between Live Tail sessionUpdate messages (AWS: 1000). */
  liveTailIntervalMs: number;
  /** Simulated milliseconds after which a Live Tail session ends with SessionTimeoutException (AWS: 3 h). */
  liveTailTimeoutMs: number;
}

export class LogsWorld {
  readonly regions: Regional<LogsRegion>;

  constructor(readonly clock: Clock, readonly options: LogsOptions) {
    this.regions = new Regional((accountId, region) => new LogsRegion(accountId, region, clock));
  }

  region(accountId: string, region: string): LogsRegion {
    return this.regions.get(accountId, region);
  }
}
