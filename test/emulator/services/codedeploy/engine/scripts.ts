// What the CodeDeploy agent reports for one lifecycle event on an instance: it runs the hook's scripts
// in order, logs `LifecycleEvent - X`, `Script - path` and each output line as `[stdout]`/`[stderr]`,
// stops at the first failure, and sends the diagnostics the API shows (error code, script name,
// message, the tail of that log). Wording and the 2,048-character tail follow the agent's
// HookExecutor (aws/aws-codedeploy-agent, lib/instance_agent/plugins/codedeploy/hook_executor.rb).
import type { Random } from '../../../core/random';
import type { ScriptHook } from '../appspec';
import type { Bundle, Diagnostics, ScriptFault, ScriptFaultCode } from '../model';

/** The agent keeps whole log entries from the end while they fit in this many characters. */
export const LOG_TAIL_BUDGET = 2048;

export const SUCCESS_DIAGNOSTICS: Diagnostics = { errorCode: 'Success', scriptName: '', message: 'Succeeded', logTail: '' };

export interface ScriptRunContext {
  random: Random;
  event: string;
  scripts: readonly ScriptHook[];
  bundle: Bundle;
  deploymentId: string;
  deploymentGroupId: string;
  /** The fault (if any) that fails a given script of this event on this target. */
  faultFor: (script: ScriptHook, last: boolean) => ScriptFault | undefined;
}

export interface ScriptRunResult {
  durationMs: number;
  ok: boolean;
  diagnostics: Diagnostics;
}

export function logTail(entries: readonly string[]): string {
  let budget = LOG_TAIL_BUDGET;
  let from = entries.length;
  while (from > 0 && budget - entries[from - 1]!.length > 0) {
    budget -= entries[from - 1]!.length;
    from--;
  }
  return entries.slice(from).join('');
}

const prefix = (script: ScriptHook): string =>
  `Script at specified location: ${script.location}${script.runas ? ` run as user ${script.runas}` : ''}`;

function failureMessage(code: ScriptFaultCode, script: ScriptHook, ctx: ScriptRunContext, exitCode: number, detail = 'unexpected error'): string {
  switch (code) {
    case 'ScriptMissing':
      return `Script does not exist at specified location: /opt/codedeploy-agent/deployment-root/${ctx.deploymentGroupId}/${ctx.deploymentId}/deployment-archive/${script.location}`;
    case 'ScriptNotExecutable':
      return `Unable to set script at specified location: ${script.location} as executable`;
    case 'ScriptTimedOut':
      return `Script at specified location: ${script.location} failed to complete in ${script.timeoutSeconds} seconds`;
    case 'ScriptFailed':
      return `${prefix(script)} failed with exit code ${exitCode}`;
    case 'UnknownError':
      return `${prefix(script)} failed with error RuntimeError with message ${detail}`;
  }
}

/** Plans one EC2/On-Premises hook: how long it runs and what the agent reports. */
export function runScripts(ctx: ScriptRunContext): ScriptRunResult {
  if (ctx.scripts.length === 0) return { durationMs: ctx.random.int(60, 400), ok: true, diagnostics: SUCCESS_DIAGNOSTICS };
  const log = [`LifecycleEvent - ${ctx.event}\n`];
  let durationMs = ctx.random.int(20, 80);
  for (const [i, script] of ctx.scripts.entries()) {
    const fault = ctx.faultFor(script, i === ctx.scripts.length - 1);
    const missing = ctx.bundle.files !== undefined && !ctx.bundle.files.includes(script.location);
    const behaviour = ctx.bundle.scripts?.[script.location] ?? {};
    const code: ScriptFaultCode | undefined = missing ? 'ScriptMissing'
      : fault ? fault.errorCode ?? 'ScriptFailed'
        : (behaviour.exitCode ?? 0) !== 0 ? 'ScriptFailed' : undefined;
    if (code === 'ScriptMissing' || code === 'ScriptNotExecutable') {
      return { durationMs: durationMs + 30, ok: false, diagnostics: { errorCode: code, scriptName: script.location, message: failureMessage(code, script, ctx, 0), logTail: logTail(log) } };
    }
    log.push(`Script - ${script.location}\n`);
    const stdout = fault?.stdout ?? behaviour.stdout ?? [];
    const stderr = fault?.stderr ?? behaviour.stderr ?? [];
    for (const line of stdout) log.push(`[stdout]${line}\n`);
    for (const line of stderr) log.push(`[stderr]${line}\n`);
    const runMs = behaviour.durationMs ?? ctx.random.int(800, 6_000);
    if (code === 'ScriptTimedOut') {
      return { durationMs: durationMs + script.timeoutSeconds * 1000, ok: false, diagnostics: { errorCode: code, scriptName: script.location, message: failureMessage(code, script, ctx, 0), logTail: logTail(log) } };
    }
    durationMs += Math.min(runMs, script.timeoutSeconds * 1000);
    if (code) {
      const exitCode = fault?.exitCode ?? (behaviour.exitCode || 1);
      const message = failureMessage(code, script, ctx, exitCode, stderr[stderr.length - 1]);
      return { durationMs, ok: false, diagnostics: { errorCode: code, scriptName: script.location, message, logTail: logTail(log) } };
    }
  }
  return { durationMs, ok: true, diagnostics: SUCCESS_DIAGNOSTICS };
}
