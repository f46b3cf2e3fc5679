import type { Node } from '../syntax/tree';
import type { AppSpecPlatform } from '../types';
import { itemsOf, pairOf, pairsOf, stringValue, valueOf } from '../rules/nodes';

export const EC2_HOOKS = ['ApplicationStop', 'BeforeInstall', 'AfterInstall', 'ApplicationStart', 'ValidateService', 'BeforeBlockTraffic', 'AfterBlockTraffic', 'BeforeAllowTraffic', 'AfterAllowTraffic'] as const;
/** Lifecycle events of EC2/On-Premises deployments that the agent runs itself; scripts cannot run in them. */
export const EC2_RESERVED_EVENTS = ['Start', 'DownloadBundle', 'Install', 'BlockTraffic', 'AllowTraffic', 'End'] as const;
export const ECS_HOOKS = ['BeforeInstall', 'AfterInstall', 'AfterAllowTestTraffic', 'BeforeAllowTraffic', 'AfterAllowTraffic'] as const;
export const LAMBDA_HOOKS = ['BeforeAllowTraffic', 'AfterAllowTraffic'] as const;

export const HOOKS_BY_PLATFORM: Record<AppSpecPlatform, readonly string[]> = { ec2: EC2_HOOKS, ecs: ECS_HOOKS, lambda: LAMBDA_HOOKS };
export const PLATFORM_LABEL: Record<AppSpecPlatform, string> = { ec2: 'EC2/On-Premises', ecs: 'Amazon ECS', lambda: 'AWS Lambda' };

/** Keys CodeDeploy reads case-insensitively in ECS and Lambda appspecs, in their documented spelling. */
const SERVERLESS_KEYS = ['version', 'Resources', 'Hooks', 'Type', 'Properties', 'Name', 'Alias', 'CurrentVersion', 'TargetVersion', 'TaskDefinition',
  'LoadBalancerInfo', 'ContainerName', 'ContainerPort', 'PlatformVersion', 'NetworkConfiguration', 'AwsvpcConfiguration', 'Subnets', 'SecurityGroups',
  'AssignPublicIp', 'CapacityProviderStrategy', 'Base', 'CapacityProvider', 'Weight', ...ECS_HOOKS];
const canonicalByLower = new Map(SERVERLESS_KEYS.map((k) => [k.toLowerCase(), k]));

export function canonicalServerlessKey(key: string): string {
  return canonicalByLower.get(key.toLowerCase()) ?? key;
}

/**
 * The deployment platform of an appspec, from its content: a resource Type (or properties only one
 * platform has) decides between ECS and Lambda; `os`, `files`, `permissions` or hooks written as a mapping
 * of script lists mean EC2/On-Premises; an appspec with neither is EC2/On-Premises, the common case.
 */
export function inferPlatform(root: Node | undefined): AppSpecPlatform {
  const resources = valueOf(root, 'Resources', true);
  const hooks = valueOf(root, 'hooks', true);
  for (const resource of itemsOf(resources)) {
    for (const entry of pairsOf(resource)) {
      const type = stringValue(valueOf(entry.value, 'Type', true))?.toLowerCase();
      if (type === 'aws::ecs::service') return 'ecs';
      if (type === 'aws::lambda::function') return 'lambda';
      const props = valueOf(entry.value, 'Properties', true);
      if (pairOf(props, 'TaskDefinition', true) || pairOf(props, 'LoadBalancerInfo', true)) return 'ecs';
      if (pairOf(props, 'Alias', true) || pairOf(props, 'CurrentVersion', true) || pairOf(props, 'TargetVersion', true)) return 'lambda';
    }
  }
  const ec2Signs = ['os', 'files', 'permissions', 'file_exists_behavior'].some((k) => pairOf(root, k) !== undefined) || hooks?.kind === 'map';
  if (ec2Signs) return 'ec2';
  if (resources !== undefined || hooks?.kind === 'seq') {
    const names = itemsOf(hooks).flatMap((item) => pairsOf(item).map((p) => canonicalServerlessKey(p.keyText ?? '')));
    return names.some((n) => n !== 'BeforeAllowTraffic' && n !== 'AfterAllowTraffic' && (ECS_HOOKS as readonly string[]).includes(n)) ? 'ecs'
      : names.length > 0 && resources === undefined ? 'lambda' : 'ecs';
  }
  return 'ec2';
}
