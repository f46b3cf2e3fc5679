// A deployment row's click opens its details page (a themed webview): status in words, revision, group,
// configuration, creator, times, the error, and the failed lifecycle event with its Open Failure link.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DeploymentPage } from '../../../src/deploy/model/deployment-page';
import { nextEvent } from '../waits';
import { childWhere, demoSuite, row } from './helpers';

describe('Deployment details (emulator)', function () {
  this.timeout(120_000);
  const suite = demoSuite();

  it('opens the rendered details of a deployment on click: the row\'s command', async () => {
    const { f } = suite;
    const group = await row(f, 'orders-api', 'orders-api-prod');
    const latest = await childWhere(f, group.node, (n) => n.kind === 'deployment' && n.latest);
    const item = f.provider.getTreeItem(latest);
    assert.equal(item.command?.command, 'conveyor.deploy.showDeploymentDetails');
    const click = async (): Promise<unknown> => vscode.commands.executeCommand(item.command!.command, ...(item.command!.arguments ?? []) as unknown[]);
    assert.deepEqual(item.command.arguments, [latest], 'the click passes the row');
    const shown = nextEvent('the details page', f.details.onDidShow);
    await click();
    const { page, panel } = await shown;
    const id = latest.kind === 'deployment' ? latest.deployment.id : '';
    assert.equal(page.id, id);
    assert.equal(panel?.title, `${id} · orders-api-prod`);
    assert.equal(panel?.active, true, 'the page is in front');
    assert.equal(page.status.label, 'Failed');
    assert.match(page.summary ?? '', /HEALTH_CONSTRAINTS/);
    const facts = new Map(page.facts.map((x) => [x.label, x.value]));
    assert.match(facts.get('Revision') ?? '', /^s3:\/\/acme-deploy-artifacts\/orders-api\/orders-api-2\.14\.0\.zip/);
    assert.equal(facts.get('Deployment group'), 'orders-api-prod');
    assert.equal(facts.get('Configuration'), 'OneAtATime');
    assert.ok(facts.get('Created by'), 'who created it');
    assert.match(facts.get('Duration') ?? '', /\d/);
    assert.match(facts.get('Targets') ?? '', /1 failed, 3 skipped/);
    assert.equal(page.targets.length, 4);
    assert.equal(page.targets[0]?.status.label, 'Failed', 'the failed target first');
    const failed = page.targets[0].events.find((e) => e.name === 'AfterInstall');
    assert.equal(failed?.status.label, 'Failed');
    assert.match(failed?.message ?? '', /ScriptFailed · script scripts\/migrate_db\.sh/);
    assert.equal(failed?.link?.label, 'Open Failure');
    assert.deepEqual(page.links[failed.link.target], { kind: 'failure', targetId: page.targets[0].id, event: 'AfterInstall' });
    assert.ok(page.targets[0].events.filter((e) => e.duration !== undefined).length >= 4, 'events with their durations');
    assert.ok(page.targets.slice(1).every((t) => t.status.label === 'Skipped'));

    // Clicking again reveals the same panel and reads it again.
    const again = nextEvent('the details read again', f.details.onDidShow);
    await click();
    const second: { page: DeploymentPage; panel: vscode.WebviewPanel | undefined } = await again;
    assert.equal(second.panel, panel, 'one panel per deployment');
  });
});
