// Manual approvals wait for PutApprovalResult with the token GetPipelineState shows, and fail after
// 7 days like the real service. Seeded history (forced outcomes) resolves them automatically.
import type { ActionRun } from './index';

const APPROVAL_TIMEOUT_MS = 7 * 24 * 3_600_000;

export function runApproval(ctx: ActionRun): void {
  const { engine, pipeline, record } = ctx;
  record.token = engine.random.uuid();
  if (ctx.forced) {
    const approver = `arn:aws:iam::${pipeline.accountId}:user/release-manager`;
    const timer = engine.clock.setTimeout(() => {
      if (ctx.outcome === 'succeed') ctx.end('Succeeded', { summary: 'Release notes reviewed, approved for production.', updatedBy: approver });
      else ctx.end('Failed', { summary: 'Rejected: error budget exhausted this week.', updatedBy: approver, errorDetails: { code: 'JobFailed', message: 'Rejected by approver' } });
    }, ctx.durationMs ?? engine.random.int(5 * 60_000, 45 * 60_000));
    record.abort = () => timer.cancel();
    return;
  }
  const timer = engine.clock.setTimeout(() => {
    ctx.end('Failed', { summary: 'Approval timed out', errorDetails: { code: 'JobFailed', message: 'The approval request expired after 7 days.' } });
  }, APPROVAL_TIMEOUT_MS);
  record.abort = () => timer.cancel();
}
