import * as vscode from 'vscode';
import { readSettings as readDeclared, type SettingsValues } from '../../core/settings';
import { VALIDATION_SETTINGS } from '../settings';

export const SECTION = VALIDATION_SETTINGS.section;

export type ValidationSettings = SettingsValues<typeof VALIDATION_SETTINGS.schema>;

/** The settings that apply to a document (folder settings may differ), with defaults when malformed. */
export function readSettings(scope?: vscode.Uri): ValidationSettings {
  const config = vscode.workspace.getConfiguration(SECTION, scope);
  return readDeclared(VALIDATION_SETTINGS, (key) => config.get<unknown>(key));
}
