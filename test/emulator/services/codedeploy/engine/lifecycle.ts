// A deployment from CreateDeployment to its end: Created, then InProgress a second later on its
// platform's flow, Ready while a blue/green deployment waits for rerouting, and Succeeded, Failed or
// Stopped, followed by an automatic rollback deployment when the group or the stop request asks for one.
import { AppSpecError, type ParsedAppSpec, parseAppSpec } from '../appspec';
import { errors } from '../errors';
import type { Bundle, DeploymentGroupRecord, DeploymentRecord, ErrorInformation } from '../model';
import { isDone } from '../model';
import type { DeployRegion } from '../store';
import type { Flow } from './flow';
import { runServer } from './server';
import { restoreTraffic, runTraffic } from './traffic';
import { interruptAll, skipPending } from './sequence';
import { buildTargets, type CreateInput, deploymentRecord } from './targets';

const MIN = 60_000;
const START_DELAY_MS = 1_000;

export const MANUAL_STOP: ErrorInformation = { code: 'MANUAL_STOP', message: 'The deployment was stopped manually.' };

function readAppSpec(text: string): { appspec?: ParsedAppSpec; error?: string } {
  try {
    return { appspec: parseAppSpec(text) };
  } catch (err) {
    return { error: err instanceof AppSpecError ? err.message : String(err) };
  }
}

/** The group's latest successful deployment before `d` (its revision is what rollback and ApplicationStop use). */
export function lastSuccessful(group: DeploymentGroupRecord, before?: DeploymentRecord): DeploymentRecord | undefined {
  const list = before ? group.deployments.slice(0, group.deployments.indexOf(before)) : group.deployments;
  for (let i = list.length - 1; i >= 0; i--) if (list[i]!.status === 'Succeeded') return list[i];
  return undefined;
}

export function activeDeployment(group: DeploymentGroupRecord): DeploymentRecord | undefined {
  return group.deployments.find((d) => !isDone(d));
}

export function createDeployment(store: DeployRegion, group: DeploymentGroupRecord, input: CreateInput & { bundle: Bundle }): DeploymentRecord {
  const active = activeDeployment(group);
  if (active) throw errors.limitExceeded(group.deploymentGroupName, active.deploymentId);
  const previous = lastSuccessful(group);
  const { appspec, error } = readAppSpec(input.bundle.appspec);
  const previousAppspec = previous ? readAppSpec(previous.runtime.bundle.appspec).appspec : undefined;
  const d = deploymentRecord(store, group, input, previous);
  d.runtime = {
    phase: 'created', bundle: input.bundle, running: 0, listeners: [],
    ...(appspec ? { appspec } : {}), ...(error ? { appspecError: error } : {}),
    ...(previous ? { previousBundle: previous.runtime.bundle } : {}), ...(previousAppspec ? { previousAppspec } : {}),
  };
  buildTargets(store, group, d);
  store.deployments.set(d.deploymentId, d);
  store.ordered.push(d);
  group.deployments.push(d);
  store.world.clock.setTimeout(() => start(store, group, d), START_DELAY_MS);
  return d;
}

function start(store: DeployRegion, group: DeploymentGroupRecord, d: DeploymentRecord): void {
  if (isDone(d)) return;
  const flow = makeFlow(store, group, d);
  d.status = 'InProgress';
  d.startTime = store.world.clock.now();
  d.runtime.phase = 'installing';
  if (d.computePlatform !== 'Server') {
    runTraffic(flow);
  } else if (d.targets.size === 0) {
    flow.finish('Failed', { code: 'NO_INSTANCES', message: 'The deployment failed because no instances were found for your deployment group. Check your deployment group settings to make sure the tags for your Amazon EC2 instances or Auto Scaling groups correctly identify the instances you want to deploy to, and then try again.' });
  } else {
    runServer(flow, group.deploymentGroupId);
  }
}

function makeFlow(store: DeployRegion, group: DeploymentGroupRecord, d: DeploymentRecord): Flow {
  const clock = store.world.clock;
  const flow: Flow = {
    store, d,
    finish: (status, error) => finish(store, group, d, status, error),
    settleStopped: () => {
      if (d.runtime.stop && d.runtime.running === 0) flow.finish('Stopped', MANUAL_STOP);
    },
    readyWait(proceed) {
      const option = d.blueGreenDeploymentConfiguration?.deploymentReadyOption ?? { actionOnTimeout: 'CONTINUE_DEPLOYMENT', waitTimeInMinutes: 0 };
      if (option.actionOnTimeout === 'CONTINUE_DEPLOYMENT' && option.waitTimeInMinutes <= 0) {
        proceed();
        return;
      }
      d.status = 'Ready';
      d.runtime.phase = 'ready';
      const go = (): void => {
        timer.cancel();
        delete d.runtime.proceed;
        delete d.runtime.cancelWait;
        d.status = 'InProgress';
        d.runtime.phase = 'rerouting';
        proceed();
      };
      const timer = clock.setTimeout(() => {
        if (option.actionOnTimeout === 'CONTINUE_DEPLOYMENT') go();
        else flow.finish('Stopped', { code: 'TIMEOUT', message: `The deployment was stopped because traffic was not rerouted to the replacement environment within ${option.waitTimeInMinutes} minutes.` });
      }, option.waitTimeInMinutes * MIN);
      d.runtime.proceed = go;
      d.runtime.cancelWait = () => timer.cancel();
    },
    terminationWait(terminate) {
      const option = d.blueGreenDeploymentConfiguration?.terminateBlueInstancesOnDeploymentSuccess;
      if (!option || option.action === 'KEEP_ALIVE') {
        terminate();
        return;
      }
      d.instanceTerminationWaitTimeStarted = true;
      d.runtime.phase = 'terminationWait';
      const go = (): void => {
        timer.cancel();
        delete d.runtime.proceed;
        delete d.runtime.cancelWait;
        terminate();
      };
      const timer = clock.setTimeout(go, option.terminationWaitTimeInMinutes * MIN);
      d.runtime.proceed = go;
      d.runtime.cancelWait = () => timer.cancel();
    },
  };
  return flow;
}

