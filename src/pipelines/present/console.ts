// CodePipeline console links (the partition-aware host and shared links live in src/aws/console.ts).
import { consoleBase, partitionOf } from '../../aws/console';

const enc = encodeURIComponent;

export function pipelineConsoleUrl(region: string, pipeline: string): string {
  return `${consoleBase(region)}/codesuite/codepipeline/pipelines/${enc(pipeline)}/view?region=${enc(region)}`;
}

export function executionConsoleUrl(region: string, pipeline: string, executionId: string): string {
  return `${consoleBase(region)}/codesuite/codepipeline/pipelines/${enc(pipeline)}/executions/${enc(executionId)}/timeline?region=${enc(region)}`;
}

export function pipelineArn(region: string, accountId: string, pipeline: string): string {
  return `arn:${partitionOf(region)}:codepipeline:${region}:${accountId}:${pipeline}`;
}
