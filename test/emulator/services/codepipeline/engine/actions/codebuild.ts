// CodeBuild actions start a real (emulated) build in the action's region; the action ends when the
// build does, with CodePipeline's error details for a failed build.
import { buildFailure, startBuild } from '../../../codebuild/runner';
import { buildUrl } from './urls';
import type { ActionRun } from './index';

function environmentVariables(config: Record<string, string>): { name: string; value: string }[] {
  if (!config.EnvironmentVariables) return [];
  try {
    const parsed = JSON.parse(config.EnvironmentVariables) as unknown;
    if (!Array.isArray(parsed)) return [];
    return parsed.flatMap((v: unknown) => {
      if (typeof v !== 'object' || v === null) return [];
      const { name, value } = v as { name?: unknown; value?: unknown };
      return typeof name === 'string' && typeof value === 'string' ? [{ name, value }] : [];
    });
  } catch {
    return [];
  }
}

export function runCodeBuild(ctx: ActionRun): void {
  const { engine, pipeline, exec, record } = ctx;
  const config = record.resolvedConfiguration;
  const projectName = config.ProjectName ?? `${pipeline.name}-build`;
  const input = record.inputArtifacts[0];
  const running = startBuild(engine.builds, {
    accountId: pipeline.accountId,
    region: record.region,
    projectName,
    sourceVersion: input ? `arn:aws:s3:::${input.s3location.bucket}/${input.s3location.key}` : exec.sourceRevisions[0]?.revisionId ?? 'main',
    ...(exec.sourceRevisions[0] ? { resolvedSourceVersion: exec.sourceRevisions[0].revisionId } : {}),
    initiator: `codepipeline/${pipeline.name}`,
    succeed: ctx.outcome === 'succeed',
    environmentVariables: environmentVariables(config),
    onComplete: (build) => {
      if (build.buildStatus === 'SUCCEEDED') {
        ctx.end('Succeeded', {});
        return;
      }
      const failure = buildFailure(build);
      const detail = failure?.context
        ? `. Phase: ${failure.phase}, Code: ${failure.context.statusCode}, Message: ${failure.context.message}`
        : failure ? `. Phase: ${failure.phase}` : '';
      ctx.end('Failed', { errorDetails: { code: 'JobFailed', message: `Build terminated with state: ${build.buildStatus}${detail}` } });
    },
  });
  const build = running.build;
  record.externalExecutionId = build.id;
  record.externalExecutionUrl = buildUrl(record.region, build.id);
  record.logStreamARN = `arn:aws:logs:${record.region}:${pipeline.accountId}:log-group:${build.logGroupName}:log-stream:${build.logStreamName}`;
  record.abort = () => running.stop();
}
