// Rule runners of stage conditions (CodePipeline rule reference): VariableCheck, DeploymentWindow,
// CloudWatchAlarm, LambdaInvoke and Commands. Each ends its rule execution Succeeded or Failed with
// the summary and error details the console shows. Alarms and Lambda functions are the emulator's
// own knobs (PipelinesWorld.alarms / .functions), since the emulator has no CloudWatch or Lambda.
import type { RuleExecutionRecord } from '../../model/conditions';
import type { ErrorDetails, ExecutionRecord, PipelineRecord } from '../../model/records';
import type { Engine } from '../engine';
import { compileCron } from './cron';

export const RULE_PROVIDERS = ['VariableCheck', 'DeploymentWindow', 'CloudWatchAlarm', 'LambdaInvoke', 'Commands'] as const;

export interface RuleRun {
  engine: Engine;
  pipeline: PipelineRecord;
  exec: ExecutionRecord;
  record: RuleExecutionRecord;
  end(status: 'Succeeded' | 'Failed', patch: { summary?: string; errorDetails?: ErrorDetails; externalExecutionId?: string; externalExecutionUrl?: string }): void;
}

const MINUTE = 60_000;

function later(run: RuleRun, ms: number, fn: () => void): void {
  const timer = run.engine.clock.setTimeout(fn, ms);
  run.record.abort = () => timer.cancel();
}

function configurationError(run: RuleRun, message: string): void {
  run.end('Failed', { summary: message, errorDetails: { code: 'ConfigurationError', message } });
}

function variableCheck(run: RuleRun): void {
  const c = run.record.resolvedConfiguration;
  const { Variable: variable, Value: value, Operator: operator } = c;
  if (variable === undefined || value === undefined || operator === undefined) {
    configurationError(run, 'VariableCheck needs the Variable, Value and Operator configuration');
    return;
  }
  let passed: boolean;
  switch (operator) {
    case 'EQ': passed = variable === value; break;
    case 'NE': passed = variable !== value; break;
    case 'CONTAINS': passed = variable.includes(value); break;
    case 'MATCHES':
      try {
        passed = new RegExp(`^(?:${value})$`).test(variable);
      } catch {
        configurationError(run, `The regular expression ${value} is not valid`);
        return;
      }
      break;
    default:
      configurationError(run, `Operator ${operator} is not one of EQ, NE, CONTAINS, MATCHES`);
      return;
  }
  const unresolved = /#\{[^}]+\}/.test(variable);
  later(run, run.engine.random.int(1_000, 3_000), () => {
    const text = `${JSON.stringify(variable)} ${operator} ${JSON.stringify(value)}`;
    if (passed) run.end('Succeeded', { summary: `Variable check passed: ${text}` });
    else run.end('Failed', {
      summary: unresolved ? `The variable ${variable} could not be resolved` : `Variable check failed: ${text} is false`,
      errorDetails: { code: 'RuleFailed', message: unresolved ? `The variable ${variable} could not be resolved` : `Variable check failed: ${text} is false` },
    });
  });
}

function deploymentWindow(run: RuleRun): void {
  const c = run.record.resolvedConfiguration;
  if (!c.Cron) {
    configurationError(run, 'DeploymentWindow needs the Cron configuration');
    return;
  }
  let window;
  try {
    window = compileCron(c.Cron, c.TimeZone ?? 'UTC');
  } catch (err) {
    configurationError(run, `The cron expression ${c.Cron} is not valid: ${err instanceof Error ? err.message : String(err)}`);
    return;
  }
  later(run, run.engine.random.int(500, 1_500), () => {
    const now = run.engine.clock.now();
    const when = `${new Date(now).toISOString().replace(/\.\d{3}Z$/, 'Z')} (${c.TimeZone ?? 'UTC'})`;
    if (window.matches(now)) run.end('Succeeded', { summary: `${when} is within the deployment window ${c.Cron}` });
    else run.end('Failed', { summary: `${when} is outside the deployment window ${c.Cron}`, errorDetails: { code: 'RuleFailed', message: `The current time is outside the deployment window ${c.Cron}` } });
  });
}

function cloudWatchAlarm(run: RuleRun): void {
  const c = run.record.resolvedConfiguration;
  if (!c.AlarmName) {
    configurationError(run, 'CloudWatchAlarm needs the AlarmName configuration');
    return;
  }
  const states = (c.AlarmStates ?? 'ALARM').split(',').map((s) => s.trim()).filter(Boolean);
  const waitMs = Number(c.WaitTime ?? '0') * MINUTE;
  const { engine, pipeline } = run;
  const started = engine.clock.now();
  const region = run.record.region;
  const url = `https://${region}.console.aws.amazon.com/cloudwatch/home?region=${region}#alarmsV2:alarm/${encodeURIComponent(c.AlarmName)}`;
  const check = (): void => {
    const state = engine.store.world.alarms.get(`${pipeline.accountId}/${region}/${c.AlarmName}`) ?? 'OK';
    if (states.includes(state)) {
      const message = `Alarm ${c.AlarmName} is in state ${state}`;
      run.end('Failed', { summary: message, errorDetails: { code: 'RuleFailed', message }, externalExecutionUrl: url });
      return;
    }
    const left = started + waitMs - engine.clock.now();
    if (left <= 0) {
      run.end('Succeeded', { summary: `Alarm ${c.AlarmName} stayed out of ${states.join(', ')} for ${c.WaitTime ?? '0'} minutes (state ${state})`, externalExecutionUrl: url });
      return;
    }
    later(run, Math.min(MINUTE, left), check);
  };
  later(run, run.engine.random.int(1_000, 3_000), check);
}

function lambdaInvoke(run: RuleRun): void {
  const c = run.record.resolvedConfiguration;
  if (!c.FunctionName) {
    configurationError(run, 'LambdaInvoke needs the FunctionName configuration');
    return;
  }
  const { engine, pipeline } = run;
  const region = run.record.region;
  const fn = engine.store.world.functions.get(`${pipeline.accountId}/${region}/${c.FunctionName}`);
  const requestId = engine.random.uuid();
  later(run, fn?.durationMs ?? engine.random.int(3_000, 10_000), () => {
    const patch = { externalExecutionId: requestId, externalExecutionUrl: `https://${region}.console.aws.amazon.com/lambda/home?region=${region}#/functions/${c.FunctionName}` };
    if ((fn?.outcome ?? 'succeed') === 'succeed') run.end('Succeeded', { ...patch, summary: fn?.message ?? `Function ${c.FunctionName} succeeded` });
    else run.end('Failed', { ...patch, summary: fn?.message ?? `Function ${c.FunctionName} failed`, errorDetails: { code: 'RuleFailed', message: fn?.message ?? `Function ${c.FunctionName} failed` } });
  });
}

function commands(run: RuleRun): void {
  const list = run.record.declaration.commands ?? [];
  if (list.length === 0) {
    configurationError(run, 'The Commands rule needs at least one command');
    return;
  }
  later(run, run.engine.random.int(20_000, 60_000), () => run.end('Succeeded', { summary: `${list.length} command(s) succeeded` }));
}

export function startRule(run: RuleRun): void {
  switch (run.record.declaration.ruleTypeId.provider) {
    case 'VariableCheck': variableCheck(run); break;
    case 'DeploymentWindow': deploymentWindow(run); break;
    case 'CloudWatchAlarm': cloudWatchAlarm(run); break;
    case 'LambdaInvoke': lambdaInvoke(run); break;
    case 'Commands': commands(run); break;
    default: configurationError(run, `Rule provider ${run.record.declaration.ruleTypeId.provider} is not supported`);
  }
}
