// Scripted lifecycle faults over HTTP, for processes that drive a running emulator (host and UI tests,
// benchmarks): `GET|POST|DELETE /_emulator/codedeploy/script-faults`, `DELETE …/script-faults/{id}`.
// A fault: {"lifecycleEvent": "AfterInstall", "applicationName"?, "deploymentGroupName"?, "deploymentId"?,
// "script"?, "targetIds"?, "errorCode"?, "exitCode"?, "stdout"?, "stderr"?, "times"?}.
import type { RawRoute } from '../../core/contract';
import { sendJson } from '../../core/protocol';
import { asText } from '../../core/validate';
import type { ScriptFaultSpec } from './model';
import type { DeployWorld } from './world';

export const SCRIPT_FAULTS_PATH = '/_emulator/codedeploy/script-faults';

const CODES = new Set(['ScriptMissing', 'ScriptNotExecutable', 'ScriptTimedOut', 'ScriptFailed', 'UnknownError']);
const STRINGS = ['applicationName', 'deploymentGroupName', 'deploymentId', 'script'] as const;
const LISTS = ['targetIds', 'stdout', 'stderr'] as const;

const isStringList = (v: unknown): boolean => Array.isArray(v) && v.every((s) => typeof s === 'string');

/** Why `spec` is not a script fault, or undefined when it is one. */
export function scriptFaultProblem(spec: unknown): string | undefined {
  if (typeof spec !== 'object' || spec === null || Array.isArray(spec)) return 'a script fault must be a JSON object';
  const s = spec as Record<string, unknown>;
  if (typeof s.lifecycleEvent !== 'string' || s.lifecycleEvent === '') return 'lifecycleEvent is required (e.g. "AfterInstall")';
  for (const key of STRINGS) if (s[key] !== undefined && typeof s[key] !== 'string') return `${key} must be a string`;
  for (const key of LISTS) if (s[key] !== undefined && !isStringList(s[key])) return `${key} must be a list of strings`;
  if (s.errorCode !== undefined && !CODES.has(asText(s.errorCode))) return `errorCode must be one of ${[...CODES].join(', ')}`;
  for (const key of ['exitCode', 'times'] as const) {
    if (s[key] !== undefined && (typeof s[key] !== 'number' || !Number.isInteger(s[key]) || (s[key]) < 1)) return `${key} must be a positive integer`;
  }
  return undefined;
}

export function scriptFaultRoute(world: () => DeployWorld): RawRoute {
  return {
    prefix: SCRIPT_FAULTS_PATH,
    handler(req, res) {
      const faults = world().faults;
      const rest = req.path.slice(SCRIPT_FAULTS_PATH.length).replace(/^\/+|\/+$/g, '');
      const reply = (status: number, body: unknown): void => sendJson(res, status, body, 'application/json');
      if (req.method === 'GET' && rest === '') return reply(200, { faults: faults.list() });
      if (req.method === 'DELETE' && rest === '') {
        faults.clear();
        return reply(200, { faults: [] });
      }
      if (req.method === 'DELETE') return faults.remove(rest) ? reply(200, { faults: faults.list() }) : reply(404, { message: `no script fault ${rest}` });
      if (req.method !== 'POST' || rest !== '') return reply(405, { message: `${req.method} ${req.path} is not supported` });
      let body: unknown;
      try {
        body = JSON.parse(req.body.toString('utf8') || '{}');
      } catch {
        return reply(400, { message: 'the body is not valid JSON' });
      }
      const specs = Array.isArray(body) ? body : [body];
      const problem = specs.map(scriptFaultProblem).find((p) => p !== undefined);
      if (problem) return reply(400, { message: problem });
      return reply(200, { faults: specs.map((s) => faults.add(s as ScriptFaultSpec)) });
    },
  };
}
