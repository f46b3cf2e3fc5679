// The Deployments view's steps the UI tests share: the view alone in the sidebar, its rows by exact label
// within its own pane (Profiler has an `orders-api` too), expanded by their twistie (a click on a deployment
// row opens its details instead), down to the demo's failed group.
import type { Locator, Page } from 'playwright-core';
import { openConveyor } from './harness';
import { expandRow, paneRow, showPanes } from './states-view';

/** A row of the Deployments view by its exact label (or RegExp) and, optionally, its description. */
export function deployRow(page: Page, label: string | RegExp, description?: string | RegExp): Locator {
  return paneRow(page, 'Deployments', label, description);
}

export async function expandDeployRow(page: Page, label: string | RegExp, description?: string | RegExp): Promise<void> {
  await expandRow(page, deployRow(page, label, description), `the row ${String(label)}`);
}

/** Opens the Conveyor container with only Deployments open, expanded down to orders-api-prod (its last deployment failed). */
export async function openFailedDeploymentGroup(page: Page): Promise<void> {
  await openConveyor(page);
  await showPanes(page, 'Deployments');
  await expandDeployRow(page, 'orders-api');
  await expandDeployRow(page, 'orders-api-prod', /last failed/);
}
