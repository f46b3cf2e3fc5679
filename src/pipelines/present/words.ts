// CodePipeline's API values in the words people read in the console: pipeline types, execution modes
// and action configuration keys (what started an execution is present/triggers.ts on codebuild-view).

/** "FooBarBaz" → "Foo bar baz", for values no table knows yet. */
export function wordsOf(value: string): string {
  const words = value.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/([A-Z]{2,})([A-Z][a-z])/g, '$1 $2').replace(/[_-]+/g, ' ').trim();
  return words.replace(/(?<=\s)([A-Z])(?=[a-z])/g, (c) => c.toLowerCase());
}

const MODES: Record<string, string> = {
  SUPERSEDED: 'a newer run supersedes a waiting one',
  QUEUED: 'runs queue',
  PARALLEL: 'runs in parallel',
};

export function executionModePhrase(mode: string): string {
  return MODES[mode] ?? wordsOf(mode.toLowerCase());
}

/** "V2 pipeline"; CodePipeline's type names are already short words. */
export function pipelineTypePhrase(type: string): string {
  return `${type} pipeline`;
}

const CONFIG_KEYS: Record<string, string> = {
  CustomData: 'Message to reviewers',
  ExternalEntityLink: 'Link to review',
  NotificationArn: 'SNS topic',
  ProjectName: 'Project',
  PrimarySource: 'Primary source',
  EnvironmentVariables: 'Environment variables',
  BatchEnabled: 'Batch build',
  CombineArtifacts: 'Combine artifacts',
  BranchName: 'Branch',
  RepositoryName: 'Repository',
  FullRepositoryId: 'Repository',
  ConnectionArn: 'Connection',
  DetectChanges: 'Detect changes',
  PollForSourceChanges: 'Poll for changes',
  OutputArtifactFormat: 'Output format',
  S3Bucket: 'Bucket',
  S3ObjectKey: 'Object key',
  BucketName: 'Bucket',
  ObjectKey: 'Object key',
  Extract: 'Extract',
  ApplicationName: 'Application',
  DeploymentGroupName: 'Deployment group',
  ActionMode: 'Action mode',
  StackName: 'Stack',
  ChangeSetName: 'Change set',
  TemplatePath: 'Template',
  RoleArn: 'Role',
  Capabilities: 'Capabilities',
  ParameterOverrides: 'Parameter overrides',
  FunctionName: 'Function',
  UserParameters: 'User parameters',
  ClusterName: 'Cluster',
  ServiceName: 'Service',
  FileName: 'Image definitions file',
};

/** The console's label for an action configuration key. */
export function configurationKeyLabel(key: string): string {
  return CONFIG_KEYS[key] ?? wordsOf(key);
}

/**
 * The label of a source revision in an execution's summary: "Source: d2f275c" for an action already
 * named like a source ("Source", "GitHubSource"), "Source App: d2f275c" otherwise.
 */
export function sourceRevisionLabel(actionName: string): string {
  return /source/i.test(actionName) ? actionName : `Source ${actionName}`;
}
