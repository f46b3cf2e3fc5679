// Small builders for realistic pipeline declarations.
import type { ActionDeclaration, PipelineDeclaration, RuleDeclaration, StageDeclaration } from '../model/declaration';

export interface Account {
  accountId: string;
  region: string;
}

export const connectionArn = (a: Account): string =>
  `arn:aws:codestar-connections:${a.region}:${a.accountId}:connection/7d2c5a0e-3f1b-4c8e-9a6d-2b4f8e1c0a93`;

export function githubSource(a: Account, repo: string, branch = 'main', name = 'Source'): ActionDeclaration {
  return {
    name,
    actionTypeId: { category: 'Source', owner: 'AWS', provider: 'CodeStarSourceConnection', version: '1' },
    runOrder: 1,
    configuration: { ConnectionArn: connectionArn(a), FullRepositoryId: repo, BranchName: branch, OutputArtifactFormat: 'CODE_ZIP', DetectChanges: 'true' },
    outputArtifacts: [{ name: 'SourceArtifact' }],
    inputArtifacts: [],
    namespace: 'SourceVariables',
  };
}

export function codecommitSource(repo: string, branch = 'main', name = 'Source'): ActionDeclaration {
  return {
    name,
    actionTypeId: { category: 'Source', owner: 'AWS', provider: 'CodeCommit', version: '1' },
    runOrder: 1,
    configuration: { RepositoryName: repo, BranchName: branch, PollForSourceChanges: 'false', OutputArtifactFormat: 'CODE_ZIP' },
    outputArtifacts: [{ name: 'SourceArtifact' }],
    inputArtifacts: [],
    namespace: 'SourceVariables',
  };
}

export function s3Source(bucket: string, key: string, name = 'Source'): ActionDeclaration {
  return {
    name,
    actionTypeId: { category: 'Source', owner: 'AWS', provider: 'S3', version: '1' },
    runOrder: 1,
    configuration: { S3Bucket: bucket, S3ObjectKey: key, PollForSourceChanges: 'false' },
    outputArtifacts: [{ name: 'SourceArtifact' }],
    inputArtifacts: [],
  };
}

export function codebuild(name: string, project: string, options: { input?: string; output?: string; runOrder?: number; region?: string; category?: 'Build' | 'Test'; env?: { name: string; value: string }[] } = {}): ActionDeclaration {
  return {
    name,
    actionTypeId: { category: options.category ?? 'Build', owner: 'AWS', provider: 'CodeBuild', version: '1' },
    runOrder: options.runOrder ?? 1,
    configuration: {
      ProjectName: project,
      ...(options.env ? { EnvironmentVariables: JSON.stringify(options.env.map((e) => ({ ...e, type: 'PLAINTEXT' }))) } : {}),
    },
    inputArtifacts: [{ name: options.input ?? 'SourceArtifact' }],
    outputArtifacts: options.output ? [{ name: options.output }] : [],
    ...(options.region ? { region: options.region } : {}),
    namespace: `${name.replace(/[^A-Za-z0-9]/g, '')}Variables`,
  };
}

export function ecsDeploy(name: string, cluster: string, service: string, input = 'BuildArtifact', runOrder = 1): ActionDeclaration {
  return {
    name,
    actionTypeId: { category: 'Deploy', owner: 'AWS', provider: 'ECS', version: '1' },
    runOrder,
    configuration: { ClusterName: cluster, ServiceName: service, FileName: 'imagedefinitions.json', DeploymentTimeout: '15' },
    inputArtifacts: [{ name: input }],
    outputArtifacts: [],
  };
}

export function codedeploy(name: string, application: string, group: string, input = 'BuildArtifact'): ActionDeclaration {
  return {
    name,
    actionTypeId: { category: 'Deploy', owner: 'AWS', provider: 'CodeDeploy', version: '1' },
    runOrder: 1,
    configuration: { ApplicationName: application, DeploymentGroupName: group },
    inputArtifacts: [{ name: input }],
    outputArtifacts: [],
  };
}

