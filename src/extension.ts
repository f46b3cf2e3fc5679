import * as vscode from 'vscode';
import type { Logger } from './core/log';
import { registerArtifacts } from './artifacts/editor/register';
import { registerAws } from './aws/editor/register';
import type { AwsSession } from './aws/editor/session';
import { createOutputLogger } from './editor/log';
import { registerLogs } from './logs/editor/register';
import { registerPipelines, type PipelinesFeature } from './pipelines/editor/register';
import { registerProfiler } from './profiler/editor/register';
import { registerScaffold } from './scaffold/editor/register';
import { registerValidation } from './validation/editor/register';

/** What activate() returns: used by host tests and by other extensions. */
export interface ConveyorApi {
  aws: AwsSession;
  /** Undefined only if the feature failed to start (the log says why). */
  pipelines: PipelinesFeature | undefined;
}

/** A feature that fails to start must not take the others (or the extension host) down with it. */
function safely<T>(log: Logger, feature: string, start: () => T): T | undefined {
  try {
    return start();
  } catch (err) {
    log.error(`The ${feature} feature failed to start: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
    return undefined;
  }
}

export async function activate(context: vscode.ExtensionContext): Promise<ConveyorApi> {
  const started = Date.now();
  const { log, channel } = createOutputLogger(context);
  context.subscriptions.push(vscode.commands.registerCommand('conveyor.showLog', () => channel.show()));
  const aws = await registerAws(context, log);
  const deps = { log, aws };
  safely(log, 'artifacts', () => registerArtifacts(context, deps));
  safely(log, 'logs', () => registerLogs(context, deps));
  const pipelines = safely(log, 'pipelines', () => registerPipelines(context, deps));
  safely(log, 'profiler', () => registerProfiler(context, deps));
  safely(log, 'scaffold', () => registerScaffold(context, deps));
  safely(log, 'validation', () => registerValidation(context, log));
  log.info(`Conveyor ${String(context.extension.packageJSON.version)} activated in ${Date.now() - started} ms`);
  return { aws, pipelines };
}

export function deactivate(): void {
  // Everything is owned by context.subscriptions.
}
