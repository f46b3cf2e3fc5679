// Shared by the CodeDeploy emulator tests: a CodeDeployClient on the suite's emulator, groups built
// through the emulator's state API, and reads of a deployment's targets and events over the wire.
import {
  BatchGetDeploymentTargetsCommand, CodeDeployClient, type DeploymentTarget, GetDeploymentCommand, type LifecycleEvent,
  ListDeploymentTargetsCommand,
} from '@aws-sdk/client-codedeploy';
import type { Emulator, EmulatorOptions } from '../../emulator/index';
import type { Bundle, DeployRegion, GroupSpec } from '../../emulator/services/codedeploy/index';
import { useEmulator } from './core.helpers';

export const ACCOUNT = '111111111111';
export const REGION = 'us-east-1';

export interface DeployFixture {
  readonly emulator: Emulator;
  readonly codedeploy: CodeDeployClient;
  /** The main account's us-east-1 CodeDeploy state. */
  store(): DeployRegion;
}

export function useDeployEmulator(options: EmulatorOptions): DeployFixture {
  const base = useEmulator(options);
  let client: CodeDeployClient | undefined;
  after(() => client?.destroy());
  return {
    get emulator() { return base.emulator; },
    get codedeploy() {
      client ??= new CodeDeployClient(base.emulator.clientConfig());
      return client;
    },
    store: () => base.emulator.state.codedeploy.region(ACCOUNT, REGION),
  };
}

/** An EC2 appspec whose hooks each run the listed scripts. */
export function serverAppSpec(hooks: Record<string, string[]>): string {
  const lines = ['version: 0.0', 'os: linux', 'hooks:'];
  for (const [event, scripts] of Object.entries(hooks)) {
    lines.push(`  ${event}:`);
    for (const s of scripts) lines.push(`    - location: ${s}`, '      timeout: 60', '      runas: root');
  }
  return `${lines.join('\n')}\n`;
}

export const s3 = (key: string) => ({ revisionType: 'S3' as const, s3Location: { bucket: 'artifacts', key, bundleType: 'zip' as const } });

/** An application with one group, and a deployable S3 revision `key` for it. */
export function serverGroup(store: DeployRegion, app: string, spec: GroupSpec & { instanceCount?: number }, bundles: Record<string, Bundle> = {}): void {
  const application = store.applications.get(app) ?? store.createApplication(app, 'Server');
  const { instanceCount, ...rest } = spec;
  store.createGroup(application, { instances: Array.from({ length: instanceCount ?? 1 }, () => store.newInstanceId()), ...rest });
  for (const [key, bundle] of Object.entries(bundles)) store.putRevision(s3(key), bundle);
}

export async function status(f: DeployFixture, deploymentId: string): Promise<string> {
  return (await f.codedeploy.send(new GetDeploymentCommand({ deploymentId }))).deploymentInfo!.status!;
}

/** Every target of a deployment, as BatchGetDeploymentTargets returns them (25 per call). */
export async function targets(f: DeployFixture, deploymentId: string): Promise<DeploymentTarget[]> {
  const ids: string[] = [];
  let nextToken: string | undefined;
  do {
    const page = await f.codedeploy.send(new ListDeploymentTargetsCommand({ deploymentId, ...(nextToken ? { nextToken } : {}) }));
    ids.push(...page.targetIds!);
    nextToken = page.nextToken;
  } while (nextToken);
  const out: DeploymentTarget[] = [];
  for (let i = 0; i < ids.length; i += 25) {
    out.push(...(await f.codedeploy.send(new BatchGetDeploymentTargetsCommand({ deploymentId, targetIds: ids.slice(i, i + 25) }))).deploymentTargets!);
  }
  return out;
}

export function eventsOf(t: DeploymentTarget): LifecycleEvent[] {
  return (t.instanceTarget ?? t.ecsTarget ?? t.lambdaTarget)?.lifecycleEvents ?? [];
}

/** `Name:Status` for each event, e.g. `AfterInstall:Failed`. */
export function eventSummary(t: DeploymentTarget): string[] {
  return eventsOf(t).map((e) => `${e.lifecycleEventName}:${e.status}`);
}
