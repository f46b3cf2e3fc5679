// AWS console links. The console host depends on the partition: aws (amazon.com), aws-cn, aws-us-gov.

export type Partition = 'aws' | 'aws-cn' | 'aws-us-gov';

export function partitionOf(region: string): Partition {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

export function consoleBase(region: string): string {
  switch (partitionOf(region)) {
    case 'aws-cn':
      return `https://${region}.console.amazonaws.cn`;
    case 'aws-us-gov':
      return `https://${region}.console.amazonaws-us-gov.com`;
    default:
      return `https://${region}.console.aws.amazon.com`;
  }
}

/**
 * A link that a service reported (externalExecutionUrl, entityUrl), if it is https. Custom actions set
 * these freely; a file:, vscode: or javascript: link is never handed to the browser.
 */
export function httpsOnly(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/** The CloudWatch console escapes fragment components as URI components with `%` written `$25`. */
function cwEscape(s: string): string {
  return encodeURIComponent(s).replace(/%/g, '$25');
}

export function logStreamConsoleUrl(region: string, group: string, stream: string): string {
  const enc = encodeURIComponent;
  return `${consoleBase(region)}/cloudwatch/home?region=${enc(region)}#logsV2:log-groups/log-group/${cwEscape(group)}/log-events/${cwEscape(stream)}`;
}

/** A CodeBuild build page; `buildId` is "project:uuid" as CodeBuild and CodePipeline report it. */
export function buildConsoleUrl(region: string, buildId: string): string {
  const enc = encodeURIComponent;
  const project = buildId.includes(':') ? buildId.slice(0, buildId.indexOf(':')) : buildId;
  return `${consoleBase(region)}/codesuite/codebuild/projects/${enc(project)}/build/${enc(buildId)}/?region=${enc(region)}`;
}
