import type { Association } from '../engine/detect';
import { ruleSettingsFrom } from '../engine/rule-settings';
import type { RuleSettings } from '../types';

/** The `conveyor.validation` settings, as the extension contributes them and any client can send them. */
export interface ValidationSettings {
  enabled: boolean;
  associations: Association[];
  byContent: boolean;
  cloudFormation: boolean;
  /** `conveyor.validation.rules`: per-rule `off` or severity. */
  rules: RuleSettings;
}

export const SETTINGS_SECTION = 'conveyor.validation';

function field(config: unknown, key: string): unknown {
  return typeof config === 'object' && config !== null ? (config as Record<string, unknown>)[key] : undefined;
}

/**
 * Settings from whatever a client sends for `conveyor.validation` (an object, null, or nothing), with the
 * defaults for what is missing or malformed, as VS Code treats a malformed setting.
 */
export function settingsFrom(config: unknown): ValidationSettings {
  const files = field(config, 'files');
  const associations: Association[] = [];
  if (typeof files === 'object' && files !== null) {
    for (const [pattern, kind] of Object.entries(files as Record<string, unknown>)) {
      if (kind === 'buildspec' || kind === 'appspec') associations.push({ pattern, kind });
    }
  }
  return {
    enabled: field(config, 'enabled') !== false,
    associations,
    byContent: field(config, 'detectByContent') !== false,
    cloudFormation: field(config, 'cloudFormation') !== false,
    rules: ruleSettingsFrom(field(config, 'rules')),
  };
}

/** `conveyor.validation` inside a `{ conveyor: { validation } }` tree (didChangeConfiguration, initializationOptions). */
export function validationSection(settings: unknown): unknown {
  return field(field(settings, 'conveyor'), 'validation');
}