export function cloudformation(name: string, a: Account, stack: string, options: { input?: string; region?: string; runOrder?: number; mode?: string; changeSet?: string } = {}): ActionDeclaration {
  const mode = options.mode ?? 'CREATE_UPDATE';
  return {
    name,
    actionTypeId: { category: 'Deploy', owner: 'AWS', provider: 'CloudFormation', version: '1' },
    runOrder: options.runOrder ?? 1,
    configuration: {
      ActionMode: mode,
      StackName: stack,
      ...(mode === 'CHANGE_SET_REPLACE' || mode === 'CHANGE_SET_EXECUTE' ? { ChangeSetName: options.changeSet ?? `${stack}-changeset` } : {}),
      ...(mode === 'CHANGE_SET_EXECUTE' ? {} : { TemplatePath: `${options.input ?? 'BuildArtifact'}::template.yaml`, Capabilities: 'CAPABILITY_IAM,CAPABILITY_AUTO_EXPAND' }),
      RoleArn: `arn:aws:iam::${a.accountId}:role/cloudformation-deploy-role`,
    },
    inputArtifacts: mode === 'CHANGE_SET_EXECUTE' ? [] : [{ name: options.input ?? 'BuildArtifact' }],
    outputArtifacts: [],
    ...(options.region ? { region: options.region } : {}),
  };
}

export function s3Deploy(name: string, bucket: string, input = 'BuildArtifact'): ActionDeclaration {
  return {
    name,
    actionTypeId: { category: 'Deploy', owner: 'AWS', provider: 'S3', version: '1' },
    runOrder: 1,
    configuration: { BucketName: bucket, Extract: 'true', CacheControl: 'max-age=300' },
    inputArtifacts: [{ name: input }],
    outputArtifacts: [],
  };
}

export function lambdaInvoke(name: string, fn: string, runOrder = 1): ActionDeclaration {
  return {
    name,
    actionTypeId: { category: 'Invoke', owner: 'AWS', provider: 'Lambda', version: '1' },
    runOrder,
    configuration: { FunctionName: fn, UserParameters: '{"suite":"smoke"}' },
    inputArtifacts: [],
    outputArtifacts: [],
  };
}

export function manualApproval(name: string, customData: string, link?: string): ActionDeclaration {
  return {
    name,
    actionTypeId: { category: 'Approval', owner: 'AWS', provider: 'Manual', version: '1' },
    runOrder: 1,
    configuration: { CustomData: customData, ...(link ? { ExternalEntityLink: link } : {}) },
    inputArtifacts: [],
    outputArtifacts: [],
  };
}

export function stage(name: string, ...actions: ActionDeclaration[]): StageDeclaration {
  return { name, actions };
}

export function pipeline(a: Account, name: string, stages: StageDeclaration[], options: Partial<PipelineDeclaration> & { crossRegions?: string[] } = {}): PipelineDeclaration {
  const { crossRegions, ...rest } = options;
  const bucket = (region: string): string => `codepipeline-${region}-${a.accountId.slice(0, 6)}${name.length}`;
  const stores = crossRegions
    ? { artifactStores: Object.fromEntries([a.region, ...crossRegions].map((r) => [r, { type: 'S3' as const, location: bucket(r) }])) }
    : { artifactStore: { type: 'S3' as const, location: bucket(a.region) } };
  return {
    name,
    roleArn: `arn:aws:iam::${a.accountId}:role/service-role/AWSCodePipelineServiceRole-${a.region}-${name}`.slice(0, 1024),
    ...stores,
    stages,
    pipelineType: 'V1',
    executionMode: 'SUPERSEDED',
    ...rest,
  };
}

export function rule(name: string, provider: 'VariableCheck' | 'DeploymentWindow' | 'CloudWatchAlarm' | 'LambdaInvoke', configuration: Record<string, string>): RuleDeclaration {
  return { name, ruleTypeId: { category: 'Rule', owner: 'AWS', provider, version: '1' }, configuration };
}
