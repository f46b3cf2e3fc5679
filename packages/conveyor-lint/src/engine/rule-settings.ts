import type { RuleSetting, RuleSettings } from '../types';

const SETTINGS = new Map<string, RuleSetting>([['off', 'off'], ['error', 'error'], ['warning', 'warning'], ['information', 'information'], ['info', 'information']]);

/** `off`, `error`, `warning`, `information` (or `info`), in any case; undefined for anything else. */
export function parseRuleSetting(value: unknown): RuleSetting | undefined {
  return typeof value === 'string' ? SETTINGS.get(value.trim().toLowerCase()) : undefined;
}

/**
 * The well-formed entries of a `conveyor.validation.rules` object; malformed ones are ignored, as VS Code
 * ignores setting values that do not match their schema.
 */
export function ruleSettingsFrom(value: unknown): RuleSettings {
  const out: Record<string, RuleSetting> = {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return out;
  for (const [rule, setting] of Object.entries(value)) {
    const parsed = parseRuleSetting(setting);
    if (parsed) out[rule] = parsed;
  }
  return out;
}
