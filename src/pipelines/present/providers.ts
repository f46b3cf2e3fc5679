import type { ActionDeclaration } from '../model/types';

const BY_PROVIDER: Record<string, string> = {
  CodeCommit: 'repo',
  CodeStarSourceConnection: 'git-branch',
  GitHub: 'github',
  S3: 'archive',
  ECR: 'package',
  CodeBuild: 'tools',
  Manual: 'person',
  CodeDeploy: 'rocket',
  CodeDeployToECS: 'rocket',
  CloudFormation: 'layers',
  CloudFormationStackSet: 'layers',
  CloudFormationStackInstances: 'layers',
  ECS: 'server-environment',
  ElasticBeanstalk: 'cloud',
  Lambda: 'symbol-function',
  StepFunctions: 'type-hierarchy',
  ServiceCatalog: 'library',
  AppConfig: 'settings-gear',
  DeviceFarm: 'device-mobile',
  Commands: 'terminal',
  InspectorScan: 'shield',
  EC2: 'server',
  EKS: 'server-environment',
};

const BY_CATEGORY: Record<string, string> = {
  Source: 'repo',
  Build: 'tools',
  Test: 'beaker',
  Deploy: 'rocket',
  Approval: 'person',
  Invoke: 'symbol-function',
  Compute: 'server-process',
};

/** A codicon for an action's provider, falling back to its category. */
export function providerIcon(action: Pick<ActionDeclaration, 'provider' | 'category'> | undefined): string {
  if (!action) return 'circle-outline';
  return BY_PROVIDER[action.provider] ?? BY_CATEGORY[action.category] ?? 'gear';
}

/** "CodeBuild", or "Custom/MyProvider" for third-party and custom actions. */
export function providerLabel(action: Pick<ActionDeclaration, 'provider' | 'owner'> | undefined): string {
  if (!action?.provider) return '';
  return action.owner && action.owner !== 'AWS' ? `${action.owner}/${action.provider}` : action.provider;
}
