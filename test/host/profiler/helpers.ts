import * as path from 'node:path';
import * as vscode from 'vscode';
import type { RenderStats } from '../../../src/profiler/flame/protocol';
import { activateConveyor, waitFor } from '../foundation/helpers';

export { activateConveyor, waitFor };

export interface TreeSnapshot { label: string; description: string; contextValue: string; children?: TreeSnapshot[] }

export interface DebugState {
  active: string | undefined;
  view: string;
  inlineHeat: boolean;
  panels: { title: string; stats: RenderStats | undefined; cspViolations: number; error?: string }[];
  heat: Record<string, { startLine: number; endLine: number; fraction: number; label: string }[]>;
  tree?: TreeSnapshot[];
}

export function workspacePath(...parts: string[]): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('The host tests need the sample workspace open');
  return path.join(folder.uri.fsPath, 'profiler', ...parts);
}

export async function debugState(options: { tree?: boolean } = {}): Promise<DebugState> {
  return (await vscode.commands.executeCommand<DebugState>('conveyor.profiler.debugState', options));
}

/** Waits until the flame graph panel titled `title` has drawn something that satisfies `check`. */
export async function waitForPanel(title: string, check: (s: RenderStats) => boolean = () => true, ms = 20_000): Promise<{ stats: RenderStats; cspViolations: number }> {
  let found: { stats: RenderStats; cspViolations: number } | undefined;
  await waitFor(`the flame graph "${title}" to render`, async () => {
    const panel = (await debugState()).panels.find((p) => p.title === title);
    if (panel?.stats && check(panel.stats)) found = { stats: panel.stats, cspViolations: panel.cspViolations };
    return found !== undefined;
  }, ms);
  return found!;
}

export async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration().update(key, value, vscode.ConfigurationTarget.Global);
}

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
