// The execution engine of one account and region: what the API operations call.
import type { BuildsWorld } from '../../codebuild/world';
import type { Clock } from '../../../core/contract';
import type { Random } from '../../../core/random';
import type { ExecutionRecord, PipelineRecord } from '../model/records';
import type { PipelinesRegion } from '../store';
import { putApprovalResult } from './approval';
import { type GitEvent, gitEvent } from './git-events';
import { overrideStageCondition } from './override';
import { rollbackStage } from './rollback';
import { type RetryMode } from './run';
import { retryStage } from './retry';
import { startExecution, type StartOptions } from './start';
import { stopExecution } from './stop';
import { setTransition } from './transitions';

export class Engine {
  constructor(readonly store: PipelinesRegion) {}

  get clock(): Clock {
    return this.store.world.clock;
  }

  get random(): Random {
    return this.store.world.random;
  }

  get builds(): BuildsWorld {
    return this.store.world.builds;
  }

  start(p: PipelineRecord, options: StartOptions): ExecutionRecord {
    return startExecution(this, p, options);
  }

  stop(p: PipelineRecord, exec: ExecutionRecord, options: { abandon: boolean; reason?: string }): void {
    stopExecution(this, p, exec, options);
  }

  retry(p: PipelineRecord, exec: ExecutionRecord | undefined, stageName: string, mode: RetryMode): void {
    retryStage(this, p, exec, stageName, mode);
  }

  approve(p: PipelineRecord, stageName: string, actionName: string, token: string, result: { summary: string; status: 'Approved' | 'Rejected' }, by: string): number {
    return putApprovalResult(this, p, stageName, actionName, token, result, by);
  }

  overrideCondition(p: PipelineRecord, stageName: string, executionId: string, type: 'BEFORE_ENTRY' | 'ON_SUCCESS', by: string): void {
    overrideStageCondition(this, p, stageName, executionId, type, by);
  }

  rollback(p: PipelineRecord, stageName: string, targetExecutionId: string, by: string): ExecutionRecord {
    return rollbackStage(this, p, stageName, targetExecutionId, by);
  }

  /** A push or pull request event from the source repository: starts the executions its triggers select. */
  gitEvent(p: PipelineRecord, event: GitEvent): ExecutionRecord[] {
    return gitEvent(this, p, event);
  }

  transition(p: PipelineRecord, stageName: string, type: 'Inbound' | 'Outbound', enabled: boolean, by: string, reason?: string): void {
    setTransition(this, p, stageName, type, enabled, by, reason);
  }

  /** How a demo re-run is triggered: a push webhook for Git sources, a change event otherwise. */
  rerunTrigger(p: PipelineRecord): { triggerType: string; triggerDetail: string } {
    const source = [...p.repositories.values()][0];
    if (source?.provider === 'CodeStarSourceConnection') {
      const v2 = p.versions[p.versions.length - 1]?.pipelineType === 'V2';
      return { triggerType: v2 ? 'WebhookV2' : 'Webhook', triggerDetail: `arn:aws:codestar-connections:${p.region}:${p.accountId}:connection/7d2c5a0e-3f1b-4c8e-9a6d-2b4f8e1c0a93` };
    }
    return { triggerType: 'CloudWatchEvent', triggerDetail: `arn:aws:events:${p.region}:${p.accountId}:rule/codepipeline-${p.name.slice(0, 20)}-rule` };
  }
}
