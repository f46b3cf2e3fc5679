// The Deployments view's steps the UI tests share: the view alone in the sidebar, rows expanded by their
// twistie (a click on a deployment row opens its details instead), down to the demo's failed group.
import type { Page } from 'playwright-core';
import { openConveyor, treeItem, waitFor } from './harness';

async function setPane(page: Page, title: string, open: boolean): Promise<void> {
  const header = page.locator('.sidebar .pane-header', { hasText: title }).first();
  await waitFor(`the ${title} pane`, header);
  if (((await header.getAttribute('aria-expanded')) === 'true') !== open) await header.click();
}

export async function expandDeployRow(page: Page, label: string | RegExp, description?: string | RegExp): Promise<void> {
  const row = treeItem(page, label, description);
  await waitFor(`the row ${String(label)}`, row, { timeout: 60_000 });
  if ((await row.getAttribute('aria-expanded')) !== 'true') await row.locator('.monaco-tl-twistie').click();
  await waitFor(`the row ${String(label)} to expand`, treeItem(page, label, description).and(page.locator('[aria-expanded="true"]')));
}

/** Opens the Conveyor container with only Deployments open, expanded down to orders-api-prod (its last deployment failed). */
export async function openFailedDeploymentGroup(page: Page): Promise<void> {
  await openConveyor(page);
  for (const pane of ['Pipelines', 'Artifacts', 'Profiler', 'CodeBuild']) await setPane(page, pane, false);
  await setPane(page, 'Deployments', true);
  await expandDeployRow(page, 'orders-api');
  await expandDeployRow(page, 'orders-api-prod', /last failed/);
}
