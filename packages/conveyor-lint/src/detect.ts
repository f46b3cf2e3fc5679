// What a file is (buildspec, appspec, CloudFormation template with inline buildspecs) and how the rule
// settings read, without the validator: small enough for an editor to decide whether to load the rest.
export { detectKind, kindFromFileName, type Association, type DetectOptions } from './engine/detect';
export { parseRuleSetting, ruleSettingsFrom } from './engine/rule-settings';
export type { RuleSetting, RuleSettings, SpecKind } from './types';
