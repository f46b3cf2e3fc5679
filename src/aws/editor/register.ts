import type * as vscode from 'vscode';
import type { Logger } from '../../core/log';
import { registerCommands } from '../../editor/commands';
import type { EditorUi } from '../../editor/ui';
import { awsCommands } from './commands';
import { AwsSession } from './session';
import { createAwsStatusBar } from './status-bar';

/**
 * Creates the AWS session (profile, region, endpoint) and its status bar item. The settings and ~/.aws files
 * are read right after activation returns (`session.ready`); the status bar says so meanwhile.
 */
export function createAwsSession(context: vscode.ExtensionContext, log: Logger): AwsSession {
  const session = new AwsSession(log, { state: context.globalState });
  context.subscriptions.push(session);
  context.subscriptions.push(createAwsStatusBar(session));
  setImmediate(() => {
    session.reload('activation').catch((err: unknown) => log.error(`Could not read the AWS settings: ${String(err)}`));
  });
  return session;
}

/** The profile and region commands, run the kit's way (failures logged and explained). */
export function registerAwsCommands(context: vscode.ExtensionContext, session: AwsSession, log: Logger, ui: EditorUi): void {
  context.subscriptions.push(...registerCommands(awsCommands(session, ui), { log, ui }));
}
