// Source actions: the revision was fixed when the execution started (head of the branch, or the
// sourceRevisions override); the action "fetches" it and publishes the source output variables.
import type { SourceRevisionRecord } from '../../model/records';
import type { ActionRun } from './index';

function outputVariables(provider: string, config: Record<string, string>, rev: SourceRevisionRecord, message: string): Record<string, string> {
  const date = new Date(rev.created).toISOString().replace(/\.\d{3}Z$/, 'Z');
  if (provider === 'CodeStarSourceConnection') {
    return {
      AuthorDate: date, BranchName: rev.branch ?? config.BranchName ?? 'main', CommitId: rev.revisionId, CommitMessage: message,
      ConnectionArn: config.ConnectionArn ?? '', FullRepositoryId: config.FullRepositoryId ?? '', ProviderType: 'GitHub',
    };
  }
  if (provider === 'CodeCommit') {
    return {
      AuthorDate: date, BranchName: config.BranchName ?? 'main', CommitId: rev.revisionId, CommitMessage: message,
      CommitterDate: date, RepositoryName: config.RepositoryName ?? '',
    };
  }
  return { ETag: rev.revisionId.slice(0, 32), VersionId: rev.revisionId };
}

export function runSource(ctx: ActionRun): void {
  const { engine, pipeline, exec, action, record } = ctx;
  const duration = ctx.durationMs ?? engine.random.int(3_000, 9_000);
  const timer = engine.clock.setTimeout(() => {
    const rev = exec.sourceRevisions.find((r) => r.actionName === action.name);
    if (ctx.outcome === 'fail' || !rev) {
      const repo = pipeline.repositories.get(action.name)?.name ?? action.name;
      ctx.end('Failed', {
        errorDetails: { code: 'JobFailed', message: `Could not access the repository ${repo}. Check that the connection is available and the branch exists.` },
      });
      return;
    }
    const provider = action.actionTypeId.provider;
    const slot = pipeline.stages.find((s) => s.name === record.stageName);
    slot?.currentRevision.set(action.name, { revisionId: rev.revisionId, revisionChangeId: rev.revisionId, created: rev.created });
    const message = pipeline.repositories.get(action.name)?.commits.find((c) => c.id === rev.revisionId)?.message ?? rev.revisionSummary;
    ctx.end('Succeeded', {
      summary: rev.revisionSummary,
      externalExecutionId: rev.revisionId,
      externalExecutionSummary: rev.revisionSummary,
      ...(rev.revisionUrl ? { externalExecutionUrl: rev.revisionUrl } : {}),
      outputVariables: outputVariables(provider, record.resolvedConfiguration, rev, message),
    });
  }, duration);
  record.abort = () => timer.cancel();
}
