// All CodePipeline state of the emulator, per account and region; CodeBuild actions run builds in
// the emulator's CodeBuild (and so write CloudWatch Logs).
import type { Clock } from '../../core/contract';
import { Random } from '../../core/random';
import { Regional } from '../../core/regional';
import type { BuildsWorld } from '../codebuild/world';
import type { ActionRun } from './engine/actions/index';
import { PipelinesRegion } from './store';

export class PipelinesWorld {
  readonly regions: Regional<PipelinesRegion>;
  readonly random = new Random('codepipeline');
  /** Runners other emulated services plug in by provider (CodeDeploy); one returns false to leave an action to the default runner. */
  readonly actionRunners = new Map<string, (run: ActionRun) => boolean>();
  /** CloudWatch alarm states the CloudWatchAlarm rule sees, by `account/region/alarmName` (default OK). */
  readonly alarms = new Map<string, 'OK' | 'ALARM' | 'INSUFFICIENT_DATA'>();
  /** How Lambda functions invoked by the LambdaInvoke rule answer, by `account/region/functionName`. */
  readonly functions = new Map<string, { outcome: 'succeed' | 'fail'; message?: string; durationMs?: number }>();

  constructor(readonly clock: Clock, readonly builds: BuildsWorld) {
    this.regions = new Regional((accountId, region) => new PipelinesRegion(accountId, region, this));
  }

  region(accountId: string, region: string): PipelinesRegion {
    return this.regions.get(accountId, region);
  }
}
