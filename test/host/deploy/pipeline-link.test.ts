// A pipeline's CodeDeploy action links to its deployment: the Pipelines feature passes the deployment
// by command id and arguments, and the Deployments view shows and selects it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { nodeIds, targetKey } from '../../../src/pipelines/model/keys';
import type { TreeNode } from '../../../src/pipelines/model/tree';
import { admin, DEMO, emulatorUrl, releaseEmulator, rig, type Rig } from '../pipelines/helpers';
import { eventually } from '../waits';
import { deployFeature } from './helpers';

const key = { target: targetKey(DEMO), name: 'inventory-sync' };

describe('Deployments: a pipeline’s CodeDeploy action (emulator)', function () {
  this.timeout(120_000);
  let r: Rig;

  before(async function () {
    if (!emulatorUrl()) this.skip();
    await admin('POST', 'reset');
    r = await rig();
  });
  after(async () => {
    r?.dispose();
    if (emulatorUrl()) await admin('POST', 'reset');
    await releaseEmulator();
  });

  it('marks the action, and Show Deployment reveals the deployment it started in the Deployments view', async () => {
    const pipeline: TreeNode = { kind: 'pipeline', id: nodeIds.pipeline(key), key };
    await r.explorer.getChildren();
    await r.explorer.loadRecent(key);
    const stages = await r.explorer.getChildren(pipeline);
    const deployStage = stages.find((s) => s.kind === 'stage' && s.stage === 'Deploy');
    assert.ok(deployStage, `stages: ${JSON.stringify(stages)}`);
    const [action] = await r.explorer.getChildren(deployStage);
    assert.ok(action?.kind === 'action');
    const p = r.explorer.present(action);
    assert.match(p.contextValue, /:codedeploy(:|$)/);
    assert.match(p.tooltip ?? '', /Show Deployment/);

    assert.equal(await r.commands.showDeployment(action), true);
    const call = r.executed.find((c) => c.command === 'conveyor.deploy.showDeployment');
    const args = call?.args[0] as { deploymentId: string; profile: string; region: string };
    assert.match(args.deploymentId, /^d-[A-Z0-9]{9}$/);
    assert.deepEqual([args.profile, args.region], [DEMO.profile, DEMO.region]);

    // The real command, as the Pipelines feature runs it: the Deployments view selects the deployment.
    const f = await deployFeature();
    assert.equal(await vscode.commands.executeCommand<boolean>('conveyor.deploy.showDeployment', args), true);
    await eventually('the deployment selected in the Deployments view',
      () => f.treeView.selection.some((n) => n.kind === 'deployment' && n.deployment.id === args.deploymentId && n.deployment.applicationName === 'inventory-sync'));
  });

  it('says so for an action that started no deployment', async () => {
    const build = { kind: 'action' as const, id: 'x', key, stage: 'Build', action: 'Build' };
    assert.equal(await r.commands.showDeployment(build), false);
    assert.match(r.ui.of('notify').at(-1) ?? '', /has not started a CodeDeploy deployment/);
  });
});
