// Console URLs CodePipeline reports for actions (entityUrl, externalExecutionUrl, revisionUrl).
import type { ActionDeclaration } from '../../model/declaration';

const consoleBase = (region: string): string => `https://${region}.console.aws.amazon.com`;

export function entityUrl(action: ActionDeclaration, region: string): string | undefined {
  const c = action.configuration ?? {};
  switch (action.actionTypeId.provider) {
    case 'CodeBuild':
      return `${consoleBase(region)}/codebuild/home?region=${region}#/projects/${c.ProjectName}/view`;
    case 'CodeStarSourceConnection':
      return `https://github.com/${c.FullRepositoryId}/tree/${c.BranchName}`;
    case 'CodeCommit':
      return `${consoleBase(region)}/codecommit/home?region=${region}#/repository/${c.RepositoryName}/browse/${c.BranchName}/--/`;
    case 'S3':
      return action.actionTypeId.category === 'Source'
        ? `${consoleBase(region)}/s3/object/${c.S3Bucket}?region=${region}&prefix=${c.S3ObjectKey}`
        : `${consoleBase(region)}/s3/buckets/${c.BucketName}?region=${region}`;
    case 'CodeDeploy':
      return `${consoleBase(region)}/codedeploy/home?region=${region}#/applications/${c.ApplicationName}`;
    case 'CloudFormation':
      return `${consoleBase(region)}/cloudformation/home?region=${region}#/stacks?filteringText=${c.StackName}`;
    case 'ECS':
      return `${consoleBase(region)}/ecs/v2/clusters/${c.ClusterName}/services/${c.ServiceName}/health?region=${region}`;
    case 'Lambda':
      return `${consoleBase(region)}/lambda/home?region=${region}#/functions/${c.FunctionName}`;
    case 'Manual':
      return c.ExternalEntityLink;
    default:
      return undefined;
  }
}

export function buildUrl(region: string, buildId: string): string {
  return `${consoleBase(region)}/codesuite/codebuild/projects/${buildId.split(':')[0]}/build/${encodeURIComponent(buildId)}/?region=${region}`;
}

export function commitUrl(provider: string, region: string, config: Record<string, string>, commitId: string): string | undefined {
  if (provider === 'CodeStarSourceConnection') {
    return `${consoleBase(region)}/codesuite/settings/connections/redirect?connectionArn=${config.ConnectionArn}&referenceType=COMMIT&FullRepositoryId=${config.FullRepositoryId}&Commit=${commitId}`;
  }
  if (provider === 'CodeCommit') {
    return `${consoleBase(region)}/codesuite/codecommit/repositories/${config.RepositoryName}/commit/${commitId}?region=${region}`;
  }
  return undefined;
}
