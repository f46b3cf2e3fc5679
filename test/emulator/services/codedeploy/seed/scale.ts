// The scale dataset's CodeDeploy: one EC2 group with many instances (default 500), half at a time. Its
// latest deployment fails in BeforeInstall on every instance it reaches (a full disk), so the health
// constraints stop it at half the fleet and the other half is skipped.
import { EMULATOR_ACCOUNTS } from '../../../core/contract';
import { createDeployment } from '../engine/lifecycle';
import type { RevisionLocation } from '../model';
import type { DeployWorld } from '../world';
import type { At } from './replay';
import { serverAppBundle } from './scripts';

export const DEFAULT_SCALE_INSTANCES = 500;
export const SCALE_APPLICATION = 'fleet-api';
export const SCALE_GROUP = 'fleet-api-prod';

const HOUR = 3_600_000;
export const SCALE_HISTORY_MS = 30 * HOUR;

export function seedScale(world: DeployWorld, now: number, instanceCount: number): (at: At) => void {
  const store = world.region(EMULATOR_ACCOUNTS.main.accountId, 'us-east-1');
  const app = store.createApplication(SCALE_APPLICATION, 'Server', now - 90 * 24 * HOUR);
  const group = store.createGroup(app, {
    deploymentGroupName: SCALE_GROUP, deploymentConfigName: 'CodeDeployDefault.HalfAtATime',
    instances: Array.from({ length: instanceCount }, () => store.newInstanceId()),
    ec2TagFilters: [{ Key: 'Service', Value: SCALE_APPLICATION, Type: 'KEY_AND_VALUE' }],
  });
  const bundle = serverAppBundle(SCALE_APPLICATION, 'java');
  const revision = (version: string): RevisionLocation => ({
    revisionType: 'S3', s3Location: { bucket: 'acme-deploy-artifacts', key: `${SCALE_APPLICATION}/${SCALE_APPLICATION}-${version}.zip`, bundleType: 'zip' },
  });
  return (at) => {
    at(-26 * HOUR, () => {
      store.putRevision(revision('7.3.0'), bundle);
      createDeployment(store, group, { revision: revision('7.3.0'), bundle, description: 'Release 7.3.0' });
    });
    at(-2 * HOUR, () => {
      store.putRevision(revision('7.4.0'), bundle);
      const d = createDeployment(store, group, { revision: revision('7.4.0'), bundle, description: 'Release 7.4.0' });
      world.faults.add({
        deploymentId: d.deploymentId, lifecycleEvent: 'BeforeInstall', script: 'deploy/prepare.sh', errorCode: 'ScriptFailed', exitCode: 3,
        stdout: ['runtime: openjdk 21.0.4 2024-07-16 LTS'], stderr: ['prepare.sh: /opt/fleet-api/releases: No space left on device'],
      });
    });
  };
}
