// CodePipeline V2 stage conditions: what a stage declares (beforeEntry, onSuccess, onFailure, each with
// conditions of rules) and what GetPipelineState says about their latest evaluation, plus the
// questions the tree and the commands ask of them (why a stage is blocked, what can be overridden).

/** The three places a V2 stage can hold conditions, in the order an execution meets them. */
export type ConditionKind = 'beforeEntry' | 'onSuccess' | 'onFailure';
export const CONDITION_KINDS: readonly ConditionKind[] = ['beforeEntry', 'onSuccess', 'onFailure'];

/** ConditionExecutionStatus plus the rule statuses; Unknown for anything newer. */
export type ConditionStatus = 'InProgress' | 'Failed' | 'Errored' | 'Succeeded' | 'Cancelled' | 'Abandoned' | 'Overridden' | 'Unknown';

const CONDITION_STATUSES = new Set<string>(['InProgress', 'Failed', 'Errored', 'Succeeded', 'Cancelled', 'Abandoned', 'Overridden']);

export function toConditionStatus(value: string | undefined): ConditionStatus {
  return value !== undefined && CONDITION_STATUSES.has(value) ? (value as ConditionStatus) : 'Unknown';
}

export interface RuleDeclaration {
  name: string;
  /** CloudWatchAlarm, VariableCheck, DeploymentWindow, LambdaInvoke, Commands… */
  provider: string;
  configuration: Record<string, string>;
  region?: string;
}

export interface ConditionDeclaration {
  /** FAIL, SKIP (beforeEntry), ROLLBACK (onSuccess, onFailure); the service's default when absent. */
  result?: string;
  rules: RuleDeclaration[];
}

export interface ConditionsDeclaration {
  /** onFailure only: ROLLBACK, FAIL, RETRY or SKIP when the stage fails (without conditions too). */
  result?: string;
  /** onFailure RETRY: FAILED_ACTIONS or ALL_ACTIONS. */
  retryMode?: string;
  conditions: ConditionDeclaration[];
}

export type StageConditionDeclarations = Partial<Record<ConditionKind, ConditionsDeclaration>>;

export interface RuleRuntime {
  name: string;
  status?: ConditionStatus;
  summary?: string;
  lastStatusChange?: number;
  ruleExecutionId?: string;
  externalExecutionUrl?: string;
  errorCode?: string;
  errorMessage?: string;
  entityUrl?: string;
}

export interface ConditionRuntime {
  status?: ConditionStatus;
  summary?: string;
  lastStatusChange?: number;
  rules: RuleRuntime[];
}

/** GetPipelineState's `…ConditionState` of one kind: the latest evaluation and each condition's. */
export interface ConditionsRuntime {
  status?: ConditionStatus;
  summary?: string;
  conditions: ConditionRuntime[];
}

export type StageConditionStates = Partial<Record<ConditionKind, ConditionsRuntime>>;

/** One rule evaluation (ListRuleExecutions), for the execution timeline. */
export interface RuleExecutionInfo {
  executionId: string;
  stageName: string;
  ruleName: string;
  ruleExecutionId?: string;
  status: ConditionStatus;
  startTime?: number;
  lastUpdateTime?: number;
  provider?: string;
  /** The configuration with variables resolved, e.g. the branch a VariableCheck compared. */
  resolvedConfiguration?: Record<string, string>;
  summary?: string;
  errorMessage?: string;
  externalExecutionUrl?: string;
}

export const CONDITION_KIND_LABELS: Record<ConditionKind, string> = {
  beforeEntry: 'Entry conditions',
  onSuccess: 'Success conditions',
  onFailure: 'Failure conditions',
};

/** What OverrideStageCondition's `conditionType` calls a kind (onFailure cannot be overridden). */
export function overrideTypeOf(kind: ConditionKind): 'BEFORE_ENTRY' | 'ON_SUCCESS' | undefined {
  return kind === 'beforeEntry' ? 'BEFORE_ENTRY' : kind === 'onSuccess' ? 'ON_SUCCESS' : undefined;
}

/** The service's default result when a condition does not name one. */
export function defaultResult(kind: ConditionKind): string {
  return kind === 'onFailure' ? 'ROLLBACK' : 'FAIL';
}

