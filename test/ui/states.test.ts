// Issue 20 items 3, 4, 5/12 and 7 in the real workbench, in the dark and the light theme, as a person
// sees them: the loading state (an emulator hold fault keeps ListPipelines unanswered) instead of the
// welcome; freshness, a failed refresh that keeps the rows and says stale, expansion kept across a
// profile switch; the expired profile's error state in all five views, with its buttons, the log line
// and the status bar; the two wizards' counters, Browse button and defaults.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  answerQuickInput, eventually, quickInputState, quickInputStep, runCommand, statusBarItem, waitFor,
} from './harness';
import { admin, expandRow, forEachTheme, openViews, outputText, pane, paneRow, paneText, selectProfile, showPanes, toastButtons, togglePane, VIEW_TITLES } from './states-view';

const COULD_NOT = /^\s*Couldn[’']t list /;

forEachTheme('UI: view states and wizards', { name: 'states', emulator: true, timeout: 300_000 }, (suite) => {
  it('loading: a progress bar, not the "choose a profile" welcome, while ListPipelines is unanswered', async () => {
    const { page } = suite.wb;
    await admin(suite.wb, 'POST', 'faults', { operation: 'ListPipelines', kind: 'hold' });
    await openViews(page, 'Pipelines');
    await waitFor('the profile in the status bar', statusBarItem(page, 'aws').filter({ hasText: 'conveyor-demo' }), { timeout: 60_000 });
    await waitFor('the Pipelines view\'s progress bar', pane(page, 'Pipelines').locator('.monaco-progress-container.active'), { timeout: 60_000 });
    assert.equal(await pane(page, 'Pipelines').getByRole('button', { name: 'Choose an AWS profile' }).count(), 0, 'no welcome while loading');
    assert.doesNotMatch(await paneText(page, 'Pipelines'), /Choose an AWS profile/);
    await suite.shot(page, 'review-02a-conveyor-loading');
    await admin(suite.wb, 'DELETE', 'faults');
    await waitFor('the pipelines once the hold is released', paneRow(page, 'Pipelines', 'payments-api'), { timeout: 60_000 });
    await waitFor('the progress bar to end', pane(page, 'Pipelines').locator('.monaco-progress-container.active'), { state: 'hidden' });
  });

  it('freshness: "updated n s ago"; a failed refresh keeps the rows and says stale', async () => {
    const { page } = suite.wb;
    const header = pane(page, 'Pipelines').locator('.pane-header');
    await waitFor('"updated n s ago" in the view\'s header', header.locator('.description', { hasText: /^updated \d+ s ago/ }));
    await admin(suite.wb, 'POST', 'faults', { operation: 'ListPipelines', kind: 'error', status: 500, errorType: 'InternalFailure', message: 'boom' });
    await runCommand(page, 'Conveyor: Refresh Pipelines');
    await waitFor('the stale description', header.locator('.description', { hasText: /^stale · updated \d+ s ago/ }));
    await waitFor('the stale message', pane(page, 'Pipelines').locator('.message', { hasText: /Refresh failed; showing the last data loaded/ }));
    await waitFor('the error row', paneRow(page, 'Pipelines', COULD_NOT, /HTTP 500/));
    await waitFor('the last rows kept', paneRow(page, 'Pipelines', 'payments-api'));
    await suite.shot(page, 'review-12-stale-after-failed-refresh');
    await admin(suite.wb, 'DELETE', 'faults');
    await runCommand(page, 'Conveyor: Refresh Pipelines');
    await waitFor('the error row to go', paneRow(page, 'Pipelines', COULD_NOT), { state: 'hidden' });
    await waitFor('fresh again', header.locator('.description', { hasText: /^updated \d+ s ago/ }));
  });

  it('keeps a pipeline expanded across a profile switch and back', async () => {
    const { page } = suite.wb;
    await expandRow(page, paneRow(page, 'Pipelines', 'payments-api'), 'payments-api');
    await waitFor('its Build stage', paneRow(page, 'Pipelines', 'Build'));
    await selectProfile(page, 'conveyor-prod');
    await waitFor('the other account\'s pipelines', paneRow(page, 'Pipelines', 'payments-api-eu'), { timeout: 60_000 });
    await selectProfile(page, 'conveyor-demo');
    await waitFor('payments-api expanded again', paneRow(page, 'Pipelines', 'payments-api').and(page.locator('[aria-expanded="true"]')), { timeout: 60_000 });
    await waitFor('its Build stage again', paneRow(page, 'Pipelines', 'Build'));
    await suite.shot(page, 'review-54-expansion-kept');
  });

  it('an expired profile: every view shows a short title, the whole message, the next steps; the status bar is marked', async () => {
    const { page } = suite.wb;
    for (const view of VIEW_TITLES) await togglePane(page, view, true);
    await selectProfile(page, 'expired');
    for (const view of VIEW_TITLES) {
      const row = paneRow(page, view, COULD_NOT, /credentials of profile "expired" have expired/);
      await waitFor(`the error row of ${view}`, row, { timeout: 60_000, seen: () => paneText(page, view) });
      const description = await row.locator('.label-description').innerText();
      assert.match(description, /aws sso login --profile expired.*choose another profile/, `${view}: the whole message is in the row`);
    }
    const status = statusBarItem(page, 'aws');
    await waitFor('the status bar item marked in error', status.filter({ hasText: 'expired' }).filter({ has: page.locator('.codicon-error') }));
    await suite.shot(page, 'review-52-expired-profile');

    for (const view of VIEW_TITLES) {
      await paneRow(page, view, COULD_NOT).click();
      const buttons = await toastButtons(page, /credentials of profile "expired" have expired/);
      // `expired` holds static keys: aws sso login cannot help it, so it is not offered.
      assert.deepEqual(buttons, ['Choose Another Profile', 'Retry', 'Show Log'], `${view}: the buttons`);
      if (view === 'Pipelines') await suite.shot(page, 'review-52b-expired-details');
      await runCommand(page, 'Notifications: Clear All Notifications');
    }
    await paneRow(page, 'Pipelines', COULD_NOT).click();
    await toastButtons(page, /credentials of profile "expired" have expired/);
    await page.locator('.notifications-toasts .notification-toast .monaco-button', { hasText: 'Show Log' }).first().click();
    await eventually('a warning naming service, operation and profile in the Conveyor log', async () =>
      /\[warning\] codepipeline\.ListPipelines failed: ExpiredTokenException: The credentials of profile "expired"/.test(await outputText(page)),
    { seen: () => 'the output panel does not show it' });
    await suite.shot(page, 'review-48-output-channel');
    await runCommand(page, 'View: Toggle Panel Visibility');
    await selectProfile(page, 'conveyor-demo');
    await waitFor('the status bar item well again', status.filter({ hasText: 'conveyor-demo' }).filter({ hasNot: page.locator('.codicon-error') }));
    await showPanes(page, 'Pipelines');
  });

  it('the CodeArtifact login: n/N on every step, the one domain skipped, pnpm and @acme preselected; the repository then says so', async () => {
    const { page } = suite.wb;
    // The demo keeps its projects two folders down (artifacts/web); detection reads the folder and one level.
    fs.writeFileSync(path.join(suite.wb.env.workspace, 'pnpm-lock.yaml'), "lockfileVersion: '9.0'\n");
    fs.writeFileSync(path.join(suite.wb.env.workspace, 'package.json'), JSON.stringify({ name: '@acme/storefront', private: true }, null, 2));
    await runCommand(page, 'Conveyor: Log in to CodeArtifact');
    await quickInputStep(page, { title: 'Log in to CodeArtifact: repository in acme (1/3)' });
    await suite.shot(page, 'review-24-login-step1');
    await answerQuickInput(page, { title: 'Log in to CodeArtifact: repository in acme (1/3)' }, { pick: 'team-npm' });
    await quickInputStep(page, { title: 'Log in to CodeArtifact: package manager (2/3)' });
    await eventually('pnpm to be preselected', async () => (await quickInputState(page)).highlighted.startsWith('pnpm'),
      { seen: () => 'another row is highlighted' });
    assert.match((await quickInputState(page)).highlighted, /pnpm-lock\.yaml/, 'the evidence is named');
    await suite.shot(page, 'review-26-login-tool-preselected');
    await answerQuickInput(page, { title: 'package manager (2/3)' }, { pick: 'pnpm' });
    await quickInputStep(page, { title: 'where pnpm gets the token (3/4)' });
    const places = (await quickInputState(page)).rows;
    assert.doesNotMatch(places[0] ?? '', /not available/, `a place that can be chosen comes first: ${places.join(' | ')}`);
    await suite.shot(page, 'review-27-login-step4');
    await answerQuickInput(page, { title: 'where pnpm gets the token (3/4)' }, { pick: 'User config' });
    await quickInputStep(page, { title: 'npm scope (optional) (4/4)' });
    assert.equal((await quickInputState(page)).value, '@acme', 'the scope in use is prefilled');
    await suite.shot(page, 'review-29a-login-scope');
    await answerQuickInput(page, { title: 'npm scope (optional) (4/4)' });
    // Item 14: the repository's row says it is logged in, not only the status bar.
    await showPanes(page, 'Artifacts');
    await expandRow(page, paneRow(page, 'Artifacts', 'acme'), 'the acme domain');
    await waitFor('team-npm logged in', paneRow(page, 'Artifacts', 'team-npm', /^logged in \(pnpm\)/), { timeout: 60_000 });
    await suite.shot(page, 'review-29-login-done');
    await showPanes(page, 'Pipelines');
  });

  it('the CDK wizard: n/N on every step, Browse, the folder and the account from STS prefilled', async () => {
    const { page } = suite.wb;
    await runCommand(page, 'Conveyor: New CDK Pipeline Project');
    const titles: string[] = [];
    const step = async (n: number, answer: { type?: string; pick?: string } = {}): Promise<void> => {
      await quickInputStep(page, { title: 'New CDK Pipeline Project', step: n });
      titles.push((await quickInputState(page)).title);
      await answerQuickInput(page, { title: 'New CDK Pipeline Project', step: n }, answer);
    };
    await quickInputStep(page, { title: /New CDK Pipeline Project \(1\/\d+\)/ });
    await waitFor('the Browse button', page.locator('.quick-input-widget .quick-input-titlebar .codicon-folder-opened'));
    assert.match((await quickInputState(page)).value, /cdk-pipeline$/, 'a folder is proposed');
    await suite.shot(page, 'review-44-scaffold-step1');
    await step(1);
    await step(2);
    await step(3, { pick: 'TypeScript' });
    await step(4, { pick: 'npm' });
    await quickInputStep(page, { title: 'New CDK Pipeline Project', step: 5 });
    await eventually('the account from STS', async () => (await quickInputState(page)).value === '111111111111', { seen: () => 'another value' });
    titles.push((await quickInputState(page)).title);
    await suite.shot(page, 'review-45-scaffold-step5');
    for (const t of titles) assert.match(t, /\(\d+\/\d+\)/, `a step counter with its total: ${t}`);
    await page.keyboard.press('Escape');
    await waitFor('the wizard to close', page.locator('.quick-input-widget'), { state: 'hidden' });
  });
});
