import * as vscode from 'vscode';
import { parseViewSetting, type ViewId } from '../model/counters';

export const VIEW_ID = 'conveyor.profiler';
export const COUNTER_SETTING = 'conveyor.profiler.counter';
export const INLINE_SETTING = 'conveyor.profiler.inlineHeat';
export const JFR_PATH_SETTING = 'conveyor.profiler.jfrPath';
export const FLAME_VIEW_TYPE = 'conveyor.profiler.flameGraph';
export const FLAME_EDITOR_FOLDED = 'conveyor.profiler.foldedEditor';
export const FLAME_EDITOR_JSON = 'conveyor.profiler.profileEditor';

export function configuredView(): ViewId {
  return parseViewSetting(vscode.workspace.getConfiguration().get<unknown>(COUNTER_SETTING));
}

/** The JDK `jfr` tool the user named, if any (else JAVA_HOME/bin and PATH are searched). */
export function configuredJfrPath(): string | undefined {
  const v = vscode.workspace.getConfiguration().get<unknown>(JFR_PATH_SETTING);
  return typeof v === 'string' && v.trim().length > 0 ? v.trim() : undefined;
}

export function inlineHeatEnabled(): boolean {
  return vscode.workspace.getConfiguration().get<boolean>(INLINE_SETTING) !== false;
}

/** Forward slashes, and lower case where the file system ignores case, for comparing paths. */
export function pathKey(fsPath: string): string {
  const p = fsPath.replace(/\\/g, '/');
  return process.platform === 'win32' || process.platform === 'darwin' ? p.toLowerCase() : p;
}