/** Kinds a stage shows, in execution order: declared ones, plus any the state reports. */
export function conditionKindsOf(declared: StageConditionDeclarations | undefined, states: StageConditionStates | undefined): ConditionKind[] {
  return CONDITION_KINDS.filter((k) => {
    const d = declared?.[k];
    return (d !== undefined && (d.conditions.length > 0 || d.result !== undefined)) || states?.[k] !== undefined;
  });
}

export interface RuleView {
  /** Index of the condition the rule belongs to, within its kind. */
  condition: number;
  name: string;
  declaration?: RuleDeclaration;
  runtime?: RuleRuntime;
  /** The result the condition engages when this rule fails. */
  result?: string;
}

/** Every rule of a kind, declaration order first, with its latest evaluation on top. */
export function rulesOf(kind: ConditionKind, declared: StageConditionDeclarations | undefined, states: StageConditionStates | undefined): RuleView[] {
  const decl = declared?.[kind];
  const state = states?.[kind];
  const out: RuleView[] = [];
  const count = Math.max(decl?.conditions.length ?? 0, state?.conditions.length ?? 0);
  for (let i = 0; i < count; i++) {
    const d = decl?.conditions[i];
    const rt = state?.conditions[i];
    const names = [...(d?.rules.map((r) => r.name) ?? [])];
    for (const r of rt?.rules ?? []) if (!names.includes(r.name)) names.push(r.name);
    const result = d?.result ?? (decl ? defaultResult(kind) : undefined);
    for (const name of names) {
      const declaration = d?.rules.find((r) => r.name === name);
      const runtime = rt?.rules.find((r) => r.name === name);
      out.push({ condition: i, name, ...(declaration ? { declaration } : {}), ...(runtime ? { runtime } : {}), ...(result ? { result } : {}) });
    }
  }
  return out;
}

export interface ConditionVerdict {
  kind: ConditionKind;
  status: ConditionStatus;
  /** The evaluation's summary, or the first failed rule's message. */
  reason?: string;
  /** What the failed condition engages: FAIL, SKIP, ROLLBACK… */
  result?: string;
  /** The failed rule, when one is known. */
  rule?: string;
}

/** The first failed rule of a kind's latest evaluation, with the result its condition engages. */
function failedRule(kind: ConditionKind, declared: StageConditionDeclarations | undefined, states: StageConditionStates | undefined): RuleView | undefined {
  return rulesOf(kind, declared, states).find((r) => r.runtime?.status === 'Failed' || r.runtime?.status === 'Errored');
}

/**
 * Why a stage is held or went the way it did because of a condition: the latest evaluation that is in
 * progress, failed or was overridden, entry conditions first. Undefined when every condition passed.
 */
export function conditionVerdict(declared: StageConditionDeclarations | undefined, states: StageConditionStates | undefined): ConditionVerdict | undefined {
  for (const kind of CONDITION_KINDS) {
    const state = states?.[kind];
    const status = state?.status;
    if (!state || !status || status === 'Succeeded' || status === 'Unknown') continue;
    const rule = failedRule(kind, declared, states);
    const reason = rule?.runtime?.errorMessage ?? rule?.runtime?.summary ?? state.summary;
    const result = rule?.result ?? (status === 'Failed' ? declared?.[kind]?.result ?? defaultResult(kind) : undefined);
    return { kind, status, ...(reason ? { reason } : {}), ...(result ? { result } : {}), ...(rule ? { rule: rule.name } : {}) };
  }
  return undefined;
}

/**
 * Kinds OverrideStageCondition accepts now, as CodePipeline decides: an evaluation in progress, or
 * one that failed with result FAIL (the execution is held there). Others answer
 * ConditionNotOverridableException.
 */
export function overridableKinds(declared: StageConditionDeclarations | undefined, states: StageConditionStates | undefined): ConditionKind[] {
  return CONDITION_KINDS.filter((kind) => {
    if (!overrideTypeOf(kind)) return false;
    const status = states?.[kind]?.status;
    if (status === 'InProgress') return true;
    if (status !== 'Failed') return false;
    const verdict = failedRule(kind, declared, states);
    return (verdict?.result ?? declared?.[kind]?.result ?? defaultResult(kind)) === 'FAIL';
  });
}
