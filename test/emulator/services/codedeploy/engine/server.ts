// EC2/On-Premises deployments. In-place: instances go through every event, as many at a time as the
// deployment configuration lets go offline (a failed instance stays offline). Blue/green: replacement
// (green) instances install and become Ready, traffic is rerouted when the ready option says so (or on
// ContinueDeployment), the original (blue) instances are deregistered, then terminated after the wait.
import { deploymentConfig } from '../configs';
import type { ErrorInformation, TargetRecord, TargetStatus } from '../model';
import { ALLOW_TRAFFIC, BLOCK_TRAFFIC, inPlaceEvents, SERVER_INSTALL } from './events';
import type { Flow } from './flow';
import { serverPlanner } from './planners';
import { runSequence } from './sequence';

export const HEALTH_CONSTRAINTS: ErrorInformation = {
  code: 'HEALTH_CONSTRAINTS',
  message: 'The overall deployment failed because too many individual instances failed deployment, too few healthy instances are available for deployment, or some instances in your deployment group are experiencing problems.',
};

interface RollOut {
  targets: TargetRecord[];
  events: readonly string[];
  /** Status of a target whose events all succeeded. */
  doneStatus: TargetStatus;
  maxOffline: number;
  minSucceeded: number;
}

/** Runs `events` on the targets under the health constraints; `done(true)` when enough succeeded. */
function rollOut(flow: Flow, r: RollOut, deploymentGroupId: string, done: (ok: boolean) => void): void {
  const { d, store } = flow;
  const clock = store.world.clock;
  const plan = serverPlanner(store, d, deploymentGroupId);
  const pending = [...r.targets];
  let inProgress = 0;
  let failed = 0;
  let succeeded = 0;
  const pump = (): void => {
    if (d.runtime.stop) {
      flow.settleStopped();
      return;
    }
    while (pending.length > 0 && inProgress + failed < r.maxOffline) {
      const target = pending.shift()!;
      inProgress++;
      target.status = 'InProgress';
      target.lastUpdatedAt = clock.now();
      runSequence(clock, d, target, r.events, plan, (result) => {
        inProgress--;
        if (result === 'succeeded') {
          succeeded++;
          target.status = r.doneStatus;
        } else if (result === 'failed') {
          failed++;
          target.status = 'Failed';
        }
        target.lastUpdatedAt = clock.now();
        pump();
      });
    }
    if (inProgress > 0 || d.runtime.stop) return;
    done(pending.length === 0 && succeeded >= r.minSucceeded);
  };
  pump();
}

function limits(flow: Flow, count: number): { maxOffline: number; minSucceeded: number } {
  const config = deploymentConfig(flow.d.deploymentConfigName);
  return { maxOffline: config?.maxOffline?.(count) ?? 1, minSucceeded: config?.minSucceeded?.(count) ?? count };
}

function parallel(flow: Flow, targets: TargetRecord[], events: readonly string[], deploymentGroupId: string, done: (ok: boolean) => void): void {
  rollOut(flow, { targets, events, doneStatus: 'Succeeded', maxOffline: Math.max(1, targets.length), minSucceeded: targets.length }, deploymentGroupId, done);
}

export function runServer(flow: Flow, deploymentGroupId: string): void {
  const { d } = flow;
  const targets = [...d.targets.values()];
  if (d.deploymentStyle.deploymentType === 'IN_PLACE') {
    const events = inPlaceEvents(d.deploymentStyle.deploymentOption === 'WITH_TRAFFIC_CONTROL');
    rollOut(flow, { targets, events, doneStatus: 'Succeeded', ...limits(flow, targets.length) }, deploymentGroupId, (ok) => {
      flow.finish(ok ? 'Succeeded' : 'Failed', ok ? undefined : HEALTH_CONSTRAINTS);
    });
    return;
  }
  const green = targets.filter((t) => t.label === 'Green');
  const blue = targets.filter((t) => t.label === 'Blue');
  rollOut(flow, { targets: green, events: SERVER_INSTALL, doneStatus: 'Ready', ...limits(flow, green.length) }, deploymentGroupId, (installed) => {
    if (!installed) {
      flow.finish('Failed', HEALTH_CONSTRAINTS);
      return;
    }
    flow.readyWait(() => {
      parallel(flow, green, ALLOW_TRAFFIC, deploymentGroupId, (allowed) => {
        if (!allowed) {
          flow.finish('Failed', HEALTH_CONSTRAINTS);
          return;
        }
        parallel(flow, blue, BLOCK_TRAFFIC, deploymentGroupId, (blocked) => {
          if (!blocked) flow.finish('Failed', HEALTH_CONSTRAINTS);
          else flow.terminationWait(() => flow.finish('Succeeded'));
        });
      });
    });
  });
}
