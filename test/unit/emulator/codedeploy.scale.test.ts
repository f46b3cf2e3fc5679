// The scale dataset's 500-instance group (for the Deployments view's benchmark): its latest
// deployment failed on half the fleet, and the failed targets can be listed without fetching the rest.
import assert from 'node:assert/strict';
import { BatchGetDeploymentTargetsCommand, GetDeploymentCommand, ListDeploymentsCommand, ListDeploymentTargetsCommand } from '@aws-sdk/client-codedeploy';
import { SCALE_APPLICATION, SCALE_GROUP } from '../../emulator/services/codedeploy/seed/index';
import { useDeployEmulator } from './codedeploy.helpers';

describe('emulator: CodeDeploy scale dataset', function () {
  this.timeout(120_000);
  const f = useDeployEmulator({ seed: { dataset: 'scale', pipelines: 10, packageVersions: 100, deployInstances: 500 }, speed: 0 });

  it('has a 500-instance group whose latest deployment failed on every instance it reached', async () => {
    assert.equal(f.store().group(SCALE_APPLICATION, SCALE_GROUP)!.instances.length, 500);
    const [latest] = (await f.codedeploy.send(new ListDeploymentsCommand({ applicationName: SCALE_APPLICATION, deploymentGroupName: SCALE_GROUP }))).deployments!;
    const info = (await f.codedeploy.send(new GetDeploymentCommand({ deploymentId: latest! }))).deploymentInfo!;
    assert.equal(info.status, 'Failed');
    assert.deepEqual(info.deploymentOverview, { Pending: 0, InProgress: 0, Succeeded: 0, Failed: 250, Skipped: 250, Ready: 0 }, 'half at a time');
    const failed: string[] = [];
    let nextToken: string | undefined;
    do {
      const page = await f.codedeploy.send(new ListDeploymentTargetsCommand({ deploymentId: latest!, targetFilters: { TargetStatus: ['Failed'] }, ...(nextToken ? { nextToken } : {}) }));
      failed.push(...page.targetIds!);
      nextToken = page.nextToken;
    } while (nextToken);
    assert.equal(failed.length, 250);
    const [one] = (await f.codedeploy.send(new BatchGetDeploymentTargetsCommand({ deploymentId: latest!, targetIds: [failed[0]!] }))).deploymentTargets!;
    const event = one!.instanceTarget!.lifecycleEvents!.find((e) => e.status === 'Failed')!;
    assert.deepEqual([event.lifecycleEventName, event.diagnostics!.scriptName], ['BeforeInstall', 'deploy/prepare.sh']);
  });
});
