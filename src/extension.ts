import * as vscode from 'vscode';

export function activate(context: vscode.ExtensionContext): void {
  const channel = vscode.window.createOutputChannel('Conveyor', { log: true });
  context.subscriptions.push(channel);
  channel.info('Conveyor activated');
}

export function deactivate(): void {
  // Everything is owned by context.subscriptions.
}
