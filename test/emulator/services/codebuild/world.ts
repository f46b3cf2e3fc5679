// All CodeBuild state of the emulator, per account and region. Builds write their logs to the
// emulator's CloudWatch Logs.
import type { Clock } from '../../core/contract';
import { Random } from '../../core/random';
import { Regional } from '../../core/regional';
import type { LogsWorld } from '../logs/world';
import { BuildsRegion } from './store';

export class BuildsWorld {
  readonly regions = new Regional((accountId, region) => new BuildsRegion(accountId, region));
  readonly random = new Random('codebuild');

  constructor(readonly clock: Clock, readonly logs: LogsWorld) {}

  region(accountId: string, region: string): BuildsRegion {
    return this.regions.get(accountId, region);
  }
}
