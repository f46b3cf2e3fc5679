// Issue 20 item 3, "the welcome content only when nothing is configured", in the real workbench, dark and
// light: a first-time user's machine (no ~/.aws, no profile setting) shows each view's "Choose an AWS
// profile" welcome — not an error, not a progress bar — and once `aws configure` has written ~/.aws/config
// and ~/.aws/credentials, the views leave the welcome and list what the account has, without a reload.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { statusBarItem, waitFor } from './harness';
import { forEachTheme, openViews, pane, paneRow, paneText, VIEW_TITLES } from './states-view';

const WELCOME_VIEWS = ['Pipelines', 'Artifacts', 'Profiler', 'CodeBuild'] as const;
const COULD_NOT = /Couldn[’']t list/;

/** What `aws configure` writes on a machine that had no ~/.aws: the folder, then the two files. */
async function awsConfigure(home: string): Promise<void> {
  const { emulatorAccounts } = await import('../../scripts/lib/test-env.mjs');
  const { main } = emulatorAccounts();
  const folder = path.join(home, '.aws');
  fs.mkdirSync(folder, { mode: 0o700 });
  fs.writeFileSync(path.join(folder, 'config'), '[default]\nregion = us-east-1\noutput = json\n', { mode: 0o600 });
  fs.writeFileSync(path.join(folder, 'credentials'),
    `[default]\naws_access_key_id = ${main.accessKeyId}\naws_secret_access_key = ${main.secretAccessKey}\n`, { mode: 0o600 });
}

forEachTheme('UI: the welcome only when nothing is configured', { name: 'welcome', emulator: true, awsFiles: false, settings: { 'conveyor.aws.profile': '' }, timeout: 300_000 }, (suite) => {
  it('shows every view\'s welcome with no profile at all, then leaves it once `aws configure` wrote ~/.aws', async () => {
    const { page } = suite.wb;
    assert.equal(fs.existsSync(path.join(suite.wb.env.home, '.aws')), false, 'a machine without ~/.aws');
    await openViews(page, ...VIEW_TITLES);
    await waitFor('"No AWS profile" in the status bar', statusBarItem(page, 'aws').filter({ hasText: 'No AWS profile' }), { timeout: 60_000 });
    for (const view of WELCOME_VIEWS) {
      await waitFor(`the ${view} welcome`, pane(page, view).getByRole('button', { name: 'Choose an AWS profile' }), { timeout: 60_000 });
      await waitFor(`the ${view} view done loading`, pane(page, view).locator('.monaco-progress-container.active'), { state: 'hidden' });
      assert.doesNotMatch(await paneText(page, view), COULD_NOT, `${view} shows no error`);
    }
    // Deployments has no welcome content of its own: its one row says what to do.
    await waitFor('the Deployments hint', paneRow(page, 'Deployments', 'Choose an AWS profile to see CodeDeploy applications'));
    await page.mouse.move(0, 0);
    await suite.shot(page, 'review-02-welcome-no-profile');

    await awsConfigure(suite.wb.env.home);
    await waitFor('the default profile in the status bar', statusBarItem(page, 'aws').filter({ hasText: /default · us-east-1/ }), { timeout: 60_000 });
    await waitFor('the pipelines of the account', paneRow(page, 'Pipelines', 'payments-api'), { timeout: 60_000 });
    for (const view of WELCOME_VIEWS) {
      await waitFor(`the ${view} welcome to go`, pane(page, view).getByRole('button', { name: 'Choose an AWS profile' }), { state: 'hidden' });
      assert.doesNotMatch(await paneText(page, view), COULD_NOT, `${view} shows no error`);
    }
    await waitFor('the Deployments hint to go', paneRow(page, 'Deployments', 'Choose an AWS profile to see CodeDeploy applications'), { state: 'hidden' });
    await suite.shot(page, 'review-02b-welcome-after-aws-configure');
  });
});
