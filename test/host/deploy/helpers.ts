// Shared by the deploy host suites: the extension's own Deployments feature (its view, model and
// diagnostics), and commands on a scripted UI for what asks first (a modal dialog would block the host).
import type * as vscode from 'vscode';
import type { AwsTarget } from '../../../src/aws/access';
import { DeployCommands } from '../../../src/deploy/editor/deploy-commands';
import type { DeployFeature } from '../../../src/deploy/editor/deploy-feature';
import { createDeployApi, type DeployApi } from '../../../src/deploy/model/api';
import type { DeployNode } from '../../../src/deploy/model/tree';
import { extensionFeature, testAwsSession } from '../foundation/helpers';
import { revertAndCloseAll } from '../editors';
import { admin, DEMO, emulatorUrl, releaseEmulator, useEmulator } from '../pipelines/helpers';
import { ScriptedUiBase } from '../scripted-ui';
import { treeItemAt } from '../waits';

export const ACCOUNT: AwsTarget = { profile: DEMO.profile, region: DEMO.region };

export async function deployFeature(): Promise<DeployFeature> {
  await useEmulator();
  return (await extensionFeature<{ deploy: DeployFeature }>('deploy')).deploy;
}

/** A row of the extension's Deployments view, found by labels (and descriptions) from the root. */
export async function row(f: DeployFeature, ...path: (string | { label: string; description: RegExp })[]): Promise<{ node: DeployNode; item: vscode.TreeItem }> {
  const steps = path.map((p) => (typeof p === 'string' ? { label: p } : p));
  return treeItemAt(`the Deployments row ${steps.map((s) => s.label).join(' › ')}`, f.provider, steps);
}

/** A row whose label is not known in advance (a deployment id): the first child matching `pick`. */
export async function childWhere(f: DeployFeature, parent: DeployNode, pick: (n: DeployNode) => boolean): Promise<DeployNode> {
  const found = (await f.provider.getChildren(parent)).find(pick);
  if (!found) throw new Error('no such row');
  return found;
}

export interface CommandRig {
  ui: ScriptedUiBase;
  commands: DeployCommands;
  api: DeployApi;
  revealed: string[];
  dispose(): void;
}

/** The extension's model with commands on a scripted UI and the test's own SDK client. */
export async function commandRig(f: DeployFeature): Promise<CommandRig> {
  const aws = await testAwsSession();
  const api = createDeployApi(aws.client('codedeploy', ACCOUNT));
  const ui = new ScriptedUiBase();
  const revealed: string[] = [];
  const commands = new DeployCommands({
    model: f.model, ui, api: () => api, current: () => ACCOUNT,
    reveal: async (_account, id) => { revealed.push(id); return true; },
    openFailure: (account, failed, deployment) => f.openFailure(account, failed, deployment),
    openEventLog: async () => undefined,
    setWatched: async () => undefined,
    showDetails: (account, id) => f.details.show(account, id),
  });
  return { ui, commands, api, revealed, dispose: () => aws.dispose() };
}

export interface DemoSuite {
  readonly f: DeployFeature;
  readonly rig: CommandRig;
}

/**
 * Hooks for a suite on the demo account: the emulator back to its seed, the extension's feature with a
 * fresh view, a command rig; afterwards editors closed and the emulator reset. Skips without an emulator.
 */
export function demoSuite(): DemoSuite {
  const suite: { f?: DeployFeature; rig?: CommandRig } = {};
  before(async function () {
    if (!emulatorUrl()) this.skip();
    await admin('POST', 'reset');
    suite.f = await deployFeature();
    suite.f.model.refresh();
    suite.rig = await commandRig(suite.f);
  });
  after(async () => {
    suite.rig?.dispose();
    await revertAndCloseAll();
    if (emulatorUrl()) await admin('POST', 'reset');
    await releaseEmulator();
  });
  return {
    get f() { if (!suite.f) throw new Error('the suite has not started'); return suite.f; },
    get rig() { if (!suite.rig) throw new Error('the suite has not started'); return suite.rig; },
  };
}
