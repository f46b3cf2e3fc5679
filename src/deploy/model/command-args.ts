// What the deploy commands accept: a row of the Deployments view (context menus, clicks), an argument
// object (another feature by command id, a notification, a script), or nothing (the Command Palette
// asks). Arguments arrive as `unknown` and are checked field by field.
import type { AwsTarget } from '../../aws/access';
import { asObject, asString } from '../../core/args';
import type { DeployNode } from './tree';

/** `{ deploymentId, profile?, region? }`: what another feature passes to name a deployment. */
export interface DeploymentArgs {
  deploymentId: string;
  account?: AwsTarget;
}

const NODE_KINDS: ReadonlySet<string> = new Set<DeployNode['kind']>(['application', 'group', 'deployment', 'moreDeployments', 'target', 'moreTargets', 'event', 'message', 'error']);

/** A row the model handed out (it carries its kind and, for AWS rows, the account). */
export function isDeployNode(arg: unknown): arg is DeployNode {
  const o = asObject(arg);
  return o !== undefined && typeof o.kind === 'string' && NODE_KINDS.has(o.kind)
    && (o.kind === 'message' || o.kind === 'error' || asObject(o.account) !== undefined);
}

const DEPLOYMENT_ID = /^d-[A-Z0-9]{9}$/;

/** The deployment an argument object names, with its account when both profile and region are given. */
export function deploymentArgs(arg: unknown): DeploymentArgs | undefined {
  const o = asObject(arg);
  if (!o || isDeployNode(arg)) return undefined;
  const deploymentId = asString(o.deploymentId);
  if (!deploymentId || !DEPLOYMENT_ID.test(deploymentId)) return undefined;
  const profile = asString(o.profile);
  const region = asString(o.region);
  return { deploymentId, ...(profile && region ? { account: { profile, region } } : {}) };
}

/** `{ deploymentId, targetId, event, profile, region }`: one lifecycle event's log (a quick fix on a hook diagnostic). */
export interface EventLogArgs {
  account: AwsTarget;
  deploymentId: string;
  targetId: string;
  event: string;
}

export function eventLogArgs(arg: unknown): EventLogArgs | undefined {
  const named = deploymentArgs(arg);
  const o = asObject(arg);
  const targetId = asString(o?.targetId);
  const event = asString(o?.event);
  if (!named?.account || !targetId || !event) return undefined;
  return { account: named.account, deploymentId: named.deploymentId, targetId, event };
}
