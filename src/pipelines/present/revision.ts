import type { SourceRevisionInfo } from '../model/types';

/**
 * The commit message in a source revision summary. CodeStar connections (GitHub, Bitbucket, GitLab)
 * send JSON such as {"ProviderType":"GitHub","CommitMessage":"Fix…"}; CodeCommit sends the message itself.
 */
export function commitMessageOf(summary: string | undefined): string | undefined {
  if (!summary) return undefined;
  const trimmed = summary.trim();
  if (trimmed.startsWith('{')) {
    try {
      const parsed: unknown = JSON.parse(trimmed);
      if (parsed && typeof parsed === 'object') {
        const message = (parsed as Record<string, unknown>).CommitMessage ?? (parsed as Record<string, unknown>).commitMessage;
        if (typeof message === 'string') return message.trim();
      }
    } catch {
      // Not JSON after all: fall through and show it as it is.
    }
  }
  return trimmed;
}

/** First line of a commit message, shortened for one-line places. */
export function firstLine(text: string, max = 72): string {
  const line = text.split(/\r?\n/, 1)[0] ?? '';
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** Git-like short form of a revision id: 7 characters of a commit SHA, the whole id otherwise. */
export function shortRevision(id: string | undefined): string {
  if (!id) return '';
  if (/^[0-9a-f]{40}$/i.test(id)) return id.slice(0, 7);
  if (/^sha256:[0-9a-f]{64}$/i.test(id)) return id.slice(0, 19);
  return id.length > 24 ? `${id.slice(0, 23)}…` : id;
}

/** "abc1234 Fix login" for the first source revision of an execution. */
export function revisionLine(rev: SourceRevisionInfo | undefined): string | undefined {
  if (!rev?.revisionId) return undefined;
  const message = commitMessageOf(rev.revisionSummary);
  return message ? `${shortRevision(rev.revisionId)} ${firstLine(message)}` : shortRevision(rev.revisionId);
}
