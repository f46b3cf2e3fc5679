// CodeDeploy console pages for Open in AWS Console. The console host depends on the partition of the
// region (aws, aws-cn, aws-us-gov); names and ids are URI components.

const PARTITION_HOSTS: readonly (readonly [prefix: string, host: string])[] = [
  ['cn-', 'console.amazonaws.cn'],
  ['us-gov-', 'console.amazonaws-us-gov.com'],
];

function page(region: string, path: string): string {
  const host = PARTITION_HOSTS.find(([prefix]) => region.startsWith(prefix))?.[1] ?? 'console.aws.amazon.com';
  return `https://${region}.${host}/codesuite/codedeploy/${path}?region=${encodeURIComponent(region)}`;
}

const enc = encodeURIComponent;

export function applicationConsoleUrl(region: string, application: string): string {
  return page(region, `applications/${enc(application)}`);
}

export function groupConsoleUrl(region: string, application: string, group: string): string {
  return page(region, `applications/${enc(application)}/deployment-groups/${enc(group)}`);
}

/** The deployment page lists its targets and, per target, the lifecycle events. */
export function deploymentConsoleUrl(region: string, deploymentId: string): string {
  return page(region, `deployments/${enc(deploymentId)}`);
}
