import * as vscode from 'vscode';
import type { ActionableError, ErrorAction } from '../errors';

function label(action: ErrorAction): string {
  switch (action.kind) {
    case 'ssoLogin': return `Run ${action.command}`;
    case 'selectProfile': return 'Select AWS Profile';
    case 'selectRegion': return 'Select Region';
    case 'openSettings': return 'Open Settings';
    case 'retry': return 'Retry';
  }
}

/** Runs `aws sso login` in a terminal the person can see: the browser sign-in needs them anyway. */
export function runSsoLogin(command: string): void {
  const terminal = vscode.window.createTerminal({ name: 'AWS SSO login' });
  terminal.show();
  terminal.sendText(command, true);
}

/** Shows an explained AWS error with one button per action; returns 'retry' if that was chosen. */
export async function presentError(error: ActionableError): Promise<'retry' | undefined> {
  const actions = error.actions;
  const show = error.transient ? vscode.window.showWarningMessage : vscode.window.showErrorMessage;
  const picked = await show(error.message, ...actions.map(label));
  const action = actions.find((a) => label(a) === picked);
  if (!action) return undefined;
  switch (action.kind) {
    case 'ssoLogin':
      runSsoLogin(action.command);
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
