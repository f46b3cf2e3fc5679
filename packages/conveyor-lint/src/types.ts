/** Zero-based line and UTF-16 character, as in LSP and VS Code. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type Severity = 'error' | 'warning' | 'information';

export interface TextEdit {
  range: Range;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
}

export interface Diagnostic {
  range: Range;
  severity: Severity;
  message: string;
  /** Stable identifier such as `appspec/hook-not-allowed-for-platform`; see rules/catalog.ts. */
  rule: string;
  fix?: Fix;
  /** YAML documents: the edit that disables this rule for this line (a `# conveyor-disable-next-line` comment). */
  disable?: Fix;
}

/** What a document is validated as. `cloudformation` means: validate the buildspecs embedded in it. */
export type SpecKind = 'buildspec' | 'appspec' | 'cloudformation';

export type AppSpecPlatform = 'ec2' | 'ecs' | 'lambda';

/** What a rule is set to: off, or the severity its findings get. */
export type RuleSetting = 'off' | Severity;

/** Per-rule settings, by rule id (`conveyor.validation.rules`, `conveyor-lint --rule`). */
export type RuleSettings = Readonly<Record<string, RuleSetting>>;
