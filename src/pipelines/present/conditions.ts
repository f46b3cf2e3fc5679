// How V2 stage conditions look in the tree: a node per kind (entry, success, failure) with the latest
// evaluation, a node per rule with its result, and what a stage row says when a condition held it,
// failed it or rolled it back.
import { formatAgo } from '../../core/format';
import { escapeMarkdown, inlineCode, link } from '../../core/markdown';
import type { IconSpec, NodePresentation } from '../../core/tree';
import {
  CONDITION_KIND_LABELS,
  conditionVerdict,
  overridableKinds,
  rulesOf,
  type ConditionKind,
  type ConditionStatus,
  type ConditionVerdict,
} from '../model/conditions';
import type { StageView } from '../model/queries';

const ICONS: Record<ConditionStatus, IconSpec> = {
  InProgress: { id: 'sync~spin', color: 'charts.blue' },
  Succeeded: { id: 'pass', color: 'testing.iconPassed' },
  Failed: { id: 'error', color: 'testing.iconFailed' },
  Errored: { id: 'error', color: 'testing.iconErrored' },
  Overridden: { id: 'debug-step-over', color: 'charts.yellow' },
  Cancelled: { id: 'circle-slash', color: 'testing.iconSkipped' },
  Abandoned: { id: 'circle-slash', color: 'testing.iconSkipped' },
  Unknown: { id: 'circle-outline' },
};

const LABELS: Record<ConditionStatus, string> = {
  InProgress: 'Evaluating', Succeeded: 'Passed', Failed: 'Failed', Errored: 'Errored', Overridden: 'Overridden',
  Cancelled: 'Cancelled', Abandoned: 'Abandoned', Unknown: 'Unknown',
};

export function conditionIcon(status: ConditionStatus | undefined): IconSpec {
  return status ? ICONS[status] : { id: 'shield' };
}

export function conditionStatusLabel(status: ConditionStatus | undefined): string {
  return status ? LABELS[status] : 'Not evaluated yet';
}

const RESULT_WORDS: Record<string, string> = { FAIL: 'fails the stage', SKIP: 'skips the stage', ROLLBACK: 'rolls the stage back', RETRY: 'retries the stage' };

/** "fails the stage" for FAIL etc. */
export function resultPhrase(result: string | undefined): string {
  return result ? RESULT_WORDS[result] ?? result : '';
}

/** A sentence for a stage row's tooltip and notifications: why the stage is where it is. */
export function verdictSentence(v: ConditionVerdict): string {
  const what = CONDITION_KIND_LABELS[v.kind].replace(/s$/, '').toLowerCase();
  const because = v.reason ? `: ${v.reason}` : '';
  switch (v.status) {
    case 'InProgress':
      return `Waiting for its ${what}${v.reason ? ` (${v.reason})` : ''}`;
    case 'Overridden':
      return `Its ${what} was overridden`;
    case 'Failed':
    case 'Errored':
      if (v.kind === 'beforeEntry') return `${v.result === 'SKIP' ? 'Skipped by' : 'Blocked by'} its ${what}${because}`;
      if (v.result === 'ROLLBACK') return `Rolled back by its ${what}${because}`;
      return `Failed by its ${what}${because}`;
    default:
      return `${conditionStatusLabel(v.status)} ${what}${because}`;
  }
}

/** The short form for a stage row's description. */
function verdictShort(v: ConditionVerdict): string {
  switch (v.status) {
    case 'InProgress':
      return v.kind === 'beforeEntry' ? 'Checking entry conditions' : 'Checking conditions';
    case 'Overridden':
      return 'Condition overridden';
    case 'Failed':
    case 'Errored':
      if (v.kind === 'beforeEntry') return `${v.result === 'SKIP' ? 'Skipped' : 'Blocked'}${v.rule ? ` by ${v.rule}` : ''}`;
      return v.result === 'ROLLBACK' ? `Rolled back${v.rule ? ` by ${v.rule}` : ''}` : `Failed${v.rule ? ` by ${v.rule}` : ''}`;
    default:
      return '';
  }
}

export interface StageV2Parts {
  /** Comes first in the stage row's description, e.g. "Blocked by NoNatErrors", "Rollback". */
  description: string[];
  tooltip: string[];
  flags: string[];
  icon?: IconSpec;
}

