// Git events from a source repository (through a CodeStar connection): a push or a pull request.
// V2 pipelines with triggers start an execution when a trigger's filters match (branches, tags and
// changed file paths as glob patterns, pull request events); V2 pipelines without triggers, and V1
// pipelines, start one on a push to the source action's branch. The execution's trigger is WebhookV2
// (Webhook for V1) with the connection ARN as detail; its source revision is the event's commit.
import type { GitFilterCriteria, PipelineTriggerDeclaration } from '../model/declaration';
import { currentDeclaration, type ExecutionRecord, type PipelineRecord } from '../model/records';
import type { Commit } from '../model/source-repo';
import type { Engine } from './engine';

export type GitEvent =
  | { type: 'push'; branch: string; tag?: string; commit: Commit; filePaths: string[]; repository?: string }
  | {
    type: 'pullRequest'; event: 'OPEN' | 'UPDATED' | 'CLOSED'; pullRequestId: string; title?: string;
    sourceBranch: string; destinationBranch: string; commit: Commit; filePaths: string[]; repository?: string;
  };

/** Glob as CodePipeline triggers use it: `*` within a path segment, `**` across segments, `?` one character. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      re += '.*';
      i++;
      if (glob[i + 1] === '/') i++;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

function matchesOne(criteria: GitFilterCriteria | undefined, value: string | undefined): boolean {
  if (!criteria) return true;
  if (value === undefined) return false;
  const included = !criteria.includes?.length || criteria.includes.some((g) => globToRegExp(g).test(value));
  return included && !(criteria.excludes ?? []).some((g) => globToRegExp(g).test(value));
}

/** At least one changed file is included and not excluded. */
function matchesFiles(criteria: GitFilterCriteria | undefined, files: string[]): boolean {
  if (!criteria) return true;
  return files.some((f) => matchesOne(criteria, f));
}

function triggerMatches(t: PipelineTriggerDeclaration, e: GitEvent): boolean {
  const git = t.gitConfiguration;
  if (e.type === 'push') {
    return (git.push ?? []).some((f) => (e.tag ? f.tags !== undefined && matchesOne(f.tags, e.tag) : !f.tags && matchesOne(f.branches, e.branch)) &&
      matchesFiles(f.filePaths, e.filePaths));
  }
  return (git.pullRequest ?? []).some((f) => (f.events ?? ['OPEN', 'UPDATED']).includes(e.event) &&
    matchesOne(f.branches, e.destinationBranch) && matchesFiles(f.filePaths, e.filePaths));
}

export function gitEvent(engine: Engine, p: PipelineRecord, e: GitEvent): ExecutionRecord[] {
  const decl = currentDeclaration(p);
  const v2 = decl.pipelineType === 'V2';
  const sources = decl.stages[0]!.actions.filter((a) => a.actionTypeId.provider === 'CodeStarSourceConnection' &&
    (!e.repository || a.configuration?.FullRepositoryId === e.repository));
  const started: ExecutionRecord[] = [];
  for (const action of sources) {
    const triggers = v2 ? (decl.triggers ?? []).filter((t) => t.gitConfiguration.sourceActionName === action.name) : [];
    const selected = triggers.length > 0
      ? triggers.some((t) => triggerMatches(t, e))
      : e.type === 'push' && !e.tag && e.branch === (action.configuration?.BranchName ?? 'main');
    if (!selected) continue;
    const repo = p.repositories.get(action.name);
    if (repo && !repo.commits.some((c) => c.id === e.commit.id)) {
      // A pull request's commit is not on the tracked branch: keep it findable without moving the head.
      if (e.type === 'push' && e.branch === repo.branch) repo.commits.push(e.commit);
      else repo.commits.unshift(e.commit);
    }
    const summaryExtra: Record<string, string> = e.type === 'push'
      ? { BranchName: e.branch, ...(e.tag ? { TagName: e.tag } : {}) }
      : {
        BranchName: e.sourceBranch, PullRequestId: e.pullRequestId, PullRequestEvent: e.event,
        DestinationBranchName: e.destinationBranch, ...(e.title ? { PullRequestTitle: e.title } : {}),
      };
    started.push(engine.start(p, {
      trigger: { triggerType: v2 ? 'WebhookV2' : 'Webhook', triggerDetail: action.configuration?.ConnectionArn ?? '' },
      sourceRevisions: [{ actionName: action.name, revisionType: 'COMMIT_ID', revisionValue: e.commit.id }],
      summaryExtra,
    }));
  }
  return started;
}
