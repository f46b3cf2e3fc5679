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

export type ConditionResult = 'ROLLBACK' | 'FAIL' | 'RETRY' | 'SKIP';

/** A rule of a stage condition (CodePipeline rule reference: category Rule, owner AWS). */
export interface RuleDeclaration {
  name: string;
  ruleTypeId: { category: 'Rule'; owner?: 'AWS'; provider: string; version?: string };
  configuration?: Record<string, string>;
  commands?: string[];
  inputArtifacts?: { name: string }[];
  roleArn?: string;
  region?: string;
  timeoutInMinutes?: number;
}

export interface ConditionDeclaration {
  result?: ConditionResult;
  rules?: RuleDeclaration[];
}

export interface StageDeclaration {
  name: string;
  blockers?: { name: string; type: 'Schedule' }[];
  actions: ActionDeclaration[];
  onFailure?: { result?: ConditionResult; retryConfiguration?: { retryMode?: 'FAILED_ACTIONS' | 'ALL_ACTIONS' }; conditions?: ConditionDeclaration[] };
  onSuccess?: { conditions: ConditionDeclaration[] };
  beforeEntry?: { conditions: ConditionDeclaration[] };
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

/** Glob patterns (`*`, `**`, `?`) that a branch, tag or changed file path must (not) match. */
export interface GitFilterCriteria {
  includes?: string[];
  excludes?: string[];
}

export interface PipelineTriggerDeclaration {
  providerType: 'CodeStarSourceConnection';
  gitConfiguration: {
    sourceActionName: string;
    push?: { branches?: GitFilterCriteria; tags?: GitFilterCriteria; filePaths?: GitFilterCriteria }[];
    pullRequest?: { events?: ('OPEN' | 'UPDATED' | 'CLOSED')[]; branches?: GitFilterCriteria; filePaths?: GitFilterCriteria }[];
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