/** What conditions, rollbacks and waiting executions add to a stage row. */
export function stageV2Parts(stage: StageView | undefined, opts: { v2: boolean; first: boolean; now: number }): StageV2Parts {
  const out: StageV2Parts = { description: [], tooltip: [], flags: [] };
  const rt = stage?.runtime;
  const verdict = conditionVerdict(stage?.declaration?.conditions, rt?.conditions);
  // A rollback enters the stage without evaluating its entry conditions: their state is an earlier run's.
  const rollingBack = rt?.latestExecutionType === 'ROLLBACK';
  if (verdict && verdict.kind === 'beforeEntry' && rollingBack) {
    out.tooltip.push(`$(shield) Entry conditions are not evaluated for a rollback; for the run before it: ${escapeMarkdown(verdictSentence(verdict))}`);
  } else if (verdict) {
    out.description.push(verdictShort(verdict));
    out.tooltip.push(`$(shield) ${escapeMarkdown(verdictSentence(verdict))}${verdict.result ? ` (result ${inlineCode(verdict.result)})` : ''}`);
    if (verdict.kind === 'beforeEntry' && (verdict.status === 'Failed' || verdict.status === 'Errored') && verdict.result !== 'SKIP') {
      out.icon = { id: 'shield', color: 'testing.iconFailed' };
    }
  }
  if (rt?.latestExecutionType === 'ROLLBACK') {
    out.description.push('Rollback');
    out.tooltip.push('$(history) Its latest run was a rollback to an earlier execution\'s revisions.');
  }
  const waiting = rt?.waiting ?? [];
  if (waiting.length) {
    out.description.push(`${waiting.length} waiting`);
    out.tooltip.push(`$(clock) Waiting to enter: ${waiting.map((w) => inlineCode(w.executionId.slice(0, 8))).join(', ')}`);
  }
  if (overridableKinds(stage?.declaration?.conditions, rt?.conditions).length && rt?.latestExecutionId) out.flags.push('overridable');
  if (opts.v2 && !opts.first) out.flags.push('rollbackable');
  return out;
}

export function presentCondition(id: string, kind: ConditionKind, stage: StageView | undefined, now: number): NodePresentation {
  const decl = stage?.declaration?.conditions?.[kind];
  const state = stage?.runtime?.conditions?.[kind];
  const rules = rulesOf(kind, stage?.declaration?.conditions, stage?.runtime?.conditions);
  const when = Math.max(0, ...(state?.conditions ?? []).map((c) => c.lastStatusChange ?? 0));
  const overridable = overridableKinds(stage?.declaration?.conditions, stage?.runtime?.conditions).includes(kind);
  const description = [
    conditionStatusLabel(state?.status),
    when ? formatAgo(when, now) : '',
    state?.status === 'Failed' || state?.status === 'Errored' ? state.summary ?? '' : '',
  ].filter(Boolean).join(' · ');
  const lines = [`**${escapeMarkdown(CONDITION_KIND_LABELS[kind])}** of ${escapeMarkdown(stage?.name ?? '')}`];
  if (state?.summary) lines.push(`${`$(${conditionIcon(state.status).id})`} ${escapeMarkdown(state.summary)}`);
  if (kind === 'onFailure' && decl?.result) {
    lines.push(`When the stage fails: ${escapeMarkdown(resultPhrase(decl.result))}${decl.retryMode ? ` (${escapeMarkdown(decl.retryMode)})` : ''}`);
  }
  decl?.conditions.forEach((c, i) => {
    lines.push(`Condition ${i + 1}: ${c.rules.map((r) => `${escapeMarkdown(r.name)} (${escapeMarkdown(r.provider)})`).join(', ')}`
      + ` — if a rule fails, ${escapeMarkdown(resultPhrase(c.result ?? (kind === 'onFailure' ? 'ROLLBACK' : 'FAIL')))}`);
  });
  if (overridable) lines.push('_Override Stage Condition lets the execution go on._');
  return {
    id, label: CONDITION_KIND_LABELS[kind], description, icon: conditionIcon(state?.status), tooltip: lines.join('\n\n'),
    contextValue: ['condition', kind, ...(overridable ? ['overridable'] : [])].join(':'),
    collapsible: rules.length ? (state?.status === 'Failed' || state?.status === 'InProgress' ? 'expanded' : 'collapsed') : 'none',
  };
}

export function presentRule(id: string, kind: ConditionKind, index: number, ruleName: string, stage: StageView | undefined, now: number): NodePresentation {
  const rule = rulesOf(kind, stage?.declaration?.conditions, stage?.runtime?.conditions).find((r) => r.condition === index && r.name === ruleName);
  const rt = rule?.runtime;
  const provider = rule?.declaration?.provider;
  const message = rt?.errorMessage ?? rt?.summary;
  const description = [provider, conditionStatusLabel(rt?.status), rt?.lastStatusChange ? formatAgo(rt.lastStatusChange, now) : '', message ?? '']
    .filter(Boolean).join(' · ');
  const lines = [`**${escapeMarkdown(ruleName)}**${provider ? ` · ${escapeMarkdown(provider)}` : ''}`];
  lines.push(`$(${conditionIcon(rt?.status).id}) ${escapeMarkdown(conditionStatusLabel(rt?.status))}${message ? ` — ${escapeMarkdown(message)}` : ''}`);
  if (rule?.result) lines.push(`If it fails, the condition ${escapeMarkdown(resultPhrase(rule.result))}.`);
  const config = rule?.declaration?.configuration ?? {};
  const keys = Object.keys(config).filter((k) => !/token|secret|password/i.test(k)).slice(0, 6);
  if (keys.length) lines.push(keys.map((k) => `${escapeMarkdown(k)}: ${inlineCode(config[k] ?? '')}`).join('  \n'));
  if (rt?.externalExecutionUrl) lines.push(link('Open the rule\'s details', rt.externalExecutionUrl));
  else if (rt?.entityUrl) lines.push(link('Open the resource', rt.entityUrl));
  return {
    id, label: ruleName, description, icon: conditionIcon(rt?.status), tooltip: lines.join('\n\n'),
    contextValue: ['rule', ...(rt?.externalExecutionUrl || rt?.entityUrl ? ['link'] : [])].join(':'), collapsible: 'none',
  };
}
