// How long each lifecycle event takes and how it ends. EC2/On-Premises hooks run the revision's scripts
// through the emulated agent (the stop/block hooks run the last successful revision's); ECS and Lambda
// hooks invoke the appspec's validation function, and a hook the appspec does not name is Skipped.
import type { ScriptHook } from '../appspec';
import type { DeploymentRecord, Diagnostics, LifecycleEventRecord, TargetRecord } from '../model';
import type { DeployRegion } from '../store';
import { PREVIOUS_REVISION_EVENTS, SERVICE_EVENTS, STOP_EVENTS } from './events';
import { runScripts, SUCCESS_DIAGNOSTICS } from './scripts';
import type { EventPlan } from './sequence';

/** Simulated durations of the events CodeDeploy performs itself (ms). */
const SERVICE_DURATION: Record<string, [number, number]> = {
  DownloadBundle: [1_000, 4_000],
  Install: [800, 3_000],
  BlockTraffic: [15_000, 35_000],
  AllowTraffic: [8_000, 25_000],
  AllowTestTraffic: [2_000, 5_000],
};

export function serviceDuration(store: DeployRegion, event: string): number {
  const [min, max] = SERVICE_DURATION[event] ?? [500, 2_000];
  return store.world.random.int(min, max);
}

function serviceFailure(store: DeployRegion, d: DeploymentRecord, target: TargetRecord, event: string): Diagnostics | undefined {
  const fault = store.world.faults.take(d, event, target.targetId, undefined);
  if (!fault) return undefined;
  const output = [...(fault.stdout ?? []), ...(fault.stderr ?? [])];
  return {
    errorCode: fault.errorCode ?? 'UnknownError',
    scriptName: '',
    message: fault.stderr?.[fault.stderr.length - 1] ?? `The ${event} lifecycle event failed.`,
    logTail: output.map((l) => `${l}\n`).join(''),
  };
}

/** EC2/On-Premises instances: the agent's view of every event. */
export function serverPlanner(store: DeployRegion, d: DeploymentRecord, deploymentGroupId: string) {
  return (event: LifecycleEventRecord, target: TargetRecord): EventPlan => {
    const name = event.name;
    if (SERVICE_EVENTS.has(name)) {
      const failure = serviceFailure(store, d, target, name);
      return failure
        ? { durationMs: serviceDuration(store, name), status: 'Failed', diagnostics: failure }
        : { durationMs: serviceDuration(store, name), status: 'Succeeded', diagnostics: SUCCESS_DIAGNOSTICS };
    }
    const fromPrevious = PREVIOUS_REVISION_EVENTS.has(name);
    const rt = d.runtime;
    if (!fromPrevious && rt.appspecError && name === 'BeforeInstall') {
      return { durationMs: 300, status: 'Failed', diagnostics: { errorCode: 'UnknownError', scriptName: '', message: rt.appspecError, logTail: '' } };
    }
    const appspec = fromPrevious ? rt.previousAppspec : rt.appspec;
    const bundle = fromPrevious ? rt.previousBundle : rt.bundle;
    const scripts: readonly ScriptHook[] = appspec?.scripts.get(name) ?? [];
    const result = runScripts({
      random: store.world.random,
      event: name,
      scripts: bundle ? scripts : [],
      bundle: bundle ?? { appspec: '' },
      deploymentId: d.deploymentId,
      deploymentGroupId,
      faultFor: (script, last) => store.world.faults.take(d, name, target.targetId, { location: script.location, last }),
    });
    return {
      durationMs: result.durationMs,
      status: result.ok ? 'Succeeded' : 'Failed',
      diagnostics: result.diagnostics,
      ignoreFailure: d.ignoreApplicationStopFailures && STOP_EVENTS.has(name),
    };
  };
}

/** ECS and Lambda hooks: the appspec's validation function for the event, or Skipped. */
export function functionHookPlan(store: DeployRegion, d: DeploymentRecord, event: LifecycleEventRecord, target: TargetRecord): EventPlan {
  const fn = d.runtime.appspec?.functions.get(event.name);
  if (!fn) return { durationMs: 0, status: 'Skipped' };
  const durationMs = store.world.random.int(2_000, 9_000);
  const fault = store.world.faults.take(d, event.name, target.targetId, { location: fn, last: true });
  if (!fault) return { durationMs, status: 'Succeeded' };
  const output = [...(fault.stdout ?? []), ...(fault.stderr ?? [])];
  return {
    durationMs,
    status: 'Failed',
    diagnostics: {
      errorCode: fault.errorCode ?? 'ScriptFailed',
      scriptName: fn,
      message: fault.stderr?.[fault.stderr.length - 1] ?? `The ${event.name} hook function ${fn} reported Failed.`,
      logTail: output.map((l) => `${l}\n`).join(''),
    },
  };
}

export function serviceEventPlan(store: DeployRegion, d: DeploymentRecord, event: LifecycleEventRecord, target: TargetRecord): EventPlan {
  const failure = serviceFailure(store, d, target, event.name);
  const durationMs = serviceDuration(store, event.name);
  return failure ? { durationMs, status: 'Failed', diagnostics: failure } : { durationMs, status: 'Succeeded' };
}
