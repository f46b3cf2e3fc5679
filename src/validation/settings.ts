// The validation settings (`conveyor.validation.*`), declared once.
import { declareSettings, setting } from '../core/settings';
import { type Association, ruleSettingsFrom, type RuleSettings } from 'conveyor-lint/detect';

/** `{ "glob": "buildspec" | "appspec" }`; other kinds are ignored. */
function readAssociations(raw: unknown): Association[] {
  if (typeof raw !== 'object' || raw === null) return [];
  return Object.entries(raw as Record<string, unknown>).flatMap(([pattern, kind]): Association[] => (kind === 'buildspec' || kind === 'appspec' ? [{ pattern, kind }] : []));
}

export const VALIDATION_SETTINGS = declareSettings('conveyor.validation', {
  enabled: setting.boolean(true),
  files: setting.custom<Association[]>([], readAssociations),
  detectByContent: setting.boolean(true),
  cloudFormation: setting.boolean(true),
  /** Per rule: `off` or the severity to report it with. */
  rules: setting.custom<RuleSettings>({}, ruleSettingsFrom),
});
