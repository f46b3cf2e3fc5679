// Words and icons for CodeDeploy statuses, shared by the view, its tooltips and the notifications.
import type { IconSpec } from '../../core/tree';
import type { ComputePlatform, DeploymentStatus, DeploymentSummary, TargetInfo, TargetStatus } from '../model/types';

const PASSED: IconSpec = { id: 'pass', color: 'testing.iconPassed' };
const FAILED: IconSpec = { id: 'error', color: 'testing.iconFailed' };
const RUNNING: IconSpec = { id: 'sync~spin', color: 'charts.blue' };
const WAITING: IconSpec = { id: 'debug-pause', color: 'charts.yellow' };
const QUEUED: IconSpec = { id: 'clock' };
const SKIPPED: IconSpec = { id: 'debug-step-over', color: 'testing.iconSkipped' };

const DEPLOYMENT_ICONS: Record<DeploymentStatus, IconSpec> = {
  Created: QUEUED, Queued: QUEUED, InProgress: RUNNING, Baking: { id: 'watch', color: 'charts.blue' }, Ready: WAITING,
  Succeeded: PASSED, Failed: FAILED, Stopped: { id: 'debug-stop', color: 'testing.iconSkipped' },
};

const TARGET_ICONS: Record<TargetStatus, IconSpec> = {
  Pending: QUEUED, InProgress: RUNNING, Ready: WAITING, Succeeded: PASSED, Failed: FAILED, Skipped: SKIPPED, Unknown: { id: 'circle-outline' },
};

export function deploymentIcon(status: DeploymentStatus | undefined): IconSpec {
  return status ? DEPLOYMENT_ICONS[status] : { id: 'circle-outline' };
}

export function targetStatusIcon(status: TargetStatus): IconSpec {
  return TARGET_ICONS[status];
}

const DEPLOYMENT_LABELS: Record<DeploymentStatus, string> = {
  Created: 'Created', Queued: 'Queued', InProgress: 'In progress', Baking: 'Baking', Ready: 'Ready',
  Succeeded: 'Succeeded', Failed: 'Failed', Stopped: 'Stopped',
};

/** "Failed", or what a waiting blue/green deployment waits for. */
export function deploymentStatusLabel(d: Pick<DeploymentSummary, 'status' | 'waitingFor'>): string {
  if (d.waitingFor === 'trafficRerouting') return 'Waiting to reroute traffic';
  if (d.waitingFor === 'termination') return 'Waiting to terminate the original';
  return DEPLOYMENT_LABELS[d.status];
}

export function targetStatusLabel(status: TargetStatus): string {
  return status === 'InProgress' ? 'In progress' : status;
}

const PLATFORMS: Record<ComputePlatform, string> = { Server: 'EC2/On-premises', ECS: 'Amazon ECS', Lambda: 'AWS Lambda' };

export function platformLabel(p: ComputePlatform | undefined): string | undefined {
  return p ? PLATFORMS[p] : undefined;
}

export function platformIcon(p: ComputePlatform | undefined): IconSpec {
  return { id: p === 'Lambda' ? 'symbol-function' : p === 'ECS' ? 'layers' : 'server' };
}

const TARGET_KINDS: Record<TargetInfo['kind'], string> = {
  instance: 'Instance', ecs: 'ECS service', lambda: 'Lambda function', cloudformation: 'CloudFormation stack',
};

export function targetKindLabel(kind: TargetInfo['kind']): string {
  return TARGET_KINDS[kind];
}

export function targetKindIcon(kind: TargetInfo['kind'], status: TargetStatus): IconSpec {
  const color = TARGET_ICONS[status].color;
  const id = kind === 'lambda' ? 'symbol-function' : kind === 'ecs' ? 'layers' : kind === 'cloudformation' ? 'cloud' : 'vm';
  return color ? { id, color } : { id };
}

/** "in place", "blue/green". */
export function deploymentTypeLabel(type: 'IN_PLACE' | 'BLUE_GREEN' | undefined): string | undefined {
  return type === 'BLUE_GREEN' ? 'blue/green' : type === 'IN_PLACE' ? 'in place' : undefined;
}

/** `CodeDeployDefault.OneAtATime` → `OneAtATime`; custom configurations keep their name. */
export function configLabel(name: string | undefined): string | undefined {
  return name?.replace(/^CodeDeployDefault\./, '');
}
