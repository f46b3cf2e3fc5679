import * as vscode from 'vscode';
import { SHOW_LOG_COMMAND } from '../../editor/commands';
import { actionsFor, errorButtons, isErrorDetails, SHOW_LOG_BUTTON, ssoLoginApplies, type ErrorDetails } from '../error-rows';
import { ssoLoginArgs, type ActionableError } from '../errors';
import type { ProfileKind } from '../profiles';

/** How a profile signs in (from the AWS files), to offer aws sso login only where it helps. */
export type KindOfProfile = (profile: string) => ProfileKind | undefined;

/**
 * Runs `aws sso login --profile <profile>` as a task the person can see (the browser sign-in needs them).
 * A ProcessExecution passes the arguments to `aws` directly: no shell ever reads the profile name.
 * Tasks belong to a workspace folder, so this needs one; resolves once the task has started.
 */
export async function runSsoLogin(profile: string): Promise<vscode.TaskExecution> {
  const args = ssoLoginArgs(profile);
  if (!args) throw new Error(`Conveyor does not run aws sso login for the profile name ${JSON.stringify(profile)}: it is not a plain profile name.`);
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('Conveyor runs aws sso login as a task, and tasks need an open folder.');
  const task = new vscode.Task({ type: 'conveyor.awsSsoLogin', profile }, folder, `sso login --profile ${profile}`, 'aws',
    new vscode.ProcessExecution('aws', args));
  task.presentationOptions = { reveal: vscode.TaskRevealKind.Always, focus: true, panel: vscode.TaskPanelKind.Dedicated, clear: true };
  return vscode.tasks.executeTask(task);
}

const hasFolder = (): boolean => (vscode.workspace.workspaceFolders?.length ?? 0) > 0;

/** Shows an explained AWS error with one button per action and Show Log; returns 'retry' if that was chosen. */
export async function presentError(error: ActionableError, kindOf: KindOfProfile): Promise<'retry' | undefined> {
  const login = error.actions.find((a) => a.kind === 'ssoLogin');
  const ssoLogin = login?.kind === 'ssoLogin' && ssoLoginApplies(error.category, kindOf(login.profile));
  const { actions, labels } = errorButtons(error.actions, { hasFolder: hasFolder(), ssoLogin });
  const show = error.transient ? vscode.window.showWarningMessage : vscode.window.showErrorMessage;
  const picked = await show(error.message, ...labels);
  if (picked === SHOW_LOG_BUTTON) {
    await vscode.commands.executeCommand(SHOW_LOG_COMMAND);
    return undefined;
  }
  const action = actions[labels.indexOf(picked ?? '')];
  if (!action) return undefined;
  switch (action.kind) {
    case 'ssoLogin':
      await runSsoLogin(action.profile);
      return undefined;
    case 'selectProfile':
      await vscode.commands.executeCommand('conveyor.aws.selectProfile');
      return undefined;
    case 'selectRegion':
      await vscode.commands.executeCommand('conveyor.aws.selectRegion');
      return undefined;
    case 'openSettings':
      await vscode.commands.executeCommand('workbench.action.openSettings', action.setting);
      return undefined;
    case 'retry':
      return 'retry';
  }
}

/**
 * "Show Details" of a view's error row: the whole message, with a button for each next step — Run
 * aws sso login (an expired SSO session), Choose Another Profile, Retry — and Show Log.
 */
export async function showErrorDetails(arg: unknown, kindOf: KindOfProfile): Promise<void> {
  if (!isErrorDetails(arg)) return;
  const details: ErrorDetails = arg;
  const ssoLogin = details.profile !== undefined && ssoLoginApplies(details.category, kindOf(details.profile));
  const { actions, labels } = errorButtons(actionsFor(details.category, details.profile).filter((a) => a.kind !== 'retry' || details.retry),
    { hasFolder: hasFolder(), ssoLogin });
  const picked = await vscode.window.showErrorMessage(`${details.title}: ${details.message}`, ...labels);
  if (picked === SHOW_LOG_BUTTON) {
    await vscode.commands.executeCommand(SHOW_LOG_COMMAND);
    return;
  }
  const action = actions[labels.indexOf(picked ?? '')];
  if (!action) return;
  if (action.kind === 'retry' && details.retry) await vscode.commands.executeCommand(details.retry.command, ...details.retry.args);
  else if (action.kind === 'ssoLogin') await runSsoLogin(action.profile);
  else if (action.kind === 'selectProfile') await vscode.commands.executeCommand('conveyor.aws.selectProfile');
}
