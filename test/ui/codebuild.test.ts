// The CodeBuild view in the real workbench against the emulator's demo account: projects with their
// last builds, a batch build graph, Start Build from the context menu, and a test report in the
// Testing view — asserted as a person sees them, with screenshots.
import type { Locator, Page } from 'playwright-core';
import { answerQuickInput, notification, openConveyor, openWorkbench, runCommand, screenshot, treeItem, waitFor, type Workbench } from './harness';

function codebuildRow(page: Page, label: string | RegExp, description?: string | RegExp): Locator {
  return treeItem(page, label, description);
}

async function expand(page: Page, label: string | RegExp): Promise<void> {
  const row = codebuildRow(page, label);
  await waitFor(`the row ${String(label)}`, row);
  // A row with a command (a build, a batch) runs it when clicked: the twistie expands it.
  if ((await row.getAttribute('aria-expanded')) !== 'true') await row.locator('.monaco-tl-twistie').click();
  await waitFor(`the row ${String(label)} to expand`, page.locator('.pane-body .monaco-list-row[aria-expanded="true"]', { has: page.locator('.label-name', { hasText: label }) }).first());
}

async function collapsePane(page: Page, title: string): Promise<void> {
  const header = page.locator('.sidebar .pane-header', { hasText: title }).first();
  if ((await header.getAttribute('aria-expanded')) === 'true') await header.click();
}

async function filterProjects(page: Page, text: string): Promise<void> {
  await runCommand(page, 'Conveyor: Filter CodeBuild Projects');
  await answerQuickInput(page, { title: 'Filter CodeBuild projects' }, { type: text });
  await waitFor(`the CodeBuild view to show the filter "${text}"`, page.locator('.pane-body', { hasText: `Filter “${text}”` }));
}

describe('UI: CodeBuild view on the demo account', function () {
  this.timeout(300_000);
  let wb: Workbench;
  before(async () => { wb = await openWorkbench({ name: 'codebuild', emulator: true }); });
  after(async () => { await wb?.close(); });

  it('lists the projects with their last builds', async () => {
    const { page } = wb;
    await openConveyor(page);
    await collapsePane(page, 'Pipelines');
    await collapsePane(page, 'Artifacts');
    await collapsePane(page, 'Profiler');
    await collapsePane(page, 'Deployments');
    const header = page.locator('.sidebar .pane-header', { hasText: 'CodeBuild' }).first();
    if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
    await waitFor('orders-api-unit-tests with its failed last build', codebuildRow(page, 'orders-api-unit-tests', /Failed · .* ago/), { timeout: 90_000 });
    await waitFor('the batch project', codebuildRow(page, 'storefront-web-e2e'));
    await screenshot(page, 'codebuild-view');
  });

  it('shows a batch build as a graph of its builds', async () => {
    const { page } = wb;
    await filterProjects(page, 'storefront');
    await expand(page, 'storefront-web-e2e');
    await expand(page, 'Batch builds');
    await expand(page, /^Batch #\d+$/);
    await waitFor('the failed e2e_chrome build of the graph', codebuildRow(page, 'e2e_chrome', /Failed/));
    await waitFor('e2e_firefox after build', codebuildRow(page, 'e2e_firefox', /after build/));
    await screenshot(page, 'codebuild-batch-graph');
  });

  it('starts a build from the context menu and shows it running', async () => {
    const { page } = wb;
    await filterProjects(page, 'orders-api');
    await codebuildRow(page, 'orders-api-unit-tests').click({ button: 'right' });
    const entry = page.locator('.monaco-menu .action-item', { hasText: 'Start Build…' }).first();
    await waitFor('the Start Build menu item', entry);
    await entry.hover();
    await entry.click();
    // A menu that re-rendered under the pointer (the row refreshed) swallows the click: the hovered item takes Enter.
    if (!(await entry.waitFor({ state: 'hidden', timeout: 2_000 }).then(() => true, () => false))) await page.keyboard.press('Enter');
    await answerQuickInput(page, { title: 'Start Build: orders-api-unit-tests' }, { pick: 'Start' });
    await waitFor('the notification that the build started', notification(page, /Started build #\d+ of orders-api-unit-tests\./));
    await expand(page, 'orders-api-unit-tests');
    await waitFor('the new build running', codebuildRow(page, /^#\d+$/, /In progress/), { timeout: 60_000 });
    await screenshot(page, 'codebuild-build-started');
  });

  it('shows a test report in the Testing view, with the failures', async () => {
    const { page } = wb;
    await expand(page, 'Reports');
    await expand(page, 'orders-api-unit-tests-pytest_reports');
    const report = page.locator('.pane-body .monaco-list-row', { hasText: /25 passed/ }).first();
    await waitFor('a report row', report);
    await report.click();
    await waitFor('the Testing view', page.locator('.sidebar .composite.title', { hasText: 'Testing' }).first(), { timeout: 60_000 });
    await waitFor('the run summary: 25 of 28 passed', page.locator('.sidebar', { hasText: '25/28' }).first());
    await waitFor('the report group in the Testing view', page.locator('.sidebar .monaco-list-row', { hasText: 'orders-api-unit-tests-pytest_reports' }).first());
    await screenshot(page, 'codebuild-testing-view');
  });

  it('shows a coverage report in Test Coverage, per workspace file', async () => {
    const { page } = wb;
    // The UI tier runs the newest VS Code, which has the test coverage API (the extension checks for it on older ones).
    await openConveyor(page);
    await expand(page, 'orders-api-unit-tests-coverage');
    const report = page.locator('.pane-body .monaco-list-row', { hasText: /\d+(\.\d+)?% lines/ }).first();
    await waitFor('a coverage report row', report);
    await report.click();
    await waitFor('the Testing view', page.locator('.sidebar .composite.title', { hasText: 'Testing' }).first(), { timeout: 60_000 });
    const pane = page.locator('.sidebar .pane', { has: page.locator('.pane-header', { hasText: /Test Coverage/i }) }).first();
    await waitFor('the Test Coverage pane', pane, { timeout: 60_000 });
    const header = pane.locator('.pane-header').first();
    if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
    await waitFor('a workspace file with its coverage', pane.locator('.monaco-list-row', { hasText: /\.py/ }).first(), { timeout: 60_000 });
    await waitFor('a percentage', pane.locator('.monaco-list-row', { hasText: /\d+(\.\d+)?%/ }).first());
    await screenshot(page, 'codebuild-test-coverage');
  });
});
