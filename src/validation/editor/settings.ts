import * as vscode from 'vscode';
import type { Association } from '../engine/detect';
import { ruleSettingsFrom } from '../engine/rule-settings';
import type { RuleSettings } from '../types';

export const SECTION = 'conveyor.validation';

export interface ValidationSettings {
  enabled: boolean;
  associations: Association[];
  byContent: boolean;
  cloudFormation: boolean;
  /** `conveyor.validation.rules`: per-rule `off` or severity. */
  rules: RuleSettings;
}

/** The settings, with defaults when they are not contributed (e.g. in tests) or malformed. */
export function readSettings(scope?: vscode.Uri): ValidationSettings {
  const config = vscode.workspace.getConfiguration(SECTION, scope);
  const files = config.get<unknown>('files');
  const associations: Association[] = [];
  if (typeof files === 'object' && files !== null) {
    for (const [pattern, kind] of Object.entries(files)) {
      if (kind === 'buildspec' || kind === 'appspec') associations.push({ pattern, kind });
    }
  }
  return {
    enabled: config.get<boolean>('enabled') !== false,
    associations,
    byContent: config.get<boolean>('detectByContent') !== false,
    cloudFormation: config.get<boolean>('cloudFormation') !== false,
    rules: ruleSettingsFrom(config.get<unknown>('rules')),
  };
}
