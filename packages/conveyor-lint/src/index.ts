// The public API of conveyor-lint: the validation engine and the language features (completion, hover,
// outline, folding) that the language server and the VS Code extension are built on. Pure: no file
// system, no editor, no network.
export { validate, sortDiagnostics, type ValidateOptions, type ValidationReport } from './validate';
export { detectKind, kindFromFileName, type Association, type DetectOptions } from './engine/detect';
export { parseRuleSetting, ruleSettingsFrom } from './engine/rule-settings';
export { ruleCatalog, ruleIds, type RuleInfo } from './rules/catalog';
export { complete, type CompletionItem, type CompletionOptions } from './language/completion';
export { hover, type Hover } from './language/hover';
export { documentSymbols, type DocumentSymbol, type SymbolKind } from './language/symbols';
export { foldingRanges, type FoldingRange } from './language/folding';
export { LineIndex } from './text/line-index';
export { BUILDSPEC_SCHEMA_ID, APPSPEC_SCHEMA_ID } from './schema/schemas';
export type { AppSpecPlatform, Diagnostic, Fix, Position, Range, RuleSetting, RuleSettings, Severity, SpecKind, TextEdit } from './types';
