// CodeDeploy's predefined deployment configurations: how many EC2/On-Premises instances go at a time
// and how many must succeed, or how ECS/Lambda traffic shifts (all at once, canary, linear).
import type { ComputePlatform } from './model';

export type TrafficRouting =
  | { type: 'AllAtOnce' }
  | { type: 'TimeBasedCanary'; percentage: number; intervalMinutes: number }
  | { type: 'TimeBasedLinear'; percentage: number; intervalMinutes: number };

export interface DeploymentConfig {
  name: string;
  computePlatform: ComputePlatform;
  /** EC2/On-Premises: instances deployed at the same time (failed ones stay offline and count). */
  maxOffline?: (instances: number) => number;
  /** EC2/On-Premises: instances that must succeed for the deployment to succeed. */
  minSucceeded?: (instances: number) => number;
  trafficRouting?: TrafficRouting;
}

const server = (name: string, maxOffline: (n: number) => number, minSucceeded: (n: number) => number): DeploymentConfig =>
  ({ name: `CodeDeployDefault.${name}`, computePlatform: 'Server', maxOffline, minSucceeded });

const canary = (platform: 'Lambda' | 'ECS', name: string, intervalMinutes: number): DeploymentConfig =>
  ({ name: `CodeDeployDefault.${name}`, computePlatform: platform, trafficRouting: { type: 'TimeBasedCanary', percentage: 10, intervalMinutes } });

const linear = (platform: 'Lambda' | 'ECS', name: string, intervalMinutes: number): DeploymentConfig =>
  ({ name: `CodeDeployDefault.${name}`, computePlatform: platform, trafficRouting: { type: 'TimeBasedLinear', percentage: 10, intervalMinutes } });

const CONFIGS: DeploymentConfig[] = [
  // One instance offline at a time; a failure on any but the last instance fails the deployment.
  server('OneAtATime', () => 1, (n) => (n <= 1 ? n : n - 1)),
  // Up to half (rounded down) at a time; at least half (rounded up) must succeed.
  server('HalfAtATime', (n) => Math.max(1, Math.floor(n / 2)), (n) => Math.ceil(n / 2)),
  // Everything at once; one success is enough.
  server('AllAtOnce', (n) => Math.max(1, n), (n) => Math.min(1, n)),
  { name: 'CodeDeployDefault.LambdaAllAtOnce', computePlatform: 'Lambda', trafficRouting: { type: 'AllAtOnce' } },
  canary('Lambda', 'LambdaCanary10Percent5Minutes', 5),
  canary('Lambda', 'LambdaCanary10Percent10Minutes', 10),
  canary('Lambda', 'LambdaCanary10Percent15Minutes', 15),
  canary('Lambda', 'LambdaCanary10Percent30Minutes', 30),
  linear('Lambda', 'LambdaLinear10PercentEvery1Minute', 1),
  linear('Lambda', 'LambdaLinear10PercentEvery2Minutes', 2),
  linear('Lambda', 'LambdaLinear10PercentEvery3Minutes', 3),
  linear('Lambda', 'LambdaLinear10PercentEvery10Minutes', 10),
  { name: 'CodeDeployDefault.ECSAllAtOnce', computePlatform: 'ECS', trafficRouting: { type: 'AllAtOnce' } },
  canary('ECS', 'ECSCanary10Percent5Minutes', 5),
  canary('ECS', 'ECSCanary10Percent15Minutes', 15),
  linear('ECS', 'ECSLinear10PercentEvery1Minutes', 1),
  linear('ECS', 'ECSLinear10PercentEvery3Minutes', 3),
];

const BY_NAME = new Map(CONFIGS.map((c) => [c.name, c]));

export function deploymentConfig(name: string): DeploymentConfig | undefined {
  return BY_NAME.get(name);
}

/** What a group without a configuration uses, as CodeDeploy does. */
export function defaultConfigName(platform: ComputePlatform): string {
  return platform === 'Server' ? 'CodeDeployDefault.OneAtATime' : platform === 'Lambda' ? 'CodeDeployDefault.LambdaAllAtOnce' : 'CodeDeployDefault.ECSAllAtOnce';
}

/** Traffic steps: [percent on the new version, minutes to wait before the next step]. */
export function trafficSteps(routing: TrafficRouting): { percent: number; waitMinutes: number }[] {
  switch (routing.type) {
    case 'AllAtOnce':
      return [{ percent: 100, waitMinutes: 0 }];
    case 'TimeBasedCanary':
      return [{ percent: routing.percentage, waitMinutes: routing.intervalMinutes }, { percent: 100, waitMinutes: 0 }];
    case 'TimeBasedLinear': {
      const steps: { percent: number; waitMinutes: number }[] = [];
      for (let p = routing.percentage; p < 100; p += routing.percentage) steps.push({ percent: p, waitMinutes: routing.intervalMinutes });
      steps.push({ percent: 100, waitMinutes: 0 });
      return steps;
    }
  }
}
