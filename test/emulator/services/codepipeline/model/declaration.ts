// The pipeline declaration as GetPipeline returns it (Smithy shapes of CodePipeline 2015-07-09).

export type ActionCategory = 'Source' | 'Build' | 'Deploy' | 'Test' | 'Invoke' | 'Approval' | 'Compute';
export type ExecutionMode = 'QUEUED' | 'SUPERSEDED' | 'PARALLEL';
export type PipelineType = 'V1' | 'V2';

export interface ActionTypeId {
  category: ActionCategory;
  owner: 'AWS' | 'ThirdParty' | 'Custom';
  provider: string;
  version: string;
}

export interface ActionDeclaration {
  name: string;
  actionTypeId: ActionTypeId;
  runOrder?: number;
  configuration?: Record<string, string>;
  commands?: string[];
  outputArtifacts?: { name: string; files?: string[] }[];
  inputArtifacts?: { name: string }[];
  outputVariables?: string[];
  roleArn?: string;
  region?: string;
  namespace?: string;
  timeoutInMinutes?: number;
  environmentVariables?: { name: string; value: string }[];
}

export interface StageDeclaration {
  name: string;
  blockers?: { name: string; type: 'Schedule' }[];
  actions: ActionDeclaration[];
  onFailure?: { result?: 'ROLLBACK' | 'FAIL' | 'RETRY' | 'SKIP'; retryConfiguration?: { retryMode?: 'FAILED_ACTIONS' | 'ALL_ACTIONS' } };
}

export interface ArtifactStore {
  type: 'S3';
  location: string;
  encryptionKey?: { id: string; type: 'KMS' };
}

export interface PipelineVariableDeclaration {
  name: string;
  defaultValue?: string;
  description?: string;
}

export interface PipelineTriggerDeclaration {
  providerType: 'CodeStarSourceConnection';
  gitConfiguration: {
    sourceActionName: string;
    push?: { branches?: { includes?: string[]; excludes?: string[] }; tags?: { includes?: string[]; excludes?: string[] } }[];
    pullRequest?: { events?: ('OPEN' | 'UPDATED' | 'CLOSED')[]; branches?: { includes?: string[]; excludes?: string[] } }[];
  };
}

export interface PipelineDeclaration {
  name: string;
  roleArn: string;
  artifactStore?: ArtifactStore;
  artifactStores?: Record<string, ArtifactStore>;
  stages: StageDeclaration[];
  version?: number;
  executionMode?: ExecutionMode;
  pipelineType?: PipelineType;
  variables?: PipelineVariableDeclaration[];
  triggers?: PipelineTriggerDeclaration[];
}
