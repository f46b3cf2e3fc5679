// The Deployments view inside a real extension host, against the emulator's demo account: the tree and
// its details, from a failed lifecycle event to the appspec hook (with the script and the log tail),
// the hook diagnostic while that deployment is the latest, and the commands.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DeployNode } from '../../../src/deploy/model/tree';
import { admin, emulatorUrl } from '../pipelines/helpers';
import { eventually, eventuallyValue, nextEvent, watchNotifications } from '../waits';
import { ACCOUNT, childWhere, demoSuite, row } from './helpers';

/** The tooltip's markdown with its escapes undone. */
const tooltip = (item: vscode.TreeItem): string => (item.tooltip instanceof vscode.MarkdownString ? item.tooltip.value : String(item.tooltip ?? '')).replace(/\\(.)/g, '$1');
const iconOf = (item: vscode.TreeItem): string => (item.iconPath instanceof vscode.ThemeIcon ? item.iconPath.id : '');
const isLatest = (n: DeployNode): boolean => n.kind === 'deployment' && n.latest;

describe('Deployments view (emulator)', function () {
  this.timeout(120_000);
  const suite = demoSuite();

  it('lists applications → groups → deployments → targets → lifecycle events, with their details', async () => {
    const { f } = suite;
    const app = await row(f, 'orders-api');
    assert.equal(app.item.description, 'EC2/On-premises');
    assert.equal(iconOf(app.item), 'server');
    await row(f, 'checkout-service');
    const group = await row(f, 'orders-api', { label: 'orders-api-prod', description: /^in place · OneAtATime · last failed/ });
    assert.match(tooltip(group.item), /Load balancing: orders-api-prod-tg/);
    assert.match(tooltip(group.item), /Last successful: d-/);
    assert.equal(group.item.contextValue, 'group:unwatched:redeployable');

    const latest = await childWhere(f, group.node, isLatest);
    const deployment = f.provider.getTreeItem(latest);
    assert.match(String(deployment.description), /^Failed · .*s3:\/\/acme-deploy-artifacts\/orders-api\/orders-api-2\.14\.0\.zip/);
    assert.equal(iconOf(deployment), 'error');
    assert.match(tooltip(deployment), /HEALTH_CONSTRAINTS/);
    assert.match(tooltip(deployment), /1 failed, 3 skipped/);
    assert.match(String(deployment.contextValue), /^deployment:failed:latest$/);

    const targets = await f.provider.getChildren(latest);
    const items = targets.map((t) => f.provider.getTreeItem(t));
    assert.equal(items.length, 4);
    assert.match(String(items[0]!.description), /^Failed · in AfterInstall/, 'the failed instance comes first');
    assert.equal(items[0]!.collapsibleState, vscode.TreeItemCollapsibleState.Expanded, 'a failed target opens on its events');
    assert.ok(items.slice(1).every((i) => String(i.description).startsWith('Skipped')));

    const events = await f.provider.getChildren(targets[0]);
    const byName = new Map(events.map((e) => { const item = f.provider.getTreeItem(e); const label = item.label; return [typeof label === 'string' ? label : label?.label ?? '', item]; }));
    const names = [...byName.keys()];
    assert.deepEqual(names.slice(0, 3), ['BeforeBlockTraffic', 'BlockTraffic', 'AfterBlockTraffic'], 'a group with traffic control takes instances out first');
    assert.deepEqual(names.filter((n) => !/Traffic$/.test(n)), ['ApplicationStop', 'DownloadBundle', 'BeforeInstall', 'Install', 'AfterInstall', 'ApplicationStart', 'ValidateService']);
    const failed = byName.get('AfterInstall')!;
    assert.match(String(failed.description), /^Failed · .* · ScriptFailed · scripts\/migrate_db\.sh$/);
    assert.match(tooltip(failed), /DuplicateColumn/);
    assert.equal(failed.command?.command, 'conveyor.deploy.openFailure');
    assert.equal(String(byName.get('ApplicationStart')!.description), 'Skipped');
  });

  it('opens the appspec at the failing hook, the script beside it and the log tail, and marks the hook while the deployment is the latest', async () => {
    const { f, rig } = suite;
    const group = await row(f, 'orders-api', 'orders-api-prod');
    const latest = await childWhere(f, group.node, isLatest);
    const [target] = await f.provider.getChildren(latest);
    const event = await childWhere(f, target!, (n) => n.kind === 'event' && n.event.name === 'AfterInstall');
    await vscode.commands.executeCommand('conveyor.deploy.openFailure', event);

    const appspec = await eventuallyValue('the appspec opened at the failing hook',
      () => vscode.window.visibleTextEditors.find((e) => e.document.uri.path.endsWith('deploy/orders-api/appspec.yml')), (e) => e !== undefined);
    const lines = appspec!.document.getText().split('\n');
    assert.equal(lines[appspec!.selection.start.line]!.trim(), '- location: scripts/migrate_db.sh', 'the failed script entry is selected');
    assert.equal(appspec!.viewColumn, vscode.ViewColumn.One);
    await eventually('the script beside it', () => vscode.window.visibleTextEditors.some((e) => e.document.uri.path.endsWith('orders-api/scripts/migrate_db.sh')));
    const log = await eventuallyValue('the log tail beside them',
      () => vscode.window.visibleTextEditors.find((e) => e.document.uri.scheme === 'conveyor-deploy-event'), (e) => e !== undefined);
    assert.match(log!.document.uri.path, /^\/d-[A-Z0-9]{9}\/AfterInstall · i-[0-9a-f]+\.log$/, 'the tab reads "AfterInstall · i-….log"');
    assert.match(log!.document.getText(), /^AfterInstall · Failed/);
    assert.match(log!.document.getText(), /Error code {2}ScriptFailed/);
    assert.match(log!.document.getText(), /DuplicateColumn/);

    const hookLine = lines.findIndex((l) => l.trim() === 'AfterInstall:');
    const id = latest.kind === 'deployment' ? latest.deployment.id : '';
    const diagnostics = await eventuallyValue('the hook diagnostic', () => vscode.languages.getDiagnostics(appspec!.document.uri).filter((d) => d.source === 'CodeDeploy'), (d) => d.length > 0);
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0]!.range.start.line, hookLine);
    assert.match(diagnostics[0]!.message, new RegExp(`^AfterInstall failed in deployment ${id} on i-[0-9a-f]+ \\(ScriptFailed\\)$`));
    assert.equal(diagnostics[0]!.severity, vscode.DiagnosticSeverity.Error);

    // Its quick fixes (Ctrl+.): the event's log from the target it names, and the deployment.
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', appspec!.document.uri, diagnostics[0]!.range);
    const fixes = actions.filter((a) => a.command?.command.startsWith('conveyor.deploy.'));
    const instance = / on (i-[0-9a-f]+) /.exec(diagnostics[0]!.message)?.[1] ?? '';
    assert.deepEqual(fixes.map((a) => a.title), [`Show the AfterInstall log from ${instance}`, `Show deployment ${id}`]);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand(fixes[0]!.command!.command, ...(fixes[0]!.command!.arguments ?? []) as unknown[]);
    const fromFix = await eventuallyValue('the event log from the quick fix',
      () => vscode.window.visibleTextEditors.find((e) => e.document.uri.scheme === 'conveyor-deploy-event'), (e) => e !== undefined);
    assert.equal(fromFix!.document.uri.path, `/${id}/AfterInstall · ${instance}.log`);
    const shown = nextEvent('the details page', f.details.onDidShow);
    await vscode.commands.executeCommand(fixes[1]!.command!.command, ...(fixes[1]!.command!.arguments ?? []) as unknown[]);
    assert.equal((await shown).page.id, id);

    // Another deployment becomes the group's latest: the next round takes the mark away.
    rig.ui.answer(true);
    assert.ok(await rig.commands.redeploy(group.node));
    await f.notifier.pollNow();
    await eventually('the hook diagnostic to go', () => vscode.languages.getDiagnostics(appspec!.document.uri).every((d) => d.source !== 'CodeDeploy'));
  });
});

