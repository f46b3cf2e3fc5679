// One way to run a command, for every feature: the handler gets its arguments as `unknown` (check them
// with src/core/args.ts), runs with progress when asked, and an unexpected failure reaches the Conveyor
// log with its stack and the person with its next step (an AWS error's actions, or "Show Log").
import * as vscode from 'vscode';
import { failedCallOf } from '../aws/clients';
import { describeError, type Logger } from '../core/log';
import type { EditorUi, ProgressLocation } from './ui';

export type CommandHandler = (...args: unknown[]) => unknown;

export interface CommandSpec {
  run: CommandHandler;
  /** Shows progress while the command runs (e.g. the view's progress bar for a refresh). */
  progress?: { location: ProgressLocation; title?: string };
}

/** A feature's commands by id; the ids are the ones package.json contributes. */
export type CommandTable = Readonly<Record<string, CommandHandler | CommandSpec>>;

export interface CommandDeps {
  log: Logger;
  ui: Pick<EditorUi, 'notify' | 'withProgress' | 'reportAwsError'>;
}

export const SHOW_LOG_COMMAND = 'conveyor.showLog';

function specOf(entry: CommandHandler | CommandSpec): CommandSpec {
  return typeof entry === 'function' ? { run: entry } : entry;
}

/** Logs an unexpected failure of a command and tells the person what they can do next. */
export function reportCommandFailure(id: string, error: unknown, deps: CommandDeps): void {
  const stack = error instanceof Error ? error.stack ?? describeError(error) : describeError(error);
  deps.log.error(`${id} failed: ${stack}`);
  const call = failedCallOf(error);
  if (call) {
    deps.ui.reportAwsError(error, { service: call.service, operation: call.operation });
    return;
  }
  deps.ui.notify('error', `Conveyor: ${describeError(error)}`, ['Show Log'], () => void vscode.commands.executeCommand(SHOW_LOG_COMMAND));
}

/** Runs one command invocation the Conveyor way; resolves to the handler's result, or undefined after a failure. */
export async function runCommand(id: string, entry: CommandHandler | CommandSpec, args: readonly unknown[], deps: CommandDeps): Promise<unknown> {
  const spec = specOf(entry);
  deps.log.trace(`command ${id}`);
  try {
    const run = async (): Promise<unknown> => spec.run(...args);
    return spec.progress ? await deps.ui.withProgress(spec.progress.title ?? '', run, spec.progress.location) : await run();
  } catch (err) {
    reportCommandFailure(id, err, deps);
    return undefined;
  }
}

/** Registers every command of a table with `runCommand`. */
export function registerCommands(table: CommandTable, deps: CommandDeps): vscode.Disposable[] {
  return Object.entries(table).map(([id, entry]) =>
    vscode.commands.registerCommand(id, (...args: unknown[]) => runCommand(id, entry, args, deps)));
}
