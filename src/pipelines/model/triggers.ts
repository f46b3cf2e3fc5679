// V2 Git triggers as a pipeline declares them, and what a Git-triggered execution says about the push
// or pull request that started it (its source revision summary).

export interface GitFilter {
  includes: string[];
  excludes: string[];
}

export interface GitPushFilter {
  branches?: GitFilter;
  tags?: GitFilter;
  filePaths?: GitFilter;
}

export interface GitPullRequestFilter {
  /** OPEN, UPDATED, CLOSED. */
  events: string[];
  branches?: GitFilter;
  filePaths?: GitFilter;
}

export interface TriggerDeclaration {
  providerType: string;
  sourceActionName?: string;
  push: GitPushFilter[];
  pullRequest: GitPullRequestFilter[];
}

/** The push or pull request behind a Git-triggered execution, from its source revision summary. */
export interface GitEvent {
  kind: 'push' | 'pullRequest';
  branch?: string;
  tag?: string;
  pullRequestId?: string;
  /** OPEN, UPDATED, CLOSED. */
  pullRequestEvent?: string;
  destinationBranch?: string;
  title?: string;
}

function str(o: Record<string, unknown>, key: string): string | undefined {
  const v = o[key];
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/**
 * CodeStar connections put the Git event into the revision summary as JSON (ProviderType,
 * CommitMessage, BranchName, PullRequestId…). Undefined for a plain commit message.
 */
export function gitEventOf(summary: string | undefined): GitEvent | undefined {
  const trimmed = summary?.trim();
  if (!trimmed?.startsWith('{')) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const o = parsed as Record<string, unknown>;
  const branch = str(o, 'BranchName');
  const tag = str(o, 'TagName');
  const pullRequestId = str(o, 'PullRequestId');
  if (pullRequestId) {
    const event = str(o, 'PullRequestEvent');
    const destination = str(o, 'DestinationBranchName');
    const title = str(o, 'PullRequestTitle');
    return {
      kind: 'pullRequest', pullRequestId,
      ...(branch ? { branch } : {}), ...(event ? { pullRequestEvent: event } : {}),
      ...(destination ? { destinationBranch: destination } : {}), ...(title ? { title } : {}),
    };
  }
  if (!branch && !tag) return undefined;
  return { kind: 'push', ...(branch ? { branch } : {}), ...(tag ? { tag } : {}) };
}

/** Glob as CodePipeline's trigger filters use it: `*` within a path segment, `**` across, `?` one character. */
export function globMatches(glob: string, value: string): boolean {
  let pattern = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] ?? '';
    if (c === '*' && glob[i + 1] === '*') {
      pattern += '.*';
      i++;
      if (glob[i + 1] === '/') i++;
    } else if (c === '*') {
      pattern += '[^/]*';
    } else if (c === '?') {
      pattern += '[^/]';
    } else {
      pattern += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
  }
  return new RegExp(`^${pattern}$`).test(value);
}

function passes(filter: GitFilter | undefined, value: string | undefined): boolean {
  if (!filter) return true;
  if (value === undefined) return false;
  if (filter.excludes.some((g) => globMatches(g, value))) return false;
  return filter.includes.length === 0 || filter.includes.some((g) => globMatches(g, value));
}

/** The trigger filters an event could have matched (branches, tags and PR events; file paths are not in the event). */
export function matchingFilters(triggers: readonly TriggerDeclaration[], event: GitEvent): (GitPushFilter | GitPullRequestFilter)[] {
  const out: (GitPushFilter | GitPullRequestFilter)[] = [];
  for (const t of triggers) {
    if (event.kind === 'push') {
      for (const f of t.push) {
        if (event.tag !== undefined ? f.tags !== undefined && passes(f.tags, event.tag) : passes(f.branches, event.branch) && f.tags === undefined) out.push(f);
      }
    } else {
      for (const f of t.pullRequest) {
        const events = f.events.length ? f.events : ['OPEN', 'UPDATED'];
        if ((!event.pullRequestEvent || events.includes(event.pullRequestEvent)) && passes(f.branches, event.destinationBranch)) out.push(f);
      }
    }
  }
  return out;
}