describe('Deployments commands (emulator)', function () {
  this.timeout(120_000);
  const suite = demoSuite();

  it('redeploys the last successful revision after confirming, then stops it with rollback after a choice and a confirmation', async () => {
    const { f, rig } = suite;
    const group = await row(f, 'orders-api', 'orders-api-prod');
    rig.ui.answer(true);
    const id = await rig.commands.redeploy(group.node);
    assert.match(String(id), /^d-[A-Z0-9]{9}$/);
    assert.match(rig.ui.of('confirm').at(-1)!, /^Deploy s3:\/\/acme-deploy-artifacts\/orders-api\/orders-api-2\.13\.0\.zip to orders-api-prod again\?$/);
    const [created] = await rig.api.getDeployments([id!]);
    assert.equal(created!.description, `Redeploy of s3://acme-deploy-artifacts/orders-api/orders-api-2.13.0.zip (last successful: ${group.node.kind === 'group' ? group.node.group.lastSuccessful!.id : ''})`);
    const shown = await eventuallyValue('the new deployment as the group’s latest row',
      async () => (await f.provider.getChildren((await row(f, 'orders-api', 'orders-api-prod')).node)).find(isLatest), (n) => n?.kind === 'deployment' && n.deployment.id === id);
    assert.match(String(f.provider.getTreeItem(shown!).contextValue), /stoppable/);

    rig.ui.answer('Stop and roll back', true);
    await rig.commands.stop(shown);
    assert.match(rig.ui.of('pick').at(-1)!, /^Stop deployment d-\w+ \(orders-api-prod\): Stop and roll back \| Stop$/);
    assert.match(rig.ui.of('confirm').at(-1)!, /and roll back\?$/);
    await admin('POST', 'clock/advance', { ms: 10 * 60_000 });
    await eventually('the deployment to stop', async () => (await rig.api.getDeployments([id!]))[0]!.status === 'Stopped');
  });

  it('does nothing to CodeDeploy when the confirmation is declined', async () => {
    const { f, rig } = suite;
    const group = await row(f, 'orders-api', 'orders-api-staging');
    await admin('DELETE', 'stats');
    rig.ui.answer(false);
    assert.equal(await rig.commands.redeploy(group.node), undefined);
    const waiting = await childWhere(f, (await row(f, 'checkout-service', 'checkout-service-prod')).node, isLatest);
    rig.ui.answer('Stop', false);
    await rig.commands.stop(waiting);
    assert.match(rig.ui.of('confirm').at(-1)!, /^Stop deployment d-\w+ of checkout-service \/ checkout-service-prod\?$/);
    const stats = await admin('GET', 'stats') as { operations: Record<string, number> };
    assert.deepEqual([stats.operations.CreateDeployment, stats.operations.StopDeployment], [undefined, undefined]);
  });

  it('continues a blue/green deployment waiting to reroute traffic', async () => {
    const { f, rig } = suite;
    const group = await row(f, 'checkout-service', 'checkout-service-prod');
    const waiting = await childWhere(f, group.node, isLatest);
    assert.match(String(f.provider.getTreeItem(waiting).description), /^Waiting to reroute traffic/);
    assert.match(String(f.provider.getTreeItem(waiting).contextValue), /continuable/);
    rig.ui.answer(true);
    await rig.commands.continue(waiting);
    assert.match(rig.ui.of('confirm').at(-1)!, /^Reroute production traffic to the replacement of checkout-service-prod/);
    const id = waiting.kind === 'deployment' ? waiting.deployment.id : '';
    await admin('POST', 'clock/advance', { ms: 2 * 60_000 });
    await eventually('the deployment to move on', async () => (await rig.api.getDeployments([id]))[0]!.waitingFor !== 'trafficRerouting');
  });

  it('Stop and Continue from the Command Palette offer the deployments they can act on instead of asking for an id', async () => {
    const { f, rig } = suite;
    const waiting = await childWhere(f, (await row(f, 'checkout-service', 'checkout-service-prod')).node, isLatest);
    const id = waiting.kind === 'deployment' ? waiting.deployment.id : '';
    await admin('DELETE', 'stats');
    rig.ui.answer(id, false);
    await rig.commands.continue();
    const offered = rig.ui.of('pick').at(-1) ?? '';
    assert.match(offered, new RegExp(`^Continue Deployment: (d-[A-Z0-9]{9} \\| )*${id}( \\| d-[A-Z0-9]{9})*$`), 'the waiting deployments by id');
    assert.deepEqual(rig.ui.of('input'), [], 'no typed id');
    // The suite's earlier test may have rerouted it already: then it waits to end the originals.
    assert.match(rig.ui.of('confirm').at(-1)!, /^(Reroute production traffic to the replacement|Terminate the original targets) of checkout-service-prod/);
    rig.ui.answer();
    await rig.commands.stop();
    assert.match(rig.ui.of('pick').at(-1)!, /^Stop Deployment: d-[A-Z0-9]{9}/, 'the running deployments');
    const stats = await admin('GET', 'stats') as { operations: Record<string, number> };
    assert.deepEqual([stats.operations.ContinueDeployment, stats.operations.StopDeployment], [undefined, undefined], 'declined and cancelled: nothing changed');
  });

  it('opens rows in the AWS console and copies their ids', async () => {
    const { f, rig } = suite;
    const group = await row(f, 'image-resizer', 'image-resizer-live');
    await rig.commands.openInConsole(group.node);
    assert.equal(rig.ui.of('open').at(-1), 'https://us-east-1.console.aws.amazon.com/codesuite/codedeploy/applications/image-resizer/deployment-groups/image-resizer-live?region=us-east-1');
    const latest = await childWhere(f, group.node, isLatest);
    await rig.commands.copyId(latest);
    assert.equal(rig.ui.of('copy').at(-1), latest.kind === 'deployment' ? latest.deployment.id : 'x');
  });

  it('shows a deployment another feature names by id in the view', async () => {
    const { f } = suite;
    const group = await row(f, 'orders-api', 'orders-api-prod');
    const deployments = await f.provider.getChildren(group.node);
    const older = deployments.filter((n) => n.kind === 'deployment').at(-1);
    assert.ok(older?.kind === 'deployment');
    const shown = await vscode.commands.executeCommand<boolean>('conveyor.deploy.showDeployment', { deploymentId: older.deployment.id, ...ACCOUNT });
    assert.equal(shown, true);
    await eventually('the deployment to be selected', () => f.treeView.selection.some((n) => n.kind === 'deployment' && n.deployment.id === older.deployment.id));
  });
});

