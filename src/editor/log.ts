import * as vscode from 'vscode';
import { createLogger, type Logger } from '../core/log';

/** The "Conveyor" log output channel; its level is set with "Developer: Set Log Level…". */
export function createOutputLogger(context: vscode.ExtensionContext): { log: Logger; channel: vscode.LogOutputChannel } {
  const channel = vscode.window.createOutputChannel('Conveyor', { log: true });
  context.subscriptions.push(channel);
  const log = createLogger((level, message) => channel[level](message));
  return { log, channel };
}
