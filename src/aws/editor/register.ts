import * as vscode from 'vscode';
import type { Logger } from '../../core/log';
import { selectProfile, selectRegion } from './commands';
import { AwsSession } from './session';
import { createAwsStatusBar } from './status-bar';

/** Creates the AWS session, its status bar item and the profile/region commands. */
export async function registerAws(context: vscode.ExtensionContext, log: Logger): Promise<AwsSession> {
  const session = new AwsSession(log, { state: context.globalState });
  context.subscriptions.push(session);
  await session.reload('activation');
  context.subscriptions.push(
    createAwsStatusBar(session),
    vscode.commands.registerCommand('conveyor.aws.selectProfile', (name?: unknown) => selectProfile(session, name)),
    vscode.commands.registerCommand('conveyor.aws.selectRegion', (region?: unknown) => selectRegion(session, region)),
  );
  return session;
}