describe('Deployments faults (emulator)', function () {
  this.timeout(120_000);
  const suite = demoSuite();

  it('shows a refused list as an error row that names the IAM action, explains it on click, and recovers on refresh', async () => {
    const { f, rig } = suite;
    const app = await row(f, 'image-resizer');
    await admin('POST', 'faults', { service: 'codedeploy', operation: 'ListDeploymentGroups', kind: 'error', status: 400, errorType: 'AccessDeniedException',
      message: 'User: arn:aws:iam::111111111111:user/dev is not authorized to perform: codedeploy:ListDeploymentGroups' });
    f.model.refresh(app.node);
    const error = await row(f, 'image-resizer', { label: 'Couldn’t list deployment groups', description: /codedeploy:ListDeploymentGroups/ });
    assert.equal(error.item.command?.command, 'conveyor.deploy.showError');
    rig.commands.showError(error.node);
    assert.match(rig.ui.of('error').at(-1) ?? '', /^ListDeploymentGroups: .*codedeploy:ListDeploymentGroups/);

    await admin('DELETE', 'faults');
    f.model.refresh(app.node);
    await row(f, 'image-resizer', 'image-resizer-live');
  });

  it('turns a throttled target batch into an error row under its deployment only, and lists the targets again on refresh', async () => {
    const { f } = suite;
    const group = await row(f, 'orders-api', 'orders-api-staging');
    const latest = await childWhere(f, group.node, isLatest);
    await admin('POST', 'faults', { service: 'codedeploy', operation: 'BatchGetDeploymentTargets', kind: 'throttle' });
    f.model.refresh(latest);
    const [error] = await f.provider.getChildren(latest);
    const item = f.provider.getTreeItem(error!);
    assert.equal(item.label, 'Couldn’t list the targets');
    assert.match(String(item.description), /throttled/);
    assert.ok((await f.provider.getChildren(group.node)).some(isLatest), 'the deployments above it still show');
    await admin('DELETE', 'faults');
    f.model.refresh(latest);
    const targets = await f.provider.getChildren(latest);
    assert.equal(targets.length, 2);
    assert.ok(targets.every((t) => t.kind === 'target' && t.info.status === 'Succeeded'));
  });
});

