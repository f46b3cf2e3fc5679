// ECS and Lambda blue/green deployments: one target (the ECS service, or the Lambda function) whose
// events run in order; the hooks are validation functions; AllowTraffic shifts production traffic in
// the steps of the deployment configuration (all at once, canary, linear). A failure shifts traffic
// back to the original task set or version.
import { deploymentConfig, trafficSteps } from '../configs';
import type { ErrorInformation, LifecycleEventRecord, TargetRecord, TaskSetRecord } from '../model';
import { ALLOW_TRAFFIC as LAMBDA_EVENTS, ECS_EVENTS, SERVICE_EVENTS } from './events';
import type { Flow } from './flow';
import { functionHookPlan, serviceEventPlan } from './planners';
import { type EventPlan, runSequence } from './sequence';

const MIN = 60_000;

function hookFailure(flow: Flow, target: TargetRecord): ErrorInformation {
  const failed = target.events.find((e) => e.status === 'Failed');
  if (failed && !SERVICE_EVENTS.has(failed.name)) {
    const fn = flow.d.runtime.appspec?.functions.get(failed.name) ?? 'the hook function';
    return { code: 'HOOK_EXECUTION_FAILURE', message: `The deployment failed because the ${failed.name} lifecycle event hook ${fn} returned Failed.` };
  }
  return flow.d.computePlatform === 'ECS'
    ? { code: 'ECS_UPDATE_ERROR', message: `The deployment failed because the ${failed?.name ?? 'Install'} step of the ECS service update failed.` }
    : { code: 'INVALID_LAMBDA_CONFIGURATION', message: 'The deployment failed because the Lambda alias could not be updated.' };
}

/** AllowTraffic: weights move step by step; `apply(percent)` records a new split. */
function shiftPlan(flow: Flow, apply: (percent: number) => void): EventPlan {
  const routing = deploymentConfig(flow.d.deploymentConfigName)?.trafficRouting ?? { type: 'AllAtOnce' as const };
  const steps: { atMs: number; apply: () => void }[] = [];
  let at = flow.store.world.random.int(2_000, 6_000);
  for (const step of trafficSteps(routing)) {
    steps.push({ atMs: at, apply: () => apply(step.percent) });
    at += step.waitMinutes * MIN;
  }
  return { durationMs: at + 1_000, status: 'Succeeded', steps, interruptible: true };
}

function taskSet(flow: Flow, label: 'Blue' | 'Green', targetGroup: string, desired: number, weight: number): TaskSetRecord {
  const digits = `${flow.store.world.random.int(1e9, 9e9)}${flow.store.world.random.int(1e9, 9e9)}`.slice(0, 19);
  return {
    identifer: `ecs-svc/${digits}`, desiredCount: desired, pendingCount: 0, runningCount: desired,
    status: label === 'Blue' ? 'PRIMARY' : 'ACTIVE', trafficWeight: weight, targetGroup, taskSetLabel: label,
  };
}

function ecsPlanner(flow: Flow) {
  const { d, store } = flow;
  const pair = d.loadBalancerInfo?.targetGroupPairInfoList?.[0];
  const greenGroup = pair?.targetGroups[1]?.name ?? `${d.deploymentGroupName}-tg-2`;
  return (event: LifecycleEventRecord, target: TargetRecord): EventPlan => {
    const sets = target.taskSets ?? [];
    const blue = sets.find((s) => s.taskSetLabel === 'Blue');
    switch (event.name) {
      case 'Install': {
        const plan = serviceEventPlan(store, d, event, target);
        const desired = blue?.desiredCount ?? 2;
        return {
          ...plan,
          durationMs: store.world.random.int(60_000, 120_000),
          onStart: () => {
            const green = taskSet(flow, 'Green', greenGroup, desired, 0);
            green.pendingCount = desired;
            green.runningCount = 0;
            sets.push(green);
          },
          steps: [{ atMs: 45_000, apply: () => {
            const green = sets.find((s) => s.taskSetLabel === 'Green');
            if (green) Object.assign(green, { pendingCount: 0, runningCount: green.desiredCount });
          } }],
        };
      }
      case 'AllowTestTraffic':
        return pair?.testTrafficRoute ? serviceEventPlan(store, d, event, target) : { durationMs: 0, status: 'Skipped' };
      case 'AllowTraffic':
        return shiftPlan(flow, (percent) => {
          for (const s of sets) s.trafficWeight = s.taskSetLabel === 'Green' ? percent : 100 - percent;
          if (percent === 100) for (const s of sets) s.status = s.taskSetLabel === 'Green' ? 'PRIMARY' : 'ACTIVE';
        });
      default:
        return functionHookPlan(store, d, event, target);
    }
  };
}

function lambdaPlanner(flow: Flow) {
  const { d, store } = flow;
  return (event: LifecycleEventRecord, target: TargetRecord): EventPlan => {
    if (event.name !== 'AllowTraffic') return functionHookPlan(store, d, event, target);
    return shiftPlan(flow, (percent) => {
      if (target.lambda) target.lambda.targetVersionWeight = percent / 100;
    });
  };
}

/** Back to the original task set or version after a failure or stop. */
export function restoreTraffic(target: TargetRecord): void {
  if (target.taskSets) {
    target.taskSets = target.taskSets.filter((s) => s.taskSetLabel === 'Blue');
    for (const s of target.taskSets) Object.assign(s, { trafficWeight: 100, status: 'PRIMARY' });
  }
  if (target.lambda) target.lambda.targetVersionWeight = 0;
}

export function runTraffic(flow: Flow): void {
  const { d, store } = flow;
  const target = [...d.targets.values()][0];
  if (!target) {
    flow.finish('Failed', { code: 'INTERNAL_ERROR', message: 'The deployment has no target.' });
    return;
  }
  const clock = store.world.clock;
  const ecs = d.computePlatform === 'ECS';
  const plan = ecs ? ecsPlanner(flow) : lambdaPlanner(flow);
  const events: readonly string[] = ecs ? ECS_EVENTS : LAMBDA_EVENTS;
  const firstPart = ecs ? events.slice(0, events.indexOf('BeforeAllowTraffic')) : [];
  const secondPart = events.slice(firstPart.length);
  const ended = (result: 'succeeded' | 'failed' | 'stopped', then: () => void): void => {
    if (result === 'stopped') {
      flow.settleStopped();
    } else if (result === 'failed') {
      target.status = 'Failed';
      restoreTraffic(target);
      flow.finish('Failed', hookFailure(flow, target));
    } else {
      then();
    }
  };
  const reroute = (): void => {
    target.status = 'InProgress';
    runSequence(clock, d, target, secondPart, plan, (result) => ended(result, () => {
      flow.terminationWait(() => {
        if (target.taskSets) target.taskSets = target.taskSets.filter((s) => s.taskSetLabel === 'Green');
        target.status = 'Succeeded';
        target.lastUpdatedAt = clock.now();
        flow.finish('Succeeded');
      });
    }));
  };
  target.status = 'InProgress';
  target.lastUpdatedAt = clock.now();
  if (!ecs) {
    reroute();
    return;
  }
  runSequence(clock, d, target, firstPart, plan, (result) => ended(result, () => {
    target.status = 'Ready';
    target.lastUpdatedAt = clock.now();
    flow.readyWait(reroute);
  }));
}
