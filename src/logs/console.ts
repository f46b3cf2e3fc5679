// Console links for logs (kept here so the logs feature does not depend on the pipelines feature).

function consoleBase(region: string): string {
  if (region.startsWith('cn-')) return `https://${region}.console.amazonaws.cn`;
  if (region.startsWith('us-gov-')) return `https://${region}.console.amazonaws-us-gov.com`;
  return `https://${region}.console.aws.amazon.com`;
}

/** The CloudWatch console escapes fragment components as URI components with `%` written `$25`. */
function cwEscape(s: string): string {
  return encodeURIComponent(s).replace(/%/g, '$25');
}

export function logStreamUrl(region: string, group: string, stream: string): string {
  return `${consoleBase(region)}/cloudwatch/home?region=${encodeURIComponent(region)}#logsV2:log-groups/log-group/${cwEscape(group)}/log-events/${cwEscape(stream)}`;
}

export function buildUrl(region: string, buildId: string): string {
  const project = buildId.includes(':') ? buildId.slice(0, buildId.indexOf(':')) : buildId;
  return `${consoleBase(region)}/codesuite/codebuild/projects/${encodeURIComponent(project)}/build/${encodeURIComponent(buildId)}/?region=${encodeURIComponent(region)}`;
}