describe('Deployments notifications (emulator)', function () {
  this.timeout(180_000);
  const suite = demoSuite();
  const staging = { ...ACCOUNT, application: 'orders-api', group: 'orders-api-staging' };
  after(async () => { if (emulatorUrl()) await suite.f.watched.set(staging, false); });

  it('tells when a watched group’s deployment fails, where, and marks the hook', async () => {
    const { f, rig } = suite;
    const notes = watchNotifications();
    try {
      await f.watched.set(staging, true);
      assert.equal((await row(f, 'orders-api', 'orders-api-staging')).item.contextValue, 'group:watched:redeployable');
      const baseline = await f.notifier.pollNow();
      assert.deepEqual(baseline?.news, [], 'what was already true when watching started is not news');
      await admin('POST', 'codedeploy/script-faults', { lifecycleEvent: 'AfterInstall', deploymentGroupName: 'orders-api-staging', errorCode: 'ScriptFailed', exitCode: 3, stderr: ['alembic: relation already exists'] });
      rig.ui.answer(true);
      const id = await rig.commands.redeploy((await row(f, 'orders-api', 'orders-api-staging')).node);
      assert.ok(id);
      await eventually('the deployment to fail (the simulated clock moving on)', async () => {
        await admin('POST', 'clock/advance', { ms: 60_000 });
        return (await rig.api.getDeployments([id]))[0]?.status === 'Failed';
      });
      await f.notifier.pollNow();
      const shown = await notes.shown(`orders-api-staging: deployment ${id} failed in AfterInstall on i-`);
      assert.equal(shown.level, 'error');
      assert.match(shown.text, /ScriptFailed\.$/);
      const appspec = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, 'deploy/orders-api/appspec.yml');
      await eventually('the watched group’s failure on the hook', () => vscode.languages.getDiagnostics(appspec).some((d) => d.source === 'CodeDeploy' && d.message.includes(id)));
    } finally {
      notes.dispose();
    }
  });
});
