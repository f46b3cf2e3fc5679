// Plain model records for the pipelines unit tests.
import type { ActionRuntime, ExecutionSummary, PipelineRuntime, PipelineStructure, StageRuntime } from '../../../src/pipelines/model/types';

export const T = JSON.stringify(['demo', 'us-east-1']);

export function action(name: string, over: Partial<ActionRuntime> = {}): ActionRuntime {
  return { name, status: 'Succeeded', lastStatusChange: 1_700_000_000_000, ...over };
}

export function stage(name: string, actions: ActionRuntime[], over: Partial<StageRuntime> = {}): StageRuntime {
  return { name, inbound: { enabled: true }, latestExecutionId: 'exec-1', status: 'Succeeded', actions, ...over };
}

export function runtime(stages: StageRuntime[], version = 1): PipelineRuntime {
  return { version, stages };
}

export function standardRuntime(): PipelineRuntime {
  return runtime([
    stage('Source', [action('Source')]),
    stage('Build', [action('Build', { externalExecutionId: 'web-build:0b6f4f1e-1c2d-4e5f-8a9b-0c1d2e3f4a5b' })]),
    stage('Prod', [action('Approve', { status: 'InProgress', token: 'tok-1' }), { name: 'Deploy', lastStatusChange: 1_700_000_000_000 }], { status: 'InProgress' }),
  ]);
}

export function structure(): PipelineStructure {
  return {
    name: 'web', version: 1, arn: 'arn:aws:codepipeline:us-east-1:111111111111:web', pipelineType: 'V2',
    variables: [{ name: 'ENV', defaultValue: 'prod' }],
    stages: [
      { name: 'Source', actions: [{ name: 'Source', category: 'Source', owner: 'AWS', provider: 'CodeStarSourceConnection', runOrder: 1, configuration: { FullRepositoryId: 'acme/web', BranchName: 'main' } }] },
      { name: 'Build', actions: [{ name: 'Build', category: 'Build', owner: 'AWS', provider: 'CodeBuild', runOrder: 1, configuration: { ProjectName: 'web-build' } }] },
      { name: 'Prod', actions: [
        { name: 'Deploy', category: 'Deploy', owner: 'AWS', provider: 'ECS', runOrder: 2, configuration: {} },
        { name: 'Approve', category: 'Approval', owner: 'AWS', provider: 'Manual', runOrder: 1, configuration: {} },
      ] },
    ],
  };
}

export function execution(id: string, over: Partial<ExecutionSummary> = {}): ExecutionSummary {
  return {
    id, status: 'Succeeded', startTime: 1_700_000_000_000, lastUpdateTime: 1_700_000_300_000,
    sourceRevisions: [{ actionName: 'Source', revisionId: 'a'.repeat(40), revisionSummary: '{"ProviderType":"GitHub","CommitMessage":"Fix the login page\\n\\nLonger body"}', revisionUrl: 'https://github.com/acme/web/commit/aaaa' }],
    triggerType: 'Webhook', triggerDetail: 'arn:aws:codestar-connections:us-east-1:111111111111:connection/x',
    ...over,
  };
}
