// "Your commit": where the workspace's HEAD commit is in the pipelines that built it.
import { positionOf } from '../model/queries';
import { isActive, type ExecutionStatus, type ExecutionSummary, type PipelineKey, type PipelineRuntime } from '../model/types';
import { escapeMarkdown, inlineCode } from '../../core/markdown';
import { statusGlyph, statusPhrase } from '../present/status';

/** Same commit: equal ignoring case, or one is an abbreviation (at least 7 characters) of the other. */
export function sameRevision(head: string, revisionId: string | undefined): boolean {
  if (!revisionId) return false;
  const a = head.trim().toLowerCase();
  const b = revisionId.trim().toLowerCase();
  if (!a || !b) return false;
  if (a === b) return true;
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  return short.length >= 7 && /^[0-9a-f]+$/.test(short) && long.startsWith(short);
}

export interface CommitCandidate {
  key: PipelineKey;
  /** Newest first. */
  recent?: readonly ExecutionSummary[];
  runtime?: PipelineRuntime;
}

export interface CommitMatch {
  key: PipelineKey;
  execution: ExecutionSummary;
  /** The furthest stage the execution reached, when the pipeline's state is known. */
  stage?: { name: string; status: ExecutionStatus };
}

/** For each pipeline, the newest execution whose source revisions include `head`. */
export function findCommit(head: string, candidates: readonly CommitCandidate[]): CommitMatch[] {
  const out: CommitMatch[] = [];
  for (const c of candidates) {
    const execution = c.recent?.find((x) => x.sourceRevisions.some((r) => sameRevision(head, r.revisionId)));
    if (!execution) continue;
    const pos = positionOf(c.runtime, execution.id);
    out.push({ key: c.key, execution, ...(pos ? { stage: { name: pos.stageName, status: pos.status } } : {}) });
  }
  return rankMatches(out);
}

function rank(m: CommitMatch): number {
  if (isActive(m.execution.status)) return 0;
  if (m.execution.status === 'Failed') return 1;
  return 2;
}

/** Running first, then failed, then the most recently updated. */
export function rankMatches(matches: readonly CommitMatch[]): CommitMatch[] {
  return [...matches].sort((a, b) => rank(a) - rank(b)
    || (b.execution.lastUpdateTime ?? b.execution.startTime ?? 0) - (a.execution.lastUpdateTime ?? a.execution.startTime ?? 0)
    || a.key.name.localeCompare(b.key.name));
}

/** The stage the commit is in (or last reached) and its status, or the whole execution's status once it is over. */
function where(m: CommitMatch): { stage?: string; status: ExecutionStatus } {
  if (m.stage && isActive(m.execution.status)) return { stage: m.stage.name, status: m.stage.status };
  if (m.stage && m.execution.status === 'Failed' && m.stage.status === 'Failed') return { stage: m.stage.name, status: 'Failed' };
  if (m.stage && m.execution.status === 'Succeeded') return { stage: m.stage.name, status: 'Succeeded' };
  return { status: m.execution.status };
}

/**
 * "abc1234 → web / Prod: in progress" (+N when several pipelines built the commit): always the
 * pipeline, then the stage when one is known, so the item never switches between naming a stage and
 * naming a pipeline.
 */
export function commitStatusText(head: string, matches: readonly CommitMatch[]): string | undefined {
  const top = matches[0];
  if (!top) return undefined;
  const { stage, status } = where(top);
  const more = matches.length > 1 ? ` (+${matches.length - 1})` : '';
  return `${statusGlyph(status)} ${head.slice(0, 7)} → ${top.key.name}${stage ? ` / ${stage}` : ''}: ${statusPhrase(status)}${more}`;
}

/** One markdown line per pipeline that built the commit. */
export function commitTooltip(head: string, matches: readonly CommitMatch[], targetLabel: (target: string) => string, multiTarget: boolean): string {
  const lines = [`**Your commit** ${inlineCode(head.slice(0, 12))}`];
  for (const m of matches) {
    const { stage, status } = where(m);
    const pipeline = multiTarget ? `${escapeMarkdown(m.key.name)} (${escapeMarkdown(targetLabel(m.key.target))})` : escapeMarkdown(m.key.name);
    const at = stage ? ` → ${escapeMarkdown(stage)}` : '';
    lines.push(`${statusGlyph(status)} ${pipeline}${at}: ${statusPhrase(status)} · execution ${inlineCode(m.execution.id.slice(0, 8))}`);
  }
  return lines.join('\n\n');
}
