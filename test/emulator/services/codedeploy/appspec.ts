// Reads a revision's appspec the way the deployment needs it: EC2/On-Premises `hooks` (event → scripts
// with timeout and runas), ECS/Lambda `Hooks` (event → validation function) and `Resources` (the Lambda
// function and versions, the ECS task definition). YAML or JSON, as CodeDeploy accepts both.
import { parse } from 'yaml';
import { asText } from '../../core/validate';

/** The agent's default script timeout when `timeout` is absent (seconds). */
export const DEFAULT_SCRIPT_TIMEOUT_S = 3600;

export interface ScriptHook {
  location: string;
  timeoutSeconds: number;
  runas?: string;
}

export interface LambdaResource {
  name: string;
  alias: string;
  currentVersion: string;
  targetVersion: string;
}

export interface EcsResource {
  taskDefinition: string;
  containerName?: string;
  containerPort?: number;
}

export interface ParsedAppSpec {
  /** EC2/On-Premises: scripts per lifecycle event, in appspec order. */
  scripts: Map<string, ScriptHook[]>;
  /** ECS/Lambda: validation function per lifecycle event. */
  functions: Map<string, string>;
  lambda?: LambdaResource;
  ecs?: EcsResource;
}

export class AppSpecError extends Error {}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function member(o: Obj, name: string): unknown {
  if (name in o) return o[name];
  const lower = name.toLowerCase();
  const key = Object.keys(o).find((k) => k.toLowerCase() === lower);
  return key === undefined ? undefined : o[key];
}

function scriptHooks(hooks: Obj): Map<string, ScriptHook[]> {
  const out = new Map<string, ScriptHook[]>();
  for (const [event, list] of Object.entries(hooks)) {
    if (list === null || list === undefined) continue;
    if (!Array.isArray(list)) throw new AppSpecError(`The ${event} hook must be a list of scripts`);
    out.set(event, list.map((entry: unknown) => {
      if (!isObj(entry) || typeof entry.location !== 'string') throw new AppSpecError(`A script in the ${event} hook has no location`);
      const timeout = Number(entry.timeout ?? DEFAULT_SCRIPT_TIMEOUT_S);
      return {
        location: entry.location,
        timeoutSeconds: Number.isFinite(timeout) && timeout > 0 ? timeout : DEFAULT_SCRIPT_TIMEOUT_S,
        ...(typeof entry.runas === 'string' ? { runas: entry.runas } : {}),
      };
    }));
  }
  return out;
}

function functionHooks(hooks: unknown[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const entry of hooks) {
    if (!isObj(entry)) throw new AppSpecError('Each entry of Hooks must map a lifecycle event to a function');
    for (const [event, fn] of Object.entries(entry)) {
      if (typeof fn !== 'string' || fn === '') throw new AppSpecError(`The ${event} hook must name a Lambda function`);
      out.set(event, fn);
    }
  }
  return out;
}

function resources(list: unknown, into: ParsedAppSpec): void {
  if (!Array.isArray(list)) return;
  for (const entry of list) {
    if (!isObj(entry)) continue;
    for (const resource of Object.values(entry)) {
      if (!isObj(resource)) continue;
      const type = member(resource, 'Type');
      const props = member(resource, 'Properties');
      if (!isObj(props)) continue;
      if (type === 'AWS::Lambda::Function') {
        into.lambda = {
          name: asText(member(props, 'Name')),
          alias: asText(member(props, 'Alias')),
          currentVersion: asText(member(props, 'CurrentVersion')),
          targetVersion: asText(member(props, 'TargetVersion')),
        };
      } else if (type === 'AWS::ECS::Service') {
        const lb = member(props, 'LoadBalancerInfo');
        into.ecs = {
          taskDefinition: asText(member(props, 'TaskDefinition')),
          ...(isObj(lb) && typeof member(lb, 'ContainerName') === 'string' ? { containerName: member(lb, 'ContainerName') as string } : {}),
          ...(isObj(lb) && member(lb, 'ContainerPort') !== undefined ? { containerPort: Number(member(lb, 'ContainerPort')) } : {}),
        };
      }
    }
  }
}

export function parseAppSpec(text: string): ParsedAppSpec {
  let doc: unknown;
  try {
    doc = parse(text, { logLevel: 'error' });
  } catch (err) {
    throw new AppSpecError(`The AppSpec file is not valid YAML or JSON: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
  }
  if (!isObj(doc)) throw new AppSpecError('The AppSpec file must be a mapping');
  const parsed: ParsedAppSpec = { scripts: new Map(), functions: new Map() };
  const hooks = member(doc, 'hooks');
  if (Array.isArray(hooks)) parsed.functions = functionHooks(hooks);
  else if (isObj(hooks)) parsed.scripts = scriptHooks(hooks);
  else if (hooks !== undefined && hooks !== null) throw new AppSpecError('hooks must be a mapping (EC2/On-Premises) or a list (ECS, Lambda)');
  resources(member(doc, 'Resources'), parsed);
  return parsed;
}
