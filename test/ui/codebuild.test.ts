// The CodeBuild view in the real workbench against the emulator's demo account: projects with their
// last builds, a batch build graph, Start Build from the context menu, and a test report in the
// Testing view — asserted as a person sees them, with screenshots.
import type { Locator, Page } from 'playwright-core';
import { answerQuickInput, notification, openConveyor, runCommand, screenshot, useWorkbench, waitFor } from './harness';
import { contextMenu } from './pipelines-view';
import { expandRow, openViews, pane, paneRow, togglePane } from './states-view';

/** A row of the CodeBuild view by its exact label (or RegExp): the other views have rows named alike. */
function codebuildRow(page: Page, label: string | RegExp, description?: string | RegExp): Locator {
  return paneRow(page, 'CodeBuild', label, description);
}

/** A row with a command (a build, a batch) runs it when clicked: expandRow uses the twistie. */
async function expand(page: Page, label: string | RegExp): Promise<void> {
  await expandRow(page, codebuildRow(page, label), `the row ${String(label)}`);
}

async function filterProjects(page: Page, text: string): Promise<void> {
  await runCommand(page, 'Conveyor: Filter CodeBuild Projects');
  await answerQuickInput(page, { title: 'Filter CodeBuild projects' }, { type: text });
  await waitFor(`the CodeBuild view to show the filter "${text}"`, pane(page, 'CodeBuild').locator('.pane-body', { hasText: `Filter “${text}”` }));
}

describe('UI: CodeBuild view on the demo account', function () {
  this.timeout(300_000);
  const wb = useWorkbench({ name: 'codebuild', emulator: true });

  it('lists the projects with their last builds', async () => {
    const { page } = wb;
    await openViews(page, 'CodeBuild');
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
    await contextMenu(page, codebuildRow(page, 'orders-api-unit-tests'), 'Start Build…');
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
    const report = pane(page, 'CodeBuild').locator('.monaco-list-row', { hasText: /25 passed/ }).first();
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
    const report = pane(page, 'CodeBuild').locator('.monaco-list-row', { hasText: /\d+(\.\d+)?% lines/ }).first();
    await waitFor('a coverage report row', report);
    await report.click();
    await waitFor('the Testing view', page.locator('.sidebar .composite.title', { hasText: 'Testing' }).first(), { timeout: 60_000 });
    const coverage = pane(page, 'Test Coverage');
    await waitFor('the Test Coverage pane', coverage, { timeout: 60_000 });
    await togglePane(page, 'Test Coverage', true);
    await waitFor('a workspace file with its coverage', coverage.locator('.monaco-list-row', { hasText: /\.py/ }).first(), { timeout: 60_000 });
    await waitFor('a percentage', coverage.locator('.monaco-list-row', { hasText: /\d+(\.\d+)?%/ }).first());
    await screenshot(page, 'codebuild-test-coverage');
  });
});