function finish(store: DeployRegion, group: DeploymentGroupRecord, d: DeploymentRecord, status: 'Succeeded' | 'Failed' | 'Stopped', error?: ErrorInformation): void {
  if (isDone(d)) return;
  const now = store.world.clock.now();
  d.runtime.cancelWait?.();
  delete d.runtime.cancelWait;
  delete d.runtime.proceed;
  d.status = status;
  d.completeTime = now;
  d.runtime.phase = 'done';
  if (error) d.errorInformation = error;
  for (const target of d.targets.values()) {
    skipPending(target, now);
    if (target.status === 'Pending' || (status !== 'Succeeded' && (target.status === 'Ready' || target.status === 'InProgress'))) {
      target.status = 'Skipped';
      target.lastUpdatedAt = now;
    }
    if (status !== 'Succeeded') restoreTraffic(target);
  }
  if (status === 'Succeeded') {
    group.targetRevision = d.revision;
    const green = [...d.targets.values()].filter((t) => t.label === 'Green').map((t) => t.targetId);
    if (green.length > 0) group.instances = green;
  }
  store.world.faults.forget(d.deploymentId);
  for (const listener of d.runtime.listeners) listener(d);
  if (wantsRollback(d, status)) rollBack(store, group, d);
}

function wantsRollback(d: DeploymentRecord, status: 'Succeeded' | 'Failed' | 'Stopped'): boolean {
  if (d.creator === 'codeDeployRollback' || status === 'Succeeded') return false;
  const events = d.autoRollbackConfiguration?.enabled ? d.autoRollbackConfiguration.events ?? [] : [];
  if (status === 'Failed') return events.includes('DEPLOYMENT_FAILURE');
  if (d.errorInformation?.code !== 'MANUAL_STOP') return false;
  return d.runtime.stop?.rollback ?? events.includes('DEPLOYMENT_STOP_ON_REQUEST');
}

function rollBack(store: DeployRegion, group: DeploymentGroupRecord, d: DeploymentRecord): void {
  const previous = lastSuccessful(group, d);
  if (!previous) {
    d.rollbackInfo = { rollbackMessage: 'Automatic rollback did not start: the deployment group has no earlier successful deployment to roll back to.' };
    return;
  }
  const rollback = createDeployment(store, group, {
    revision: previous.revision, bundle: previous.runtime.bundle, creator: 'codeDeployRollback',
    deploymentConfigName: d.deploymentConfigName, rollbackOf: d.deploymentId,
  });
  d.rollbackInfo = {
    rollbackDeploymentId: rollback.deploymentId,
    rollbackMessage: `Deployment ${d.deploymentId} is being rolled back by deployment ${rollback.deploymentId} to revision of deployment ${previous.deploymentId}.`,
  };
}

/** StopDeployment. */
export function stopDeployment(store: DeployRegion, d: DeploymentRecord, rollback: boolean | undefined): { status: 'Pending' | 'Succeeded'; statusMessage: string } {
  if (isDone(d)) throw errors.alreadyCompleted(d.deploymentId);
  const group = store.group(d.applicationName, d.deploymentGroupName)!;
  d.runtime.stop = { rollback };
  interruptAll(d);
  if (d.runtime.running > 0) {
    return { status: 'Pending', statusMessage: 'Stopping Pending. Stopping to schedule commands in the deployment instances' };
  }
  finish(store, group, d, 'Stopped', MANUAL_STOP);
  return { status: 'Succeeded', statusMessage: 'No more commands will be scheduled for execution in the deployment instances' };
}

/** ContinueDeployment: READY_WAIT starts rerouting, TERMINATION_WAIT terminates the original environment now. */
export function continueDeployment(d: DeploymentRecord, waitType: 'READY_WAIT' | 'TERMINATION_WAIT'): void {
  if (d.computePlatform === 'Lambda' || d.deploymentStyle.deploymentType !== 'BLUE_GREEN') {
    throw errors.unsupportedAction(`ContinueDeployment is supported only for blue/green deployments on EC2/On-Premises or Amazon ECS; ${d.deploymentId} is ${d.computePlatform === 'Lambda' ? 'an AWS Lambda' : 'an in-place'} deployment.`);
  }
  if (isDone(d)) throw errors.alreadyCompleted(d.deploymentId);
  const expected = waitType === 'READY_WAIT' ? 'ready' : 'terminationWait';
  if (d.runtime.phase !== expected || !d.runtime.proceed) throw errors.notReady(d.deploymentId);
  d.runtime.proceed();
}
