// A deployment row's click in the real workbench, dark and light: the rendered details page (status in
// words, facts, the lifecycle events per target as a timeline), and its Open Failure link to the appspec.
import * as assert from 'node:assert/strict';
import { deployRow, openFailedDeploymentGroup } from './deploy-view';
import { waitFor, webviewPage } from './harness';
import { forEachTheme } from './states-view';

forEachTheme('UI: deployment details', { name: 'deploy-details', emulator: true, timeout: 300_000 }, (suite) => {
  it('opens a deployment\'s rendered details on click: status in words, facts, events per target', async () => {
    const { page } = suite.wb;
    await openFailedDeploymentGroup(page);
    const row = deployRow(page, /^d-[A-Z0-9]{9}$/, /^Failed · /);
    await waitFor('the failed deployment', row, { timeout: 60_000 });
    const id = (await row.locator('.label-name').first().innerText()).trim();
    await row.click();
    await waitFor('the details tab', page.locator('.tabs-container .tab', { hasText: `${id} · orders-api-prod` }), { timeout: 60_000 });
    const details = webviewPage(page);
    await waitFor('the page header', details.locator('h1', { hasText: id }), { timeout: 60_000 });
    assert.match(await details.locator('h1 .status-label').innerText(), /^Failed$/);
    assert.match(await details.locator('.summary').innerText(), /HEALTH_CONSTRAINTS/);
    const facts = await details.locator('dl.facts').innerText();
    for (const fact of ['Revision', 'Deployment group', 'Configuration', 'Created by', 'Duration']) assert.ok(facts.includes(fact), `${fact} in ${facts}`);
    assert.match(facts, /s3:\/\/acme-deploy-artifacts\/orders-api\//);
    const failedTarget = details.locator('section.stage').first();
    assert.match(await failedTarget.locator('h2').innerText(), /^i-[0-9a-f]+/);
    await waitFor('the failed AfterInstall event', failedTarget.locator('li.row', { hasText: 'AfterInstall' }).locator('.status-label', { hasText: 'Failed' }));
    assert.ok(await failedTarget.locator('li.row svg.track').count() >= 4, 'events drawn on the deployment\'s time span');
    assert.equal(await details.locator('#content img, #content script').count(), 0, 'deployment text never becomes markup');
    await suite.shot(page, 'deploy-details');
  });

  it('opens the appspec at the failing hook from the event\'s Open Failure link', async () => {
    const { page } = suite.wb;
    const details = webviewPage(page);
    await details.locator('li.row', { hasText: 'AfterInstall' }).locator('button', { hasText: 'Open Failure' }).click();
    await waitFor('the appspec tab', page.locator('.tabs-container .tab', { hasText: 'appspec.yml' }), { timeout: 60_000 });
    await waitFor('the failing script entry in view', page.locator('.view-lines', { hasText: 'location: scripts/migrate_db.sh' }));
    await suite.shot(page, 'deploy-details-open-failure');
  });
});
