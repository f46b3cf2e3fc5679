// The one loading, error and freshness state of the AWS views, on the extension's own Pipelines view
// against the emulator: "updated … ago", a failed refresh that keeps the rows and says they are stale,
// the error row's details with its next steps, the status bar's profile problem, and expansion kept
// across a profile switch and back.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PipelinesFeature } from '../../../src/pipelines/editor/pipelines-feature';
import type { TreeNode } from '../../../src/pipelines/model/tree';
import { activateConveyor, extensionFeature } from '../foundation/helpers';
import { eventuallyValue, watchNotifications } from '../waits';
import { admin, emulatorUrl, eventually, releaseEmulator, useEmulator } from './helpers';

const profileSetting = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('conveyor.aws');

describe('AWS view states: loading, errors, freshness (Pipelines view)', function () {
  this.timeout(120_000);
  let feature: PipelinesFeature;
  let profileBefore: unknown;

  before(async function () {
    if (!emulatorUrl()) this.skip();
    await useEmulator();
    profileBefore = profileSetting().inspect('profile')?.globalValue;
    feature = (await extensionFeature<{ pipelines: PipelinesFeature }>('pipelines')).pipelines;
    await vscode.commands.executeCommand('conveyor.pipelines.focus');
    await eventually('the view to show', () => feature.treeView.visible);
  });
  afterEach(async () => {
    await admin('POST', 'faults/clear');
  });
  after(async () => {
    if (!emulatorUrl()) return;
    await profileSetting().update('profile', profileBefore, vscode.ConfigurationTarget.Global);
    await admin('POST', 'reset');
    await releaseEmulator();
  });

  const roots = (): Promise<TreeNode[]> => feature.provider.getChildren();

  it('is busy while loading, then says when the view was updated', async () => {
    await eventually('the first loads to end', () => !feature.explorer.busy);
    const busy: boolean[] = [];
    const sub = feature.explorer.onDidChangeBusy((b) => busy.push(b));
    await vscode.commands.executeCommand('conveyor.pipelines.refresh');
    sub.dispose();
    assert.deepEqual(busy, [true, false]);
    const description = await eventuallyValue('the freshness description', () => feature.treeView.description, (d) => /^updated \d+ s ago$/.test(d ?? ''));
    assert.match(description ?? '', /^updated \d+ s ago$/);
  });

  it('a refresh that fails keeps the rows, says they are stale, and its row offers the next steps', async () => {
    await eventually('the list', async () => (await roots()).filter((n) => n.kind === 'pipeline').length === 12);
    await admin('POST', 'faults', { operation: 'ListPipelines', kind: 'error', status: 500, errorType: 'InternalFailure', message: 'boom' });
    await vscode.commands.executeCommand('conveyor.pipelines.refresh');
    const rows = await roots();
    assert.equal(rows.filter((n) => n.kind === 'pipeline').length, 12, 'the last list stays');
    const item = feature.provider.getTreeItem(rows[0]!);
    assert.equal(item.label, 'Couldn’t list pipelines');
    assert.match(String(item.description), /internal error \(HTTP 500\) during ListPipelines/);
    assert.match(feature.treeView.description ?? '', /^stale · updated \d+ s ago$/);
    assert.match(feature.treeView.message ?? '', /^Refresh failed; showing the last data loaded\. .*HTTP 500/);

    // The row's click: the whole message with Retry and Show Log; Retry loads again (the fault is gone by then).
    await admin('POST', 'faults/clear');
    const notes = watchNotifications((text) => (text.startsWith('Couldn’t list pipelines') ? 'Retry' : undefined));
    try {
      await vscode.commands.executeCommand(item.command!.command, ...(item.command!.arguments ?? []) as unknown[]);
      const shown = await notes.shown('Couldn’t list pipelines: ');
      assert.equal(shown.level, 'error');
      assert.deepEqual(notes.messages[0]?.buttons, ['Retry', 'Show Log']);
    } finally {
      notes.dispose();
    }
    await eventually('the error row to go', async () => !(await roots()).some((n) => n.kind === 'message'));
    assert.doesNotMatch(feature.treeView.description ?? '', /stale/);
  });

  it('an expired profile: an error row offering another profile, and the status bar item marked until it works', async () => {
    const api = await activateConveyor();
    await profileSetting().update('profile', 'expired', vscode.ConfigurationTarget.Global);
    await eventually('the expired profile to be current', () => api.aws.current?.profile === 'expired');
    const row = await eventuallyValue('the error row', async () => (await roots())[0], (n) => n?.kind === 'message');
    const item = feature.provider.getTreeItem(row!);
    assert.equal(item.label, 'Couldn’t list pipelines');
    assert.match(String(item.contextValue), /^message:retry:credentialsExpired$/);
    assert.equal(api.aws.profileProblem?.profile, 'expired');
    assert.equal(api.aws.profileProblem?.category, 'credentialsExpired');
    const notes = watchNotifications(() => undefined);
    try {
      // Unanswered, the notification stays until it is cleared below.
      void vscode.commands.executeCommand(item.command!.command, ...(item.command!.arguments ?? []) as unknown[]);
      await notes.shown(/have expired/);
      assert.ok(notes.messages[0]?.buttons.includes('Choose Another Profile'), JSON.stringify(notes.messages[0]?.buttons));
      assert.ok(notes.messages[0]?.buttons.includes('Show Log'));
    } finally {
      notes.dispose();
      await vscode.commands.executeCommand('notifications.clearAll');
    }
    await profileSetting().update('profile', profileBefore, vscode.ConfigurationTarget.Global);
    await eventually('the problem to clear with the profile switch', () => api.aws.profileProblem === undefined);
  });

  it('keeps a pipeline expanded across a profile switch and back', async () => {
    const api = await activateConveyor();
    const demo = api.aws.current?.profile;
    const docs = await eventuallyValue('docs-site', async () => (await roots()).find((n) => n.kind === 'pipeline' && n.key.name === 'docs-site'), (n) => n !== undefined);
    // What expanding the row records (treeView.onDidExpandElement); the row is then shown again after the switch.
    feature.explorerView.expansion.set(docs!.id, true);
    assert.ok(docs!.kind === 'pipeline');
    feature.explorer.setExpanded(docs, false);
    await profileSetting().update('profile', 'conveyor-prod', vscode.ConfigurationTarget.Global);
    await eventually('another profile', () => api.aws.current?.profile === 'conveyor-prod');
    await profileSetting().update('profile', profileBefore, vscode.ConfigurationTarget.Global);
    await eventually('the first profile again', () => api.aws.current?.profile === demo);
    const again = await eventuallyValue('docs-site again', async () => (await roots()).find((n) => n.kind === 'pipeline' && n.key.name === 'docs-site'), (n) => n !== undefined);
    assert.equal(feature.provider.getTreeItem(again!).collapsibleState, vscode.TreeItemCollapsibleState.Expanded);
    assert.ok(again!.kind === 'pipeline' && feature.explorer.tree.isExpanded(again.key), 'the explorer loads and polls it as expanded');
  });
});
